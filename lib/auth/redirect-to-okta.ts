import "server-only";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";

import { startOktaSignIn } from "@/lib/auth/okta-sign-in";
import { requestIp } from "@/lib/auth/request-ip";
import { getConnectionById } from "@/lib/sso/connections";
import type { SignInAttempt } from "@/lib/sso/sign-in-attempt";

/** From a server action: starts a sign-in with a team's Okta and sends the browser there. */
export async function redirectToOkta(input: {
  connectionId: string;
  mode: SignInAttempt["mode"];
  loginHint?: string;
  landingPath: string;
}): Promise<never> {
  const { connectionId, ...rest } = input;
  const connection = await getConnectionById(connectionId);
  if (!connection) throw new Error("The Okta connection disappeared while starting a sign-in");

  const ip = requestIp(await headers());
  const { location, cookies: toSet } = await startOktaSignIn({ ...rest, connection, ip });
  const jar = await cookies();
  for (const cookie of toSet) jar.set(cookie.name, cookie.value, cookie.options);
  redirect(location);
}
