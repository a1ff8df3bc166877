import { db } from "@/lib/db";
import { emailDomain } from "@/lib/users/email";
import { openSecret, sealSecret } from "@/lib/sso/secret-box";

// The sealed client secret is selected only where a sign-in needs it.
export const connectionSelect = {
  id: true,
  teamId: true,
  issuer: true,
  clientId: true,
  secretLast4: true,
  enabled: true,
  testedAt: true,
  updatedAt: true,
} as const;

export type SsoConnectionSummary = {
  id: string;
  teamId: string;
  issuer: string;
  clientId: string;
  secretLast4: string;
  enabled: boolean;
  testedAt: Date | null;
  updatedAt: Date;
};

const teamForSignInSelect = {
  id: true,
  name: true,
  slug: true,
  domain: true,
  defaultVisibility: true,
} as const;

export type SsoConnectionForSignIn = SsoConnectionSummary & {
  clientSecret: string;
  team: {
    id: string;
    name: string;
    slug: string;
    domain: string | null;
    defaultVisibility: "PUBLIC" | "PRIVATE";
  };
};

/** A connection with its team (one joined query) and its client secret opened, for a sign-in. */
async function getConnectionForSignIn(
  where: { id: string } | { issuer: string },
): Promise<SsoConnectionForSignIn | null> {
  const row = await db.ssoConnection.findUnique({
    where,
    select: { ...connectionSelect, clientSecret: true, team: { select: teamForSignInSelect } },
  });
  return row ? { ...row, clientSecret: openSecret(row.clientSecret) } : null;
}

export function getConnectionById(id: string) {
  return getConnectionForSignIn({ id });
}

/** Third-party-initiated login names its issuer in `iss`; it must equal a stored one exactly. */
export function getConnectionByIssuer(issuer: string) {
  return getConnectionForSignIn({ issuer });
}

export function getTeamConnection(teamId: string): Promise<SsoConnectionSummary | null> {
  return db.ssoConnection.findUnique({ where: { teamId }, select: connectionSelect });
}

/** The team whose SSO is on and whose domain is this email's, if any. */
export function getSsoTeamForEmail(email: string) {
  const domain = emailDomain(email);
  if (!domain) return Promise.resolve(null);
  return db.ssoConnection.findFirst({
    where: { enabled: true, team: { domain } },
    select: { ...connectionSelect, team: { select: teamForSignInSelect } },
  });
}

export type ConnectionInput = { issuer: string; clientId: string; clientSecret?: string };

/**
 * Creates or replaces a team's connection. A blank secret keeps the stored one. Any change asks
 * for a new Test sign-in before SSO can be switched on by the team.
 */
export async function saveConnection(teamId: string, input: ConnectionInput) {
  const secret = input.clientSecret
    ? { clientSecret: sealSecret(input.clientSecret), secretLast4: input.clientSecret.slice(-4) }
    : null;

  const existing = await db.ssoConnection.findUnique({ where: { teamId }, select: { id: true } });
  if (existing) {
    return db.ssoConnection.update({
      where: { teamId },
      data: { issuer: input.issuer, clientId: input.clientId, ...secret, testedAt: null },
      select: connectionSelect,
    });
  }
  if (!secret) throw new Error("A new connection needs a client secret.");
  return db.ssoConnection.create({
    data: { teamId, issuer: input.issuer, clientId: input.clientId, ...secret },
    select: connectionSelect,
  });
}

export function setConnectionEnabled(teamId: string, enabled: boolean) {
  return db.ssoConnection.update({
    where: { teamId },
    data: { enabled },
    select: connectionSelect,
  });
}

export function markConnectionTested(connectionId: string) {
  return db.ssoConnection.update({
    where: { id: connectionId },
    data: { testedAt: new Date() },
    select: connectionSelect,
  });
}

export async function isIssuerTakenByAnotherTeam(issuer: string, teamId: string) {
  const owner = await db.ssoConnection.findUnique({ where: { issuer }, select: { teamId: true } });
  return owner !== null && owner.teamId !== teamId;
}
