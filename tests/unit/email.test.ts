import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { emailDomain, emailSchema, isPublicMailDomain, normalizeEmail } from "@/lib/users/email";

describe("normalizeEmail", () => {
  test("trims surrounding white space and lower-cases the address", () => {
    expect(normalizeEmail("  Ann.Lee@Acme.EXAMPLE \n")).toBe("ann.lee@acme.example");
  });

  test("is idempotent: a normalised email normalises to itself", () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), fc.string({ unit: "binary" })), (email) => {
        const once = normalizeEmail(email);
        expect(normalizeEmail(once)).toBe(once);
      }),
    );
  });

  test("two emails that differ only in letter case normalise to the same value", () => {
    fc.assert(
      fc.property(
        fc
          .emailAddress()
          .chain((email) =>
            fc.tuple(fc.mixedCase(fc.constant(email)), fc.mixedCase(fc.constant(email))),
          ),
        ([one, other]) => {
          expect(normalizeEmail(one)).toBe(normalizeEmail(other));
        },
      ),
    );
  });
});

describe("emailSchema", () => {
  test("stores the normalised form of a valid address", () => {
    expect(emailSchema.parse("  Ann@Acme.Example ")).toBe("ann@acme.example");
  });

  test.each([
    ["", "Enter your email address."],
    ["   ", "Enter your email address."],
    ["ann", "Enter a valid email address, like name@company.com."],
    ["ann@", "Enter a valid email address, like name@company.com."],
    [`${"a".repeat(250)}@acme.example`, "That email address is too long."],
  ])("refuses %j with a message", (value, message) => {
    const result = emailSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain(message);
  });
});

describe("emailDomain", () => {
  test("is the lower-cased part after the @", () => {
    expect(emailDomain("Ann@Acme.Example")).toBe("acme.example");
  });
});

describe("isPublicMailDomain", () => {
  test.each(["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "GMail.com"])(
    "counts %s as a public mail provider",
    (domain) => {
      expect(isPublicMailDomain(domain)).toBe(true);
    },
  );

  test.each(["acme.example", "okta.com", "stripe.com", "teamline-customer.dev"])(
    "counts %s as a company domain",
    (domain) => {
      expect(isPublicMailDomain(domain)).toBe(false);
    },
  );
});
