import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";

import { startOktaDev, type OktaApp, type OktaDev, type OktaUser } from "../okta-dev/server";

// What both apps are measured against: secrets, a clean database, the Okta stand-in with the
// benchmark's people and one app integration per app under test.

export const OKTA_PASSWORD = "Bench-okta-1";
// The seeded team, Acme, owns this domain, so a new Okta user on it joins Acme just in time.
export const TEAM_EMAIL_DOMAIN = "acme.example";

export type Ports = { app: number; baseline: number; okta: number; embeddedDb: number };

export function benchPorts(offset: number): Ports {
  return {
    app: 3700 + offset,
    baseline: 3701 + offset,
    okta: 4700 + offset,
    embeddedDb: 54700 + offset,
  };
}

export function newSecrets() {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SSO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

/**
 * Empties the database the app will use: the embedded one's folder, or the public schema of
 * DATABASE_URL, which must be named as a throwaway database.
 */
export async function resetDatabase(databaseUrl: string | undefined, embeddedDir: string) {
  if (!databaseUrl) {
    await rm(embeddedDir, { recursive: true, force: true });
    return;
  }

  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/(bench|test|e2e)/i.test(name)) {
    throw new Error(
      `Refusing to empty database "${name}" for the benchmark: use one whose name contains "bench" or "test".`,
    );
  }
  const { Client } = await import("pg");
  const { applyMigrations } = await import("@/lib/db/migrations");
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await applyMigrations(client);
  } finally {
    await client.end();
  }
}

export type Cohorts = {
  /** Existing members, one per concurrent user at the highest level. */
  members: OktaUser[];
  /** Brand-new people, one per just-in-time sign-in, for Teamline and for the baseline. */
  newcomers: OktaUser[];
  baselineNewcomers: OktaUser[];
  /** The 200 first sign-ins at once, then the long run. */
  crowd: OktaUser[];
};

export type OktaSetup = {
  okta: OktaDev;
  cohorts: Cohorts;
  appClient: OktaApp;
  baselineClient: OktaApp;
};

export async function startOkta(
  ports: Ports,
  sizes: { members: number; newcomers: number; crowd: number },
): Promise<OktaSetup> {
  const okta = await startOktaDev({ port: ports.okta, host: "localhost" });
  const person = async (kind: string, index: number) =>
    okta.addUser({
      email: `bench-${kind}-${String(index).padStart(5, "0")}@${TEAM_EMAIL_DOMAIN}`,
      givenName: "Bench",
      familyName: `${kind} ${index}`,
      password: OKTA_PASSWORD,
    });
  const cohort = async (kind: string, size: number) => {
    const users: OktaUser[] = [];
    for (let index = 0; index < size; index++) users.push(await person(kind, index));
    return users;
  };
  const cohorts: Cohorts = {
    members: await cohort("member", sizes.members),
    newcomers: await cohort("jit", sizes.newcomers),
    baselineNewcomers: await cohort("jitb", sizes.newcomers),
    crowd: await cohort("load", sizes.crowd),
  };
  const everyone = Object.values(cohorts)
    .flat()
    .map((user) => user.id);

  const appUrl = `http://localhost:${ports.app}`;
  const baselineUrl = `http://localhost:${ports.baseline}`;
  const appClient = await okta.addApp({
    label: "Teamline — Bench",
    issuer: "org",
    redirectUris: [`${appUrl}/api/auth/callback/okta`],
    initiateLoginUri: `${appUrl}/sso/okta/initiate`,
    assignedUsers: everyone,
  });
  const baselineClient = await okta.addApp({
    label: "Baseline",
    issuer: "org",
    redirectUris: [`${baselineUrl}/api/auth/callback/okta`],
    assignedUsers: everyone,
  });
  return { okta, cohorts, appClient, baselineClient };
}

/** Sums an outbound request kind over both issuers. */
export function outbound(okta: OktaDev) {
  const stats = okta.stats();
  const total = (kind: keyof typeof stats) => stats[kind].org + stats[kind].default;
  return { discovery: total("discovery"), jwks: total("jwks"), token: total("token") };
}
