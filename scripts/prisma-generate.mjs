// Generates the Prisma client. The Prisma CLI insists on a schema engine binary that it downloads
// from its own host even though `generate` never runs it; where that host is unreachable, any
// existing file satisfies the check.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

if (!existsSync("prisma/schema.prisma")) process.exit(0);
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
