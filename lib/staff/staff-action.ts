import "server-only";

import { z } from "zod";

import { invalid, readForm, type ActionState } from "@/lib/action-state";
import { getCurrentUser } from "@/lib/auth/current-user";
import { findTeamByOwnerEmail } from "@/lib/sso/configure";
import { emailSchema } from "@/lib/users/email";
import type { UserSummary } from "@/lib/users/users";

const ownerSchema = z.object({ ownerEmail: emailSchema });

export type StaffContext = { staff: UserSummary; team: { id: string; name: string } };

/**
 * Wraps a support-console action: staff only, and the team is found by its Team Owner's email,
 * as support is given it.
 */
export function staffAction<S extends z.ZodObject>(
  options: { schema: S; secretFields?: string[] },
  body: (ctx: StaffContext, input: z.output<S>) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const staff = await getCurrentUser();
    if (!staff?.isStaff) return { ok: false, message: "Only Teamline support staff can do this." };

    const owner = ownerSchema.safeParse(readForm(formData));
    const team = owner.success ? await findTeamByOwnerEmail(owner.data.ownerEmail) : null;
    if (!team) return { ok: false, message: "No team has a Team Owner with that email." };

    const parsed = options.schema.safeParse(readForm(formData));
    if (!parsed.success) return invalid(parsed.error, formData, options.secretFields);
    return body({ staff, team }, parsed.data);
  };
}
