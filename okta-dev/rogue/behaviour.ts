// How the rogue provider bends its answers. A test sets only what it needs with `behave()`;
// everything else keeps the well-behaved default below.

export type RogueBehaviour = {
  /** Email of the user /authorize approves when the request's login_hint names nobody known. */
  user: string | null;
  /** /authorize sends this OAuth error (with the state) back instead of a code. */
  authorizeError: string | null;
  /** /authorize leaves `state` out of its redirect. */
  omitState: boolean;
  /**
   * /authorize shows a page with a "Continue to the app" link instead of redirecting, so a test
   * can take the callback URL from a browser that has started a sign-in, and stop there.
   */
  holdCallback: boolean;
  /**
   * How the token endpoint answers: normally; not at all (its port refuses connections); with an
   * HTTP 500 page; only after `tokenDelayMs`; or refusing the client's credentials, as when the
   * secret was rotated in Okta.
   */
  token: "ok" | "connection-refused" | "server-error" | "slow" | "invalid-client";
  tokenDelayMs: number;
  /** How the ID token is signed: RS256 with the current key, or one of the forgeries. */
  signature: "rs256" | "garbage" | "none" | "hs256-client-secret";
  /** Added to the real time to make `iat`; `exp` is `iat` plus `expiresInSeconds`. */
  issuedAtOffsetSeconds: number;
  expiresInSeconds: number;
  /** The authorization request's nonce, echoed; left out; or replaced by another. */
  nonce: "echo" | "omit" | "other";
  /** Merged into the ID token's claims last; a claim set to `undefined` is removed. */
  claims: Record<string, unknown>;
};

export function defaultBehaviour(): RogueBehaviour {
  return {
    user: null,
    authorizeError: null,
    omitState: false,
    holdCallback: false,
    token: "ok",
    tokenDelayMs: 15_000,
    signature: "rs256",
    issuedAtOffsetSeconds: 0,
    expiresInSeconds: 300,
    nonce: "echo",
    claims: {},
  };
}
