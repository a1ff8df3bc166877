import { expect, type Page } from "@playwright/test";

export type ConnectionValues = { clientId: string; clientSecret: string; issuer: string };

/** The Single sign-on tab of the Team page, or the same form in the support console. */
export class SsoSettingsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/team/sso");
    await expect(
      this.page.getByRole("heading", { name: "Single sign-on with Okta" }),
    ).toBeVisible();
  }

  async fillConnection(values: Partial<ConnectionValues>) {
    if (values.clientId !== undefined)
      await this.page.getByLabel("Client ID").fill(values.clientId);
    if (values.clientSecret !== undefined)
      await this.page.getByLabel("Client secret").fill(values.clientSecret);
    if (values.issuer !== undefined) await this.page.getByLabel("Issuer URL").fill(values.issuer);
  }

  async save(values: Partial<ConnectionValues>) {
    await this.fillConnection(values);
    await this.page.getByRole("button", { name: "Save connection" }).click();
  }

  issuerError() {
    return this.page.locator("#field-issuer-error");
  }

  async testSignIn() {
    await this.page.getByRole("button", { name: "Test sign-in" }).click();
  }

  async switchOn() {
    await this.page.getByRole("button", { name: "Switch single sign-on on" }).click();
    await expect(this.page.getByText("Single sign-on is on.")).toBeVisible();
  }

  async switchOff() {
    await this.page.getByRole("button", { name: "Switch single sign-on off" }).click();
    const confirmation = this.page.getByRole("dialog", { name: "Switch single sign-on off?" });
    await expect(confirmation).toContainText("can't sign in until single sign-on is back on");
    await confirmation.getByRole("button", { name: "Switch off" }).click();
    await expect(this.page.getByText("Single sign-on is off.")).toBeVisible();
  }
}
