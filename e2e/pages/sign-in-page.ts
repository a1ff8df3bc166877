import { expect, type Locator, type Page } from "@playwright/test";

/** /sign-in: the work email first, then the password when the team signs in with passwords. */
export class SignInPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly continueButton: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Sign in to Teamline" });
    this.email = page.getByRole("textbox", { name: "Work email" });
    this.continueButton = page.getByRole("button", { name: "Continue", exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.signInButton = page.getByRole("button", { name: "Sign in", exact: true });
    this.error = page.getByRole("main").getByRole("alert");
  }

  async goto() {
    await this.page.goto("/sign-in");
    await expect(this.heading).toBeVisible();
  }

  async continueWith(email: string) {
    await this.email.fill(email);
    await this.continueButton.click();
    await expect(this.password).toBeVisible();
  }

  /** Submits the password and waits for the server's answer (a message or a redirect). */
  async submitPassword(password: string) {
    await this.password.fill(password);
    const answered = this.page.waitForResponse(
      (response) =>
        response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in",
    );
    await this.signInButton.click();
    await answered;
  }

  async signIn(email: string, password: string) {
    await this.continueWith(email);
    await this.submitPassword(password);
  }
}
