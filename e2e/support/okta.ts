import type { Page } from "@playwright/test";

import { OKTA_URL } from "./urls";

export { OKTA_URL, OKTA2_URL } from "./urls";
export const OKTA_PASSWORD = "Okta-test-1";

/** Signs in to an Okta stand-in's end-user dashboard. */
export async function signInToOktaDashboard(page: Page, email: string, oktaUrl = OKTA_URL) {
  await page.goto(`${oktaUrl}/`);
  await page.getByLabel("Username").fill(email);
  await page.getByLabel("Password").fill(OKTA_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Clicks the app's tile on the Okta dashboard, as a member does every morning. */
export async function clickTile(page: Page, label: RegExp | string) {
  await page
    .getByRole("link", { name: label })
    .or(page.getByRole("button", { name: label }))
    .first()
    .click();
}

/** Completes the stand-in's sign-in form when Okta asks for credentials. */
export async function signInAtOkta(page: Page, email: string) {
  await page.getByLabel("Username").fill(email);
  await page.getByLabel("Password").fill(OKTA_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}
