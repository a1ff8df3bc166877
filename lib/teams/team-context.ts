import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";

import { invalid, readForm, type ActionState } from "@/lib/action-state";
import { recordAudit } from "@/lib/audit/audit";
import { getCurrentMembership, getCurrentUser, requireUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/generated/prisma/enums";
import { canManageTeam } from "@/lib/teams/roles";
import type { TeamSummary } from "@/lib/teams/teams";
import type { UserSummary } from "@/lib/users/users";

export type TeamContext = { user: UserSummary; team: TeamSummary; role: Role; canManage: boolean };

/**
 * The signed-in user's team; someone without a team is sent to create one, and support staff, who
 * belong to none, to their console. Memoized per request, as the team layout and its page both
 * need it.
 */
export const requireTeamContext = cache(async (): Promise<TeamContext> => {
  const user = await requireUser();
  const membership = await getCurrentMembership();
  if (!membership) redirect(user.isStaff ? "/staff" : "/team/new");
  return {
    user,
    team: membership.team,
    role: membership.role,
    canManage: canManageTeam(membership.role),
  };
});

export const NOT_A_MANAGER_MESSAGE = "Only the team's owner and admins can do this.";

/**
 * Wraps a team-scoped server action: it resolves the session, the membership and the
 * permission on the server, parses the form with `schema`, and hands `{ user, team, role }` to
 * the body. The team always comes from the session, never from the form.
 */
export function teamAction<S extends z.ZodType>(
  options: { schema: S; manage?: boolean; secretFields?: string[] },
  body: (ctx: TeamContext, input: z.output<S>) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
    const membership = await getCurrentMembership();
    if (!membership) return { ok: false, message: "You are not in a team." };

    const ctx = {
      user,
      team: membership.team,
      role: membership.role,
      canManage: canManageTeam(membership.role),
    };
    if (options.manage && !ctx.canManage) {
      await recordAudit({
        action: "team.permission_denied",
        outcome: "refused",
        teamId: ctx.team.id,
        actorId: user.id,
        reason: "not an owner or admin",
      });
      return { ok: false, message: NOT_A_MANAGER_MESSAGE };
    }

    const parsed = options.schema.safeParse(readForm(formData));
    if (!parsed.success) return invalid(parsed.error, formData, options.secretFields);
    return body(ctx, parsed.data);
  };
}
