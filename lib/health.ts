import { db } from "@/lib/db";

/** Ready means the database answers. */
export async function checkHealth() {
  try {
    await db.$queryRaw`SELECT 1`;
    return { ok: true as const };
  } catch {
    return { ok: false as const };
  }
}
