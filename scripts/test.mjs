// `npm test`: every check, in the order CI runs them. Stops at the first failure.
import { spawnSync } from "node:child_process";

import { ensureChromium } from "./ensure-chromium.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["Format", "npx", ["prettier", "--check", "."]],
  ["Lint", "npx", ["eslint", "."]],
  ["Types", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["Unit tests", "npx", ["vitest", "run"]],
  ["Production build", process.execPath, ["node_modules/next/dist/bin/next", "build"]],
  ["End-to-end tests", "npx", ["playwright", "test"]],
];

const only = process.argv.slice(2);
const started = Date.now();
const results = [];
for (const [name, command, args] of steps) {
  if (only.length && !only.some((word) => name.toLowerCase().includes(word))) continue;
  if (name === "End-to-end tests") ensureChromium();

  console.log(`\n▶ ${name}`);
  const stepStarted = Date.now();
  const { status } = spawnSync(command, args, { stdio: "inherit", env });
  results.push([name, status === 0, Math.round((Date.now() - stepStarted) / 1000)]);
  if (status !== 0) break;
}

console.log("\nSummary");
for (const [name, ok, seconds] of results)
  console.log(`  ${ok ? "✓" : "✗"} ${name} (${seconds} s)`);
const failed = results.filter(([, ok]) => !ok).length;
console.log(`  total ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed || results.length === 0 ? 1 : 0);
