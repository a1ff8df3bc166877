import { NextResponse, type NextRequest } from "next/server";

import { handlers } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { withProblemPage } from "@/lib/route-errors";
import { SIGN_IN_ATTEMPT_COOKIE } from "@/lib/sso/sign-in-attempt";
import {
  checkOktaCallback,
  completeOktaCallback,
  expiredAttemptCookie,
  refuseUnsolicitedIdToken,
} from "@/lib/sso/callback";

// The Sign-in redirect URI of every team. It runs our checks, then Auth.js's.

export async function GET(request: NextRequest) {
  return withProblemPage(() => handleCallback(request));
}

async function handleCallback(request: NextRequest) {
  const check = await checkOktaCallback(request);
  if (!check.delegate)
    return withSpentAttempt(NextResponse.redirect(new URL(check.location, env.appUrl), 303));

  const { response, location } = await completeOktaCallback(check.attempt, () =>
    handlers.GET(request),
  );
  if (!location) return withSpentAttempt(response);
  return withSpentAttempt(NextResponse.redirect(new URL(location, env.appUrl), 303));
}

// We only ever ask for a redirect with a code, so a POST here is Okta's "Simplified" flow
// posting an ID token nobody asked for.
export async function POST() {
  return withProblemPage(async () =>
    NextResponse.redirect(new URL(await refuseUnsolicitedIdToken(), env.appUrl), 303),
  );
}

/** The attempt cookie is spent however the callback ends, Auth.js's own responses included. */
function withSpentAttempt(response: Response) {
  const next =
    response instanceof NextResponse ? response : new NextResponse(response.body, response);
  next.cookies.set(SIGN_IN_ATTEMPT_COOKIE, "", expiredAttemptCookie);
  return next;
}
