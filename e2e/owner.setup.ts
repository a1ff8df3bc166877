import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { test as setup, expect } from "@playwright/test";

import { count } from "./support/db";
import {
  newPerson,
  OWNER_META,
  OWNER_STATE,
  registerOwnerWithTeam,
  uniqueId,
  type OwnerMeta,
} from "./foundation/people";
import { MembersPage } from "./pages/members-page";

// Registers one Team Owner of a fresh password team (Team Edition off) and saves the signed-in
// browser state, so specs that only need "an owner" skip registration.
setup("register a Team Owner of a password team", async ({ page }) => {
  const owner: OwnerMeta = { ...newPerson("owner"), teamName: `Setup Team ${uniqueId()}` };

  await registerOwnerWithTeam(page, owner, owner.teamName);
  await expect(new MembersPage(page).heading).toBeVisible();
  expect(
    await count(
      `SELECT count(*) FROM teams t JOIN memberships m ON m.team_id = t.id JOIN users u ON u.id = m.user_id
       WHERE u.email = $1 AND m.role = 'OWNER' AND t.team_edition = false`,
      [owner.email],
    ),
  ).toBe(1);

  await mkdir(path.dirname(OWNER_STATE), { recursive: true });
  await page.context().storageState({ path: OWNER_STATE });
  await writeFile(OWNER_META, JSON.stringify(owner, null, 2));
});
