import { expectNoSeriousA11yViolations } from "../support/axe";
import { count } from "../support/db";
import { PermissionsWizard } from "../pages/permissions-wizard";
import { TeamPage } from "../pages/team-page";
import { expectVisibleFocus, tabTo } from "./keyboard";
import { expect, newPerson, registerOwnerWithTeam, test, uniqueId } from "./people";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("at phone width the Team Edition wizard completes by keyboard alone, with visible focus", async ({
  page,
}) => {
  const owner = newPerson("owner", `phone-${uniqueId()}.example`);
  const teamName = `Phone ${uniqueId()}`;
  await registerOwnerWithTeam(page, owner, teamName);

  const team = new TeamPage(page);
  const wizard = new PermissionsWizard(page);
  const noSideways = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );

  await test.step("step 1: reach the Permissions tab and Enable management", async () => {
    await noSideways();
    await expectNoSeriousA11yViolations(page);
    await tabTo(page, team.tab("Permissions"));
    await expectVisibleFocus(team.tab("Permissions"));
    await page.keyboard.press("Enter");
    await wizard.expectStepOne();
    await noSideways();
    await expectNoSeriousA11yViolations(page);

    await tabTo(page, wizard.enableManagement);
    await expectVisibleFocus(wizard.enableManagement);
    await page.keyboard.press("Enter");
  });

  await test.step("step 2: choose Public with Space, then Next with Enter", async () => {
    await wizard.expectStepTwo();
    await noSideways();
    await expectNoSeriousA11yViolations(page);

    await tabTo(page, wizard.visibility("Public"));
    await expectVisibleFocus(wizard.visibility("Public"));
    await page.keyboard.press("Space");
    await expect(wizard.visibility("Public")).toBeChecked();

    await tabTo(page, wizard.next);
    await expectVisibleFocus(wizard.next);
    await page.keyboard.press("Enter");
  });

  await test.step("done", async () => {
    await wizard.expectDone();
    await noSideways();
    expect(
      await count(
        "SELECT count(*) FROM teams WHERE name = $1 AND team_edition AND default_visibility = 'PUBLIC'",
        [teamName],
      ),
    ).toBe(1);
  });
});
