import { randomBytes } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role, Visibility } from "@/lib/generated/prisma/enums";
import type { SsoConnectionForSignIn } from "@/lib/sso/connections";
import type { InvitationResult } from "@/lib/teams/invitations";
import { canManageTeam } from "@/lib/teams/roles";
import type { TeamContext } from "@/lib/teams/team-context";
import { teamSelect } from "@/lib/teams/teams";
import { userSelect } from "@/lib/users/users";

// Rows for unit tests. Everything is named with a fresh suffix: CI runs against one database
// that keeps earlier runs' rows, and no test may see another's.

export function unique(prefix = "t") {
  return `${prefix}-${randomBytes(6).toString("hex")}`;
}

/** A company domain nobody else uses (`.example` is never a public mail provider). */
export function uniqueDomain() {
  return `${unique("acme")}.example`;
}

export async function createTeam(
  options: { domain?: string | null; defaultVisibility?: Visibility } = {},
) {
  const name = unique("team");
  return db.team.create({
    data: {
      name,
      slug: name,
      domain: options.domain === undefined ? uniqueDomain() : options.domain,
      defaultVisibility: options.defaultVisibility ?? "PRIVATE",
    },
    select: teamSelect,
  });
}

export async function createUser(options: { email: string; name?: string; password?: string }) {
  return db.user.create({
    data: {
      email: options.email,
      name: options.name ?? options.email.split("@")[0]!,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    },
    select: userSelect,
  });
}

export async function addMember(teamId: string, userId: string, role: Role = "MEMBER") {
  await db.membership.create({ data: { teamId, userId, role } });
}

/** A team's member as team-scoped lib functions receive them. */
export async function teamContext(
  team: Awaited<ReturnType<typeof createTeam>>,
  email: string,
  role: Role,
): Promise<TeamContext> {
  const user = await createUser({ email });
  await addMember(team.id, user.id, role);
  return { user, team, role, canManage: canManageTeam(role) };
}

/** The token in the link createInvitation made; a refusal fails the test. */
export function invitationToken(result: InvitationResult) {
  if (!result.ok) throw new Error(`The invitation was refused: ${result.reason}`);
  return result.link.split("/invite/")[1]!;
}

/** An Okta connection row for the team, and the object a sign-in hands to provisioning. */
export async function createConnection(
  team: Awaited<ReturnType<typeof createTeam>>,
  options: { enabled?: boolean } = {},
): Promise<SsoConnectionForSignIn> {
  const row = await db.ssoConnection.create({
    data: {
      teamId: team.id,
      issuer: `https://${unique("org")}.okta.example`,
      clientId: unique("0oa"),
      // Provisioning never opens the secret; a sign-in object carries it in clear.
      clientSecret: "sealed-secret-not-used-here",
      secretLast4: "here",
      enabled: options.enabled ?? true,
    },
  });
  return {
    id: row.id,
    teamId: row.teamId,
    issuer: row.issuer,
    clientId: row.clientId,
    secretLast4: row.secretLast4,
    enabled: row.enabled,
    testedAt: row.testedAt,
    updatedAt: row.updatedAt,
    clientSecret: "x",
    team: {
      id: team.id,
      name: team.name,
      slug: team.slug,
      domain: team.domain,
      defaultVisibility: team.defaultVisibility,
    },
  };
}
