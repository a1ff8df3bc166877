import { expectNoSeriousA11yViolations } from "../support/axe";
import { query } from "../support/db";
import { CreateTeamPage } from "../pages/create-team-page";
import { InvitePage } from "../pages/invite-page";
import { MembersPage } from "../pages/members-page";
import { PermissionsWizard, type Visibility } from "../pages/permissions-wizard";
import { RegistrationPage } from "../pages/registration-page";
import { TeamPage } from "../pages/team-page";
import { TemplatesPage } from "../pages/templates-page";
import { expect, newPerson, test, uniqueId } from "./people";

// PRODUCT.md flow 2: a new Team Owner turns Team Edition on, and the default they pick decides
// whether a member sees the owner's templates.
const cases: { visibility: Visibility; memberSeesIt: boolean }[] = [
  { visibility: "Private", memberSeesIt: false },
  { visibility: "Public", memberSeesIt: true },
];

for (const { visibility, memberSeesIt } of cases) {
  test(`a new owner enables Team Edition with ${visibility}, and a member ${memberSeesIt ? "sees" : "does not see"} the owner's template`, async ({
    page,
    visitor,
  }) => {
    // Two people, two registrations and an accessibility scan of every page they see.
    test.slow();
    const id = uniqueId();
    const domain = `wizard-${id}.example`;
    const owner = newPerson("owner", domain);
    const member = newPerson("member", domain);
    const teamName = `Wizard ${visibility} ${id}`;
    const template = {
      name: `Renewal ${id}`,
      subject: "Your renewal is coming up",
      body: "Hi {{first_name}},\n\nYour plan renews next month.",
    };

    await test.step("register", async () => {
      const registration = new RegistrationPage(page);
      await registration.goto();
      await expectNoSeriousA11yViolations(page);
      await registration.register(owner);
    });

    await test.step("create the team", async () => {
      const createTeam = new CreateTeamPage(page);
      await createTeam.expectLoaded();
      await expect(page.getByText(`Your team owns the domain ${domain}`)).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await createTeam.create(teamName);

      const team = new TeamPage(page);
      const members = new MembersPage(page);
      await expect(page).toHaveURL("/team?created=1");
      await expect(team.teamHeading(teamName)).toBeVisible();
      await expect(members.heading).toBeVisible();
      await expect(page.getByRole("status")).toContainText("Your team is ready.");
      await expect(team.role).toHaveText("You are the owner");
      await expectNoSeriousA11yViolations(page);
    });

    const wizard = new PermissionsWizard(page);
    await test.step("step 1: Permissions tab", async () => {
      await new TeamPage(page).openTab("Permissions");
      await wizard.expectStepOne();
      await expectNoSeriousA11yViolations(page);
      await wizard.enableManagement.click();
    });

    await test.step(`step 2: default permissions, ${visibility}`, async () => {
      await wizard.expectStepTwo();
      await expect(wizard.visibility("Public")).not.toBeChecked();
      await expect(wizard.visibility("Private")).not.toBeChecked();
      await expectNoSeriousA11yViolations(page);
      await wizard.choose(visibility);
    });

    await test.step("done: Team Edition is on", async () => {
      await wizard.expectDone();
      await expect(new TeamPage(page).role).toHaveText("You are the owner · Team Edition is on");
      await expect(wizard.visibility(visibility)).toBeChecked();
      await expectNoSeriousA11yViolations(page);
      const [team] = await query<{ team_edition: boolean; default_visibility: string }>(
        "SELECT team_edition, default_visibility FROM teams WHERE name = $1",
        [teamName],
      );
      expect(team).toEqual({
        team_edition: true,
        default_visibility: visibility.toUpperCase(),
      });
    });

    const templates = new TemplatesPage(page);
    await test.step("the owner creates a template", async () => {
      await new TeamPage(page).openTab("Templates");
      await templates.expectLoaded();
      await expectNoSeriousA11yViolations(page);
      await templates.create(template);
      await expect(templates.card(template.name)).toContainText(`${visibility} · by ${owner.name}`);
    });

    const inviteLink = await test.step("the owner invites a colleague", async () => {
      await new TeamPage(page).openTab("Members");
      return new MembersPage(page).invite(member.email);
    });

    const memberPage = await visitor();
    await test.step("the colleague registers through the invite link", async () => {
      const invite = new InvitePage(memberPage);
      await invite.open(inviteLink, teamName);
      await expectNoSeriousA11yViolations(memberPage);
      await invite.createAccountAndJoin.click();

      const token = new URL(inviteLink).pathname.split("/").pop()!;
      const registration = new RegistrationPage(memberPage);
      await registration.expectLoaded(`/register?invite=${token}`);
      await expect(memberPage.getByText(`You'll join ${teamName} once`)).toBeVisible();
      await expect(registration.email).toHaveValue(member.email);
      await expectNoSeriousA11yViolations(memberPage);
      await registration.register({ name: member.name, password: member.password });

      const team = new TeamPage(memberPage);
      await expect(memberPage).toHaveURL("/team");
      await expect(team.teamHeading(teamName)).toBeVisible();
      await expect(team.role).toHaveText("You are a member · Team Edition is on");
    });

    await test.step(`the member ${memberSeesIt ? "sees" : "does not see"} the template`, async () => {
      await new TeamPage(memberPage).openTab("Templates");
      const memberTemplates = new TemplatesPage(memberPage);
      await memberTemplates.expectLoaded();
      if (memberSeesIt) {
        await expect(memberTemplates.card(template.name)).toContainText(
          `Public · by ${owner.name}`,
        );
      } else {
        await expect(memberTemplates.empty).toBeVisible();
        await expect(memberTemplates.card(template.name)).toHaveCount(0);
      }
    });

    await test.step("the member's own template follows the default too", async () => {
      const memberTemplates = new TemplatesPage(memberPage);
      const own = { ...template, name: `Member note ${id}` };
      await memberTemplates.create(own);
      await expect(memberTemplates.card(own.name)).toContainText(
        `${visibility} · by ${member.name}`,
      );

      // Private still lets the team's managers see it.
      await new TeamPage(page).openTab("Templates");
      await expect(templates.card(own.name)).toContainText(`${visibility} · by ${member.name}`);
    });
  });
}
