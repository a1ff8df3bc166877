import { expectNoSeriousA11yViolations } from "../support/axe";
import { count, query } from "../support/db";
import { MembersPage } from "../pages/members-page";
import { tabTo } from "./keyboard";
import { arrangeMemberOf, expect, readOwner, test, uniqueId } from "./people";

const isMember = (userId: string) =>
  count(`SELECT count(*) FROM memberships WHERE user_id = $1`, [userId]);

test("removing a member asks first, works by keyboard, and says who was removed", async ({
  visitor,
}) => {
  const owner = readOwner();
  const member = await arrangeMemberOf(owner.email, "leaver");
  const page = await visitor("owner");
  const members = new MembersPage(page);
  await members.goto();
  const removeButton = members.removeButton(member.name);

  await test.step("Remove opens a dialog that names the member; the safe choice has focus", async () => {
    await tabTo(page, removeButton);
    await page.keyboard.press("Enter");
    await expect(members.removalDialog).toBeVisible();
    await expect(members.removalDialog).toHaveAccessibleName(
      `Remove ${member.name} from the team?`,
    );
    await expect(members.removalDialog).toHaveAccessibleDescription(
      `${member.name} (${member.email}) loses access to the team at once and is signed out everywhere. You can invite them again later.`,
    );
    await expect(members.cancelRemoval).toBeFocused();
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("Escape closes it, returns focus, and removes nobody", async () => {
    await page.keyboard.press("Escape");
    await expect(members.removalDialog).toBeHidden();
    await expect(removeButton).toBeFocused();
    await expect(members.member(member.email)).toBeVisible();
    expect(await isMember(member.id)).toBe(1);
  });

  await test.step("Cancel closes it and removes nobody", async () => {
    await page.keyboard.press("Enter");
    await expect(members.cancelRemoval).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(members.removalDialog).toBeHidden();
    await expect(removeButton).toBeFocused();
    expect(await isMember(member.id)).toBe(1);
  });

  await test.step("confirming removes them and says who was removed, with focus on it", async () => {
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(members.confirmRemoval).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(members.removalOutcome).toHaveText(
      `${member.name} (${member.email}) was removed from the team and signed out everywhere.`,
    );
    await expect(members.removalOutcome.locator("..")).toBeFocused();
    await expect(members.member(member.email)).toHaveCount(0);
    await expect(members.removalDialog).toBeHidden();
    expect(await isMember(member.id)).toBe(0);
    await expectNoSeriousA11yViolations(page);
  });
});

test("a removal the server refuses says why: a member of another team stays there", async ({
  visitor,
}) => {
  const owner = readOwner();
  const member = await arrangeMemberOf(owner.email, "mover");
  const page = await visitor("owner");
  const members = new MembersPage(page);
  await members.goto();

  await members.removeButton(member.name).click();
  await expect(members.removalDialog).toBeVisible();
  // Meanwhile they moved to a team of their own: now they are another team's member.
  const theirTeam = `team-${uniqueId()}`;
  await query(`INSERT INTO teams (id, name, slug) VALUES ($1, $1, $1)`, [theirTeam]);
  await query(`UPDATE memberships SET team_id = $1 WHERE user_id = $2`, [theirTeam, member.id]);
  await members.confirmRemoval.click();

  await expect(members.removalRefusal).toHaveText("That person is not a member of this team.");
  await expect(members.removalOutcome).toHaveCount(0);
  expect(
    await count(`SELECT count(*) FROM memberships WHERE user_id = $1 AND team_id = $2`, [
      member.id,
      theirTeam,
    ]),
  ).toBe(1);
});
