import { Auth, raw, skipCSRFCheck } from "@auth/core";
import type { NextAuthConfig } from "next-auth";

import { buildAuthConfig } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import type { SsoConnectionForSignIn } from "@/lib/sso/connections";
import {
  sealSignInAttempt,
  SIGN_IN_ATTEMPT_COOKIE,
  signInAttemptCookieOptions,
  type SignInAttempt,
} from "@/lib/sso/sign-in-attempt";

export type CookieToSet = { name: string; value: string; options: Record<string, unknown> };
export type OktaRedirect = { location: string; cookies: CookieToSet[] };

/**
 * Starts an authorization-code request (state, nonce, PKCE) to one team's Okta and binds the
 * attempt to that team. The caller redirects the browser to `location` with `cookies` set.
 */
export async function startOktaSignIn(input: {
  connection: SsoConnectionForSignIn;
  mode: SignInAttempt["mode"];
  loginHint?: string;
  landingPath: string;
  ip: string | null;
}): Promise<OktaRedirect> {
  const { connection } = input;
  const attempt: SignInAttempt = {
    teamId: connection.teamId,
    connectionId: connection.id,
    mode: input.mode,
    ip: input.ip,
  };
  const config: NextAuthConfig = await buildAuthConfig({ attempt, connection });

  const url = new URL(`${env.appUrl}/api/auth/signin/okta`);
  if (input.loginHint) url.searchParams.set("login_hint", input.loginHint);
  const request = new Request(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ callbackUrl: `${env.appUrl}${input.landingPath}` }),
  });

  // The same call next-auth's own server-side signIn() makes, with this attempt's configuration.
  const response = await Auth(request, { ...config, basePath: "/api/auth", raw, skipCSRFCheck });
  if (!response.redirect) throw new Error("Auth.js did not return an authorization URL");

  return {
    location: response.redirect,
    cookies: [
      ...(response.cookies ?? []).map((cookie) => ({
        name: cookie.name,
        value: cookie.value,
        options: { ...cookie.options },
      })),
      {
        name: SIGN_IN_ATTEMPT_COOKIE,
        value: await sealSignInAttempt(attempt),
        options: signInAttemptCookieOptions,
      },
    ],
  };
}
