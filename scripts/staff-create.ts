import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";

// Usage: npm run staff:create -- EMAIL [--name "Full Name"] [--password PASSWORD]
// Without --password a strong one is generated and printed once.
async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, password: { type: "string" } },
  });
  const email = positionals[0];
  if (!email || !email.includes("@")) {
    console.error(
      'Usage: npm run staff:create -- EMAIL [--name "Full Name"] [--password PASSWORD]',
    );
    process.exit(2);
  }

  const { env } = await import("@/lib/env");
  const { startEmbeddedDatabase } = await import("@/lib/db/embedded-database");
  const embedded = env.usesEmbeddedDatabase
    ? await startEmbeddedDatabase(env.embeddedDatabase)
    : null;
  const { upsertStaffAccount } = await import("@/lib/users/staff");
  const { db } = await import("@/lib/db");

  const password = values.password ?? randomBytes(15).toString("base64url");
  const staff = await upsertStaffAccount({
    email,
    name: values.name ?? "Teamline Support",
    password,
  });
  console.log(`Staff account ready: ${staff.email}`);
  if (!values.password) console.log(`Password (shown once): ${password}`);

  await db.$disconnect();
  await embedded?.stop();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
