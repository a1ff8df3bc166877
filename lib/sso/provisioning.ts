import { recordAudit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import type { ProblemCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SsoConnectionForSignIn } from "@/lib/sso/connections";
import { emailDomain, normalizeEmail } from "@/lib/users/email";

export type OktaClaims = {
  sub?: unknown;
  email?: unknown;
  name?: unknown;
  given_name?: unknown;
  family_name?: unknown;
};

export type ProvisioningOutcome =
  | { ok: true; userId: string; created: boolean; linked: boolean }
  | { ok: false; code: ProblemCode; ref: string };

type Decision =
  | { kind: "sign-in"; userId: string }
  | { kind: "link"; userId: string }
  | { kind: "join"; userId: string }
  | { kind: "create" }
  | { kind: "refuse"; code: ProblemCode; reason: string };

function displayName(claims: OktaClaims, email: string) {
  if (typeof claims.name === "string" && claims.name.trim())
    return claims.name.trim().slice(0, 200);
  const parts = [claims.given_name, claims.family_name].filter(
    (part) => typeof part === "string" && part,
  );
  return parts.length ? parts.join(" ").slice(0, 200) : email.split("@")[0]!;
}

/**
 * Decides what an Okta sign-in means for our accounts. The account key is issuer + sub; the
 * email matters only to find an account that has not been linked yet, and membership is decided
 * by our rules (the team's domain, existing membership), never by `email_verified` alone.
 */
async function decide(
  connection: SsoConnectionForSignIn,
  subject: string,
  email: string,
): Promise<Decision> {
  const teamId = connection.teamId;
  const identity = await db.ssoIdentity.findUnique({
    where: { issuer_subject: { issuer: connection.issuer, subject } },
    select: { user: { select: { id: true, membership: { select: { teamId: true } } } } },
  });
  const user =
    identity?.user ??
    (await db.user.findUnique({
      where: { email },
      select: { id: true, membership: { select: { teamId: true } } },
    }));

  if (user?.membership && user.membership.teamId !== teamId) {
    return { kind: "refuse", code: "member-of-another-team", reason: "member of another team" };
  }
  if (user?.membership)
    return identity ? { kind: "sign-in", userId: user.id } : { kind: "link", userId: user.id };

  const onTeamDomain =
    Boolean(connection.team.domain) && emailDomain(email) === connection.team.domain;
  // Someone off the domain joins only when the team invited this very address.
  if (!onTeamDomain && !(await hasOpenInvitation(teamId, email))) {
    return {
      kind: "refuse",
      code: "wrong-domain",
      reason: `email domain is not ${connection.team.domain ?? "set"}`,
    };
  }
  return user ? { kind: "join", userId: user.id } : { kind: "create" };
}

async function hasOpenInvitation(teamId: string, email: string) {
  const invitation = await db.invitation.findFirst({
    where: { teamId, email, acceptedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true },
  });
  return invitation !== null;
}

/** Marks the team's open invitations for this address as accepted once they joined. */
async function closeInvitations(teamId: string, email: string) {
  await db.invitation.updateMany({
    where: { teamId, email, acceptedAt: null },
    data: { acceptedAt: new Date() },
  });
}

async function apply(
  decision: Exclude<Decision, { kind: "refuse" }>,
  connection: SsoConnectionForSignIn,
  subject: string,
  email: string,
  name: string,
) {
  const identity = { issuer: connection.issuer, subject };
  const membership = { teamId: connection.teamId, role: "MEMBER" as const };

  switch (decision.kind) {
    case "sign-in":
      return decision.userId;
    case "link":
      await db.ssoIdentity.create({ data: { ...identity, userId: decision.userId } });
      return decision.userId;
    case "join":
      await db.$transaction([
        db.membership.create({ data: { ...membership, userId: decision.userId } }),
        db.ssoIdentity.create({ data: { ...identity, userId: decision.userId } }),
      ]);
      await closeInvitations(connection.teamId, email);
      return decision.userId;
    case "create": {
      const user = await db.user.create({
        data: { email, name, membership: { create: membership }, identities: { create: identity } },
        select: { id: true },
      });
      await closeInvitations(connection.teamId, email);
      return user.id;
    }
  }
}

const previewText: Record<Decision["kind"], string> = {
  "sign-in": "sign in an existing member",
  link: "link an existing member's account",
  join: "add an existing Teamline user to the team",
  create: "create a new member",
  refuse: "be refused",
};

/** What a real sign-in with these claims would do, without doing it (for Test sign-in). */
export async function previewOktaSignIn(connection: SsoConnectionForSignIn, claims: OktaClaims) {
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const email = typeof claims.email === "string" ? normalizeEmail(claims.email) : "";
  if (!subject || !email.includes("@")) return "be refused: the ID token lacks sub or email";
  const decision = await decide(connection, subject, email);
  return decision.kind === "refuse" ? `be refused: ${decision.reason}` : previewText[decision.kind];
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Links, creates or refuses the person an Okta connection signed in. Concurrent first sign-ins
 * of one person race on unique keys (email, membership, issuer + sub); the losers decide again
 * and find the winner's account.
 */
export async function provisionOktaUser(input: {
  connection: SsoConnectionForSignIn;
  claims: OktaClaims;
  ip: string | null;
}): Promise<ProvisioningOutcome> {
  const { connection, claims, ip } = input;
  const audit = { teamId: connection.teamId, ip, detail: { issuer: connection.issuer } };
  const subject = typeof claims.sub === "string" ? claims.sub : "";
  const rawEmail = typeof claims.email === "string" ? claims.email : "";

  if (!subject) {
    const ref = await recordAudit({
      ...audit,
      action: "sso.sign_in",
      outcome: "refused",
      reason: "ID token has no sub claim",
    });
    return { ok: false, code: "id-token-invalid", ref };
  }
  if (!rawEmail.includes("@")) {
    const ref = await recordAudit({
      ...audit,
      action: "sso.sign_in",
      outcome: "refused",
      reason: "ID token has no email claim",
    });
    return { ok: false, code: "email-missing", ref };
  }

  const email = normalizeEmail(rawEmail);
  for (let attempt = 0; ; attempt++) {
    const decision = await decide(connection, subject, email);
    if (decision.kind === "refuse") {
      const ref = await recordAudit({
        ...audit,
        action: "sso.sign_in",
        outcome: "refused",
        reason: decision.reason,
        email,
      });
      return { ok: false, code: decision.code, ref };
    }

    try {
      const userId = await apply(decision, connection, subject, email, displayName(claims, email));
      const action = {
        create: "sso.jit_created",
        join: "sso.joined",
        link: "sso.linked",
        "sign-in": "sso.sign_in",
      }[decision.kind];
      if (action !== "sso.sign_in")
        await recordAudit({ ...audit, action, outcome: "success", email, actorId: userId });
      await recordAudit({
        ...audit,
        action: "sso.sign_in",
        outcome: "success",
        email,
        actorId: userId,
      });
      return {
        ok: true,
        userId,
        created: decision.kind === "create",
        linked: decision.kind !== "sign-in",
      };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
