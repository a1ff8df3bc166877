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
  // A failed Test sign-in goes back to the Single sign-on tab, which shows what went wrong.
  const location = attempt?.mode === "test" ? `/team/sso?test=${ref}` : problemPath(code, { ref });
  return { delegate: false as const, location };
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
  // Auth.js wraps what it caught as `cause.err` (its AuthError constructor), not as `cause`.
  const chain: unknown[] = [];
  for (let current = error; current && chain.length < 8;) {
    chain.push(current);
    const link = current as { cause?: unknown; err?: unknown };
    current = link.err ?? link.cause;
  }
  return chain;
}

function networkFailure(cause: Error) {
  if (cause.name === "TimeoutError") return `Okta did not answer within ${env.oktaTimeoutMs} ms`;
  const code = (cause.cause as { code?: unknown } | undefined)?.code;
  return `could not connect to Okta (${typeof code === "string" ? code : "network error"})`;
}

// A production build minifies class names, so errors from Auth.js and oauth4webapi are told apart
// by what survives it: Auth.js's static `type` and oauth4webapi's `code` constants.
type LibraryError = Error & { type?: unknown; code?: unknown; error?: unknown; cause?: unknown };

function classify(error: Error): { code: ProblemCode; reason: string } {
  const chain = causes(error);
  for (const cause of chain) {
    if (cause instanceof IdTokenRejectedError)
      return { code: "id-token-invalid", reason: cause.message };
    if (cause instanceof IssuerUnavailableError)
      return { code: "okta-unreachable", reason: cause.message };
    if (!(cause instanceof Error)) continue;

    const { type, code, message } = cause as LibraryError;
    if (cause.name === "TimeoutError" || message === "fetch failed")
      return { code: "okta-unreachable", reason: networkFailure(cause) };
    if (type === "InvalidCheck") return { code: "state-mismatch", reason: message.slice(0, 200) };
    // The token endpoint's 401: the client's credentials were refused (RFC 6749 §5.2).
    if (
      code === "OAUTH_WWW_AUTHENTICATE_CHALLENGE" ||
      (code === "OAUTH_RESPONSE_BODY_ERROR" && (cause as LibraryError).error === "invalid_client")
    ) {
      return {
        code: "okta-client-refused",
        reason: "token endpoint refused the Client ID or Client secret",
      };
    }
    if (code === "OAUTH_RESPONSE_BODY_ERROR") {
      const oauthError = String((cause as LibraryError).error ?? "error").slice(0, 100);
      return { code: "okta-error", reason: `token endpoint: ${oauthError}` };
    }
    if (code === "OAUTH_RESPONSE_IS_NOT_CONFORM") {
      // Not an OAuth answer at all, such as an HTML error page: Okta is down or not Okta.
      const response = (cause as LibraryError).cause;
      const status = response instanceof Response ? `HTTP ${response.status}` : "no OAuth body";
      return { code: "okta-unreachable", reason: `token endpoint answered ${status}` };
    }
    if (typeof code === "string" && code.startsWith("OAUTH_")) {
      if (message.includes('"state"'))
        return { code: "state-mismatch", reason: message.slice(0, 200) };
      return { code: "id-token-invalid", reason: message.slice(0, 200) };
    }
  }
  const innermost = chain.filter((cause): cause is Error => cause instanceof Error).at(-1) ?? error;
  return { code: "okta-error", reason: innermost.message.slice(0, 200) };
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
