import { randomBytes } from "node:crypto";

import { db } from "@/lib/db";
import { teamSelect, type MembershipWithTeam } from "@/lib/teams/teams";
import { userSelect, type UserSummary } from "@/lib/users/users";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export type SignInMethod = "password" | "okta";

/** Every sign-in gets a fresh server-side session; nothing chosen before sign-in survives it. */
export async function createSession(userId: string, method: SignInMethod) {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({
    data: { id, userId, method, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return id;
}

export async function getActiveSession(id: string) {
  return db.session.findFirst({
    where: { id, expiresAt: { gt: new Date() } },
    select: { id: true, userId: true, method: true },
  });
}

export type SignedIn = { user: UserSummary; membership: MembershipWithTeam | null };

/** The user of an active session, with their membership and team, in one query. */
export async function getSignedInBySession(id: string): Promise<SignedIn | null> {
  const session = await db.session.findFirst({
    where: { id, expiresAt: { gt: new Date() } },
    select: {
      user: {
        select: {
          ...userSelect,
          membership: { select: { role: true, team: { select: teamSelect } } },
        },
      },
    },
  });
  if (!session) return null;
  const { membership, ...user } = session.user;
  return { user, membership };
}

export async function endSession(id: string) {
  await db.session.deleteMany({ where: { id } });
}

export async function endUserSessions(userId: string) {
  await db.session.deleteMany({ where: { userId } });
}

/** Ends the sessions of a team's members signed in a given way, except one member's. */
export async function endTeamSessions(teamId: string, method: SignInMethod, exceptUserId?: string) {
  await db.session.deleteMany({
    where: {
      method,
      user: { membership: { teamId } },
      ...(exceptUserId ? { userId: { not: exceptUserId } } : {}),
    },
  });
}
