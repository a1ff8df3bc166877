import { expect, type Page } from "@playwright/test";

export const STAFF = { email: "support@teamline.test", password: "Support-demo-1" };
export const SEED_PASSWORD = "Teamline-demo-1";

export function uniqueId() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Signs in with email and password through the email-first sign-in page. */
export async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

/** Registers a Team Owner and creates their team through the UI. */
export async function registerOwnerWithTeam(
  page: Page,
  input: { name: string; email: string; password: string; team: string },
) {
  await page.goto("/register");
  await page.getByLabel("Name").fill(input.name);
  await page.getByLabel("Work email").fill(input.email);
  await page.getByLabel("Password").fill(input.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/team\/new$/);
  await page.getByLabel("Team name").fill(input.team);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/team\?created=1/);
}
