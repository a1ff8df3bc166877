import type { Floor } from "./floors";
import type { Figures } from "./measure";

// The printed table and the shape of bench/results.json.

type Outbound = { discovery: number; jwks: number; token: number };
type EndpointFigures = Figures & { unexpected: string[]; cpuMsPerOperation: number };
type SideFigures = Figures & {
  outbound: Outbound;
  failures: string[];
  cpuMsPerOperation: number;
  /** Median duration of each step of the sign-in: start, Okta, callback, signed-in page. */
  steps: { step: string; p50: number }[];
};

export type SignInRow = {
  flow: "member" | "jit";
  concurrency: number;
  iterations: number;
  app: SideFigures;
  baseline: SideFigures;
};

export type Report = {
  machine: Record<string, unknown>;
  startedAt: string;
  seconds: number;
  endpoints: {
    name: string;
    connections: number;
    app: EndpointFigures | null;
    baseline: EndpointFigures | null;
    outbound: Outbound;
  }[];
  signIns: SignInRow[];
  floors: Floor[];
  load: Figures & {
    concurrent: number;
    failures: string[];
    users: number;
    memberships: number;
    outbound: Outbound;
  };
  memory: {
    target: number;
    signIns: number;
    errors: number;
    failures: string[];
    stoppedByTimeBudget: boolean;
    timeBudgetSeconds: number;
    concurrency: number;
    batches: {
      signIns: number;
      rssMiB: number;
      embeddedDatabaseRssMiB: number | null;
      seconds: number;
    }[];
  };
};

// Targets from the brief: full sign-in within 1.15× the baseline, Initiate within 1.5× a plain
// redirect at p50, no discovery or key fetch per sign-in once caches are warm.
export const SIGN_IN_TARGET = 1.15;
export const INITIATE_TARGET = 1.5;

export function ratio(ours: number, theirs: number) {
  return Math.round((ours / theirs) * 100) / 100;
}

function table(header: string[], rows: (string | number)[][]) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ");
  return [
    line(cells[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.slice(1).map(line),
  ].join("\n");
}

const verdict = (value: number, target: number) => (value <= target ? "met" : "MISSED");

export function printReport(report: Report) {
  const out: string[] = [];
  out.push("", `Machine: ${JSON.stringify(report.machine)}`, "");

  out.push(
    "Endpoints under autocannon (latency in ms; cpu = server CPU ms per request; × = Teamline ÷ baseline)",
  );
  out.push(
    table(
      [
        "endpoint",
        "conns",
        "req/s",
        "p50",
        "p99",
        "err",
        "cpu",
        "base req/s",
        "base p50",
        "base p99",
        "base cpu",
        "p50 ×",
      ],
      report.endpoints.map((e) => [
        e.name,
        e.connections,
        e.app?.perSecond ?? "—",
        e.app?.p50 ?? "—",
        e.app?.p99 ?? "—",
        e.app ? e.app.errors : "—",
        e.app?.cpuMsPerOperation ?? "—",
        e.baseline?.perSecond ?? "—",
        e.baseline?.p50 ?? "—",
        e.baseline?.p99 ?? "—",
        e.baseline?.cpuMsPerOperation ?? "—",
        e.app && e.baseline ? ratio(e.app.p50, e.baseline.p50) : "—",
      ]),
    ),
    "",
  );

  out.push(
    "Full sign-in, tile click to signed-in page (ms; cpu = server CPU ms per sign-in; disc/keys = Okta discovery and key fetches per sign-in)",
  );
  out.push(
    table(
      [
        "flow",
        "users",
        "n",
        "p50",
        "p99",
        "/s",
        "err",
        "cpu",
        "disc/keys",
        "base p50",
        "base p99",
        "base /s",
        "base cpu",
        "base disc/keys",
        "p50 ×",
        "p99 ×",
      ],
      report.signIns.map((row) => [
        row.flow === "member" ? "existing member" : "new user (JIT)",
        row.concurrency,
        row.iterations,
        row.app.p50,
        row.app.p99,
        row.app.perSecond,
        row.app.errors,
        row.app.cpuMsPerOperation,
        `${row.app.outbound.discovery}/${row.app.outbound.jwks}`,
        row.baseline.p50,
        row.baseline.p99,
        row.baseline.perSecond,
        row.baseline.cpuMsPerOperation,
        `${row.baseline.outbound.discovery}/${row.baseline.outbound.jwks}`,
        ratio(row.app.p50, row.baseline.p50),
        ratio(row.app.p99, row.baseline.p99),
      ]),
    ),
    "",
  );

  out.push("Where a sign-in's time goes: median ms of each step, Teamline / baseline");
  const stepNames = ["start", "Okta authorize", "callback", "signed-in page"];
  out.push(
    table(
      ["flow", "users", ...stepNames],
      report.signIns.map((row) => {
        const median = (figures: SideFigures, step: string) =>
          figures.steps.find((s) => s.step === step)?.p50 ?? "—";
        return [
          row.flow === "member" ? "existing member" : "new user (JIT)",
          row.concurrency,
          ...stepNames.map((step) => `${median(row.app, step)} / ${median(row.baseline, step)}`),
        ];
      }),
    ),
    "",
  );

  const { load, memory } = report;
  out.push(
    `${load.concurrent} concurrent first sign-ins: ${load.errors} errors, ${load.users} users, ${load.memberships} memberships, p50 ${load.p50} ms, p99 ${load.p99} ms`,
  );
  out.push(
    `Long run: ${memory.signIns} of ${memory.target} sign-ins at ${memory.concurrency} concurrent users, ${memory.errors} errors` +
      (memory.stoppedByTimeBudget
        ? ` (stopped by the ${memory.timeBudgetSeconds} s time budget)`
        : ""),
  );
  out.push(
    `  next-server RSS (MiB): ${memory.batches.map((b) => `${b.signIns}: ${b.rssMiB}`).join(", ")}`,
  );
  if (memory.batches[0]?.embeddedDatabaseRssMiB !== null) {
    const database = memory.batches.map((b) => `${b.signIns}: ${b.embeddedDatabaseRssMiB}`);
    out.push(`  embedded database process RSS (MiB): ${database.join(", ")}`);
  }
  out.push("");

  out.push("In-process floors (the benchmark's own process, nothing else running; ms per call)");
  out.push(
    table(
      ["step", "calls", "wall", "cpu"],
      report.floors.map((floor) => [floor.name, floor.calls, floor.wallMs, floor.cpuMs]),
    ),
  );
  out.push("");

  out.push("Targets");
  for (const row of report.signIns) {
    const p50 = ratio(row.app.p50, row.baseline.p50);
    const p99 = ratio(row.app.p99, row.baseline.p99);
    out.push(
      `  ${row.flow} sign-in at ${row.concurrency}: p50 ${p50}× ${verdict(p50, SIGN_IN_TARGET)}, p99 ${p99}× ${verdict(p99, SIGN_IN_TARGET)} (target ≤ ${SIGN_IN_TARGET}×)`,
    );
  }
  for (const e of report.endpoints.filter((e) => e.name.endsWith("a plain redirect"))) {
    const p50 = e.app && e.baseline ? ratio(e.app.p50, e.baseline.p50) : Number.NaN;
    out.push(
      `  Initiate p50 at ${e.connections} connection(s): ${p50}× a plain redirect ${verdict(p50, INITIATE_TARGET)} (target ≤ ${INITIATE_TARGET}×)`,
    );
  }
  const initiate = report.endpoints.filter((e) => e.name.startsWith("Initiate login URI"));
  const initiateRequests = initiate.reduce((sum, e) => sum + (e.app?.count ?? 0), 0);
  const initiateFetches = initiate.reduce(
    (sum, e) => sum + e.outbound.discovery + e.outbound.jwks + e.outbound.token,
    0,
  );
  out.push(
    `  Okta requests made by the Initiate login URI over ${initiateRequests} requests: ${initiateFetches === 0 ? "0, met" : `${initiateFetches}, MISSED`}`,
  );
  const fetches = report.signIns.reduce(
    (sum, r) => sum + r.app.outbound.discovery + r.app.outbound.jwks,
    0,
  );
  out.push(
    `  discovery + key fetches per Teamline sign-in, warm: ${fetches === 0 ? "0, met" : `${fetches}, MISSED`}`,
  );
  out.push(
    `  ${load.concurrent} concurrent first sign-ins: ${load.errors} errors, ${load.users} users, ${load.memberships} memberships, ${load.errors === 0 && load.users === load.concurrent && load.memberships === load.concurrent ? "met" : "MISSED"}`,
  );
  const processes = [
    ["app", memory.batches.map((batch) => batch.rssMiB)],
    ["embedded database", memory.batches.map((batch) => batch.embeddedDatabaseRssMiB)],
  ] as const;
  for (const [name, readings] of processes) {
    if (readings.some((value) => value === null)) continue;
    const growth = memoryGrowth(readings as number[]);
    if (!growth) continue;
    out.push(
      `  ${name} RSS, second half of the long run against the first: ${growth.mib >= 0 ? "+" : ""}${growth.mib} MiB (${growth.percent}%), ${growth.percent < MEMORY_GROWTH_LIMIT_PERCENT ? "flat" : "GROWING"} (limit ${MEMORY_GROWTH_LIMIT_PERCENT}%)`,
    );
  }
  const failures = [
    ...report.signIns.flatMap((r) => [...r.app.failures, ...r.baseline.failures]),
    ...load.failures,
    ...memory.failures,
  ];
  if (failures.length) out.push("", "First failures:", ...failures.slice(0, 5));
  console.log(out.join("\n"));
}

// The app's resident memory swings with garbage collection; a leak shows as a later half that
// sits higher than the earlier one.
const MEMORY_GROWTH_LIMIT_PERCENT = 10;

/** Mean RSS of the long run's later readings against its earlier ones, past the first. */
function memoryGrowth(readings: number[]) {
  const measured = readings.slice(1);
  if (measured.length < 4) return null;
  const half = Math.floor(measured.length / 2);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const earlier = mean(measured.slice(0, half));
  const later = mean(measured.slice(measured.length - half));
  return {
    mib: Math.round(later - earlier),
    percent: Math.round(((later - earlier) / earlier) * 1000) / 10,
  };
}
