// Finds a Chromium for the end-to-end tests: Playwright's own, else /usr/bin/chromium. Where
// there is none, it installs Debian's package when it can (root with apt-get), and otherwise
// stops with one line saying how to get one.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

function playwrightChromium() {
  try {
    const output = execFileSync(
      process.execPath,
      ["-e", "process.stdout.write(require('@playwright/test').chromium.executablePath())"],
      { encoding: "utf8" },
    );
    return existsSync(output) ? output : null;
  } catch {
    return null;
  }
}

export function ensureChromium() {
  const found =
    playwrightChromium() ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : null);
  if (found) return found;

  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium package…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }

  console.error(
    "No Chromium for the end-to-end tests: run `npx playwright install chromium`, or `sudo apt-get install chromium` on Debian/Ubuntu.",
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
