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

export type InvitationResult =
  { ok: true; link: string; renewed: boolean } | { ok: false; reason: "self" | "member" };

/**
 * Makes an invite link for `email`. An address with an unaccepted invitation (open or expired)
 * gets no second one: that invitation is renewed with a new link and a new expiry, and its
 * earlier link stops working, as the token behind it is only stored as a hash and can't be shown
 * again.
 */
export async function createInvitation(ctx: TeamContext, email: string): Promise<InvitationResult> {
  if (email === ctx.user.email) return { ok: false, reason: "self" };
  if (await isTeamMember(ctx.team.id, email)) return { ok: false, reason: "member" };

  const token = randomBytes(24).toString("base64url");
  const renewed = await issueInvitation(ctx.team.id, email, {
    tokenHash: hashToken(token),
    invitedById: ctx.user.id,
    expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
  });
  await recordAudit({
    action: renewed ? "team.invitation_renewed" : "team.invited",
    outcome: "success",
    teamId: ctx.team.id,
    actorId: ctx.user.id,
    email,
  });
  return { ok: true, link: invitationLink(token), renewed };
}

async function isTeamMember(teamId: string, email: string) {
  return (await db.membership.count({ where: { teamId, user: { email } } })) > 0;
}

/**
 * Renews the address's unaccepted invitation, or creates one; true when it renewed. The unique
 * index on unaccepted invitations (team, email) decides between two submits at once: the insert
 * that loses is refused, and the loop then renews the row the other one made.
 */
async function issueInvitation(
  teamId: string,
  email: string,
  link: { tokenHash: string; invitedById: string; expiresAt: Date },
) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const renewed = await db.invitation.updateMany({
      where: { teamId, email, acceptedAt: null },
      data: link,
    });
    if (renewed.count > 0) return true;

    try {
      await db.invitation.create({ data: { teamId, email, ...link } });
      return false;
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002")
        throw error;
    }
  }
  throw new Error("Could not create or renew the invitation");
}

export function listPendingInvitations(teamId: string) {
  return db.invitation.findMany({
    where: { teamId, acceptedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, createdAt: true, expiresAt: true },
  });
}

/**
 * What a link shows. Only an open invitation names its team and address: a used or expired link
 * may be in anyone's hands by now.
 */
export type InvitationView =
  | { status: "open"; teamId: string; teamName: string; email: string }
  | { status: "expired"; teamId: string }
  | { status: "accepted"; teamId: string };

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
  if (invitation.acceptedAt) return { status: "accepted", teamId: invitation.team.id };
  if (invitation.expiresAt < new Date()) return { status: "expired", teamId: invitation.team.id };
  return {
    status: "open",
    teamId: invitation.team.id,
    teamName: invitation.team.name,
    email: invitation.email,
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
  if (invitation.status === "expired") return { ok: false, reason: "expired" };

  const membership = await db.membership.findUnique({
    where: { userId: user.id },
    select: { team: { select: { id: true, name: true } } },
  });
  if (membership?.team.id === invitation.teamId)
    return { ok: true, teamName: membership.team.name };
  if (invitation.status === "accepted") return { ok: false, reason: "invalid" };
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
    if (!(error instanceof Prisma.PrismaClientKnownRequestError)) throw error;
    // The owner renewed the invitation since the check above: this link no longer works.
    if (error.code === "P2025") return { ok: false, reason: "invalid" };
    if (error.code !== "P2002") throw error;
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
