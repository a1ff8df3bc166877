import { expect, type Locator, type Page } from "@playwright/test";

export type NewTemplate = { name: string; subject: string; body: string };

/** /team/templates: the templates the viewer may see, and the form for a new one. */
export class TemplatesPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly empty: Locator;
  readonly name: Locator;
  readonly subject: Locator;
  readonly body: Locator;
  readonly save: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 2, name: "Email templates" });
    this.list = page.getByRole("list", { name: "Templates" });
    this.empty = page.getByText("No templates you can see yet.");
    this.name = page.getByRole("textbox", { name: "Template name" });
    this.subject = page.getByRole("textbox", { name: "Subject" });
    this.body = page.getByRole("textbox", { name: "Body" });
    this.save = page.getByRole("button", { name: "Save template" });
    this.saved = page.getByRole("status").filter({ hasText: "Template saved." });
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL("/team/templates");
    await expect(this.heading).toBeVisible();
  }

  /** The card of one template, found by its name. */
  card(name: string) {
    return this.page
      .getByRole("listitem")
      .filter({ has: this.page.getByRole("heading", { level: 3, name, exact: true }) });
  }

  async create(template: NewTemplate) {
    await this.name.fill(template.name);
    await this.subject.fill(template.subject);
    await this.body.fill(template.body);
    await this.save.click();
    await expect(this.saved).toBeVisible();
    await expect(this.card(template.name)).toBeVisible();
  }
}
