import { existsSync } from "node:fs";

import { chromium } from "@playwright/test";

// Playwright's own Chromium when it is installed, else the system's (Debian's `chromium`).
export function chromiumExecutable(): string | undefined {
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return undefined;
  } catch {
    // no bundled browser
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

// Without these, Chromium keeps calling home, which closed networks refuse over and over.
export const chromiumLaunchArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
