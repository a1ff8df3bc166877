import { randomBytes } from "node:crypto";

import { base64url, SignJWT, type CryptoKey, type JWTPayload } from "jose";

import type { RogueBehaviour } from "./behaviour.js";

export type RogueUser = { sub: string; email: string; name?: string };

export type SigningKey = { kid: string; privateKey: CryptoKey };

type Grant = { user: RogueUser; nonce: string | null };

function claimsFor(
  grant: Grant,
  context: { issuer: string; clientId: string },
  behaviour: RogueBehaviour,
): JWTPayload {
  const iat = Math.floor(Date.now() / 1000) + behaviour.issuedAtOffsetSeconds;
  const nonce = {
    echo: grant.nonce ?? undefined,
    omit: undefined,
    other: randomBytes(16).toString("base64url"),
  }[behaviour.nonce];
  const claims: Record<string, unknown> = {
    iss: context.issuer,
    sub: grant.user.sub,
    aud: context.clientId,
    iat,
    exp: iat + behaviour.expiresInSeconds,
    auth_time: iat,
    nonce,
    email: grant.user.email,
    email_verified: true,
    name: grant.user.name,
    ...behaviour.claims,
  };
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}

function encodeSegment(value: unknown) {
  return base64url.encode(JSON.stringify(value));
}

/** An ID token as the behaviour asks: properly signed, or one of the forgeries. */
export async function mintIdToken(
  grant: Grant,
  context: { issuer: string; clientId: string; clientSecret: string; key: SigningKey },
  behaviour: RogueBehaviour,
): Promise<string> {
  const payload = claimsFor(grant, context, behaviour);

  switch (behaviour.signature) {
    case "none":
      return `${encodeSegment({ alg: "none", typ: "JWT" })}.${encodeSegment(payload)}.`;
    case "hs256-client-secret":
      // The classic key-confusion forgery: anyone holding the client secret can make these.
      return new SignJWT(payload)
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .sign(new TextEncoder().encode(context.clientSecret));
    case "rs256":
    case "garbage": {
      const token = await new SignJWT(payload)
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: context.key.kid })
        .sign(context.key.privateKey);
      if (behaviour.signature === "rs256") return token;
      const [header, body] = token.split(".");
      return `${header}.${body}.${base64url.encode(randomBytes(256))}`;
    }
  }
}
