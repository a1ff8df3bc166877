import type { Page } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "../support/axe";
import { count, query } from "../support/db";
import { InvitePage } from "../pages/invite-page";
import { MembersPage } from "../pages/members-page";
import { SignInPage } from "../pages/sign-in-page";
import { TeamPage } from "../pages/team-page";
import {
  arrangeMemberOf,
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

function openInvitationsTo(email: string) {
  return count(`SELECT count(*) FROM invitations WHERE email = $1 AND accepted_at IS NULL`, [
    email,
  ]);
}

test("inviting an address again makes no second invitation: it renews the link, and the old one stops working", async ({
  visitor,
}) => {
  const owner = readOwner();
  const guest = newPerson("guest");
  const members = new MembersPage(await visitor("owner"));
  await members.goto();

  const first = await members.invite(guest.email);
  await expect(members.inviteResult).toContainText("Send this link to them.");

  const second = await members.invite(guest.email);
  expect(second).not.toBe(first);
  await expect(members.inviteResult).toContainText(`Invite link for ${guest.email}`);
  await expect(members.inviteResult).toContainText(
    "Already invited, so no second invitation was made: this new link replaces the earlier one, which no longer works.",
  );
  await expect(
    members.pendingInvitations.getByRole("listitem").filter({ hasText: guest.email }),
  ).toHaveCount(1);
  await expectNoSeriousA11yViolations(members.page);
  expect(await openInvitationsTo(guest.email)).toBe(1);

  const page = await visitor();
  const invite = new InvitePage(page);
  await page.goto(first);
  await expect(invite.spentHeading).toBeVisible();
  await invite.open(second, owner.teamName);
});

test("the owner can't invite their own address or a member of the team, and is told why", async ({
  visitor,
}) => {
  const owner = readOwner();
  const member = await arrangeMemberOf(owner.email, "colleague");
  const members = new MembersPage(await visitor("owner"));
  await members.goto();

  await members.inviteEmail.fill(owner.email);
  await members.createInvite.click();
  await expect(members.inviteEmail).toHaveAccessibleDescription(
    "That's your own address, and you are already in the team. Enter a colleague's email.",
  );
  await expect(members.inviteEmail).toHaveAttribute("aria-invalid", "true");
  await expect(members.inviteLink).toHaveCount(0);

  // In capitals: addresses compare case-insensitively.
  await members.inviteEmail.fill(member.email.toUpperCase());
  await members.createInvite.click();
  await expect(members.inviteEmail).toHaveAccessibleDescription(
    `${member.email} is already a member of this team.`,
  );
  await expect(members.inviteEmail).toHaveValue(member.email);
  await expect(members.inviteLink).toHaveCount(0);
  await expectNoSeriousA11yViolations(members.page);

  expect(await openInvitationsTo(owner.email)).toBe(0);
  expect(await openInvitationsTo(member.email)).toBe(0);
});

test("a used or expired invite link says so and what to do, without naming the team", async ({
  visitor,
}) => {
  const owner = readOwner();
  const ownerPage = await visitor("owner");
  const used = newPerson("used");
  const late = newPerson("late");
  const usedLink = await inviteFromOwner(ownerPage, used.email);
  const lateLink = await inviteFromOwner(ownerPage, late.email);
  await query(`UPDATE invitations SET accepted_at = now() WHERE email = $1`, [used.email]);
  await query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`, [
    late.email,
  ]);

  const page = await visitor();
  const invite = new InvitePage(page);
  const expectNothingDisclosed = async (email: string) => {
    const text = await page.locator("body").innerText();
    expect(text).not.toContain(owner.teamName);
    expect(text).not.toContain(email);
    expect(await page.title()).not.toContain(owner.teamName);
  };

  await test.step("a used link", async () => {
    await page.goto(usedLink);
    await expect(invite.spentHeading).toBeVisible();
    await expect(invite.refusal).toContainText("ask the person who invited you for a new link");
    await expect(invite.createAccountAndJoin).toHaveCount(0);
    await expectNothingDisclosed(used.email);
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("an expired link", async () => {
    await page.goto(lateLink);
    await expect(invite.expiredHeading).toBeVisible();
    await expect(invite.refusal).toContainText("Ask the person who invited you for a new link.");
    await expect(invite.createAccountAndJoin).toHaveCount(0);
    await expectNothingDisclosed(late.email);
    await expectNoSeriousA11yViolations(page);
  });

  await test.step("registering with either link names no team either", async () => {
    for (const [link, email] of [
      [usedLink, used.email],
      [lateLink, late.email],
    ] as const) {
      await page.goto(`/register?invite=${new URL(link).pathname.split("/").pop()}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Create your Teamline account",
      );
      await expectNothingDisclosed(email);
    }
  });
});
