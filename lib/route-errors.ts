import { NextResponse } from "next/server";

import { newReference } from "@/lib/audit/audit";
import { env } from "@/lib/env";
import { problemPath } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * Runs a route handler; an error nobody expected is logged with a reference and the browser is
 * sent to a page that shows it, never a stack trace.
 */
export async function withProblemPage(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    const ref = newReference();
    const err =
      error instanceof Error
        ? { name: error.name, message: error.message }
        : { value: String(error) };
    logger.error({ ref, err }, "unhandled error in a route handler");
    return NextResponse.redirect(new URL(problemPath("server-error", { ref }), env.appUrl), 303);
  }
}
