import { APP_URL } from "../support/urls";
import { expect, test } from "@playwright/test";

import { OktaAdminConsole } from "../pages/okta-admin-console";
import { registerOwnerWithTeam, signInWithPassword, STAFF } from "../support/accounts";
import { query } from "../support/db";
import { clickTile, OKTA2_URL, signInToOktaDashboard } from "../support/okta";

test("support sets up a team's Okta by its owner's email, and can switch it off again", async ({
  page,
  browser,
}) => {
  const owner = await (await browser.newContext()).newPage();
  await registerOwnerWithTeam(owner, {
    name: "Una Owner",
    email: "una@umbrella.example",
    password: "umbrella password 1",
    team: "Umbrella",
  });

  const okta = await (await browser.newContext()).newPage();
  const admin = new OktaAdminConsole(okta, OKTA2_URL);
  await admin.open();
  const values = await admin.copyValues("Teamline — Umbrella");

  // Support belongs to no team: signing in lands on the console, not on "create your team".
  await signInWithPassword(page, STAFF.email, STAFF.password);
  await expect(page).toHaveURL(`${APP_URL}/staff`);
  await expect(page.getByRole("heading", { level: 1, name: "Support console" })).toBeVisible();
  await page.getByLabel("Team Owner's email").fill("UNA@umbrella.example");
  await page.getByRole("button", { name: "Find team" }).click();
  await expect(page.getByRole("heading", { name: "Umbrella" })).toBeVisible();

  await page.getByLabel("Client ID").fill(values.clientId);
  await page.getByLabel("Client secret").fill(values.clientSecret);
  await page.getByLabel("Issuer URL").fill(values.issuer);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Connection saved.")).toBeVisible();
  // Support cannot run a Test sign-in (it takes one of the team's Okta users), so the
  // confirmation says none has passed; Cancel changes nothing.
  await page.getByRole("button", { name: "Switch single sign-on on" }).click();
  const confirmation = page.getByRole("dialog", { name: "Switch single sign-on on for Umbrella?" });
  await expect(confirmation).toContainText("No Test sign-in has passed");
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(confirmation).toBeHidden();
  await expect(page.getByRole("button", { name: "Switch single sign-on on" })).toBeFocused();
  await page.getByRole("button", { name: "Switch single sign-on on" }).click();
  await confirmation.getByRole("button", { name: "Switch on" }).click();
  await expect(page.getByText("Single sign-on is on.")).toBeVisible();

  const uma = await (await browser.newContext()).newPage();
  await signInToOktaDashboard(uma, "uma@umbrella.example", OKTA2_URL);
  await clickTile(uma, "Teamline — Umbrella");
  await expect(uma).toHaveURL(`${APP_URL}/team`);
  await expect(uma.getByRole("heading", { level: 1, name: "Umbrella" })).toBeVisible();

  // Break-glass: support switches SSO off, which is logged, and password sign-in works again.
  await page.reload();
  await page.getByRole("button", { name: "Switch single sign-on off" }).click();
  await expect(page.getByRole("dialog")).toContainText("signed out now");
  await page.getByRole("dialog").getByRole("button", { name: "Switch off" }).click();
  await expect(page.getByText("Single sign-on is off.")).toBeVisible();
  const [event] = await query<{ detail: { via: string } }>(
    `SELECT detail FROM audit_events WHERE action = 'sso.disabled' AND team_id = (SELECT id FROM teams WHERE domain = 'umbrella.example')`,
  );
  expect(event?.detail.via).toBe("support");
  await page.reload();
  await expect(page.getByRole("cell", { name: "sso.disabled" })).toBeVisible();

  const again = await (await browser.newContext()).newPage();
  await signInWithPassword(again, "una@umbrella.example", "umbrella password 1");
  await expect(again).toHaveURL(`${APP_URL}/team`);
});
