import { query } from "../support/db";
import { MembersPage } from "../pages/members-page";
import { expect, newPerson, registerOwnerWithTeam, test, uniqueId } from "./people";

/** `count` members added straight to the database to the team `ownerEmail` owns. */
async function arrangeMembers(ownerEmail: string, count: number) {
  const batch = uniqueId();
  await query(
    `INSERT INTO users (id, email, name)
     SELECT 'user-' || $1 || '-' || n, 'member-' || $1 || '-' || lpad(n::text, 3, '0') || '@' || split_part($2, '@', 2), 'Member ' || n
     FROM generate_series(1, $3::int) AS n`,
    [batch, ownerEmail, count],
  );
  await query(
    `INSERT INTO memberships (id, user_id, team_id, role)
     SELECT 'membership-' || $1 || '-' || n, 'user-' || $1 || '-' || n, m.team_id, 'MEMBER'
     FROM generate_series(1, $3::int) AS n,
       memberships m JOIN users u ON u.id = m.user_id
     WHERE u.email = $2 AND m.role = 'OWNER'`,
    [batch, ownerEmail, count],
  );
}

test("a long member list comes in pages of fifty, and a page past the end says so", async ({
  visitor,
}) => {
  const page = await visitor();
  const owner = newPerson("crowded");
  await registerOwnerWithTeam(page, owner, `Crowded ${uniqueId()}`);
  await arrangeMembers(owner.email, 60);
  const members = new MembersPage(page);
  const rows = members.members.getByRole("row");

  await test.step("page 1: the owner first, fifty members, and a link to the next page", async () => {
    await members.goto();
    await expect(page.getByText("61 members", { exact: true })).toBeVisible();
    await expect(rows).toHaveCount(51);
    await expect(rows.nth(1)).toContainText(owner.email);
    await expect(members.pagination).toContainText("Page 1 of 2");
    await expect(members.previousPage).toHaveCount(0);
  });

  await test.step("page 2: the other eleven, and a link back", async () => {
    await members.nextPage.click();
    await expect(page).toHaveURL(/\/team\?page=2$/);
    await expect(rows).toHaveCount(12);
    await expect(members.pagination).toContainText("Page 2 of 2");
    await expect(members.nextPage).toHaveCount(0);
    await members.previousPage.click();
    await expect(page).toHaveURL(/\/team$/);
    await expect(rows).toHaveCount(51);
  });

  await test.step("a page past the end says how many there are and links to the last", async () => {
    await page.goto("/team?page=9");
    await expect(page.getByText("There is no page 9: the list has 2 pages.")).toBeVisible();
    await members.previousPage.click();
    await expect(page).toHaveURL(/\/team\?page=2$/);
    await expect(rows).toHaveCount(12);
  });

  await test.step("a page number that is not one shows page 1", async () => {
    await page.goto("/team?page=%3Cscript%3E");
    await expect(members.pagination).toContainText("Page 1 of 2");
    await expect(rows).toHaveCount(51);
  });
});
