import { z } from "zod";

import { recordAudit } from "@/lib/audit/audit";
import { startOktaSignIn, type OktaRedirect } from "@/lib/auth/okta-sign-in";
import { problemPath } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import { getConnectionByIssuer } from "@/lib/sso/connections";
import { safeLocalPath } from "@/lib/urls";

// Generous: a whole company often reaches us from one address, and clicks the tile at 9:00.
export const INITIATE_LIMIT_PER_IP = { limit: 300, windowSeconds: 60 };

// OpenID Connect Core §4 (third-party-initiated login): `iss` is required, `login_hint` and
// `target_link_uri` are optional, anything else is ignored.
const printable = /^[^\u0000-\u001f\u007f]*$/;
const initiateSchema = z.object({
  iss: z.string().min(1).max(2048).regex(printable),
  login_hint: z.string().max(254).regex(printable).optional().catch(undefined),
  target_link_uri: z.string().max(4096).regex(printable).optional().catch(undefined),
});

export type InitiateOutcome = OktaRedirect | { problem: string };

/**
 * The Initiate login URI. It never signs anyone in: it picks the team whose stored issuer equals
 * `iss`, and starts an ordinary authorization-code request to that issuer.
 */
export async function beginOktaInitiatedSignIn(
  params: URLSearchParams,
  ip: string | null,
): Promise<InitiateOutcome> {
  const limit = await consumeRateLimit(`initiate:ip:${ip ?? "unknown"}`, INITIATE_LIMIT_PER_IP);
  if (!limit.allowed)
    return { problem: problemPath("rate-limited", { retryAfterSeconds: limit.retryAfterSeconds }) };

  const parsed = initiateSchema.safeParse({
    iss: params.get("iss") ?? undefined,
    login_hint: params.get("login_hint") ?? undefined,
    target_link_uri: params.get("target_link_uri") ?? undefined,
  });
  if (!parsed.success) {
    const ref = await recordAudit({
      action: "sso.initiate",
      outcome: "refused",
      reason: "missing or malformed iss",
      ip,
    });
    return { problem: problemPath("unknown-issuer", { ref }) };
  }

  const { iss, login_hint: loginHint, target_link_uri: target } = parsed.data;
  const connection = await getConnectionByIssuer(iss);
  if (!connection) {
    const ref = await recordAudit({
      action: "sso.initiate",
      outcome: "refused",
      reason: "no team has this issuer",
      ip,
      detail: { iss: iss.slice(0, 200) },
    });
    return { problem: problemPath("unknown-issuer", { ref }) };
  }
  if (!connection.enabled) {
    const ref = await recordAudit({
      action: "sso.initiate",
      outcome: "refused",
      reason: "SSO is off for this team",
      teamId: connection.teamId,
      ip,
    });
    return { problem: problemPath("sso-not-enabled", { ref }) };
  }

  return startOktaSignIn({
    connectionId: connection.id,
    mode: "sign-in",
    loginHint: loginHint || undefined,
    landingPath: safeLocalPath(target) ?? "/team",
    ip,
  });
}
