import { recordAudit } from "@/lib/audit/audit";
import { runCapturingAuthErrors } from "@/lib/auth/auth-errors";
import { env } from "@/lib/env";
import { problemPath, type ProblemCode } from "@/lib/errors";
import { IssuerUnavailableError } from "@/lib/sso/issuer-metadata";
import { IdTokenRejectedError } from "@/lib/sso/okta-provider";
import {
  readSignInAttempt,
  SIGN_IN_ATTEMPT_COOKIE,
  signInAttemptCookieOptions,
  type SignInAttempt,
} from "@/lib/sso/sign-in-attempt";

type CallbackRequest = {
  url: string;
  cookies: { get(name: string): { value: string } | undefined };
};

export type CallbackOutcome =
  { delegate: true; attempt: SignInAttempt } | { delegate: false; location: string };

const STATE_COOKIES = ["authjs.state", "__Secure-authjs.state"];

async function refuse(
  code: ProblemCode,
  reason: string,
  attempt: SignInAttempt | null,
  detail?: Record<string, string>,
) {
  const ref = await recordAudit({
    action: attempt?.mode === "test" ? "sso.test_sign_in" : "sso.callback",
    outcome: "refused",
    reason,
    teamId: attempt?.teamId,
    ip: attempt?.ip,
    detail,
  });
  return { delegate: false as const, location: problemPath(code, { ref }) };
}

/**
 * What the callback can decide before Auth.js sees it: Okta's own errors, and a callback that
 * belongs to no sign-in started in this browser (a replayed or forwarded link).
 */
export async function checkOktaCallback(request: CallbackRequest): Promise<CallbackOutcome> {
  const params = new URL(request.url).searchParams;
  const cookie = request.cookies.get(SIGN_IN_ATTEMPT_COOKIE)?.value;
  const attempt = cookie ? await readSignInAttempt(cookie) : null;

  const error = params.get("error");
  if (error) {
    const description = (params.get("error_description") ?? "").slice(0, 300);
    const code = error === "access_denied" ? "okta-access-denied" : "okta-error";
    return refuse(code, `Okta answered ${error.slice(0, 60)}`, attempt, {
      error: error.slice(0, 60),
      description,
    });
  }
  if (!attempt) return refuse("attempt-expired", "no sign-in attempt in this browser", null);
  if (!params.get("state") || !STATE_COOKIES.some((name) => request.cookies.get(name))) {
    return refuse("state-mismatch", "state missing or not started in this browser", attempt);
  }
  return { delegate: true, attempt };
}

/** An ID token POSTed without being asked for: Okta's "Simplified" login flow. */
export async function refuseUnsolicitedIdToken() {
  const ref = await recordAudit({
    action: "sso.callback",
    outcome: "refused",
    reason: "unsolicited ID token (Okta Simplified login flow)",
  });
  return problemPath("unsolicited-id-token", { ref });
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let current = error;
    current && chain.length < 6;
    current = (current as { cause?: unknown }).cause
  )
    chain.push(current);
  return chain;
}

function classify(error: Error): { code: ProblemCode; reason: string } {
  for (const cause of causes(error)) {
    if (cause instanceof IdTokenRejectedError)
      return { code: "id-token-invalid", reason: cause.message };
    if (cause instanceof IssuerUnavailableError)
      return { code: "okta-unreachable", reason: cause.message };
    if (
      cause instanceof Error &&
      (cause.name === "TimeoutError" || cause.message === "fetch failed")
    ) {
      return { code: "okta-unreachable", reason: `request to Okta failed: ${cause.name}` };
    }
    if (cause instanceof Error && cause.name === "InvalidCheck")
      return { code: "state-mismatch", reason: cause.message.slice(0, 200) };
    if (cause instanceof Error && cause.name === "ResponseBodyError") {
      return {
        code: "okta-error",
        reason: `token endpoint: ${String((cause as { error?: string }).error ?? cause.message).slice(0, 100)}`,
      };
    }
    if (cause instanceof Error && cause.name === "OperationProcessingError") {
      return { code: "id-token-invalid", reason: cause.message.slice(0, 200) };
    }
  }
  return { code: "okta-error", reason: `${error.name}: ${error.message}`.slice(0, 200) };
}

/**
 * Runs Auth.js's callback and turns a failure it would send to its generic error page into the
 * page that explains it. The attempt cookie is spent either way.
 */
export async function completeOktaCallback(
  attempt: SignInAttempt,
  handle: () => Promise<Response>,
): Promise<{ response: Response; location?: string }> {
  const { result, error } = await runCapturingAuthErrors(handle);
  const location = result.headers.get("location") ?? "";
  const landedOnError =
    location.startsWith(`${env.appUrl}/problem/okta-error`) ||
    location.startsWith(`${env.appUrl}/sign-in?error`);
  if (!error || !landedOnError) return { response: result };

  const { code, reason } = classify(error);
  const refused = await refuse(code, reason, attempt);
  return { response: result, location: refused.location };
}

export const expiredAttemptCookie = { ...signInAttemptCookieOptions, maxAge: 0 };
