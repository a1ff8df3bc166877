import { startEmbeddedDatabase } from "@/lib/db/embedded-database";

// The embedded database in a process of its own, so the benchmark reads the app server's memory
// apart from the database's. The app finds it already listening and uses it, as a second app
// instance on one machine does. Started by bench/run.ts; stops with SIGTERM.

async function main() {
  const [port, dir] = process.argv.slice(2);
  const database = await startEmbeddedDatabase({ port: Number(port), dir: dir ?? "" });
  process.once("SIGTERM", () => void database.stop().finally(() => process.exit(0)));
  process.stdout.write("ready\n");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
