import { performance } from "node:perf_hooks";

import { CookieJar } from "./cookie-jar";

// A scripted browser: fetch with a cookie jar, following redirects by hand the way a browser
// does (a 303, or a 301/302 after a POST, turns into a GET), so every hop is visible.

const MAX_REDIRECTS = 15;

/** One request of a visit; `ms` runs until its headers arrived (the last one's body too). */
export type Hop = { method: string; url: URL; status: number; ms: number };
export type Visit = { response: Response; body: string; url: URL; hops: Hop[] };

export class BrowserError extends Error {
  name = "BrowserError";
  constructor(
    message: string,
    readonly hops: Hop[],
  ) {
    super(
      `${message}\n  ${hops.map((h) => `${h.method} ${h.url.href} → ${h.status}`).join("\n  ")}`,
    );
  }
}

export class ScriptedBrowser {
  readonly jar = new CookieJar();

  /**
   * @param ip sent as X-Forwarded-For, as a load balancer would (the app runs with
   *   TRUST_PROXY=true), so per-address rate limits see many people rather than one.
   */
  constructor(public ip: string) {}

  async request(
    url: URL,
    init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {},
  ) {
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-for", this.ip);
    const cookie = this.jar.header(url);
    if (cookie) headers.set("cookie", cookie);

    const response = await fetch(url, {
      method: init.method ?? "GET",
      headers,
      body: init.body,
      redirect: "manual",
    });
    this.jar.store(response.headers.getSetCookie(), url);
    return response;
  }

  /** Requests `url` and follows its redirects; the final response's body is read. */
  async visit(
    start: string | URL,
    init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {},
  ): Promise<Visit> {
    const hops: Hop[] = [];
    let url = new URL(start);
    let method = init.method ?? "GET";
    let current = init;

    for (;;) {
      const started = performance.now();
      const response = await this.request(url, { ...current, method });
      const hop = { method, url, status: response.status, ms: performance.now() - started };
      hops.push(hop);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) {
        const body = await response.text();
        hop.ms = performance.now() - started;
        return { response, body, url, hops };
      }

      await response.body?.cancel();
      if (hops.length > MAX_REDIRECTS) throw new BrowserError("too many redirects", hops);
      url = new URL(location, url);
      if (response.status === 303 || (response.status <= 302 && method === "POST")) {
        method = "GET";
        current = { headers: init.headers };
      }
    }
  }
}
