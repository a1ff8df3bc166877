import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

import { env } from "@/lib/env";

// Client secrets are sealed with AES-256-GCM. The sealed form names the key that sealed it, so a
// retired key keeps opening old secrets until `npm run sso:reencrypt` seals them anew.

const VERSION = "v1";
const TAG_BYTES = 16;

type Key = { id: string; bytes: Buffer };

function toKey(base64: string): Key {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== 32) throw new Error("Encryption keys must be 32 bytes, base64-encoded.");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

const currentKey = toKey(env.encryptionKey);
const knownKeys = new Map(
  [currentKey, ...env.retiredEncryptionKeys.map(toKey)].map((k) => [k.id, k]),
);

export function sealSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", currentKey.bytes, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString("base64url"));
  return [VERSION, currentKey.id, ...parts].join(".");
}

export function openSecret(sealed: string): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split(".");
  const key = keyId ? knownKeys.get(keyId) : undefined;
  if (version !== VERSION || !key || !iv || !tag || ciphertext === undefined) {
    throw new Error(
      `Cannot open a secret sealed with key ${keyId ?? "?"}: is that key configured?`,
    );
  }
  // Without authTagLength, Node accepts a tag cut down to 4 bytes, which makes forgery cheap
  // (Node's DEP0182).
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(ciphertext, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

/** True when the secret was sealed with an older key and should be sealed again. */
export function isSealedWithRetiredKey(sealed: string) {
  return sealed.split(".")[1] !== currentKey.id;
}
