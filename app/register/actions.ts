"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";

import { invalid, type ActionState } from "@/lib/action-state";
import { signIn } from "@/lib/auth/auth";
import { requestIp } from "@/lib/auth/request-ip";
import { acceptInvitation } from "@/lib/teams/invitations";
import { registerUser, registrationSchema } from "@/lib/users/registration";

export async function registerAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = registrationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, formData, ["password"]);

  const result = await registerUser(parsed.data, requestIp(await headers()));
  if (!result.ok) {
    return {
      ok: false,
      fieldErrors: { email: [result.message] },
      values: { name: parsed.data.name, email: parsed.data.email },
      message: result.code === "sso-required" ? result.message : undefined,
    };
  }

  const invite = formData.get("invite")?.toString();
  let landing = "/team";
  if (invite) {
    const accepted = await acceptInvitation(
      { id: result.userId, email: parsed.data.email },
      invite,
    );
    if (!accepted.ok) landing = `/invite/${encodeURIComponent(invite)}`;
  }

  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirect: false,
  });
  redirect(landing);
}
