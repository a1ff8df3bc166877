import { expect, test } from "@playwright/test";

import { SEED_PASSWORD } from "../support/accounts";
import { APP_URL } from "../support/urls";

test("a signed-out visit to a team page returns there after signing in", async ({ page }) => {
  await page.goto("/team/audit?page=1");

  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent("/team/audit?page=1")}`);
  await page.getByLabel("Work email").fill("bob@globex.example");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Password").fill(SEED_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(`${APP_URL}/team/audit?page=1`);
  await expect(page.getByRole("heading", { level: 2, name: "Audit log" })).toBeVisible();
});

test("the address a browser claims to have asked for is not believed", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "x-teamline-return-path": "/staff" });

  await page.goto("/team/templates");

  await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent("/team/templates")}`);
});
