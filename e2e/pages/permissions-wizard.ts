import { expect, type Locator, type Page } from "@playwright/test";

export type Visibility = "Public" | "Private";

/**
 * The Team Edition wizard: the Permissions tab (step 1) → "Enable management" → default
 * permissions (step 2) → Next → back on the Permissions tab with Team Edition on.
 */
export class PermissionsWizard {
  readonly permissionsHeading: Locator;
  readonly enableManagement: Locator;
  readonly managementOffForMembers: Locator;
  readonly stepIndicator: Locator;
  readonly defaultPermissionsHeading: Locator;
  readonly next: Locator;
  readonly managersOnly: Locator;
  readonly enabled: Locator;

  constructor(readonly page: Page) {
    this.permissionsHeading = page.getByRole("heading", { level: 2, name: "Permissions" });
    this.enableManagement = page.getByRole("link", { name: "Enable management" });
    this.managementOffForMembers = page.getByText(
      "Management is off. Only the team's owner and admins can enable it.",
    );
    this.stepIndicator = page.getByText("Enable management · Step 2 of 2");
    this.defaultPermissionsHeading = page.getByRole("heading", {
      level: 2,
      name: "Default permissions",
    });
    this.next = page.getByRole("button", { name: "Next", exact: true });
    this.managersOnly = page
      .getByRole("status")
      .filter({ hasText: "Only the team's owner and admins can enable management" });
    this.enabled = page.getByRole("status").filter({ hasText: "Team Edition is on" });
  }

  visibility(option: Visibility) {
    // The label also holds the option's description, so match the start of the name only.
    return this.page.getByRole("radio", { name: new RegExp(`^${option}\\b`) });
  }

  async expectStepOne() {
    await expect(this.page).toHaveURL("/team/permissions");
    await expect(this.permissionsHeading).toBeVisible();
  }

  async expectStepTwo() {
    await expect(this.page).toHaveURL("/team/permissions/setup");
    await expect(this.stepIndicator).toBeVisible();
    await expect(this.defaultPermissionsHeading).toBeVisible();
  }

  async expectDone() {
    await expect(this.page).toHaveURL("/team/permissions?enabled=1");
    await expect(this.permissionsHeading).toBeVisible();
    await expect(this.enabled).toBeVisible();
  }

  async choose(option: Visibility) {
    await this.visibility(option).check();
    await this.next.click();
  }
}
