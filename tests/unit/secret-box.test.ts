import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";

import { isSealedWithRetiredKey, openSecret, sealSecret } from "@/lib/sso/secret-box";

// Client secrets as Okta issues them, and anything else a person might paste.
const secret = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
  fc.string({ unit: "grapheme", minLength: 8, maxLength: 64 }),
);

type Part = "iv" | "tag" | "ciphertext";
const PART_INDEX: Record<Part, number> = { iv: 2, tag: 3, ciphertext: 4 };

/** The sealed secret with one bit of one of its binary parts flipped. */
function flipBit(sealed: string, part: Part, bit: number) {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[PART_INDEX[part]]!, "base64url");
  bytes[Math.floor(bit / 8) % bytes.length]! ^= 1 << (bit % 8);
  parts[PART_INDEX[part]] = bytes.toString("base64url");
  return parts.join(".");
}

function replacePart(sealed: string, index: number, value: string) {
  const parts = sealed.split(".");
  parts[index] = value;
  return parts.join(".");
}

describe("secret box", () => {
  test("opens what it sealed", () => {
    fc.assert(
      fc.property(fc.oneof(secret, fc.constant("")), (plaintext) => {
        expect(openSecret(sealSecret(plaintext))).toBe(plaintext);
      }),
    );
  });

  test("the sealed form never contains the secret, in clear or encoded", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), (plaintext) => {
        const sealed = sealSecret(plaintext);
        const bytes = Buffer.from(plaintext);
        for (const form of [
          plaintext,
          bytes.toString("base64url"),
          bytes.toString("base64"),
          bytes.toString("hex"),
        ]) {
          expect(sealed).not.toContain(form);
        }
      }),
    );
  });

  test("two seals of the same secret differ (a fresh IV each time)", () => {
    const one = sealSecret("0oa-client-secret-value");
    const other = sealSecret("0oa-client-secret-value");

    expect(one).not.toBe(other);
    expect(one.split(".")[2]).not.toBe(other.split(".")[2]);
  });

  test("tampering with any bit of the IV, the tag or the ciphertext fails to open", () => {
    fc.assert(
      fc.property(
        secret,
        fc.constantFrom<Part>("iv", "tag", "ciphertext"),
        fc.nat({ max: 4095 }),
        (plaintext, part, bit) => {
          const tampered = flipBit(sealSecret(plaintext), part, bit);
          expect(() => openSecret(tampered)).toThrow();
        },
      ),
    );
  });

  test("a truncated authentication tag fails to open", () => {
    const sealed = sealSecret("0oa-client-secret-value");
    const tag = Buffer.from(sealed.split(".")[3]!, "base64url");

    for (const length of [4, 8, 12, 15]) {
      const truncated = replacePart(sealed, 3, tag.subarray(0, length).toString("base64url"));
      expect(() => openSecret(truncated), `tag of ${length} bytes`).toThrow();
    }
  });

  test("a sealed secret with a missing, reordered or unknown part fails to open", () => {
    const sealed = sealSecret("0oa-client-secret-value");
    const [version, keyId, iv, tag, ciphertext] = sealed.split(".");

    expect(() => openSecret(replacePart(sealed, 0, "v2"))).toThrow();
    expect(() => openSecret(replacePart(sealed, 1, "00000000"))).toThrow(/key 00000000/);
    expect(() => openSecret([version, keyId, iv, tag].join("."))).toThrow();
    expect(() => openSecret([version, keyId, tag, iv, ciphertext].join("."))).toThrow();
    expect(() => openSecret("0oa-client-secret-value")).toThrow();
  });

  test("a secret sealed with the current key is not reported as sealed with a retired one", () => {
    expect(isSealedWithRetiredKey(sealSecret("0oa-client-secret-value"))).toBe(false);
  });
});

describe("secret box key rotation", () => {
  const oldKey = Buffer.alloc(32, 1).toString("base64");
  const newKey = Buffer.alloc(32, 2).toString("base64");

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  // lib/env.ts reads the environment once, at import: each configuration gets a fresh import.
  async function secretBoxWith(key: string, retiredKeys?: string) {
    vi.resetModules();
    vi.stubEnv("SSO_ENCRYPTION_KEY", key);
    vi.stubEnv("SSO_ENCRYPTION_RETIRED_KEYS", retiredKeys ?? "");
    return import("@/lib/sso/secret-box");
  }

  test("a retired key keeps opening the secrets it sealed, which are flagged for resealing", async () => {
    const sealed = (await secretBoxWith(oldKey)).sealSecret("0oa-client-secret-value");

    const rotated = await secretBoxWith(newKey, oldKey);

    expect(rotated.openSecret(sealed)).toBe("0oa-client-secret-value");
    expect(rotated.isSealedWithRetiredKey(sealed)).toBe(true);
    expect(rotated.isSealedWithRetiredKey(rotated.sealSecret("x"))).toBe(false);
  });

  test("a secret sealed with a key that is no longer configured cannot be opened", async () => {
    const sealed = (await secretBoxWith(oldKey)).sealSecret("0oa-client-secret-value");

    const rotated = await secretBoxWith(newKey);

    expect(() => rotated.openSecret(sealed)).toThrow(/is that key configured/);
  });
});
