import type { Page } from "@playwright/test";

/** The Okta stand-in's admin console, where an Okta admin copies an app's three values. */
export class OktaAdminConsole {
  constructor(
    private readonly page: Page,
    private readonly oktaUrl: string,
  ) {}

  async open() {
    await this.page.goto(`${this.oktaUrl}/admin`);
  }

  private async value(appLabel: string, row: string) {
    const section = this.page.locator("section", {
      has: this.page.getByRole("heading", { name: appLabel }),
    });
    return (await section.getByRole("row", { name: row }).getByRole("cell").innerText()).trim();
  }

  /** Client ID, Client secret and the issuer, as an admin would copy them. */
  async copyValues(appLabel: string) {
    return {
      clientId: await this.value(appLabel, "Client ID"),
      clientSecret: await this.value(appLabel, "Client secret"),
      issuer: await this.value(appLabel, "Issuer"),
    };
  }
}
