import "server-only";

import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { getSsoRequirement } from "@/lib/auth/password-sign-in";
import { RETURN_PATH_HEADER } from "@/lib/auth/return-path";
import { getSignedInBySession, type SignedIn } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import type { MembershipWithTeam } from "@/lib/teams/teams";
import { safeLocalPath } from "@/lib/urls";
import type { UserSummary } from "@/lib/users/users";

type SessionLookup = {
  signedIn: SignedIn | null;
  /** The email of a session this browser holds but the server has ended, if any. */
  endedFor: string | null;
};

/**
 * Who is signed in, with their membership. Memoized per request: the root layout, the team
 * layout and the page all ask. The session cookie is decrypted as Auth.js's `auth()` would and
 * the server-side session checked in the same query that loads the user and team; a server
 * component cannot refresh the cookie, so `auth()`'s re-encryption of it would be wasted work.
 */
const lookUpSession = cache(async (): Promise<SessionLookup> => {
  // Only the cookie is passed: a session token is never accepted from an Authorization header.
  const cookie = (await headers()).get("cookie") ?? "";
  const token = await getToken({
    req: { headers: { cookie } },
    secret: env.authSecret,
    secureCookie: env.secureCookies,
  });
  const sessionId = typeof token?.sid === "string" ? token.sid : null;
  if (!sessionId) return { signedIn: null, endedFor: null };

  const signedIn = await getSignedInBySession(sessionId);
  const email = typeof token?.email === "string" ? token.email : "";
  return { signedIn, endedFor: signedIn ? null : email };
});

async function getSignedIn() {
  return (await lookUpSession()).signedIn;
}

/** The signed-in user, or null. */
export async function getCurrentUser(): Promise<UserSummary | null> {
  return (await getSignedIn())?.user ?? null;
}

/** The signed-in user's membership and team, or null (signed out, or in no team). */
export async function getCurrentMembership(): Promise<MembershipWithTeam | null> {
  return (await getSignedIn())?.membership ?? null;
}

/**
 * The signed-in user; anyone else is sent to the sign-in page, which says why when the server
 * ended their session (signed out elsewhere, removed, or their team switched to Okta).
 */
export async function requireUser(): Promise<UserSummary> {
  const { signedIn, endedFor } = await lookUpSession();
  if (signedIn) return signedIn.user;

  const search = new URLSearchParams();
  if (endedFor !== null) {
    const okta = endedFor ? await getSsoRequirement(endedFor) : null;
    if (okta) search.set("sso", "on");
    else search.set("ended", "1");
  }
  // Signing in returns to the page that was asked for (proxy.ts names it).
  const wanted = safeLocalPath((await headers()).get(RETURN_PATH_HEADER) ?? undefined);
  if (wanted && wanted !== "/team") search.set("next", wanted);
  redirect(search.size ? `/sign-in?${search}` : "/sign-in");
}

export async function requireStaff(): Promise<UserSummary> {
  const user = await requireUser();
  if (!user.isStaff) redirect("/problem/not-allowed");
  return user;
}
