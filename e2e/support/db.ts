import { Client } from "pg";

// The end-to-end stack's database, for arranging data and for asserting that a refusal wrote
// nothing. The sign-in path itself is only ever driven through the browser.
import { E2E_DATABASE_URL } from "./urls";

export async function query<T extends Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function count(sql: string, params: unknown[] = []): Promise<number> {
  const rows = await query<{ count: string }>(sql, params);
  return Number(rows[0]?.count ?? 0);
}
