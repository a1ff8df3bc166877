import { randomInt } from "node:crypto";

import { describe, expect, test } from "vitest";

import { FAILED_SIGN_INS_PER_EMAIL, signInWithPassword } from "@/lib/auth/password-sign-in";
import { db } from "@/lib/db";
import { registerUser, registrationSchema } from "@/lib/users/registration";

import { addMember, createConnection, createTeam, uniqueDomain } from "./support/factories";

const PASSWORD = "correct horse battery staple";

// Rate limits are also counted per address: each test signs in from its own.
const newIp = () => `2001:db8::${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}`;

async function register(email: string, password = PASSWORD) {
  const result = await registerUser(
    registrationSchema.parse({ name: "Pat Doe", email, password }),
    newIp(),
  );
  if (!result.ok) throw new Error(`could not register ${email}: ${result.code}`);
  return result.userId;
}

function messagesFor(input: { name?: string; email?: string; password?: string }) {
  const result = registrationSchema.safeParse({
    name: "Pat Doe",
    email: `pat@${uniqueDomain()}`,
    password: PASSWORD,
    ...input,
  });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("signInWithPassword", () => {
  test("refuses a wrong password as invalid", async () => {
    const email = `pat@${uniqueDomain()}`;
    await register(email);

    const result = await signInWithPassword({ email, password: "not the password", ip: newIp() });

    expect(result).toEqual({ ok: false, code: "invalid" });
  });

  test("refuses an unknown email the same way as a wrong password", async () => {
    const result = await signInWithPassword({
      email: `nobody@${uniqueDomain()}`,
      password: PASSWORD,
      ip: newIp(),
    });

    expect(result).toEqual({ ok: false, code: "invalid" });
  });

  test("signs in with the right password, whatever the letter case of the email", async () => {
    const email = `pat@${uniqueDomain()}`;
    const userId = await register(email);

    const result = await signInWithPassword({
      email: `  ${email.toUpperCase()} `,
      password: PASSWORD,
      ip: newIp(),
    });

    expect(result).toEqual({
      ok: true,
      user: { id: userId, email, name: "Pat Doe", isStaff: false },
    });
  });

  test("after 5 failures for one email, refuses the 6th attempt as rate-limited even with the right password", async () => {
    const email = `pat@${uniqueDomain()}`;
    await register(email);
    expect(FAILED_SIGN_INS_PER_EMAIL.limit).toBe(5);

    for (let i = 0; i < 5; i++) {
      // From different addresses: the limit follows the email.
      const failed = await signInWithPassword({ email, password: `wrong ${i}`, ip: newIp() });
      expect(failed).toEqual({ ok: false, code: "invalid" });
    }
    const result = await signInWithPassword({ email, password: PASSWORD, ip: newIp() });

    expect(result).toMatchObject({ ok: false, code: "rate-limited" });
    const retryAfter = result.ok ? 0 : result.retryAfterSeconds;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(FAILED_SIGN_INS_PER_EMAIL.windowSeconds);
  });

  test("a successful sign-in clears the count of failures for that email", async () => {
    const email = `pat@${uniqueDomain()}`;
    await register(email);
    const ip = newIp();

    for (let i = 0; i < 4; i++) await signInWithPassword({ email, password: "wrong", ip });
    expect((await signInWithPassword({ email, password: PASSWORD, ip })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await signInWithPassword({ email, password: "wrong", ip });

    expect((await signInWithPassword({ email, password: PASSWORD, ip })).ok).toBe(true);
  });

  test("refuses a member of a team with SSO on as sso-required, even with the right password", async () => {
    const team = await createTeam();
    await createConnection(team, { enabled: true });
    // A member whose email is not on the team's domain is still the team's member.
    const email = `pat@${uniqueDomain()}`;
    await addMember(team.id, await register(email));

    const result = await signInWithPassword({ email, password: PASSWORD, ip: newIp() });

    expect(result).toEqual({ ok: false, code: "sso-required" });
    const refusal = await db.auditEvent.findFirst({
      where: { teamId: team.id, action: "password.sign_in", outcome: "refused", email },
    });
    expect(refusal?.reason).toBe("team requires Okta");
  });

  test("refuses anyone on the domain of a team with SSO on as sso-required", async () => {
    const team = await createTeam();
    const email = `pat@${team.domain}`;
    await register(email);
    await createConnection(team, { enabled: true });

    const result = await signInWithPassword({ email, password: PASSWORD, ip: newIp() });

    expect(result).toEqual({ ok: false, code: "sso-required" });
  });

  test("lets a member sign in with a password while the team's SSO connection is switched off", async () => {
    const team = await createTeam();
    await createConnection(team, { enabled: false });
    const email = `pat@${team.domain}`;
    await addMember(team.id, await register(email));

    const result = await signInWithPassword({ email, password: PASSWORD, ip: newIp() });

    expect(result.ok).toBe(true);
  });
});

describe("registerUser", () => {
  test("refuses sign-up on the domain of a team with SSO on as sso-required, and creates nobody", async () => {
    const team = await createTeam();
    await createConnection(team, { enabled: true });
    const email = `new.person@${team.domain}`;

    const result = await registerUser(
      registrationSchema.parse({ name: "New Person", email, password: PASSWORD }),
      newIp(),
    );

    expect(result).toMatchObject({ ok: false, field: "email", code: "sso-required" });
    expect(!result.ok && result.message).toMatch(/Okta/);
    expect(await db.user.findUnique({ where: { email } })).toBeNull();
  });

  test("refuses an email already taken in another letter case", async () => {
    const domain = uniqueDomain();
    await register(`pat@${domain}`);

    const result = await registerUser(
      registrationSchema.parse({
        name: "Pat Again",
        email: `PAT@${domain.toUpperCase()}`,
        password: PASSWORD,
      }),
      newIp(),
    );

    expect(result).toMatchObject({ ok: false, field: "email", code: "taken" });
    expect(await db.user.count({ where: { email: `pat@${domain}` } })).toBe(1);
  });

  test("stores a password hash, never the password", async () => {
    const email = `pat@${uniqueDomain()}`;
    const userId = await register(email);

    const user = await db.user.findUnique({ where: { id: userId } });

    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user?.passwordHash).not.toContain(PASSWORD);
  });
});

describe("registrationSchema", () => {
  test.each([
    ["shorter than 10 characters", "Tr0ub4dor", "Use at least 10 characters."],
    ["longer than 128 characters", "x1-".repeat(43), "Use at most 128 characters."],
    ["a common password", "Password123", "That password is too common. Choose another."],
    [
      "too few different characters",
      "abababababab",
      "That password is too easy to guess. Mix more characters.",
    ],
  ])("refuses a password %s", (_title, password, message) => {
    expect(messagesFor({ password })).toContain(message);
  });

  test("refuses a password that contains the email's name", () => {
    expect(
      messagesFor({ email: `quentin@${uniqueDomain()}`, password: "my name is Quentin!" }),
    ).toContain("Don't use your email address in your password.");
  });

  test("refuses a missing name and a malformed email with their messages", () => {
    expect(messagesFor({ name: "  " })).toContain("Enter your name.");
    expect(messagesFor({ email: "pat" })).toContain(
      "Enter a valid email address, like name@company.com.",
    );
  });

  test("accepts a long passphrase", () => {
    expect(messagesFor({})).toEqual([]);
  });
});
