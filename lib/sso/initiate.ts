import { z } from "zod";

import { recordAudit } from "@/lib/audit/audit";
import { startOktaSignIn, type OktaRedirect } from "@/lib/auth/okta-sign-in";
import { problemPath, type ProblemCode } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import { getConnectionByIssuer } from "@/lib/sso/connections";
import { safeLocalPath } from "@/lib/urls";

// A tile click that starts a sign-in writes nothing and costs Okta, not us, the real work; a
// refused one writes an audit event, so refusals are what is counted. Generous, as a whole
// company often reaches us from one address.
export const INITIATE_REFUSALS_PER_IP = { limit: 300, windowSeconds: 60 };

// OpenID Connect Core §4 (third-party-initiated login): `iss` is required, `login_hint` and
// `target_link_uri` are optional, anything else is ignored.
const printable = /^[^\u0000-\u001f\u007f]*$/;
const initiateSchema = z.object({
  iss: z.string().min(1).max(2048).regex(printable),
  login_hint: z.string().max(254).regex(printable).optional().catch(undefined),
  target_link_uri: z.string().max(4096).regex(printable).optional().catch(undefined),
});

export type InitiateOutcome = OktaRedirect | { problem: string };

type Refusal = {
  code: ProblemCode;
  reason: string;
  teamId?: string;
  detail?: Record<string, string>;
};

async function refuse(refusal: Refusal, ip: string | null): Promise<InitiateOutcome> {
  const key = `initiate-refused:ip:${ip ?? "unknown"}`;
  const limit = await consumeRateLimit(key, INITIATE_REFUSALS_PER_IP);
  if (!limit.allowed)
    return { problem: problemPath("rate-limited", { retryAfterSeconds: limit.retryAfterSeconds }) };

  const { code, ...event } = refusal;
  const ref = await recordAudit({ action: "sso.initiate", outcome: "refused", ip, ...event });
  return { problem: problemPath(code, { ref }) };
}

/**
 * The Initiate login URI. It never signs anyone in: it picks the team whose stored issuer equals
 * `iss`, and starts an ordinary authorization-code request to that issuer. On that path it reads
 * one row and writes nothing.
 */
export async function beginOktaInitiatedSignIn(
  params: URLSearchParams,
  ip: string | null,
): Promise<InitiateOutcome> {
  const parsed = initiateSchema.safeParse({
    iss: params.get("iss") ?? undefined,
    login_hint: params.get("login_hint") ?? undefined,
    target_link_uri: params.get("target_link_uri") ?? undefined,
  });
  if (!parsed.success)
    return refuse({ code: "unknown-issuer", reason: "missing or malformed iss" }, ip);

  const { iss, login_hint: loginHint, target_link_uri: target } = parsed.data;
  const connection = await getConnectionByIssuer(iss);
  if (!connection) {
    return refuse(
      {
        code: "unknown-issuer",
        reason: "no team has this issuer",
        detail: { iss: iss.slice(0, 200) },
      },
      ip,
    );
  }
  if (!connection.enabled) {
    return refuse(
      { code: "sso-not-enabled", reason: "SSO is off for this team", teamId: connection.teamId },
      ip,
    );
  }

  return startOktaSignIn({
    connection,
    mode: "sign-in",
    loginHint: loginHint || undefined,
    landingPath: safeLocalPath(target) ?? "/team",
    ip,
  });
}
