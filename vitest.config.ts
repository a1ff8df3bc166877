import path from "node:path";

import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(__dirname)}/` },
      // `server-only` throws outside React Server Components; unit tests call that code directly.
      {
        find: /^server-only$/,
        replacement: path.resolve(__dirname, "tests/unit/support/empty-module.ts"),
      },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/unit/support/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // One database for the whole run; files run one after another to keep PGlite unhurried.
    fileParallelism: false,
    // next-auth imports `next/server` without the extension Node's resolver needs; Vite's has none.
    server: { deps: { inline: ["next-auth"] } },
  },
});
