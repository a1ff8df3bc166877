import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";

// Building and running the two Next.js apps under test as production servers.

const NEXT_BIN = "node_modules/next/dist/bin/next";
// USER_HZ, which Linux fixes at 100 on every architecture Node runs on.
const CLOCK_TICKS_PER_SECOND = 100;

export type RunningServer = { url: string; pid: number; stop: () => Promise<void> };

/**
 * `next build` of one app. Next rewrites tsconfig.json when the build folder is not `.next`
 * (it adds the folder's types to `include`); the file is put back as it was.
 */
export async function buildApp(options: { dir?: string; env: NodeJS.ProcessEnv; log: string }) {
  const tsconfig = "tsconfig.json";
  const before = await readFile(tsconfig, "utf8");
  try {
    const args = [NEXT_BIN, "build", ...(options.dir ? [options.dir] : [])];
    const out = openSync(options.log, "w");
    const { status } = spawnSync(process.execPath, args, {
      env: options.env,
      stdio: ["ignore", out, out],
    });
    if (status !== 0)
      throw new Error(`next build ${options.dir ?? "."} failed; see ${options.log}`);
  } finally {
    if ((await readFile(tsconfig, "utf8")) !== before) await writeFile(tsconfig, before);
  }
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      const response = await fetch(url, { redirect: "manual" });
      await response.body?.cancel();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** `next start` on `port`; the pid is the next-server process itself, whose RSS we read. */
export async function startApp(options: {
  dir?: string;
  port: number;
  env: NodeJS.ProcessEnv;
  log: string;
  readyPath: string;
  /** Flags for node itself, e.g. --cpu-prof to see where a server spends its time. */
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const out = openSync(options.log, "w");
  const args = [
    ...(options.nodeArgs ?? []),
    NEXT_BIN,
    "start",
    ...(options.dir ? [options.dir] : []),
    "--port",
    String(options.port),
  ];
  const child = spawn(process.execPath, args, { env: options.env, stdio: ["ignore", out, out] });
  const url = `http://localhost:${options.port}`;

  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitFor(`${url}${options.readyPath}`, child, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

/** Resident set size of a process, in MiB (VmRSS in /proc/PID/status). */
export async function residentMemoryMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return Math.round((kib / 1024) * 10) / 10;
}

/** CPU time a process has used so far (user + system), in ms, from /proc/PID/stat. */
export async function cpuTimeMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which may contain spaces: utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * The embedded database (PGlite) in its own process, migrated, listening on `port`. Inside the
 * app server it would grow the server's memory with its own.
 */
export async function startEmbeddedDatabaseProcess(options: {
  port: number;
  dir: string;
  env: NodeJS.ProcessEnv;
  log: string;
}): Promise<RunningServer> {
  const out = openSync(options.log, "w");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "bench/embedded-database.ts", String(options.port), options.dir],
    { env: options.env, stdio: ["ignore", "pipe", out] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the embedded database exited (${code})`)));
    child.stdout?.once("data", () => resolve());
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return { url: `postgresql://postgres@127.0.0.1:${options.port}/postgres`, pid: child.pid!, stop };
}
