import { NextResponse, type NextRequest } from "next/server";

import { RETURN_PATH_HEADER } from "@/lib/auth/return-path";

// Pages that need a signed-in person learn which address was asked for, so that signing in can
// return there. Whatever a browser sent in the same header is replaced.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(RETURN_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/team", "/team/:path*", "/staff", "/staff/:path*"] };
