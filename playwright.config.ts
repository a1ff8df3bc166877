import { defineConfig, devices } from "@playwright/test";

import { chromiumExecutable, chromiumLaunchArgs } from "./e2e/support/chromium";
import { APP_URL } from "./e2e/support/urls";

// The suite runs against the whole local stack: the production build on :3100, a fresh database,
// and two Okta stand-ins (:4100, :4101). Nothing in the sign-in path is mocked.
export default defineConfig({
  testDir: "./e2e",
  // A suite on shifted ports (E2E_PORT_OFFSET) keeps its own artifacts too.
  outputDir: process.env.E2E_PORT_OFFSET
    ? `./test-results-${process.env.E2E_PORT_OFFSET}`
    : "./test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumLaunchArgs },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["setup"],
      testIgnore: /.*\.setup\.ts/,
    },
  ],
  webServer: {
    command: "npx tsx scripts/stack.ts --profile e2e",
    url: `${APP_URL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
