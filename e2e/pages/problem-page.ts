import { expect, type Locator, type Page } from "@playwright/test";

import { problems } from "../../app/problem/[code]/problems";
import type { ProblemCode } from "../../lib/errors";

/** /problem/CODE, the page that explains a refusal or a failure and what to do next. */
export class ProblemPage {
  readonly whatToDo: Locator;
  readonly backToSignIn: Locator;

  constructor(readonly page: Page) {
    this.whatToDo = page.getByRole("heading", { level: 2, name: "What to do" });
    this.backToSignIn = page.getByRole("link", { name: "Back to sign-in" });
  }

  heading(code: ProblemCode) {
    return this.page.getByRole("heading", { level: 1, name: problems[code].title });
  }

  async expectShown(code: ProblemCode) {
    await expect(this.page).toHaveURL(`/problem/${code}`);
    await expect(this.heading(code)).toBeVisible();
    await expect(this.page.getByText(problems[code].explanation)).toBeVisible();
    await expect(this.whatToDo).toBeVisible();
  }
}
