import { expect, type Locator, type Page } from "@playwright/test";

/** /sign-out, where Auth.js's GET /api/auth/signout lands: it asks, and signs out on request. */
export class SignOutPage {
  readonly heading: Locator;
  readonly signOut: Locator;
  readonly staySignedIn: Locator;
  readonly signedOutHeading: Locator;
  readonly signIn: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole("main");
    this.heading = main.getByRole("heading", { level: 1, name: "Sign out of Teamline?" });
    this.signOut = main.getByRole("button", { name: "Sign out", exact: true });
    this.staySignedIn = main.getByRole("link", { name: "Stay signed in" });
    this.signedOutHeading = main.getByRole("heading", { level: 1, name: "You are signed out" });
    this.signIn = main.getByRole("link", { name: "Sign in", exact: true });
  }

  /** Opens Auth.js's own sign-out address, as a bookmark or another site's link would. */
  async openThroughAuthJs() {
    await this.page.goto("/api/auth/signout");
    await expect(this.page).toHaveURL("/sign-out");
  }
}
