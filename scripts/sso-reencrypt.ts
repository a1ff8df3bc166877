// After rotating SSO_ENCRYPTION_KEY (old key moved to SSO_ENCRYPTION_RETIRED_KEYS), seals every
// stored client secret with the new key. Then the retired key can be removed.
async function main() {
  const { env } = await import("@/lib/env");
  const { startEmbeddedDatabase } = await import("@/lib/db/embedded-database");
  const embedded = env.usesEmbeddedDatabase
    ? await startEmbeddedDatabase(env.embeddedDatabase)
    : null;
  const { reencryptClientSecrets } = await import("@/lib/sso/reencrypt");
  const { db } = await import("@/lib/db");

  const { total, resealed } = await reencryptClientSecrets();
  console.log(`Re-sealed ${resealed} of ${total} client secrets with the current key.`);

  await db.$disconnect();
  await embedded?.stop();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
