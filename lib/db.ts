import { PrismaPg } from "@prisma/adapter-pg";

import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  // The embedded database runs one query at a time; a small pool avoids queueing behind itself.
  const adapter = new PrismaPg({
    connectionString: env.databaseUrl,
    max: env.usesEmbeddedDatabase ? 4 : 10,
  });
  return new PrismaClient({ adapter });
}

// One client per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { teamlineDb?: PrismaClient };

export const db = globalForDb.teamlineDb ?? createClient();

if (!env.isProduction) globalForDb.teamlineDb = db;
