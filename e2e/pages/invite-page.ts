import { expect, type Locator, type Page } from "@playwright/test";

/** /invite/TOKEN, what the invited person sees when they open the link. */
export class InvitePage {
  readonly createAccountAndJoin: Locator;
  readonly haveAnAccount: Locator;
  readonly otherTeam: Locator;

  constructor(readonly page: Page) {
    this.createAccountAndJoin = page.getByRole("link", { name: "Create account and join" });
    this.haveAnAccount = page.getByRole("link", { name: "I have an account" });
    this.otherTeam = page
      .getByRole("alert")
      .filter({ hasText: "You already belong to another team" });
  }

  heading(teamName: string) {
    return this.page.getByRole("heading", { level: 1, name: `Join ${teamName}` });
  }

  joinButton(teamName: string) {
    return this.page.getByRole("button", { name: `Join ${teamName}` });
  }

  async open(link: string, teamName: string) {
    await this.page.goto(link);
    await expect(this.page).toHaveURL(new URL(link).pathname);
    await expect(this.heading(teamName)).toBeVisible();
  }
}
