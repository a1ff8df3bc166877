import { describe, expect, test } from "vitest";

import { db } from "@/lib/db";
import { pageNumberSchema } from "@/lib/page-number";
import { listMembers, MEMBERS_PER_PAGE } from "@/lib/teams/teams";

import { createTeam, teamContext } from "./support/factories";

/** A team whose owner joined last, with `count` members in all. */
async function teamOf(count: number) {
  const team = await createTeam();
  const members = Array.from({ length: count - 1 }, (_, i) => ({
    email: `m${String(i).padStart(3, "0")}@${team.domain}`,
    name: `Member ${i}`,
  }));
  await db.user.createMany({ data: members });
  const users = await db.user.findMany({
    where: { email: { in: members.map((member) => member.email) } },
    select: { id: true },
  });
  await db.membership.createMany({
    data: users.map((user) => ({ teamId: team.id, userId: user.id })),
  });
  const owner = await teamContext(team, `owner@${team.domain}`, "OWNER");
  return { team, owner };
}

describe("listMembers", () => {
  test("a team that fits one page has every member on page 1, the owner first", async () => {
    const { team, owner } = await teamOf(3);

    const page = await listMembers(team.id);

    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 3 });
    expect(page.members).toHaveLength(3);
    expect(page.members[0]!.user.id).toBe(owner.user.id);
  });

  test("a long list is split into pages that show each member once", async () => {
    const count = MEMBERS_PER_PAGE * 2 + 7;
    const { team } = await teamOf(count);

    const pages = await Promise.all([1, 2, 3].map((n) => listMembers(team.id, n)));

    expect(pages.map((page) => page.members.length)).toEqual([
      MEMBERS_PER_PAGE,
      MEMBERS_PER_PAGE,
      7,
    ]);
    expect(pages.every((page) => page.total === count && page.pageCount === 3)).toBe(true);
    const ids = pages.flatMap((page) => page.members.map((member) => member.user.id));
    expect(new Set(ids).size).toBe(count);
  });

  test("a page past the end is empty and says how many pages there are", async () => {
    const { team } = await teamOf(2);

    const page = await listMembers(team.id, 5);

    expect(page).toMatchObject({ members: [], page: 5, pageCount: 1, total: 2 });
  });
});

describe("pageNumberSchema", () => {
  test.each([
    [undefined, 1],
    ["3", 3],
    ["0", 1],
    ["-2", 1],
    ["2.5", 1],
    ["abc", 1],
    ["", 1],
    ["99999999999", 1],
  ])("reads page %j as %i", (input, expected) => {
    expect(pageNumberSchema.parse(input)).toBe(expected);
  });
});
