import { expect, type Locator, type Page } from "@playwright/test";

/** /team, the Members tab: the member list and, for managers, invite links. */
export class MembersPage {
  readonly heading: Locator;
  readonly members: Locator;
  readonly inviteEmail: Locator;
  readonly createInvite: Locator;
  readonly inviteLink: Locator;
  readonly inviteResult: Locator;
  readonly pendingInvitations: Locator;
  /** The dialog that asks before a member is removed. */
  readonly removalDialog: Locator;
  readonly confirmRemoval: Locator;
  readonly cancelRemoval: Locator;
  /** What the last removal did, announced above the member list. */
  readonly removalOutcome: Locator;
  readonly removalRefusal: Locator;
  /** Previous and next links of a list longer than a page. */
  readonly pagination: Locator;
  readonly previousPage: Locator;
  readonly nextPage: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 2, name: "Members" });
    this.members = page.getByRole("table", { name: "Team members" });
    this.inviteEmail = page.getByRole("textbox", { name: "Email to invite" });
    this.createInvite = page.getByRole("button", { name: "Create invite link" });
    this.inviteLink = page.getByRole("textbox", { name: "Invite link" });
    this.inviteResult = page.getByRole("status").filter({ has: this.inviteLink });
    this.pendingInvitations = page.getByRole("list", { name: "Pending invitations" });
    this.removalDialog = page.getByRole("dialog", { name: /^Remove .* from the team\?$/ });
    this.confirmRemoval = this.removalDialog.getByRole("button", { name: "Remove from team" });
    this.cancelRemoval = this.removalDialog.getByRole("button", { name: "Cancel" });
    this.removalOutcome = page.getByRole("status").filter({ hasText: "was removed from the team" });
    this.removalRefusal = page.getByRole("main").getByRole("alert");
    this.pagination = page.getByRole("navigation", { name: "Member list pages" });
    this.previousPage = this.pagination.getByRole("link", { name: "Previous page" });
    this.nextPage = this.pagination.getByRole("link", { name: "Next page" });
  }

  async goto() {
    await this.page.goto("/team");
    await expect(this.heading).toBeVisible();
  }

  member(email: string) {
    return this.members.getByRole("row").filter({ hasText: email });
  }

  removeButton(name: string) {
    return this.page.getByRole("button", { name: `Remove ${name}`, exact: true });
  }

  /** Removes a member the way an owner does: Remove, then confirm in the dialog. */
  async removeMember(name: string) {
    await this.removeButton(name).click();
    await expect(this.removalDialog).toBeVisible();
    await this.confirmRemoval.click();
    await expect(this.removalOutcome).toContainText(name);
  }

  /** Creates an invite link for `email` and returns it, as the owner would copy it. */
  async invite(email: string) {
    const shown = (await this.inviteLink.count()) ? await this.inviteLink.inputValue() : null;
    await this.inviteEmail.fill(email);
    await this.createInvite.click();
    await expect(this.inviteLink).toHaveValue(/\/invite\/[\w-]+$/);
    // A link from an earlier invite is on the page until the answer replaces it.
    if (shown) await expect(this.inviteLink).not.toHaveValue(shown);
    return this.inviteLink.inputValue();
  }
}
