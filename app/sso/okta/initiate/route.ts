import { NextResponse, type NextRequest } from "next/server";

import { requestIp } from "@/lib/auth/request-ip";
import { env } from "@/lib/env";
import { withProblemPage } from "@/lib/route-errors";
import { beginOktaInitiatedSignIn } from "@/lib/sso/initiate";

// Okta's dashboard tile lands here (Initiate login URI). OpenID Connect Core §4 allows GET and a
// form-encoded POST.

async function respond(params: URLSearchParams, request: NextRequest) {
  const outcome = await beginOktaInitiatedSignIn(params, requestIp(request.headers));
  if ("problem" in outcome) return NextResponse.redirect(new URL(outcome.problem, env.appUrl), 303);

  const response = NextResponse.redirect(outcome.location, 303);
  for (const cookie of outcome.cookies)
    response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

export async function GET(request: NextRequest) {
  return withProblemPage(() => respond(request.nextUrl.searchParams, request));
}

export async function POST(request: NextRequest) {
  return withProblemPage(() => respondToPost(request));
}

async function respondToPost(request: NextRequest) {
  let params = new URLSearchParams();
  try {
    const form = await request.formData();
    params = new URLSearchParams(
      [...form.entries()].filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    );
  } catch {
    // Not form-encoded: treated as a request without `iss`.
  }
  return respond(params, request);
}
