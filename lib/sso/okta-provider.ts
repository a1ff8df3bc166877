import { customFetch } from "next-auth";
import Okta from "next-auth/providers/okta";
import { errors as joseErrors, jwtVerify } from "jose";

import { env } from "@/lib/env";
import type { SsoConnectionForSignIn } from "@/lib/sso/connections";
import { getIssuerKeys, getIssuerMetadata, type IssuerMetadata } from "@/lib/sso/issuer-metadata";
import { fetchFromIssuer } from "@/lib/sso/issuer-network";

// Okta signs ID tokens with RS256 only; naming it here refuses `none` and HMAC tokens.
const ID_TOKEN_ALGORITHMS = ["RS256"];
const CLOCK_TOLERANCE_SECONDS = 60;

/** Why an ID token was refused; `reason` goes to the audit trail, never the token. */
export class IdTokenRejectedError extends Error {
  name = "IdTokenRejectedError";
  constructor(readonly reason: string) {
    super(`ID token rejected: ${reason}`);
  }
}

function fetchWithTimeout(...args: Parameters<typeof fetch>) {
  const [input, init] = args;
  return fetchFromIssuer(input, { ...init, signal: AbortSignal.timeout(env.oktaTimeoutMs) });
}

/**
 * Checks the ID token's signature against the issuer's published keys. oauth4webapi, under
 * Auth.js, checks the claims (iss, aud, exp, nonce) but not the signature of a token that came
 * straight from the token endpoint; we check both, as OpenID Connect Core §3.1.3.7 allows.
 */
function verifyIdTokenSignature(connection: SsoConnectionForSignIn, metadata: IssuerMetadata) {
  return async (response: Response) => {
    if (!response.ok) return undefined;
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as { id_token?: unknown } | null;
    if (typeof body?.id_token !== "string")
      throw new IdTokenRejectedError("no ID token in the token response");

    let issuedAt: unknown;
    try {
      const { payload } = await jwtVerify(body.id_token, getIssuerKeys(metadata), {
        algorithms: ID_TOKEN_ALGORITHMS,
        issuer: connection.issuer,
        audience: connection.clientId,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      issuedAt = payload.iat;
    } catch (error) {
      throw new IdTokenRejectedError(describeJoseError(error));
    }
    // Neither jose (without a maximum age) nor oauth4webapi refuses an `iat` in the future, which
    // only a forged token or a badly wrong clock produces (OpenID Connect Core §3.1.3.7, item 10).
    if (typeof issuedAt !== "number" || issuedAt > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS)
      throw new IdTokenRejectedError("claim iat invalid (in the future)");
    return undefined;
  };
}

function describeJoseError(error: unknown) {
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `claim ${error.claim} invalid (${error.reason})`;
  if (error instanceof joseErrors.JWTExpired) return "expired";
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return "signing algorithm not allowed";
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "bad signature";
  if (error instanceof joseErrors.JWKSNoMatchingKey) return "signed with an unknown key";
  if (error instanceof joseErrors.JOSEError) return error.code;
  return "could not be verified";
}

/** The "okta" provider for one team's connection, with endpoints from the cached metadata. */
export async function buildOktaProvider(connection: SsoConnectionForSignIn) {
  const metadata = await getIssuerMetadata(connection.issuer);
  const token = {
    url: metadata.token_endpoint,
    conform: verifyIdTokenSignature(connection, metadata),
  };

  return Okta({
    id: "okta",
    name: "Okta",
    issuer: connection.issuer,
    clientId: connection.clientId,
    clientSecret: connection.clientSecret,
    // OKTA.md: Okta refuses a request without state; nonce and PKCE bind the code to this browser.
    checks: ["pkce", "state", "nonce"],
    authorization: {
      url: metadata.authorization_endpoint,
      // Okta Integration Network apps may ask for these scopes only.
      params: { scope: "openid email profile" },
    },
    token: token as never,
    userinfo: metadata.userinfo_endpoint,
    profile: (claims) => ({ id: claims.sub, email: claims.email, name: claims.name }),
    [customFetch]: fetchWithTimeout,
  });
}
