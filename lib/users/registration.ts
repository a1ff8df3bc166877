import { z } from "zod";

import { recordAudit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { getSsoRequirement } from "@/lib/auth/password-sign-in";
import { db } from "@/lib/db";
import { getTeamConnection } from "@/lib/sso/connections";
import { Prisma } from "@/lib/generated/prisma/client";
import { emailSchema } from "@/lib/users/email";

const COMMON_PASSWORDS = new Set([
  "password123",
  "password1234",
  "1234567890",
  "qwertyuiop",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "administrator",
  "passw0rd123",
  "0123456789",
  "abcdefghij",
  "qwerty1234",
]);

export const passwordSchema = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters.")
  .max(128, "Use at most 128 characters.")
  .refine(
    (value) => !COMMON_PASSWORDS.has(value.toLowerCase()),
    "That password is too common. Choose another.",
  )
  .refine(
    (value) => new Set(value).size >= 4,
    "That password is too easy to guess. Mix more characters.",
  );

export const registrationSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, "Enter your name.")
      .max(120, "Keep your name under 120 characters."),
    email: emailSchema,
    password: passwordSchema,
  })
  .refine(
    (value) => {
      // Only a distinctive local part counts: "jo@…" must not forbid "major journey".
      const localPart = value.email.split("@")[0] ?? "";
      return localPart.length < 4 || !value.password.toLowerCase().includes(localPart);
    },
    {
      path: ["password"],
      message: "Don't use your email address in your password.",
    },
  );

export type RegistrationResult =
  | { ok: true; userId: string }
  | { ok: false; field: "email"; code: "taken" | "sso-required"; message: string };

export async function registerUser(
  input: z.output<typeof registrationSchema>,
  ip: string | null,
  options: { invitedTeamId?: string } = {},
): Promise<RegistrationResult> {
  // Joining by invitation a team whose SSO is on happens through Okta, never with a password.
  const invitedTeamSso = options.invitedTeamId
    ? await getTeamConnection(options.invitedTeamId)
    : null;
  const sso = invitedTeamSso?.enabled
    ? { teamId: invitedTeamSso.teamId }
    : await getSsoRequirement(input.email);
  if (sso) {
    await recordAudit({
      action: "password.sign_up",
      outcome: "refused",
      reason: "team requires Okta",
      teamId: sso.teamId,
      email: input.email,
      ip,
    });
    return {
      ok: false,
      field: "email",
      code: "sso-required",
      message:
        "Your company signs in with Okta. Continue with Okta instead of creating a password.",
    };
  }

  try {
    const user = await db.user.create({
      data: {
        name: input.name,
        email: input.email,
        passwordHash: await hashPassword(input.password),
      },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return {
        ok: false,
        field: "email",
        code: "taken",
        message: "An account with this email already exists. Sign in instead.",
      };
    }
    throw error;
  }
}
