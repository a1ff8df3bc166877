import { z } from "zod";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TeamContext } from "@/lib/teams/team-context";

export const templateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the template a name.")
    .max(120, "Keep the name under 120 characters."),
  subject: z
    .string()
    .trim()
    .min(1, "Add a subject line.")
    .max(200, "Keep the subject under 200 characters."),
  body: z
    .string()
    .trim()
    .min(1, "Write the email body.")
    .max(20_000, "Keep the body under 20,000 characters."),
});

const templateListSelect = {
  id: true,
  name: true,
  subject: true,
  body: true,
  visibility: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
} as const;

type Viewer = Pick<TeamContext, "user" | "team" | "canManage">;

/** Private templates are visible to their author and to the team's owner and admins only. */
function visibleTo(viewer: Viewer): Prisma.TemplateWhereInput {
  if (viewer.canManage) return { teamId: viewer.team.id };
  return { teamId: viewer.team.id, OR: [{ visibility: "PUBLIC" }, { authorId: viewer.user.id }] };
}

export function listVisibleTemplates(viewer: Viewer) {
  return db.template.findMany({
    where: visibleTo(viewer),
    orderBy: { createdAt: "desc" },
    select: templateListSelect,
  });
}

/** A new template takes the team's default visibility. */
export function createTemplate(ctx: TeamContext, input: z.output<typeof templateSchema>) {
  return db.template.create({
    data: {
      ...input,
      teamId: ctx.team.id,
      authorId: ctx.user.id,
      visibility: ctx.team.defaultVisibility,
    },
    select: { id: true, visibility: true },
  });
}
