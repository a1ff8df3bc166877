import { expect, type Locator, type Page } from "@playwright/test";

/** /team/new, where someone without a team lands after registering. */
export class CreateTeamPage {
  readonly heading: Locator;
  readonly teamName: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Create your team" });
    this.teamName = page.getByRole("textbox", { name: "Team name" });
    this.submit = page.getByRole("button", { name: "Create team" });
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL("/team/new");
    await expect(this.heading).toBeVisible();
  }

  async create(name: string) {
    await this.teamName.fill(name);
    await this.submit.click();
  }
}
