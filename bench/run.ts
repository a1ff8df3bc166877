import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { parseArgs } from "node:util";

import type { OktaDev, OktaUser } from "../okta-dev/server";

import type { ScriptedBrowser } from "./browser";
import { oktaSignedInBrowser, signInSteps, tileSignIn } from "./flows";
import { hammer, nextClientIp, type HammerOptions } from "./hammer";
import { merge, noSamples, percentile, runConcurrently, summarize } from "./measure";
import { printReport, type Report, type SignInRow } from "./report";
import {
  buildApp,
  cpuTimeMs,
  residentMemoryMiB,
  startApp,
  startEmbeddedDatabaseProcess,
  type RunningServer,
} from "./servers";
import {
  benchPorts,
  type Cohorts,
  newSecrets,
  OKTA_PASSWORD,
  outbound,
  resetDatabase,
  startOkta,
  TEAM_EMAIL_DOMAIN,
} from "./setup";
import { measureFloors } from "./floors";
import { emailStepRequest, signInActionId } from "./sign-in-action";

// `npm run bench`: Teamline's sign-in paths against a minimal NextAuth app, both production
// builds on this machine, both signing in at the same local Okta stand-in. See
// the README's Performance section for what is measured and why.

const { values: flags } = parseArgs({
  options: {
    "skip-build": { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    "sign-ins": { type: "string", default: "10000" },
    "memory-seconds": { type: "string", default: "900" },
    // Writes V8 CPU profiles of both servers to .data/bench/profiles (open in Chrome DevTools).
    "cpu-prof": { type: "boolean", default: false },
  },
});

const LEVELS = [1, 8, 32] as const;
const SIDES = ["app", "baseline"] as const;
type Side = (typeof SIDES)[number];
const ITERATIONS: Record<number, number> = flags.quick
  ? { 1: 12, 8: 32, 32: 64 }
  : { 1: 48, 8: 160, 32: 256 };
const CROWD = 200;
const HAMMER_SECONDS = flags.quick ? 3 : 6;
const LONG_RUN_SIGN_INS = Number(flags["sign-ins"]);
const LONG_RUN_BATCH = 1_000;
const LONG_RUN_SECONDS = Number(flags["memory-seconds"]);
const LONG_RUN_CONCURRENCY = 32;

const DIST_DIR = ".next-bench";
const BASELINE_DIR = "bench/baseline";
const LOG_DIR = ".data/bench";
const EMBEDDED_DB_DIR = ".data/bench-pglite";

const started = Date.now();
const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);
// Other work on the machine slows both apps alike but widens the spread; it is reported.
const loadAverageAtStart = loadAverage();
const stoppers: (() => Promise<void>)[] = [];

function progress(message: string) {
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`[bench ${String(seconds).padStart(3)} s] ${message}\n`);
}

async function main() {
  const ports = benchPorts(Number(process.env.BENCH_PORT_OFFSET ?? 0));
  const appUrl = `http://localhost:${ports.app}`;
  const baselineUrl = `http://localhost:${ports.baseline}`;
  const databaseUrl = process.env.DATABASE_URL;
  const secrets = newSecrets();

  // The app and this script share one environment; lib/env reads it on first import.
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    APP_URL: appUrl,
    EMBEDDED_DB_PORT: String(ports.embeddedDb),
    EMBEDDED_DB_DIR,
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    // Behind a load balancer, as in production; each scripted user has its own address.
    TRUST_PROXY: "true",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  Object.assign(process.env, appEnv);
  await mkdir(LOG_DIR, { recursive: true });

  if (!flags["skip-build"]) {
    progress("building Teamline (next build) …");
    await buildApp({ env: appEnv, log: `${LOG_DIR}/build-app.log` });
    progress("building the baseline …");
    await buildApp({ dir: BASELINE_DIR, env: appEnv, log: `${LOG_DIR}/build-baseline.log` });
  }

  const iterationsNeeded = LEVELS.reduce((sum, level) => sum + ITERATIONS[level]!, 0);
  const { okta, cohorts, appClient, baselineClient } = await startOkta(ports, {
    members: Math.max(...LEVELS),
    newcomers: iterationsNeeded,
    crowd: CROWD,
  });
  stoppers.push(okta.close);
  progress(`Okta stand-in on ${okta.url} with ${Object.values(cohorts).flat().length} people`);

  await resetDatabase(databaseUrl, EMBEDDED_DB_DIR);
  const database = databaseUrl
    ? null
    : await startEmbeddedDatabaseProcess({
        port: ports.embeddedDb,
        dir: EMBEDDED_DB_DIR,
        env: appEnv,
        log: `${LOG_DIR}/embedded-database.log`,
      });
  if (database) stoppers.push(database.stop);
  const nodeArgs = flags["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${LOG_DIR}/profiles`] : [];
  const appServer = await startApp({
    nodeArgs,
    port: ports.app,
    env: appEnv,
    log: `${LOG_DIR}/app.log`,
    readyPath: "/api/health",
  });
  stoppers.push(appServer.stop);
  const baselineServer = await startApp({
    nodeArgs,
    dir: BASELINE_DIR,
    port: ports.baseline,
    env: {
      ...appEnv,
      BASELINE_OKTA_ISSUER: okta.orgIssuer,
      BASELINE_OKTA_CLIENT_ID: baselineClient.clientId,
      BASELINE_OKTA_CLIENT_SECRET: baselineClient.clientSecret ?? "",
    },
    log: `${LOG_DIR}/baseline.log`,
    readyPath: "/redirect",
  });
  stoppers.push(baselineServer.stop);
  progress(
    `Teamline on ${appUrl} (${databaseUrl ? "PostgreSQL" : "embedded database"}), baseline on ${baselineUrl}`,
  );

  // Imported only now: lib/env reads the environment set above.
  const { seed } = await import("../scripts/seed");
  const { db } = await import("@/lib/db");
  stoppers.push(() => db.$disconnect());
  await seed({
    acme: {
      issuer: okta.orgIssuer,
      clientId: appClient.clientId,
      clientSecret: appClient.clientSecret ?? "",
    },
  });
  const team = await db.team.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } });

  const initiateUrl = `${appUrl}/sso/okta/initiate?iss=${encodeURIComponent(okta.orgIssuer)}`;
  const targets = {
    app: { start: initiateUrl, landing: "/team" },
    baseline: { start: `${baselineUrl}/start`, landing: "/me" },
  };
  const steps: StepLog = { app: new Map(), baseline: new Map() };
  const signIn = (side: Side) => async (browser: ScriptedBrowser) => {
    // Every sign-in comes from an address of its own, as people reach a load balancer, so the
    // audit trail records a client address that varies as it would in production.
    browser.ip = nextClientIp();
    const visit = await tileSignIn(browser, targets[side].start, targets[side].landing);
    for (const { step, ms } of signInSteps(visit, targets[side].landing)) {
      steps[side].set(step, [...(steps[side].get(step) ?? []), ms]);
    }
  };
  const browsersFor = (people: OktaUser[]) =>
    Promise.all(
      people.map((person) =>
        oktaSignedInBrowser(
          okta.url,
          { email: person.email, password: OKTA_PASSWORD },
          nextClientIp(),
        ),
      ),
    );
  const bench: Bench = {
    okta,
    appUrl,
    baselineUrl,
    initiateUrl,
    servers: { app: appServer, baseline: baselineServer },
    signIn,
    steps,
    browsersFor,
  };

  // Warm-up: the members' first sign-ins make them members (just in time) and fill every cache.
  // Each app gets its own browsers: cookies belong to a host, not a port, so one browser signed
  // in to both apps on localhost would have one overwrite the other's session cookie.
  const members = {
    app: await browsersFor(cohorts.members),
    baseline: await browsersFor(cohorts.members),
  };
  for (const side of SIDES) {
    const { errors, failures } = await runConcurrently(members[side], 8, signIn(side));
    if (errors) throw new Error(`warm-up of ${side} failed:\n${failures.join("\n")}`);
  }
  progress("warmed up");

  const endpoints = await measureEndpoints(bench, members);
  const signIns = await measureSignIns(bench, members, cohorts, async () => {
    // Keep the team the same size for the next level: the newcomers leave again.
    await db.membership.deleteMany({
      where: { teamId: team.id, user: { email: { startsWith: "bench-jit-" } } },
    });
  });

  const owner = await db.user.findFirstOrThrow({ where: { membership: { isNot: null } } });
  const floors = await measureFloors({
    db,
    issuer: okta.orgIssuer,
    userId: owner.id,
    calls: flags.quick ? 500 : 2_000,
  });
  progress("in-process floors: done");

  // 200 first sign-ins at once, then a long run of sign-ins while watching memory.
  const crowd = await browsersFor(cohorts.crowd);
  okta.resetStats();
  const crowdRun = await runConcurrently(crowd, CROWD, signIn("app"));
  const crowdWhere = { email: { startsWith: "bench-load-" } };
  const load = {
    concurrent: CROWD,
    ...summarize(crowdRun),
    failures: crowdRun.failures,
    users: await db.user.count({ where: crowdWhere }),
    memberships: await db.membership.count({ where: { teamId: team.id, user: crowdWhere } }),
    outbound: outbound(okta),
  };
  progress(
    `${CROWD} concurrent first sign-ins: ${load.errors} errors, ${load.users} users, ${load.memberships} memberships`,
  );

  const memory = await longRun(appServer, database, crowd, signIn("app"));

  const report: Report = {
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      loadAverageAtStart,
      loadAverageAtEnd: loadAverage(),
      node: process.version,
      database: databaseUrl ? "postgresql" : "embedded (PGlite)",
    },
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    endpoints,
    signIns,
    floors,
    load,
    memory,
  };
  printReport(report);
  await writeFile("bench/results.json", `${JSON.stringify(report, null, 2)}\n`);
  progress("wrote bench/results.json");
}

type Bench = {
  okta: OktaDev;
  appUrl: string;
  baselineUrl: string;
  initiateUrl: string;
  servers: Record<Side, RunningServer>;
  signIn: (side: Side) => (browser: ScriptedBrowser) => Promise<void>;
  /** Durations of each step of the sign-ins since it was last cleared, per app. */
  steps: StepLog;
  browsersFor: (people: OktaUser[]) => Promise<ScriptedBrowser[]>;
};
type Members = Record<Side, ScriptedBrowser[]>;
type StepLog = Record<Side, Map<string, number[]>>;
type Target = Omit<HammerOptions, "connections" | "seconds">;

/** Single endpoints under autocannon, each app's in turn. */
async function measureEndpoints(bench: Bench, members: Members) {
  const { okta, appUrl, baselineUrl, servers } = bench;
  const memberCookie = members.app[0]!.jar.header(new URL(`${appUrl}/team`)) ?? "";
  const baselineCookie = members.baseline[0]!.jar.header(new URL(`${baselineUrl}/me`)) ?? "";
  const actionId = await signInActionId(DIST_DIR);
  const lookup = await emailStepRequest(appUrl, actionId, `someone@${TEAM_EMAIL_DOMAIN}`);
  const lookupCheck = await fetch(`${appUrl}/sign-in`, { ...lookup, redirect: "manual" });
  await lookupCheck.body?.cancel();
  if (!lookupCheck.headers.get("x-action-redirect")?.startsWith(okta.orgIssuer)) {
    throw new Error(`the sign-in action did not send an ${TEAM_EMAIL_DOMAIN} address to Okta`);
  }

  const endpoints: Report["endpoints"] = [];
  const measure = async (
    name: string,
    connections: number,
    app: Target,
    baseline: Target | null,
  ) => {
    const load = { connections, seconds: HAMMER_SECONDS };
    // The baseline's last requests of the phase before may still be asking Okta for discovery.
    await oktaQuiet(okta);
    okta.resetStats();
    const ours = await withServerCpu(servers.app, () => hammer({ ...app, ...load }));
    await oktaQuiet(okta);
    const outboundAtApp = outbound(okta);
    const theirs = baseline
      ? await withServerCpu(servers.baseline, () => hammer({ ...baseline, ...load }))
      : null;
    endpoints.push({ name, connections, app: ours, baseline: theirs, outbound: outboundAtApp });
    progress(`${name}, ${connections} connection(s): done`);
  };

  for (const connections of [1, 8]) {
    await measure(
      "Initiate login URI vs a plain redirect",
      connections,
      { url: bench.initiateUrl, expectStatus: 303 },
      { url: `${baselineUrl}/redirect`, expectStatus: 303 },
    );
  }
  // The baseline's own sign-in start does what the Initiate login URI does minus the database.
  for (const connections of [1, 8]) {
    await measure(
      "Initiate login URI vs the baseline's sign-in start",
      connections,
      { url: bench.initiateUrl, expectStatus: 303 },
      { url: `${baselineUrl}/start`, expectStatus: 307 },
    );
  }
  await measure("Sign-in page GET", 8, { url: `${appUrl}/sign-in`, expectStatus: 200 }, null);
  await measure(
    "Email lookup (sign-in action) → Okta",
    8,
    // A 200 carrying the redirect to Okta in x-action-redirect, as the check above saw.
    { url: `${appUrl}/sign-in`, expectStatus: 200, ...lookup },
    null,
  );
  await measure(
    "Signed-in page GET (/team vs /me)",
    8,
    { url: `${appUrl}/team`, expectStatus: 200, headers: { cookie: memberCookie } },
    { url: `${baselineUrl}/me`, expectStatus: 200, headers: { cookie: baselineCookie } },
  );
  return endpoints;
}

/**
 * Full sign-ins by the scripted browser at each level, for members and newcomers. Teamline and
 * the baseline take turns in rounds, so a burst of other work on the machine lands on both.
 */
async function measureSignIns(
  bench: Bench,
  members: Members,
  cohorts: Cohorts,
  afterNewcomers: () => Promise<void>,
) {
  const { okta, servers, signIn, steps } = bench;
  const signIns: SignInRow[] = [];
  const newcomers = {
    app: await bench.browsersFor(cohorts.newcomers),
    baseline: await bench.browsersFor(cohorts.baselineNewcomers),
  };
  let newcomerOffset = 0;

  for (const level of LEVELS) {
    const iterations = ITERATIONS[level]!;
    const rounds = Math.max(1, Math.min(4, Math.floor(iterations / (4 * level))));
    const perRound = Math.floor(iterations / rounds);
    for (const flow of ["member", "jit"] as const) {
      const samples = { app: noSamples(), baseline: noSamples() };
      const cpuMs = { app: 0, baseline: 0 };
      const fetches = { app: noFetches(), baseline: noFetches() };
      for (let round = 0; round < rounds; round++) {
        for (const side of round % 2 ? SIDES.toReversed() : SIDES) {
          const first = newcomerOffset + round * perRound;
          const contexts =
            flow === "member"
              ? Array.from({ length: perRound }, () => null)
              : newcomers[side].slice(first, first + perRound);
          okta.resetStats();
          if (round === 0) steps[side].clear();
          const cpuBefore = await cpuTimeMs(servers[side].pid);
          const run = await runConcurrently(contexts, level, (browser, worker) =>
            signIn(side)(browser ?? members[side][worker]!),
          );
          cpuMs[side] += (await cpuTimeMs(servers[side].pid)) - cpuBefore;
          fetches[side] = addFetches(fetches[side], outbound(okta));
          samples[side] = merge(samples[side], run);
        }
      }

      const figuresOf = (side: Side) => {
        const figures = summarize(samples[side]);
        return {
          ...figures,
          cpuMsPerOperation: perOperation(cpuMs[side], figures.count),
          outbound: perSignIn(fetches[side], figures.count),
          steps: [...steps[side]].map(([step, durations]) => ({
            step,
            p50:
              Math.round(
                percentile(
                  durations.toSorted((a, b) => a - b),
                  50,
                ) * 10,
              ) / 10,
          })),
          failures: samples[side].failures,
        };
      };
      const row: SignInRow = {
        flow,
        concurrency: level,
        iterations: perRound * rounds,
        app: figuresOf("app"),
        baseline: figuresOf("baseline"),
      };
      signIns.push(row);
      progress(
        `${flow} sign-in at ${level}: Teamline p50 ${row.app.p50} ms, baseline p50 ${row.baseline.p50} ms`,
      );
      if (flow === "jit") await afterNewcomers();
    }
    newcomerOffset += perRound * rounds;
  }
  return signIns;
}

const perOperation = (cpuMs: number, count: number) =>
  count ? Math.round((cpuMs / count) * 10) / 10 : 0;

/** Waits until the stand-in has served no discovery, key or token request for a while. */
async function oktaQuiet(okta: OktaDev, quietMs = 300) {
  const total = () => Object.values(outbound(okta)).reduce((sum, count) => sum + count, 0);
  for (let last = -1, now = total(); now !== last; last = now, now = total()) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

/** Runs `measure` and adds the server's CPU time per operation it completed. */
async function withServerCpu<T extends { count: number }>(
  server: RunningServer,
  measure: () => Promise<T>,
) {
  const before = await cpuTimeMs(server.pid);
  const result = await measure();
  const used = (await cpuTimeMs(server.pid)) - before;
  return { ...result, cpuMsPerOperation: perOperation(used, result.count) };
}

type Fetches = ReturnType<typeof outbound>;
const noFetches = (): Fetches => ({ discovery: 0, jwks: 0, token: 0 });
const addFetches = (a: Fetches, b: Fetches): Fetches => ({
  discovery: a.discovery + b.discovery,
  jwks: a.jwks + b.jwks,
  token: a.token + b.token,
});

function perSignIn(counts: Fetches, signIns: number) {
  const per = (value: number) => (signIns ? Math.round((value / signIns) * 1000) / 1000 : 0);
  return { discovery: per(counts.discovery), jwks: per(counts.jwks), token: per(counts.token) };
}

/** Sign-ins by the crowd, in batches, with the server's resident memory after each batch. */
async function longRun(
  app: RunningServer,
  database: RunningServer | null,
  crowd: ScriptedBrowser[],
  signIn: (browser: ScriptedBrowser) => Promise<void>,
) {
  const deadline = Date.now() + LONG_RUN_SECONDS * 1000;
  const databaseMiB = async () => (database ? await residentMemoryMiB(database.pid) : null);
  const batches = [
    {
      signIns: 0,
      rssMiB: await residentMemoryMiB(app.pid),
      embeddedDatabaseRssMiB: await databaseMiB(),
      seconds: 0,
    },
  ];
  const runStarted = Date.now();
  let done = 0;
  let errors = 0;
  const failures: string[] = [];

  while (done < LONG_RUN_SIGN_INS && Date.now() < deadline) {
    const size = Math.min(LONG_RUN_BATCH, LONG_RUN_SIGN_INS - done);
    // Each concurrent user takes its own members of the crowd, so no browser signs in twice at once.
    const contexts = Array.from({ length: size }, (_, i) => i);
    const result = await runConcurrently(contexts, LONG_RUN_CONCURRENCY, (i, worker) => {
      const own = crowd.filter((_, index) => index % LONG_RUN_CONCURRENCY === worker);
      return signIn(own[Math.floor(i / LONG_RUN_CONCURRENCY) % own.length]!);
    });
    done += result.durations.length + result.errors;
    errors += result.errors;
    failures.push(...result.failures.slice(0, 3 - failures.length));
    batches.push({
      signIns: done,
      rssMiB: await residentMemoryMiB(app.pid),
      embeddedDatabaseRssMiB: await databaseMiB(),
      seconds: Math.round((Date.now() - runStarted) / 1000),
    });
    progress(`long run: ${done} sign-ins, RSS ${batches.at(-1)!.rssMiB} MiB`);
  }
  return {
    target: LONG_RUN_SIGN_INS,
    signIns: done,
    errors,
    failures,
    stoppedByTimeBudget: done < LONG_RUN_SIGN_INS,
    timeBudgetSeconds: LONG_RUN_SECONDS,
    concurrency: LONG_RUN_CONCURRENCY,
    batches,
  };
}

async function cleanUp() {
  for (const stop of stoppers.reverse()) await stop().catch(() => {});
}

process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));
main()
  .then(cleanUp)
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  });
