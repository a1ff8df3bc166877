// Runs once when a server process starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;

  const { env } = await import("@/lib/env");
  if (!env.usesEmbeddedDatabase) return;

  const { startEmbeddedDatabase } = await import("@/lib/db/embedded-database");
  const { logger } = await import("@/lib/logger");
  await startEmbeddedDatabase(env.embeddedDatabase);
  logger.info(
    { port: env.embeddedDatabase.port, dir: env.embeddedDatabase.dir },
    "embedded database ready",
  );
}
