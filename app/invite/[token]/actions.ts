"use server";

import { redirect } from "next/navigation";

import { requireUser } from "@/lib/auth/current-user";
import { acceptInvitation } from "@/lib/teams/invitations";

export async function acceptInvitationAction(formData: FormData) {
  const user = await requireUser();
  const token = String(formData.get("token") ?? "");
  const result = await acceptInvitation(user, token);
  redirect(result.ok ? "/team?joined=1" : `/invite/${encodeURIComponent(token)}`);
}
