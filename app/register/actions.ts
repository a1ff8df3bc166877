"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { invalid, readForm, type ActionState } from "@/lib/action-state";
import { signIn } from "@/lib/auth/auth";
import { requestIp } from "@/lib/auth/request-ip";
import { acceptInvitation, getInvitation } from "@/lib/teams/invitations";
import { registerUser, registrationSchema } from "@/lib/users/registration";

export async function registerAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = registrationSchema.safeParse(readForm(formData));
  if (!parsed.success) return invalid(parsed.error, formData, ["password"]);

  const invite = formData.get("invite")?.toString();
  const invitation = invite ? await getInvitation(invite) : null;
  const result = await registerUser(parsed.data, requestIp(await headers()), {
    invitedTeamId: invitation?.teamId,
  });
  if (!result.ok) {
    return {
      ok: false,
      // An SSO refusal is shown once, as the banner with its way on to Okta.
      fieldErrors: result.code === "sso-required" ? {} : { email: [result.message] },
      values: { name: parsed.data.name, email: parsed.data.email },
      message: result.code === "sso-required" ? result.message : undefined,
    };
  }

  let landing = "/team";
  if (invite) {
    const accepted = await acceptInvitation(
      { id: result.userId, email: parsed.data.email },
      invite,
    );
    if (!accepted.ok) landing = `/invite/${encodeURIComponent(invite)}`;
  }

  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
  } catch (error) {
    // The account exists; if signing in is refused now (a limit, a policy), say so on sign-in.
    if (!(error instanceof AuthError)) throw error;
    redirect(`/sign-in?email=${encodeURIComponent(parsed.data.email)}`);
  }
  redirect(landing);
}
