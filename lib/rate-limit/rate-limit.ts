import { db } from "@/lib/db";

// Fixed-window counters in PostgreSQL, so every app instance sees the same counts.

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

type CounterRow = { count: number; window_start: Date };

function result(
  row: CounterRow | undefined,
  rule: RateLimitRule,
  now = Date.now(),
): RateLimitResult {
  if (!row) return { allowed: true, retryAfterSeconds: 0 };
  const windowEnds = row.window_start.getTime() + rule.windowSeconds * 1000;
  if (windowEnds <= now || row.count < rule.limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEnds - now) / 1000)) };
}

/** Counts one event against `key` and says whether it is within the limit. */
export async function consumeRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  // The clock is ours, not the database's: window_start holds UTC like every Prisma timestamp,
  // whatever time zone the database session uses.
  const now = new Date();
  const windowOpenedAfter = new Date(now.getTime() - rule.windowSeconds * 1000);
  const rows = await db.$queryRaw<CounterRow[]>`
    INSERT INTO rate_limits (key, count, window_start) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_start <= ${windowOpenedAfter}
                   THEN 1 ELSE rate_limits.count + 1 END,
      window_start = CASE WHEN rate_limits.window_start <= ${windowOpenedAfter}
                   THEN ${now} ELSE rate_limits.window_start END
    RETURNING count, window_start`;
  const row = rows[0];
  if (!row) return { allowed: true, retryAfterSeconds: 0 };
  return result({ ...row, count: row.count - 1 }, rule, now.getTime());
}

/** Says whether `key` is over its limit without counting anything. */
export async function peekRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  return result(row ? { count: row.count, window_start: row.windowStart } : undefined, rule);
}

export async function resetRateLimit(key: string) {
  await db.rateLimit.deleteMany({ where: { key } });
}
