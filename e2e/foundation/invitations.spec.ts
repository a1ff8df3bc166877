import type { Page } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "../support/axe";
import { query } from "../support/db";
import { InvitePage } from "../pages/invite-page";
import { MembersPage } from "../pages/members-page";
import { SignInPage } from "../pages/sign-in-page";
import { TeamPage } from "../pages/team-page";
import {
  expect,
  newPerson,
  readOwner,
  registerOwnerWithTeam,
  registerWithoutTeam,
  test,
  uniqueId,
} from "./people";

async function inviteFromOwner(ownerPage: Page, email: string) {
  const members = new MembersPage(ownerPage);
  await members.goto();
  return members.invite(email);
}

function membershipsOf(email: string) {
  return query<{ team_id: string; role: string }>(
    "SELECT m.team_id, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1",
    [email],
  );
}

test("an existing user without a team signs in through the invite link and joins", async ({
  visitor,
}) => {
  const owner = readOwner();
  const joiner = newPerson("joiner");
  const page = await visitor();

  await test.step("the person already has an account, but no team, and is signed out", async () => {
    await registerWithoutTeam(page, joiner);
    await new TeamPage(page).signOut();
  });

  // The owner types the address in capitals: emails compare case-insensitively.
  const link = await inviteFromOwner(await visitor("owner"), joiner.email.toUpperCase());
  const token = new URL(link).pathname.split("/").pop()!;

  const invite = new InvitePage(page);
  await test.step("the link offers to sign in", async () => {
    await invite.open(link, owner.teamName);
    await expect(page.getByText(`as ${joiner.email}`)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await invite.haveAnAccount.click();
  });

  await test.step("signing in returns to the invitation", async () => {
    const signIn = new SignInPage(page);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`);
    await expect(signIn.heading).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await signIn.signIn(joiner.email, joiner.password);
    await expect(page).toHaveURL(`/invite/${token}`);
  });

  await test.step("joining lands on the team", async () => {
    await expect(invite.joinButton(owner.teamName)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await invite.joinButton(owner.teamName).click();

    const team = new TeamPage(page);
    await expect(page).toHaveURL("/team?joined=1");
    await expect(team.teamHeading(owner.teamName)).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(`Welcome to ${owner.teamName}.`);
    await expect(team.role).toHaveText("You are a member");
    await expect(new MembersPage(page).member(joiner.email)).toContainText("Member");
    await expectNoSeriousA11yViolations(page);
    expect(await membershipsOf(joiner.email)).toEqual([
      expect.objectContaining({ role: "MEMBER" }),
    ]);
  });
});

test("an invite is refused to a member of another team, and nothing changes", async ({
  visitor,
}) => {
  const owner = readOwner();
  const other = newPerson("other-owner");
  const otherTeam = `Other Team ${uniqueId()}`;
  const page = await visitor();

  await registerOwnerWithTeam(page, other, otherTeam);
  const before = await membershipsOf(other.email);
  expect(before).toEqual([expect.objectContaining({ role: "OWNER" })]);

  const link = await inviteFromOwner(await visitor("owner"), other.email);

  const invite = new InvitePage(page);
  await invite.open(link, owner.teamName);
  await expect(invite.otherTeam).toContainText(`You are a member of ${otherTeam}`);
  await expect(invite.otherTeam).toContainText("Nothing has changed.");
  await expect(invite.joinButton(owner.teamName)).toHaveCount(0);
  await expect(invite.createAccountAndJoin).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  expect(await membershipsOf(other.email)).toEqual(before);
  const [invitation] = await query<{ accepted_at: Date | null }>(
    "SELECT accepted_at FROM invitations WHERE email = $1",
    [other.email],
  );
  expect(invitation).toEqual({ accepted_at: null });

  // Their own team is untouched as well.
  await page.goto("/team");
  await expect(new TeamPage(page).teamHeading(otherTeam)).toBeVisible();
});
