import { expect, type Locator, type Page } from "@playwright/test";

export const TEAM_TABS = {
  Members: "/team",
  Templates: "/team/templates",
  Permissions: "/team/permissions",
  "Single sign-on": "/team/sso",
  "Audit log": "/team/audit",
} as const;

export type TeamTab = keyof typeof TEAM_TABS;

/** The frame around every Team page: the team's name, the viewer's role and the tabs. */
export class TeamPage {
  readonly tabs: Locator;
  readonly role: Locator;
  readonly signOutButton: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole("navigation", { name: "Team sections" });
    this.role = page.getByText(/^You are (the|a) /);
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
  }

  teamHeading(teamName: string) {
    return this.page.getByRole("heading", { level: 1, name: teamName });
  }

  tab(name: TeamTab) {
    return this.tabs.getByRole("link", { name, exact: true });
  }

  async openTab(name: TeamTab) {
    await this.tab(name).click();
    await expect(this.page).toHaveURL(TEAM_TABS[name]);
    await expect(this.tab(name)).toHaveAttribute("aria-current", "page");
  }

  async signOut() {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL("/sign-in?signedOut=1");
  }
}
