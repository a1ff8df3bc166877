"use server";

import { AuthError } from "next-auth";
import { z } from "zod";

import { readForm, type ActionState } from "@/lib/action-state";
import { signIn } from "@/lib/auth/auth";
import { getSsoRequirement } from "@/lib/auth/password-sign-in";
import { redirectToOkta } from "@/lib/auth/redirect-to-okta";
import { safeLocalPath } from "@/lib/urls";
import { emailSchema } from "@/lib/users/email";

export type SignInState = ActionState & {
  step: "email" | "password";
  email?: string;
  ssoRequired?: boolean;
};

const emailStepSchema = z.object({ email: emailSchema, next: z.string().optional() });
const passwordStepSchema = emailStepSchema.extend({
  password: z.string().min(1, "Enter your password.").max(1000, "That password is too long."),
});

function describeFailure(code: string): Pick<SignInState, "message" | "ssoRequired"> {
  const [kind, seconds] = code.split(":");
  if (kind === "rate-limited") {
    const minutes = Math.max(1, Math.ceil(Number(seconds) / 60));
    return {
      message: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    };
  }
  if (kind === "sso-required") {
    return {
      ssoRequired: true,
      message:
        "Your team signs in with Okta, so password sign-in is turned off. Continue with Okta.",
    };
  }
  return { message: "That email and password don't match. Check them and try again." };
}

/**
 * The sign-in page asks for the email first: a team with Okta on sends the browser to its Okta
 * with the email as login_hint; everyone else gets the password field.
 */
export async function signInAction(
  _previous: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const landingPath = safeLocalPath(formData.get("next")?.toString()) ?? "/team";
  const wantsPassword = formData.has("password");

  if (!wantsPassword || formData.get("intent") === "okta") {
    const parsed = emailStepSchema.safeParse(readForm(formData));
    if (!parsed.success) {
      return {
        ok: false,
        step: "email",
        fieldErrors: { email: parsed.error.issues.map((issue) => issue.message) },
        values: { email: String(formData.get("email") ?? "") },
      };
    }
    const sso = await getSsoRequirement(parsed.data.email);
    if (sso)
      await redirectToOkta({
        connectionId: sso.connectionId,
        mode: "sign-in",
        loginHint: parsed.data.email,
        landingPath,
      });
    return { ok: true, step: "password", email: parsed.data.email };
  }

  const parsed = passwordStepSchema.safeParse(readForm(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues)
      (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, step: "password", email: String(formData.get("email") ?? ""), fieldErrors };
  }

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: landingPath,
    });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = "code" in error && typeof error.code === "string" ? error.code : "invalid";
      return { ok: false, step: "password", email: parsed.data.email, ...describeFailure(code) };
    }
    throw error;
  }
  return { ok: true, step: "password", email: parsed.data.email };
}
