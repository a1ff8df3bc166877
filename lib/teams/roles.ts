import type { Role } from "@/lib/generated/prisma/enums";

const rank: Record<Role, number> = { MEMBER: 0, ADMIN: 1, OWNER: 2 };

export function hasRole(role: Role, atLeast: Role) {
  return rank[role] >= rank[atLeast];
}

/** Owners and admins manage the team: Team Edition, permissions, invitations, single sign-on. */
export function canManageTeam(role: Role) {
  return hasRole(role, "ADMIN");
}

export const roleLabel: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" };
