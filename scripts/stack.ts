import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

// Starts the whole local stack: the database (embedded unless DATABASE_URL is set, migrated and
// seeded), the Okta stand-in, and the app. `--profile demo` serves `next dev` on :3000 with
// persistent data; `--profile e2e` serves the production build on :3100 with a fresh database.

const portOffset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const { values } = parseArgs({ options: { profile: { type: "string", default: "demo" } } });
const profile = values.profile === "e2e" ? "e2e" : "demo";

const settings = {
  demo: {
    appPort: 3000,
    oktaPort: 4000,
    dbPort: 54329,
    dbDir: ".data/pglite",
    users: "okta-dev/users.json",
    apps: "okta-dev/apps.json",
  },
  e2e: {
    appPort: 3100 + portOffset,
    oktaPort: 4100 + portOffset,
    dbPort: 54400 + portOffset,
    dbDir: `.data/e2e-pglite-${portOffset}`,
    users: "e2e/fixtures/okta-users.json",
    apps: "e2e/fixtures/okta-apps.json",
  },
}[profile];

// End-to-end tests also need a second Okta org, for a team that support connects.
const secondOkta =
  profile === "e2e"
    ? {
        port: 4101 + portOffset,
        users: "e2e/fixtures/okta2-users.json",
        apps: "e2e/fixtures/okta2-apps.json",
      }
    : null;

const appUrl = `http://localhost:${settings.appPort}`;
// Read by e2e/scale-out: what a second instance needs to join this one.
const stackEnvPath = `.data/e2e-stack-${portOffset}.json`;
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

async function demoSecrets() {
  // Stable across restarts so sessions and sealed secrets survive; never used in production.
  const file = ".data/demo-secrets.json";
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  const secrets = {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    SSO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
  await mkdir(".data", { recursive: true });
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function prepareDatabase() {
  if (process.env.DATABASE_URL) {
    if (profile === "e2e") await resetTestDatabase(process.env.DATABASE_URL);
    return;
  }
  if (profile === "e2e") await rm(settings.dbDir, { recursive: true, force: true });
}

async function resetTestDatabase(url: string) {
  // End-to-end tests need a clean slate; refuse to wipe anything not named as a test database.
  const name = new URL(url).pathname.slice(1);
  if (!/(test|e2e)/i.test(name)) {
    throw new Error(
      `Refusing to reset database "${name}" for end-to-end tests: use a database whose name contains "test" or "e2e".`,
    );
  }
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
}

function localizeApp<T extends { redirectUris: string[]; initiateLoginUri?: string }>(app: T): T {
  // The stand-in's app files name http://localhost:3000; point them at this profile's app.
  const swap = (uri: string) => uri.replace("http://localhost:3000", appUrl);
  return {
    ...app,
    redirectUris: app.redirectUris.map(swap),
    initiateLoginUri: app.initiateLoginUri && swap(app.initiateLoginUri),
  };
}

/** Where the e2e profile keeps the app's log, which a test reads to prove it leaks no secret. */
export const appLogPath = `.data/e2e-app-${portOffset}.log`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(command, args, {
    env,
    stdio: profile === "demo" ? ["ignore", "ignore", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (profile === "e2e") {
    const log = createWriteStream(appLogPath);
    for (const stream of [child.stdout, child.stderr]) {
      stream?.pipe(log);
      stream?.pipe(process.stdout);
    }
  }
  children.push(child);
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`${path.basename(args[0] ?? command)} exited (${code}); stopping.`);
      void stop(1);
    }
  });
  return child;
}

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not come up within ${timeoutMs / 1000} s`);
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  process.exit(code);
}

async function main() {
  const secrets =
    profile === "demo"
      ? await demoSecrets()
      : {
          AUTH_SECRET: randomBytes(32).toString("base64url"),
          SSO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        };
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    APP_URL: appUrl,
    EMBEDDED_DB_PORT: String(settings.dbPort),
    EMBEDDED_DB_DIR: settings.dbDir,
    NEXT_TELEMETRY_DISABLED: "1",
    // The e2e profile logs at the most verbose level: a test checks that the log leaks nothing.
    LOG_LEVEL: process.env.LOG_LEVEL ?? (profile === "demo" ? "warn" : "trace"),
    // A short Okta timeout lets the hostile specs wait out a stalled token endpoint quickly.
    OKTA_TIMEOUT_MS: process.env.OKTA_TIMEOUT_MS ?? (profile === "e2e" ? "4000" : "10000"),
  };
  Object.assign(process.env, appEnv);
  await prepareDatabase();

  // Imported only now: lib/env reads the environment set above.
  const { env } = await import("@/lib/env");
  const { startEmbeddedDatabase } = await import("@/lib/db/embedded-database");
  const { applyMigrations } = await import("@/lib/db/migrations");
  const { startOktaDev } = await import("../okta-dev/server");
  const { readAppsFile, readUsersFile } = await import("../okta-dev/directory");
  const { seed, SEED_PASSWORD, STAFF_LOGIN } = await import("./seed");

  if (env.usesEmbeddedDatabase) {
    const database = await startEmbeddedDatabase(env.embeddedDatabase);
    cleanups.push(database.stop);
  } else {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: env.databaseUrl });
    await client.connect();
    await applyMigrations(client);
    await client.end();
  }
  if (profile === "e2e") {
    // The scale-out spec starts a second app instance on this database with these secrets.
    const shared = { APP_URL: appUrl, DATABASE_URL: env.databaseUrl, ...secrets };
    await mkdir(path.dirname(stackEnvPath), { recursive: true });
    await writeFile(stackEnvPath, JSON.stringify(shared, null, 2), { mode: 0o600 });
    cleanups.push(() => rm(stackEnvPath, { force: true }));
  }

  const [users, apps] = await Promise.all([
    readUsersFile(settings.users),
    readAppsFile(settings.apps),
  ]);
  const okta = await startOktaDev({
    port: settings.oktaPort,
    host: "localhost",
    users,
    apps: apps.map(localizeApp),
  });
  cleanups.push(okta.close);
  if (secondOkta) {
    const [users2, apps2] = await Promise.all([
      readUsersFile(secondOkta.users),
      readAppsFile(secondOkta.apps),
    ]);
    const okta2 = await startOktaDev({
      port: secondOkta.port,
      host: "localhost",
      users: users2,
      apps: apps2.map(localizeApp),
    });
    cleanups.push(okta2.close);
  }

  const acmeApp = apps.find((app) => app.label.includes("Acme"));
  if (!acmeApp?.clientSecret || !acmeApp.clientId)
    throw new Error(`${settings.apps} has no Acme app with a client secret`);
  await seed({
    acme: {
      issuer: okta.issuers[acmeApp.issuer ?? "org"],
      clientId: acmeApp.clientId,
      clientSecret: acmeApp.clientSecret,
    },
  });
  const { db } = await import("@/lib/db");
  await db.$disconnect();

  const next = "node_modules/next/dist/bin/next";
  if (profile === "demo") {
    run(process.execPath, [next, "dev", "--port", String(settings.appPort)], appEnv);
  } else {
    if (!existsSync(`${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`))
      throw new Error("No production build: run `npm run build` first.");
    run(process.execPath, [next, "start", "--port", String(settings.appPort)], appEnv);
  }
  await waitFor(`${appUrl}/api/health`, 120_000);

  const lines = [
    ``,
    `Teamline is running.`,
    ``,
    `  App:                 ${appUrl}`,
    `  Okta dashboard:      ${okta.url}/   (an Okta user's tiles; click "${acmeApp.label}")`,
    `  Okta admin console:  ${okta.url}/admin   (Client ID, Client secret, issuer to copy)`,
    `  Okta org issuer:     ${okta.orgIssuer}`,
    ``,
    `Okta users (password for all: ${users[0]?.password ?? "?"}):`,
    ...users.map((user) => `  ${user.email.padEnd(26)} ${user.givenName} ${user.familyName}`),
    ``,
    `Teamline logins:`,
    `  Acme Team Owner:     olivia@acme.example, through Okta (Acme signs in with Okta only)`,
    `  Globex Team Owner:   bob@globex.example / ${SEED_PASSWORD}   (password team)`,
    `  Support console:     ${STAFF_LOGIN.email} / ${STAFF_LOGIN.password}   (${appUrl}/staff)`,
    `  Or register a new Team Owner at ${appUrl}/register`,
    ``,
    `Press Ctrl-C to stop everything.`,
  ];
  console.log(lines.join("\n"));
}

process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));
main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
