import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/users/email";

// The password hash is never part of a default select.
export const userSelect = { id: true, email: true, name: true, isStaff: true } as const;

export type UserSummary = { id: string; email: string; name: string; isStaff: boolean };

export function getUserById(id: string): Promise<UserSummary | null> {
  return db.user.findUnique({ where: { id }, select: userSelect });
}

export function getUserByEmail(email: string): Promise<UserSummary | null> {
  return db.user.findUnique({ where: { email: normalizeEmail(email) }, select: userSelect });
}

export function getPasswordHash(email: string) {
  return db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true },
  });
}
