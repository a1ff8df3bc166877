import { describe, expect, test } from "vitest";

import { db } from "@/lib/db";
import type { SsoConnectionForSignIn } from "@/lib/sso/connections";
import { provisionOktaUser, type OktaClaims } from "@/lib/sso/provisioning";
import { createInvitation, acceptInvitation } from "@/lib/teams/invitations";

import {
  addMember,
  createConnection,
  createTeam,
  createUser,
  invitationToken,
  teamContext,
  unique,
  uniqueDomain,
} from "./support/factories";
import { testOnPostgres } from "./support/postgres-only";

const IP = "203.0.113.7";

function signIn(connection: SsoConnectionForSignIn, claims: OktaClaims) {
  return provisionOktaUser({ connection, claims, ip: IP });
}

async function oktaTeam() {
  const team = await createTeam();
  return { team, connection: await createConnection(team) };
}

/** Every row a sign-in could create or change for these people, teams and issuer. */
async function rowsAround(scope: { emails: string[]; teamIds: string[]; issuer: string }) {
  const users = await db.user.findMany({
    where: { email: { in: scope.emails } },
    orderBy: { id: "asc" },
  });
  const userIds = users.map((user) => user.id);
  const memberships = await db.membership.findMany({
    where: { OR: [{ teamId: { in: scope.teamIds } }, { userId: { in: userIds } }] },
    orderBy: { id: "asc" },
  });
  const identities = await db.ssoIdentity.findMany({
    where: { OR: [{ issuer: scope.issuer }, { userId: { in: userIds } }] },
    orderBy: { id: "asc" },
  });
  return { users, memberships, identities };
}

async function expectRefusalRecorded(
  ref: string,
  expected: { teamId: string; reason: string | RegExp; email?: string },
) {
  const event = await db.auditEvent.findUnique({ where: { ref } });
  expect(event).toMatchObject({
    action: "sso.sign_in",
    outcome: "refused",
    teamId: expected.teamId,
    ip: IP,
    email: expected.email ?? null,
  });
  expect(event?.reason).toMatch(expected.reason);
}

describe("provisionOktaUser", () => {
  test("creates a first-time user on the team's domain, with a MEMBER membership and an issuer + sub identity", async () => {
    const { team, connection } = await oktaTeam();
    const email = `ann.lee@${team.domain}`;

    const outcome = await signIn(connection, { sub: "00u-ann", email, name: "Ann Lee" });

    expect(outcome).toMatchObject({ ok: true, created: true, linked: true });
    const user = await db.user.findUnique({
      where: { email },
      include: { membership: true, identities: true },
    });
    expect(user).toMatchObject({
      id: outcome.ok && outcome.userId,
      name: "Ann Lee",
      passwordHash: null,
    });
    expect(user?.membership).toMatchObject({ teamId: team.id, role: "MEMBER" });
    expect(user?.identities).toEqual([
      expect.objectContaining({ issuer: connection.issuer, subject: "00u-ann" }),
    ]);
    const created = await db.auditEvent.findFirst({
      where: { teamId: team.id, action: "sso.jit_created", actorId: user?.id },
    });
    expect(created).toMatchObject({ outcome: "success", email });
  });

  test("stores a new user's email lower-cased and names them from given and family name when there is no name", async () => {
    const { team, connection } = await oktaTeam();

    const outcome = await signIn(connection, {
      sub: "00u-bo",
      email: `  Bo.Chen@${team.domain!.toUpperCase()} `,
      given_name: "Bo",
      family_name: "Chen",
    });

    expect(outcome.ok).toBe(true);
    const user = await db.user.findUnique({ where: { email: `bo.chen@${team.domain}` } });
    expect(user?.name).toBe("Bo Chen");
  });

  test("links an existing member whose email differs only in letter case", async () => {
    const { team, connection } = await oktaTeam();
    const member = await createUser({ email: `cy@${team.domain}` });
    await addMember(team.id, member.id);

    const outcome = await signIn(connection, {
      sub: "00u-cy",
      email: `CY@${team.domain!.toUpperCase()}`,
    });

    expect(outcome).toEqual({ ok: true, userId: member.id, created: false, linked: true });
    expect(await db.ssoIdentity.findMany({ where: { userId: member.id } })).toEqual([
      expect.objectContaining({ issuer: connection.issuer, subject: "00u-cy" }),
    ]);
    expect(await db.user.count({ where: { email: { endsWith: `@${team.domain}` } } })).toBe(1);
  });

  test("adds an existing account without a team on the team's domain, and links it", async () => {
    const { team, connection } = await oktaTeam();
    const person = await createUser({ email: `di@${team.domain}` });

    const outcome = await signIn(connection, { sub: "00u-di", email: `Di@${team.domain}` });

    expect(outcome).toEqual({ ok: true, userId: person.id, created: false, linked: true });
    expect(await db.membership.findUnique({ where: { userId: person.id } })).toMatchObject({
      teamId: team.id,
      role: "MEMBER",
    });
  });

  test("refuses a member of another team, and nothing is created or changed", async () => {
    const { team, connection } = await oktaTeam();
    const otherTeam = await createTeam({ domain: null });
    const email = `ed@${team.domain}`;
    const person = await createUser({ email });
    await addMember(otherTeam.id, person.id);
    const scope = { emails: [email], teamIds: [team.id, otherTeam.id], issuer: connection.issuer };
    const before = await rowsAround(scope);

    const outcome = await signIn(connection, { sub: "00u-ed", email: `Ed@${team.domain}` });

    expect(outcome).toMatchObject({ ok: false, code: "member-of-another-team" });
    expect(await rowsAround(scope)).toEqual(before);
    await expectRefusalRecorded(outcome.ok ? "" : outcome.ref, {
      teamId: team.id,
      reason: "member of another team",
      email,
    });
  });

  test("refuses an email of another domain (wrong-domain), and nothing is created", async () => {
    const { team, connection } = await oktaTeam();
    const email = `fay@${uniqueDomain()}`;
    const scope = { emails: [email], teamIds: [team.id], issuer: connection.issuer };
    const before = await rowsAround(scope);

    const outcome = await signIn(connection, { sub: "00u-fay", email });

    expect(outcome).toMatchObject({ ok: false, code: "wrong-domain" });
    expect(await rowsAround(scope)).toEqual(before);
    await expectRefusalRecorded(outcome.ok ? "" : outcome.ref, {
      teamId: team.id,
      reason: `email domain is not ${team.domain}`,
      email,
    });
  });

  test("lets an invited address off the team's domain join through Okta, closing the invitation", async () => {
    const { team, connection } = await oktaTeam();
    const owner = await teamContext(team, `owner@${team.domain}`, "OWNER");
    const email = `contractor@${uniqueDomain()}`;
    await createInvitation(owner, email);

    const outcome = await signIn(connection, { sub: "00u-contractor", email, name: "Con Tractor" });

    expect(outcome).toMatchObject({ ok: true, created: true });
    const user = await db.user.findUnique({
      where: { email },
      select: { membership: { select: { teamId: true } } },
    });
    expect(user?.membership?.teamId).toBe(team.id);
    expect(await db.invitation.count({ where: { teamId: team.id, email, acceptedAt: null } })).toBe(
      0,
    );
  });

  test("refuses a new person when the team has no domain of its own", async () => {
    const team = await createTeam({ domain: null });
    const connection = await createConnection(team);
    const email = `gus@${uniqueDomain()}`;

    const outcome = await signIn(connection, { sub: "00u-gus", email });

    expect(outcome).toMatchObject({ ok: false, code: "wrong-domain" });
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
    await expectRefusalRecorded(outcome.ok ? "" : outcome.ref, {
      teamId: team.id,
      reason: /domain/,
      email,
    });
  });

  test.each<[string, OktaClaims]>([
    ["no email claim", { sub: "00u-hal" }],
    ["an email claim that is not a string", { sub: "00u-hal", email: 42 }],
    ["an email claim without an @", { sub: "00u-hal", email: "hal" }],
  ])("refuses a token with %s (email-missing), and nothing is created", async (_title, claims) => {
    const { team, connection } = await oktaTeam();
    const scope = { emails: [], teamIds: [team.id], issuer: connection.issuer };
    const before = await rowsAround(scope);

    const outcome = await signIn(connection, claims);

    expect(outcome).toMatchObject({ ok: false, code: "email-missing" });
    expect(await rowsAround(scope)).toEqual(before);
    await expectRefusalRecorded(outcome.ok ? "" : outcome.ref, {
      teamId: team.id,
      reason: "ID token has no email claim",
    });
  });

  test("signs in the same user by issuer + sub even when the email claim changed", async () => {
    const { team, connection } = await oktaTeam();
    const first = await signIn(connection, { sub: "00u-ivy", email: `ivy@${team.domain}` });

    const second = await signIn(connection, { sub: "00u-ivy", email: `ivy.new@${team.domain}` });

    expect(first.ok).toBe(true);
    expect(second).toEqual({
      ok: true,
      userId: first.ok && first.userId,
      created: false,
      linked: false,
    });
    expect(await db.user.findUnique({ where: { email: `ivy.new@${team.domain}` } })).toBeNull();
    expect(await db.ssoIdentity.count({ where: { issuer: connection.issuer } })).toBe(1);
  });

  testOnPostgres(
    "50 concurrent first sign-ins of one new person yield one user, one membership and one identity",
    async () => {
      const { team, connection } = await oktaTeam();
      const email = `jo@${team.domain}`;

      const outcomes = await Promise.all(
        Array.from({ length: 50 }, () => signIn(connection, { sub: "00u-jo", email, name: "Jo" })),
      );

      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
      const userIds = new Set(outcomes.map((outcome) => outcome.ok && outcome.userId));
      expect(userIds.size).toBe(1);
      expect(outcomes.filter((outcome) => outcome.ok && outcome.created)).toHaveLength(1);
      const rows = await rowsAround({
        emails: [email],
        teamIds: [team.id],
        issuer: connection.issuer,
      });
      expect(rows.users).toHaveLength(1);
      expect(rows.memberships).toHaveLength(1);
      expect(rows.identities).toHaveLength(1);
    },
  );

  testOnPostgres(
    "an Okta sign-in and another team's invitation racing for one person end with one membership, the other refused",
    async () => {
      const rounds = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const { team, connection } = await oktaTeam();
          const otherTeam = await createTeam({ domain: null });
          const owner = await teamContext(otherTeam, `owner@${uniqueDomain()}`, "OWNER");
          const email = `kim-${unique()}@${team.domain}`;
          const person = await createUser({ email });
          const token = invitationToken(await createInvitation(owner, email));

          const [okta, invitation] = await Promise.allSettled([
            signIn(connection, { sub: "00u-kim", email }),
            acceptInvitation(person, token),
          ]);
          return { team, otherTeam, person, okta, invitation };
        }),
      );

      for (const { team, otherTeam, person, okta, invitation } of rounds) {
        expect(okta.status).toBe("fulfilled");
        expect(invitation.status).toBe("fulfilled");
        if (okta.status !== "fulfilled" || invitation.status !== "fulfilled") continue;

        const membership = await db.membership.findMany({ where: { userId: person.id } });
        expect(membership).toHaveLength(1);
        if (membership[0]!.teamId === team.id) {
          expect(okta.value.ok).toBe(true);
          expect(invitation.value).toMatchObject({ ok: false, reason: "other-team" });
        } else {
          expect(membership[0]!.teamId).toBe(otherTeam.id);
          expect(invitation.value.ok).toBe(true);
          expect(okta.value).toMatchObject({ ok: false, code: "member-of-another-team" });
        }
      }
    },
  );
});
