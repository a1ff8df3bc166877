import { createHash, randomBytes } from "node:crypto";

import { z } from "zod";

import { recordAudit } from "@/lib/audit/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TeamContext } from "@/lib/teams/team-context";
import { emailSchema } from "@/lib/users/email";

const INVITATION_TTL_DAYS = 7;

export const invitationSchema = z.object({ email: emailSchema });

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export function invitationLink(token: string) {
  return `${env.appUrl}/invite/${token}`;
}

export async function createInvitation(ctx: TeamContext, email: string) {
  const token = randomBytes(24).toString("base64url");
  await db.invitation.create({
    data: {
      teamId: ctx.team.id,
      email,
      tokenHash: hashToken(token),
      invitedById: ctx.user.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
    },
  });
  await recordAudit({
    action: "team.invited",
    outcome: "success",
    teamId: ctx.team.id,
    actorId: ctx.user.id,
    email,
  });
  return invitationLink(token);
}

export function listPendingInvitations(teamId: string) {
  return db.invitation.findMany({
    where: { teamId, acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, createdAt: true, expiresAt: true },
  });
}

export type InvitationView = {
  teamId: string;
  teamName: string;
  email: string;
  status: "open" | "expired" | "accepted";
};

/** The invitation behind a link, or null when the link is not one of ours. */
export async function getInvitation(token: string): Promise<InvitationView | null> {
  if (!/^[\w-]{20,64}$/.test(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      expiresAt: true,
      acceptedAt: true,
      team: { select: { id: true, name: true } },
    },
  });
  if (!invitation) return null;
  const status = invitation.acceptedAt
    ? "accepted"
    : invitation.expiresAt < new Date()
      ? "expired"
      : "open";
  return {
    teamId: invitation.team.id,
    teamName: invitation.team.name,
    email: invitation.email,
    status,
  };
}

export type AcceptResult =
  | { ok: true; teamName: string }
  | { ok: false; reason: "invalid" | "expired" | "wrong-email" | "other-team"; teamName?: string };

/**
 * Joins the invited team. Someone who already belongs to another team cannot accept: nothing
 * changes, and the page says why.
 */
export async function acceptInvitation(
  user: { id: string; email: string },
  token: string,
): Promise<AcceptResult> {
  const invitation = await getInvitation(token);
  if (!invitation) return { ok: false, reason: "invalid" };
  if (invitation.status === "expired")
    return { ok: false, reason: "expired", teamName: invitation.teamName };

  const membership = await db.membership.findUnique({
    where: { userId: user.id },
    select: { teamId: true },
  });
  if (membership?.teamId === invitation.teamId) return { ok: true, teamName: invitation.teamName };
  if (membership) {
    await recordAudit({
      action: "team.invite_accept",
      outcome: "refused",
      reason: "member of another team",
      teamId: invitation.teamId,
      actorId: user.id,
      email: user.email,
    });
    return { ok: false, reason: "other-team", teamName: invitation.teamName };
  }
  if (invitation.status === "accepted") return { ok: false, reason: "invalid" };
  if (invitation.email !== user.email)
    return { ok: false, reason: "wrong-email", teamName: invitation.teamName };

  try {
    await db.$transaction([
      db.membership.create({
        data: { userId: user.id, teamId: invitation.teamId, role: "MEMBER" },
      }),
      db.invitation.update({
        where: { tokenHash: hashToken(token) },
        data: { acceptedAt: new Date() },
      }),
    ]);
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002")
      throw error;
    // The user joined a team since the check above (an Okta sign-in, a second click on the
    // link): decide again against the membership that won.
    return acceptInvitation(user, token);
  }
  await recordAudit({
    action: "team.joined",
    outcome: "success",
    teamId: invitation.teamId,
    actorId: user.id,
    email: user.email,
  });
  return { ok: true, teamName: invitation.teamName };
}
