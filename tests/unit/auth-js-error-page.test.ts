import { describe, expect, test } from "vitest";

import { problemForAuthJsError } from "@/lib/errors";

describe("problemForAuthJsError", () => {
  test("Auth.js's Configuration error gets the page for a failure on our side", () => {
    expect(problemForAuthJsError("Configuration")).toBe("sign-in-unavailable");
  });

  test("any other error type, Auth.js's or made up, gets the page for a sign-in that didn't complete", () => {
    for (const type of ["AccessDenied", "Verification", "MissingCSRF", "undefined", "", "<b>x</b>"])
      expect(problemForAuthJsError(type), type).toBe("sign-in-failed");
  });
});
