import { SignJWT } from "jose";
import { describe, expect, test, vi } from "vitest";

import {
  readSignInAttempt,
  sealSignInAttempt,
  type SignInAttempt,
} from "@/lib/sso/sign-in-attempt";

const attempt: SignInAttempt = {
  teamId: "team-1",
  connectionId: "connection-1",
  mode: "sign-in",
  ip: "203.0.113.7",
};

describe("sign-in attempt cookie", () => {
  test("an attempt sealed here reads back as it was", async () => {
    expect(await readSignInAttempt(await sealSignInAttempt(attempt))).toEqual(attempt);
  });

  test("refuses an attempt whose payload was changed", async () => {
    const [header, , signature] = (await sealSignInAttempt(attempt)).split(".");
    const forged = Buffer.from(JSON.stringify({ ...attempt, teamId: "team-2" })).toString(
      "base64url",
    );

    expect(await readSignInAttempt(`${header}.${forged}.${signature}`)).toBeNull();
  });

  test("refuses an attempt signed with another key", async () => {
    const other = await new SignJWT(attempt)
      .setProtectedHeader({ alg: "HS256" })
      .setExpirationTime("15m")
      .sign(new TextEncoder().encode("another secret of thirty-two characters"));

    expect(await readSignInAttempt(other)).toBeNull();
  });

  test("refuses an expired attempt and one that is not a token", async () => {
    const expired = await sealSignInAttempt(attempt);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 16 * 60 * 1000);
      expect(await readSignInAttempt(expired)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    expect(await readSignInAttempt("not-a-token")).toBeNull();
  });
});
