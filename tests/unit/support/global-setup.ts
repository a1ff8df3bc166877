import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { Client } from "pg";

// Unit tests run against DATABASE_URL when it is set (CI's PostgreSQL), else a fresh embedded
// database in a temporary folder. Either way the migrations are applied first.
export default async function setup() {
  Object.assign(process.env, { NODE_ENV: "test" });
  process.env.LOG_LEVEL ??= "silent";
  process.env.SSO_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");

  const { applyMigrations } = await import("../../../lib/db/migrations");

  if (process.env.DATABASE_URL) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await applyMigrations(client);
    await client.end();
    return;
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), "teamline-unit-"));
  const port = 55_000 + Math.floor(Math.random() * 5_000);
  process.env.EMBEDDED_DB_PORT = String(port);
  process.env.EMBEDDED_DB_DIR = dir;
  const { startEmbeddedDatabase } = await import("../../../lib/db/embedded-database");
  const database = await startEmbeddedDatabase({ dir, port });

  return async () => {
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
