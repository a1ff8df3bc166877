import { expect, type Locator, type Page } from "@playwright/test";

/** /team, the Members tab: the member list and, for managers, invite links. */
export class MembersPage {
  readonly heading: Locator;
  readonly members: Locator;
  readonly inviteEmail: Locator;
  readonly createInvite: Locator;
  readonly inviteLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 2, name: "Members" });
    this.members = page.getByRole("table", { name: "Team members" });
    this.inviteEmail = page.getByRole("textbox", { name: "Email to invite" });
    this.createInvite = page.getByRole("button", { name: "Create invite link" });
    this.inviteLink = page.getByRole("textbox", { name: "Invite link" });
  }

  async goto() {
    await this.page.goto("/team");
    await expect(this.heading).toBeVisible();
  }

  member(email: string) {
    return this.members.getByRole("row").filter({ hasText: email });
  }

  /** Creates an invite link for `email` and returns it, as the owner would copy it. */
  async invite(email: string) {
    await this.inviteEmail.fill(email);
    await this.createInvite.click();
    await expect(this.inviteLink).toHaveValue(/\/invite\/[\w-]+$/);
    return this.inviteLink.inputValue();
  }
}
