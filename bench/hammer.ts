import autocannon from "autocannon";

import { summarize, type Figures } from "./measure";

// One endpoint under constant load from autocannon. Its own histogram keeps whole milliseconds,
// so the percentiles come from the response times it reports per request.

let lastAddress = 0;

/** A new client address each time, as X-Forwarded-For from a load balancer would carry. */
export function nextClientIp() {
  const n = ++lastAddress;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export type HammerOptions = {
  url: string;
  connections: number;
  seconds: number;
  expectStatus: number;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
};

export async function hammer(options: HammerOptions): Promise<Figures & { unexpected: string[] }> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        method: options.method ?? "GET",
        headers: options.headers,
        body: options.body,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, "x-forwarded-for": nextClientIp() },
        }),
      },
    ],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status === options.expectStatus) times.push(time);
  });
  const result = await instance;

  const unexpected = [...statuses]
    .filter(([status]) => status !== options.expectStatus)
    .map(([status, count]) => `${count}× HTTP ${status}`);
  const failed = result.errors + result.timeouts + (result.requests.total - times.length);
  const figures = summarize({
    durations: times,
    errors: Math.max(0, failed),
    elapsedMs: result.duration * 1000,
  });
  return { ...figures, unexpected };
}
