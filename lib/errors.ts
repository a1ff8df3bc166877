// Every refusal a person can meet has a code, and each code has a page that explains it. Route
// handlers throw AppError; app/problem/[code] renders the explanation.

export const problemCodes = [
  "unknown-issuer",
  "sso-not-enabled",
  "attempt-expired",
  "state-mismatch",
  "okta-access-denied",
  "okta-error",
  "okta-unreachable",
  "okta-client-refused",
  "id-token-invalid",
  "unsolicited-id-token",
  "email-missing",
  "wrong-domain",
  "member-of-another-team",
  "sso-required",
  "rate-limited",
  "not-signed-in",
  "sign-in-failed",
  "sign-in-unavailable",
  "not-allowed",
  "invite-invalid",
  "invite-other-team",
  "server-error",
] as const;

export type ProblemCode = (typeof problemCodes)[number];

export function isProblemCode(value: string): value is ProblemCode {
  return (problemCodes as readonly string[]).includes(value);
}

export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    message?: string,
    readonly details: { ref?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

/**
 * The page for the error type Auth.js puts in its error page's `error` parameter: `Configuration`
 * is a failure on our side; any other value (Auth.js's own, or one typed into the address) is a
 * sign-in that didn't complete.
 */
export function problemForAuthJsError(type: string): ProblemCode {
  return type === "Configuration" ? "sign-in-unavailable" : "sign-in-failed";
}

/** Where a person is sent to read about a problem; `ref` lets support find the audit event. */
export function problemPath(
  code: ProblemCode,
  details: { ref?: string; retryAfterSeconds?: number } = {},
) {
  const query = new URLSearchParams();
  if (details.ref) query.set("ref", details.ref);
  if (details.retryAfterSeconds) query.set("retry", String(details.retryAfterSeconds));
  const suffix = query.size ? `?${query}` : "";
  return `/problem/${code}${suffix}`;
}
