import { env } from "@/lib/env";

/**
 * The client's address, for rate limits and the audit trail. Behind a proxy (TRUST_PROXY=true)
 * it is the first X-Forwarded-For entry; otherwise the last, which the Next.js server sets.
 */
export function requestIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for");
  if (!forwarded) return headers.get("x-real-ip");
  const entries = forwarded
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return (env.trustProxy ? entries[0] : entries.at(-1)) ?? null;
}
