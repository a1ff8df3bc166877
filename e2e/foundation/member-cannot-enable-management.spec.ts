import { expectNoSeriousA11yViolations } from "../support/axe";
import { count, query } from "../support/db";
import { InvitePage } from "../pages/invite-page";
import { MembersPage } from "../pages/members-page";
import { PermissionsWizard } from "../pages/permissions-wizard";
import { RegistrationPage } from "../pages/registration-page";
import { TeamPage } from "../pages/team-page";
import { expect, newPerson, readOwner, test } from "./people";

// Only the team's owner and admins may turn Team Edition on. The member is refused three ways:
// no link, a refusal on the setup page, and the server action itself.
test("a member cannot enable management, not even with a forged server-action request", async ({
  visitor,
}) => {
  const owner = readOwner();
  const [team] = await query<{ id: string }>(
    "SELECT t.id FROM teams t JOIN memberships m ON m.team_id = t.id JOIN users u ON u.id = m.user_id WHERE u.email = $1",
    [owner.email],
  );
  const teamEditionOn = () =>
    count("SELECT count(*) FROM teams WHERE id = $1 AND team_edition", [team!.id]);

  const ownerPage = await visitor("owner");
  const member = newPerson("member");
  const memberPage = await visitor();

  await test.step("the owner invites a member, who registers through the link", async () => {
    const members = new MembersPage(ownerPage);
    await members.goto();
    const link = await members.invite(member.email);

    const invite = new InvitePage(memberPage);
    await invite.open(link, owner.teamName);
    await invite.createAccountAndJoin.click();
    await new RegistrationPage(memberPage).register({
      name: member.name,
      password: member.password,
    });
    await expect(new TeamPage(memberPage).role).toHaveText("You are a member");
  });

  const wizard = new PermissionsWizard(memberPage);
  await test.step("the Permissions tab offers the member no way in", async () => {
    await new TeamPage(memberPage).openTab("Permissions");
    await wizard.expectStepOne();
    await expect(wizard.managementOffForMembers).toBeVisible();
    await expect(wizard.enableManagement).toHaveCount(0);
    await expectNoSeriousA11yViolations(memberPage);
  });

  await test.step("visiting the setup page directly is refused", async () => {
    await memberPage.goto("/team/permissions/setup");
    await expect(wizard.defaultPermissionsHeading).toBeVisible();
    await expect(wizard.managersOnly).toBeVisible();
    await expect(wizard.visibility("Public")).toHaveCount(0);
    await expect(wizard.next).toHaveCount(0);
    await expectNoSeriousA11yViolations(memberPage);
  });

  await test.step("a forged server-action request is refused and writes nothing", async () => {
    // The member's page has no form to submit, so capture what the owner's browser would send
    // (action id and encoded form) and abort it before it reaches the server.
    const ownerWizard = new PermissionsWizard(ownerPage);
    await ownerPage.goto("/team/permissions/setup");
    await ownerWizard.expectStepTwo();
    let capture: (request: { headers: Record<string, string>; body: Buffer }) => void;
    const captured = new Promise<Parameters<typeof capture>[0]>((resolve) => (capture = resolve));
    await ownerPage.route("**/team/permissions/setup", async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      capture({ headers: request.headers(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    });
    await ownerWizard.choose("Public");
    const { headers, body } = await captured;
    expect(headers["next-action"]).toBeTruthy();
    expect(await teamEditionOn()).toBe(0);

    const response = await memberPage.request.post("/team/permissions/setup", {
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        accept: "text/x-component",
        origin: new URL(ownerPage.url()).origin,
      },
      data: body,
    });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Only the team's owner and admins can do this.");

    expect(await teamEditionOn()).toBe(0);
    expect(
      await count(
        `SELECT count(*) FROM audit_events a JOIN users u ON u.id = a.actor_id
         WHERE a.team_id = $1 AND u.email = $2 AND a.action = 'team.permission_denied' AND a.outcome = 'refused'`,
        [team!.id, member.email],
      ),
    ).toBe(1);
  });
});
