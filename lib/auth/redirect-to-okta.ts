import "server-only";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

import { startOktaSignIn } from "@/lib/auth/okta-sign-in";
import { requestIp } from "@/lib/auth/request-ip";
import type { SignInAttempt } from "@/lib/sso/sign-in-attempt";

/** From a server action: starts a sign-in with a team's Okta and sends the browser there. */
export async function redirectToOkta(input: {
  connectionId: string;
  mode: SignInAttempt["mode"];
  loginHint?: string;
  landingPath: string;
}): Promise<never> {
  const ip = requestIp(await headers());
  const { location, cookies: toSet } = await startOktaSignIn({ ...input, ip });
  const jar = await cookies();
  for (const cookie of toSet) jar.set(cookie.name, cookie.value, cookie.options);
  redirect(location);
}
