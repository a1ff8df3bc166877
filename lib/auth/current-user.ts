import "server-only";

import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { getSignedInBySession, type SignedIn } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import type { MembershipWithTeam } from "@/lib/teams/teams";
import type { UserSummary } from "@/lib/users/users";

/**
 * Who is signed in, with their membership, or null. Memoized per request: the root layout, the
 * team layout and the page all ask. The session cookie is decrypted as Auth.js's `auth()` would
 * and the server-side session checked in the same query that loads the user and team; a server
 * component cannot refresh the cookie, so `auth()`'s re-encryption of it would be wasted work.
 */
const getSignedIn = cache(async (): Promise<SignedIn | null> => {
  // Only the cookie is passed: a session token is never accepted from an Authorization header.
  const cookie = (await headers()).get("cookie") ?? "";
  const token = await getToken({
    req: { headers: { cookie } },
    secret: env.authSecret,
    secureCookie: env.secureCookies,
  });
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  return sessionId ? getSignedInBySession(sessionId) : null;
});

/** The signed-in user, or null. */
export async function getCurrentUser(): Promise<UserSummary | null> {
  return (await getSignedIn())?.user ?? null;
}

/** The signed-in user's membership and team, or null (signed out, or in no team). */
export async function getCurrentMembership(): Promise<MembershipWithTeam | null> {
  return (await getSignedIn())?.membership ?? null;
}

/** The signed-in user; anyone else is sent to the sign-in page. */
export async function requireUser(): Promise<UserSummary> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export async function requireStaff(): Promise<UserSummary> {
  const user = await requireUser();
  if (!user.isStaff) redirect("/problem/not-allowed");
  return user;
}
