import { NextResponse, type NextRequest } from "next/server";

// The cheapest possible redirect, to compare the Initiate login URI with.
export function GET(request: NextRequest) {
  return NextResponse.redirect(new URL("/me", request.url), 303);
}
