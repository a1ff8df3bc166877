import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";
import { readFile } from "node:fs/promises";

import type { Page } from "@playwright/test";

import { APP_URL } from "../support/urls";

// A second Teamline instance beside the end-to-end stack's, as a second server behind one load
// balancer: the same build, database, AUTH_SECRET, SSO_ENCRYPTION_KEY and APP_URL (the public
// origin, from which the redirect URI registered at Okta is built), on a port of its own.

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
// Far from the stack's ports (app 3100, Okta 4100-4101, database 54400, plus the offset).
export const SECOND_INSTANCE_URL = `http://localhost:${5100 + offset}`;
// Written by scripts/stack.ts --profile e2e.
const STACK_ENV = `.data/e2e-stack-${offset}.json`;

type StackEnv = {
  APP_URL: string;
  DATABASE_URL: string;
  AUTH_SECRET: string;
  SSO_ENCRYPTION_KEY: string;
};

export type SecondInstance = {
  url: string;
  /** What the instance has logged so far (its audit lines carry each event's reference). */
  log: () => Promise<string>;
  stop: () => Promise<void>;
};

async function waitForHealth(child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the second instance exited (${child.exitCode})`);
    const healthy = await fetch(`${SECOND_INSTANCE_URL}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${SECOND_INSTANCE_URL} was not healthy within ${timeoutMs / 1000} s`);
}

export async function startSecondInstance(): Promise<SecondInstance> {
  const shared = JSON.parse(await readFile(STACK_ENV, "utf8")) as StackEnv;
  if (shared.APP_URL !== APP_URL) throw new Error(`${STACK_ENV} belongs to another stack`);

  const port = new URL(SECOND_INSTANCE_URL).port;
  const logPath = `.data/e2e-second-instance-${offset}.log`;
  const log = openSync(logPath, "w");
  // The database URL is explicit, so this instance never starts an embedded database itself.
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--port", port],
    {
      env: { ...process.env, ...shared, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", log, log],
    },
  );
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };

  try {
    await waitForHealth(child, 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: SECOND_INSTANCE_URL, log: () => readFile(logPath, "utf8"), stop };
}

/**
 * Plays the load balancer for one browser: requests to the public origin that `toSecond` picks
 * go to the second instance, with X-Forwarded-Host naming the public host as a proxy would; the
 * rest reach the first. Playwright's page.route() never sees a request that follows a redirect,
 * and a sign-in is a chain of redirects, so this intercepts through Chromium's own Fetch domain,
 * where the changed URL stays invisible to the page. Returns what the second instance served,
 * as "GET /team".
 */
export async function balance(
  page: Page,
  toSecond: (request: { method: string; url: URL }) => boolean,
) {
  const served: string[] = [];
  const cdp = await page.context().newCDPSession(page);

  cdp.on("Fetch.requestPaused", ({ requestId, request }) => {
    const url = new URL(request.url);
    const method = request.method;
    if (!toSecond({ method, url })) {
      void cdp.send("Fetch.continueRequest", { requestId }).catch(() => {});
      return;
    }
    served.push(`${method} ${url.pathname}`);
    const headers = Object.entries(request.headers).map(([name, value]) => ({ name, value }));
    headers.push({ name: "X-Forwarded-Host", value: url.host });
    void cdp
      .send("Fetch.continueRequest", {
        requestId,
        url: `${SECOND_INSTANCE_URL}${url.pathname}${url.search}`,
        headers,
      })
      .catch(() => {});
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: `${APP_URL}/*` }] });
  return served;
}
