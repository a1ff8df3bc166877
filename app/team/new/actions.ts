"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { invalid, readForm, type ActionState } from "@/lib/action-state";
import { recordAudit } from "@/lib/audit/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { createTeam } from "@/lib/teams/teams";

const createTeamSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Give your team a name of at least 2 characters.")
    .max(80, "Keep the name under 80 characters."),
});

export async function createTeamAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };

  const parsed = createTeamSchema.safeParse(readForm(formData));
  if (!parsed.success) return invalid(parsed.error, formData);

  const result = await createTeam(user, parsed.data.name);
  if (!result.ok)
    return {
      ok: false,
      message: "You already belong to a team. Leave it before creating another.",
    };

  await recordAudit({
    action: "team.created",
    outcome: "success",
    teamId: result.team.id,
    actorId: user.id,
    detail: { domain: result.team.domain },
  });
  redirect(
    `/team?created=1${result.domainClaim.reason ? `&domain=${result.domainClaim.reason}` : ""}`,
  );
}
