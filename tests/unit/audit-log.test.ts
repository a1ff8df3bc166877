import { describe, expect, test } from "vitest";

import { listTeamAuditEvents, recordAudit } from "@/lib/audit/audit";
import { pageNumberSchema } from "@/lib/page-number";

import { createTeam } from "./support/factories";

describe("listTeamAuditEvents", () => {
  test("splits a long log into pages, newest first, each event on exactly one page", async () => {
    const team = await createTeam();
    const other = await createTeam();
    for (let i = 0; i < 7; i++) {
      await recordAudit({ action: `test.event_${i}`, outcome: "success", teamId: team.id });
    }
    await recordAudit({ action: "test.elsewhere", outcome: "success", teamId: other.id });

    const pages = await Promise.all(
      [1, 2, 3].map((page) => listTeamAuditEvents(team.id, { page, perPage: 3 })),
    );

    expect(pages.map((p) => [p.page, p.pageCount, p.total])).toEqual([
      [1, 3, 7],
      [2, 3, 7],
      [3, 3, 7],
    ]);
    expect(pages.flatMap((p) => p.events.map((event) => event.action))).toEqual(
      [6, 5, 4, 3, 2, 1, 0].map((i) => `test.event_${i}`),
    );
  });

  test("a page past the end is empty and still says how many pages there are", async () => {
    const team = await createTeam();
    await recordAudit({ action: "test.only", outcome: "success", teamId: team.id });

    const beyond = await listTeamAuditEvents(team.id, { page: 5 });

    expect(beyond).toMatchObject({ page: 5, pageCount: 1, total: 1, events: [] });
  });

  test("a page number from the address that is not a positive whole number means page 1", () => {
    for (const value of ["0", "-2", "1.5", "abc", "", undefined, "1e99"]) {
      expect(pageNumberSchema.parse(value)).toBe(1);
    }
    expect(pageNumberSchema.parse("4")).toBe(4);
  });
});
