import { Client } from "pg";

import { startEmbeddedDatabase } from "@/lib/db/embedded-database";
import { applyMigrations } from "@/lib/db/migrations";
import { env } from "@/lib/env";

// Brings the configured database (DATABASE_URL, else the embedded one) up to date.
async function main() {
  const embedded = env.usesEmbeddedDatabase
    ? await startEmbeddedDatabase(env.embeddedDatabase)
    : null;
  const client = new Client({ connectionString: env.databaseUrl });
  await client.connect();
  try {
    const applied = await applyMigrations(client);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  } finally {
    await client.end();
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
