import { randomUUID } from "node:crypto";

import { describe, expect, test } from "vitest";

import { db } from "@/lib/db";
import {
  consumeRateLimit,
  peekRateLimit,
  resetRateLimit,
  type RateLimitRule,
} from "@/lib/rate-limit/rate-limit";

const RULE: RateLimitRule = { limit: 3, windowSeconds: 60 };

// Keys are unique per test: CI's database keeps the rows of earlier runs.
const newKey = () => `unit-test:${randomUUID()}`;

async function consumeTimes(key: string, times: number, rule = RULE) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await consumeRateLimit(key, rule));
  return results;
}

describe("rate limit", () => {
  test("allows up to the limit, then refuses with a positive retry-after within the window", async () => {
    const key = newKey();

    const allowed = await consumeTimes(key, RULE.limit);
    const refused = await consumeRateLimit(key, RULE);

    expect(allowed.map((result) => result.allowed)).toEqual([true, true, true]);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(RULE.windowSeconds);
  });

  test("peeking counts nothing", async () => {
    const key = newKey();

    for (let i = 0; i < 10; i++) expect((await peekRateLimit(key, RULE)).allowed).toBe(true);
    const consumed = await consumeTimes(key, RULE.limit);

    expect(consumed.every((result) => result.allowed)).toBe(true);
  });

  test("peeking sees a key that has reached its limit", async () => {
    const key = newKey();

    await consumeTimes(key, RULE.limit - 1);
    expect(await peekRateLimit(key, RULE)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    await consumeRateLimit(key, RULE);
    const peeked = await peekRateLimit(key, RULE);

    expect(peeked.allowed).toBe(false);
    expect(peeked.retryAfterSeconds).toBeGreaterThan(0);
  });

  test("reset clears the count", async () => {
    const key = newKey();
    await consumeTimes(key, RULE.limit + 1);

    await resetRateLimit(key);

    expect((await peekRateLimit(key, RULE)).allowed).toBe(true);
    expect((await consumeTimes(key, RULE.limit)).every((result) => result.allowed)).toBe(true);
  });

  test("separate keys are counted independently", async () => {
    const busy = newKey();
    const quiet = newKey();

    await consumeTimes(busy, RULE.limit + 1);

    expect((await peekRateLimit(busy, RULE)).allowed).toBe(false);
    expect((await peekRateLimit(quiet, RULE)).allowed).toBe(true);
    expect((await consumeRateLimit(quiet, RULE)).allowed).toBe(true);
  });

  test("a new window starts once the old one has passed", async () => {
    const key = newKey();
    await consumeTimes(key, RULE.limit + 1);

    await db.rateLimit.update({
      where: { key },
      data: { windowStart: new Date(Date.now() - (RULE.windowSeconds + 1) * 1000) },
    });

    expect((await peekRateLimit(key, RULE)).allowed).toBe(true);
    expect((await consumeTimes(key, RULE.limit)).every((result) => result.allowed)).toBe(true);
    expect((await consumeRateLimit(key, RULE)).allowed).toBe(false);
  });

  test("concurrent consumes let exactly the limit through", async () => {
    const key = newKey();
    const rule = { limit: 10, windowSeconds: 60 };

    const results = await Promise.all(
      Array.from({ length: 20 }, () => consumeRateLimit(key, rule)),
    );

    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    expect((await db.rateLimit.findUnique({ where: { key } }))?.count).toBe(20);
  });
});
