import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { env } from "@/lib/env";
import { safeLocalPath } from "@/lib/urls";

const APP = env.appUrl;

/** The property every answer holds: nothing, or a path a browser resolves to our own origin. */
function staysHome(result: string | null) {
  if (result === null) return true;
  return (
    result.startsWith("/") &&
    !result.startsWith("//") &&
    !result.includes("\\") &&
    new URL(result, APP).origin === APP &&
    // A browser resolves a Location header against the page it is on, not against APP_URL.
    new URL(result, "https://elsewhere.example/some/page").origin === "https://elsewhere.example"
  );
}

describe("safeLocalPath", () => {
  test.each([
    ["/team", "/team"],
    ["/team/sso?tab=okta#issuer", "/team/sso?tab=okta#issuer"],
    ["/", "/"],
    [`${APP}/templates?page=2`, "/templates?page=2"],
    [APP, "/"],
  ])("accepts %s on our own origin as %s", (value, expected) => {
    expect(safeLocalPath(value)).toBe(expected);
  });

  test.each([
    ["an absolute URL on another host", "https://evil.example/team"],
    ["our host on another port", `${new URL(APP).protocol}//${new URL(APP).hostname}:1/team`],
    ["our host under another scheme", APP.replace(/^https?:/, "ftp:") + "/team"],
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/team"],
    ["a backslash after the slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil"],
    ["a dot segment that leaves a double slash", "/.//evil.example"],
    ["a parent segment that leaves a double slash", "/..//evil.example"],
    ["our origin followed by a double slash", `${APP}//evil.example`],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a tab inside the path", "/\t/evil.example"],
    ["a newline inside the path", "/team\nLocation: https://evil.example"],
    ["a NUL character", "/team\u0000"],
    ["a relative path without a leading slash", "team"],
    ["a value longer than 2048 characters", `/${"a".repeat(2048)}`],
    ["an empty value", ""],
  ])("rejects %s", (_title, value) => {
    expect(safeLocalPath(value)).toBeNull();
  });

  test("rejects a missing value", () => {
    expect(safeLocalPath(null)).toBeNull();
    expect(safeLocalPath(undefined)).toBeNull();
  });

  test("keeps a plain path of ordinary segments exactly as it was given", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const value = `/${segments.join("/")}`;
        expect(safeLocalPath(value)).toBe(value);
      }),
    );
  });

  test("whatever string goes in, what comes out is null or a single-slash path on our origin", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 64 }), (value) => {
        expect(staysHome(safeLocalPath(value))).toBe(true);
      }),
    );
  });

  test("whatever URL-like value goes in, what comes out is null or a single-slash path on our origin", () => {
    // Strings assembled from the pieces open redirects are made of find the corners faster
    // than random text does.
    const piece = fc.constantFrom(
      "/",
      "//",
      "\\",
      ".",
      "..",
      "./",
      "../",
      "%2F",
      "%5C",
      "%2e",
      "@",
      ":",
      "?",
      "#",
      "\t",
      "\n",
      " ",
      "evil.example",
      "team",
      "javascript:",
      "http:",
      "https:",
      APP,
      new URL(APP).host,
    );
    const value = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join("")),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webPath().map((webPath) => `${APP}${webPath}`),
    );
    fc.assert(
      fc.property(value, (candidate) => {
        expect(staysHome(safeLocalPath(candidate)), JSON.stringify(candidate)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
