import { expect, type Locator, type Page } from "@playwright/test";

/** /invite/TOKEN, what the invited person sees when they open the link. */
export class InvitePage {
  readonly createAccountAndJoin: Locator;
  readonly haveAnAccount: Locator;
  readonly otherTeam: Locator;
  /** A link that was used, replaced by a newer one, or never was one. */
  readonly spentHeading: Locator;
  readonly expiredHeading: Locator;
  readonly refusal: Locator;

  constructor(readonly page: Page) {
    this.createAccountAndJoin = page.getByRole("link", { name: "Create account and join" });
    this.haveAnAccount = page.getByRole("link", { name: "I have an account" });
    this.otherTeam = page
      .getByRole("alert")
      .filter({ hasText: "You already belong to another team" });
    this.spentHeading = page.getByRole("heading", {
      level: 1,
      name: "This invite link doesn't work",
    });
    this.expiredHeading = page.getByRole("heading", {
      level: 1,
      name: "This invite link has expired",
    });
    this.refusal = page.getByRole("main").getByRole("alert");
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
