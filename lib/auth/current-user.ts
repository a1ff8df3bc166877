import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";

import { auth } from "@/lib/auth/auth";
import { getUserById, type UserSummary } from "@/lib/users/users";

/**
 * The signed-in user, or null. Memoized per request: the root layout, the team layout and the
 * page all ask, and each answer costs a session check and a user lookup.
 */
export const getCurrentUser = cache(async (): Promise<UserSummary | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? getUserById(id) : null;
});

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
