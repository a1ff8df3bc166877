import { describe, expect, test } from "vitest";

import { db } from "@/lib/db";
import { removeMember } from "@/lib/teams/teams";

import { createTeam, teamContext } from "./support/factories";

async function signedIn(userId: string) {
  await db.session.create({
    data: {
      id: `session-${userId}-${Date.now()}`,
      userId,
      method: "password",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
}

async function teamWithMember() {
  const team = await createTeam();
  const owner = await teamContext(team, `owner@${team.domain}`, "OWNER");
  const admin = await teamContext(team, `admin@${team.domain}`, "ADMIN");
  const member = await teamContext(team, `uma@${team.domain}`, "MEMBER");
  await signedIn(member.user.id);
  return { team, owner, admin, member };
}

const membershipsOf = (teamId: string) =>
  db.membership.findMany({
    where: { teamId },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });

describe("removeMember", () => {
  test("removes a member, ends their sessions, and names who was removed", async () => {
    const { team, owner, member } = await teamWithMember();

    const result = await removeMember(owner, member.user.id);

    expect(result).toEqual({
      ok: true,
      removed: { name: member.user.name, email: member.user.email },
    });
    expect(await db.membership.findUnique({ where: { userId: member.user.id } })).toBeNull();
    expect(await db.session.count({ where: { userId: member.user.id } })).toBe(0);
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(2);
  });

  test("refuses to remove the team's owner, even for an admin, and nothing changes", async () => {
    const { team, owner, admin } = await teamWithMember();
    const before = await membershipsOf(team.id);

    const result = await removeMember(admin, owner.user.id);

    expect(result).toEqual({ ok: false, reason: "owner" });
    expect(await membershipsOf(team.id)).toEqual(before);
  });

  test("refuses to remove oneself, and nothing changes", async () => {
    const { team, admin } = await teamWithMember();
    const before = await membershipsOf(team.id);

    const result = await removeMember(admin, admin.user.id);

    expect(result).toEqual({ ok: false, reason: "self" });
    expect(await membershipsOf(team.id)).toEqual(before);
  });

  test("refuses a member of another team, whose membership and sessions stay", async () => {
    const { owner } = await teamWithMember();
    const other = await teamWithMember();

    const result = await removeMember(owner, other.member.user.id);

    expect(result).toEqual({ ok: false, reason: "not-a-member" });
    expect(
      await db.membership.findUnique({ where: { userId: other.member.user.id } }),
    ).toMatchObject({ teamId: other.team.id });
    expect(await db.session.count({ where: { userId: other.member.user.id } })).toBe(1);
  });

  test("refuses someone already removed", async () => {
    const { owner, member } = await teamWithMember();
    await removeMember(owner, member.user.id);

    expect(await removeMember(owner, member.user.id)).toEqual({
      ok: false,
      reason: "not-a-member",
    });
  });
});
