import { expect, type Locator, type Page } from "@playwright/test";

export type NewAccount = { name: string; email: string; password: string };

/** /register, alone or reached through an invite link (`?invite=TOKEN`). */
export class RegistrationPage {
  readonly heading: Locator;
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Create your Teamline account" });
    this.name = page.getByRole("textbox", { name: "Name" });
    this.email = page.getByRole("textbox", { name: "Work email" });
    // Password inputs have no ARIA role; the label is the accessible way to reach them.
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Create account" });
  }

  async goto() {
    await this.page.goto("/register");
    await this.expectLoaded("/register");
  }

  async expectLoaded(url: string) {
    await expect(this.page).toHaveURL(url);
    await expect(this.heading).toBeVisible();
  }

  async fill(account: Partial<NewAccount>) {
    if (account.name !== undefined) await this.name.fill(account.name);
    if (account.email !== undefined) await this.email.fill(account.email);
    if (account.password !== undefined) await this.password.fill(account.password);
  }

  async register(account: Partial<NewAccount>) {
    await this.fill(account);
    await this.submit.click();
  }
}
