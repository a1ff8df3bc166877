import { parseArgs } from "node:util";

import { readAppsFile, readUsersFile } from "./directory.js";
import { startOktaDev, type OktaDev } from "./server.js";

const USAGE = [
  "Usage: npx tsx okta-dev/cli.ts [--port 4000]",
  "         [--users okta-dev/users.json] [--apps okta-dev/apps.json]",
].join("\n");

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "4000" },
      users: { type: "string", default: "okta-dev/users.json" },
      apps: { type: "string", default: "okta-dev/apps.json" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const port = Number(values.port);
  if (values.help || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  return { port, usersPath: values.users, appsPath: values.apps };
}

function printSummary(oktaDev: OktaDev, users: { email: string; password: string }[]): void {
  const lines = [
    `Okta stand-in running`,
    `  Dashboard (My Apps):  ${oktaDev.url}/`,
    `  Admin console:        ${oktaDev.url}/admin`,
    `  Org issuer:           ${oktaDev.orgIssuer}`,
    `  Custom issuer:        ${oktaDev.customIssuer}`,
    `  Request counters:     ${oktaDev.url}/__dev/stats`,
    ``,
    `Users (username / password):`,
    ...users.map((user) => `  ${user.email} / ${user.password}`),
  ];
  console.log(lines.join("\n"));
}

async function main(): Promise<void> {
  const { port, usersPath, appsPath } = parseOptions();
  const [users, apps] = await Promise.all([readUsersFile(usersPath), readAppsFile(appsPath)]);
  const oktaDev = await startOktaDev({ port, users, apps, host: "localhost" });
  printSummary(oktaDev, users);

  const stop = () => {
    oktaDev.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
