import { createHash } from "node:crypto";

import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";

import { env } from "@/lib/env";

// A sign-in with Okta is bound to one team's connection when it starts; the binding travels in
// this signed cookie to the callback, which never guesses the team from what Okta sends back.

export const SIGN_IN_ATTEMPT_COOKIE = "teamline.sso-attempt";
export const SIGN_IN_ATTEMPT_MAX_AGE_SECONDS = 15 * 60;

const attemptSchema = z.object({
  teamId: z.string(),
  connectionId: z.string(),
  mode: z.enum(["sign-in", "test"]),
  ip: z.string().nullable(),
});

export type SignInAttempt = z.infer<typeof attemptSchema>;

// Imported once: jose imports a raw secret anew on every call, which every sign-in pays three times.
const key = crypto.subtle.importKey(
  "raw",
  createHash("sha256").update(`teamline sign-in attempt\0${env.authSecret}`).digest(),
  { name: "HMAC", hash: "SHA-256" },
  false,
  ["sign", "verify"],
);

export async function sealSignInAttempt(attempt: SignInAttempt) {
  return new SignJWT(attempt)
    .setProtectedHeader({ alg: "HS256" })
    .setIssuedAt()
    .setExpirationTime(`${SIGN_IN_ATTEMPT_MAX_AGE_SECONDS}s`)
    .sign(await key);
}

export async function readSignInAttempt(value: string): Promise<SignInAttempt | null> {
  try {
    const { payload } = await jwtVerify(value, await key, { algorithms: ["HS256"] });
    const parsed = attemptSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const signInAttemptCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env.secureCookies,
  path: "/api/auth/callback",
  maxAge: SIGN_IN_ATTEMPT_MAX_AGE_SECONDS,
};
