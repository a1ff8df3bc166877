import { db } from "@/lib/db";
import type { Role, Visibility } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TeamContext } from "@/lib/teams/team-context";
import { emailDomain, isPublicMailDomain } from "@/lib/users/email";

export const teamSelect = {
  id: true,
  name: true,
  slug: true,
  domain: true,
  teamEdition: true,
  defaultVisibility: true,
} as const;

export type TeamSummary = {
  id: string;
  name: string;
  slug: string;
  domain: string | null;
  teamEdition: boolean;
  defaultVisibility: Visibility;
};

export type MembershipWithTeam = { role: Role; team: TeamSummary };

export function getMembership(userId: string): Promise<MembershipWithTeam | null> {
  return db.membership.findUnique({
    where: { userId },
    select: { role: true, team: { select: teamSelect } },
  });
}

export const MEMBERS_PER_PAGE = 50;

/** The `page` of the member list's address: a whole number from 1; anything else is page 1. */
export type MemberPage = {
  members: { role: Role; createdAt: Date; user: { id: string; name: string; email: string } }[];
  page: number;
  pageCount: number;
  total: number;
};

/**
 * One page of a team's members, the owner first, then by the date they joined. A team that fits
 * on one page is counted by its rows; only a longer list costs a second query for its total.
 */
export async function listMembers(teamId: string, page = 1): Promise<MemberPage> {
  const rows = await db.membership.findMany({
    where: { teamId },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * MEMBERS_PER_PAGE,
    take: MEMBERS_PER_PAGE + 1,
    select: {
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });
  const members = rows.slice(0, MEMBERS_PER_PAGE);
  const total =
    page === 1 && rows.length <= MEMBERS_PER_PAGE
      ? rows.length
      : await db.membership.count({ where: { teamId } });
  return { members, page, pageCount: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)), total };
}

function slugify(name: string) {
  const slug = name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 40);
  return slug || "team";
}

export type DomainClaim = { domain: string | null; reason?: "public-mail" | "taken" };

/** The domain a new team owned by this email gets: its own, unless public or taken. */
export async function domainForOwner(ownerEmail: string): Promise<DomainClaim> {
  const domain = emailDomain(ownerEmail);
  if (isPublicMailDomain(domain)) return { domain: null, reason: "public-mail" };
  const taken = await db.team.findUnique({ where: { domain }, select: { id: true } });
  return taken ? { domain: null, reason: "taken" } : { domain };
}

export type CreateTeamResult =
  | { ok: true; team: TeamSummary; domainClaim: DomainClaim }
  | { ok: false; reason: "already-member" };

export async function createTeam(
  owner: { id: string; email: string },
  name: string,
): Promise<CreateTeamResult> {
  const domainClaim = await domainForOwner(owner.email);
  const base = slugify(name);

  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${Math.random().toString(36).slice(2, 6)}`;
    try {
      const team = await db.team.create({
        data: {
          name,
          slug,
          domain: domainClaim.domain,
          memberships: { create: { userId: owner.id, role: "OWNER" } },
        },
        select: teamSelect,
      });
      return { ok: true, team, domainClaim };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002")
        throw error;
      const target = String(error.meta?.target ?? "") + JSON.stringify(error.meta ?? {});
      if (target.includes("user_id")) return { ok: false, reason: "already-member" };
      if (target.includes("domain")) return createTeam(owner, name);
    }
  }
  throw new Error("Could not find a free team slug");
}

/** Turns Team Edition on with the chosen default, or changes the default later. */
export function setTeamPermissions(teamId: string, defaultVisibility: Visibility) {
  return db.team.update({
    where: { id: teamId },
    data: { teamEdition: true, defaultVisibility },
    select: teamSelect,
  });
}

export type RemoveMemberResult =
  | { ok: true; removed: { name: string; email: string } }
  | { ok: false; reason: "self" | "owner" | "not-a-member" };

/** Removes a member (never the owner, never oneself) of the team and ends their sessions. */
export async function removeMember(
  ctx: Pick<TeamContext, "team" | "user">,
  userId: string,
): Promise<RemoveMemberResult> {
  if (userId === ctx.user.id) return { ok: false, reason: "self" };

  return db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { teamId: ctx.team.id, userId },
      select: { role: true, user: { select: { name: true, email: true } } },
    });
    if (!membership) return { ok: false, reason: "not-a-member" };
    if (membership.role === "OWNER") return { ok: false, reason: "owner" };

    // Another manager may have removed them since the read above.
    const removed = await tx.membership.deleteMany({
      where: { teamId: ctx.team.id, userId, role: { not: "OWNER" } },
    });
    if (removed.count === 0) return { ok: false, reason: "not-a-member" };
    await tx.session.deleteMany({ where: { userId } });
    return { ok: true, removed: membership.user };
  });
}
