import { randomBytes } from "node:crypto";

import { env } from "@/lib/env";
import type { IssuerMetadata } from "@/lib/sso/issuer-metadata";
import { fetchFromIssuer } from "@/lib/sso/issuer-network";

const CHECK_TIMEOUT_MS = 5_000;

// RFC 6749 §2.3.1: client_secret_basic encodes both values as form data before Base64.
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");

/**
 * Whether the issuer's token endpoint refuses these client credentials. It is asked to redeem a
 * made-up authorization code, authenticating the way a sign-in does (client_secret_basic): the
 * client is authenticated before the code is looked at (RFC 6749 §5.2), so a known client gets
 * `invalid_grant` and a wrong Client ID or secret gets `invalid_client`. Only that answer counts
 * as a refusal; a provider that is slow, down or answers otherwise is left to Test sign-in.
 */
export async function tokenEndpointRefusesClient(
  metadata: Pick<IssuerMetadata, "token_endpoint">,
  clientId: string,
  clientSecret: string,
): Promise<boolean> {
  try {
    const response = await fetchFromIssuer(metadata.token_endpoint, {
      method: "POST",
      redirect: "manual",
      headers: {
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: randomBytes(24).toString("base64url"),
        redirect_uri: `${env.appUrl}/api/auth/callback/okta`,
      }),
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
    return body?.error === "invalid_client";
  } catch {
    return false;
  }
}
