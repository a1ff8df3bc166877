import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";

export type SigningKey = JWK & { kid: string };

export async function withKid(jwk: JWK): Promise<SigningKey> {
  const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk));
  return { ...jwk, kid, alg: "RS256", use: "sig" };
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return withKid(await exportJWK(privateKey));
}
