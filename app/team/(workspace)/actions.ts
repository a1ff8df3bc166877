"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import type { ActionState } from "@/lib/action-state";
import { recordAudit } from "@/lib/audit/audit";
import { createInvitation, invitationSchema } from "@/lib/teams/invitations";
import { teamAction } from "@/lib/teams/team-context";
import { removeMember, setTeamPermissions } from "@/lib/teams/teams";
import { createTemplate, templateSchema } from "@/lib/templates/templates";

export const inviteAction = teamAction(
  { schema: invitationSchema, manage: true },
  async (ctx, input) => {
    const result = await createInvitation(ctx, input.email);
    if (!result.ok) {
      const refusal =
        result.reason === "self"
          ? "That's your own address, and you are already in the team. Enter a colleague's email."
          : `${input.email} is already a member of this team.`;
      return { ok: false, fieldErrors: { email: [refusal] }, values: { email: input.email } };
    }

    revalidatePath("/team");
    return {
      ok: true,
      link: result.link,
      values: { email: input.email },
      message: result.renewed
        ? "Already invited, so no second invitation was made: this new link replaces the earlier one, which no longer works. Send them this one."
        : "Send this link to them.",
    };
  },
);

const removalRefusals = {
  self: "You can't remove yourself.",
  owner: "The team's owner can't be removed.",
  "not-a-member": "That person is not a member of this team.",
} as const;

export const removeMemberAction = teamAction(
  { schema: z.object({ userId: z.string().min(1) }), manage: true },
  async (ctx, input) => {
    const result = await removeMember(ctx, input.userId);
    if (!result.ok) return { ok: false, message: removalRefusals[result.reason] };

    await recordAudit({
      action: "team.member_removed",
      outcome: "success",
      teamId: ctx.team.id,
      actorId: ctx.user.id,
      detail: { userId: input.userId },
    });
    revalidatePath("/team");
    const { name, email } = result.removed;
    return {
      ok: true,
      message: `${name} (${email}) was removed from the team and signed out everywhere.`,
    };
  },
);

const permissionsSchema = z.object({
  defaultVisibility: z.enum(["PUBLIC", "PRIVATE"], { error: "Choose Public or Private." }),
});

export const setPermissionsAction = teamAction(
  { schema: permissionsSchema, manage: true },
  async (ctx, input) => {
    const wasOn = ctx.team.teamEdition;
    await setTeamPermissions(ctx.team.id, input.defaultVisibility);
    await recordAudit({
      action: wasOn ? "team.default_permissions_changed" : "team.team_edition_enabled",
      outcome: "success",
      teamId: ctx.team.id,
      actorId: ctx.user.id,
      detail: { defaultVisibility: input.defaultVisibility },
    });
    revalidatePath("/team", "layout");
    return { ok: true, message: wasOn ? "Default permissions saved." : "Team Edition is on." };
  },
);

export const createTemplateAction = teamAction({ schema: templateSchema }, async (ctx, input) => {
  const template = await createTemplate(ctx, input);
  revalidatePath("/team/templates");
  return {
    ok: true,
    message: `Template saved. It is ${template.visibility === "PUBLIC" ? "visible to the whole team" : "private to you and the team's managers"}.`,
  };
});

export const enableTeamEditionAction = async (previous: ActionState, formData: FormData) => {
  const result = await setPermissionsAction(previous, formData);
  if (result.ok) redirect("/team/permissions?enabled=1");
  return result;
};
