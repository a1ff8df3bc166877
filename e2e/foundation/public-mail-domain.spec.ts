import { expectNoSeriousA11yViolations } from "../support/axe";
import { query } from "../support/db";
import { CreateTeamPage } from "../pages/create-team-page";
import { MembersPage } from "../pages/members-page";
import { RegistrationPage } from "../pages/registration-page";
import { TeamPage } from "../pages/team-page";
import { expect, newPerson, test, uniqueId } from "./people";

// A public mail provider cannot stand for one company, so the team claims no domain.
test("a gmail.com owner's team owns no domain and says so", async ({ page }) => {
  const owner = newPerson("owner", "gmail.com");
  const teamName = `Gmail Team ${uniqueId()}`;

  const registration = new RegistrationPage(page);
  await registration.goto();
  await registration.register(owner);

  const createTeam = new CreateTeamPage(page);
  await createTeam.expectLoaded();
  await expect(
    page.getByText("gmail.com is a public mail provider, so your team won't own an email domain."),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await createTeam.create(teamName);

  await expect(page).toHaveURL("/team?created=1&domain=public-mail");
  await expect(new TeamPage(page).teamHeading(teamName)).toBeVisible();
  await expect(new MembersPage(page).heading).toBeVisible();
  await expect(
    page.getByRole("status").filter({ hasText: "This team owns no email domain" }),
  ).toContainText("public mail providers such as gmail.com");
  await expect(page.getByText("This team owns the email domain")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  expect(await query("SELECT domain FROM teams WHERE name = $1", [teamName])).toEqual([
    { domain: null },
  ]);
});
