import { APP_URL } from "../support/urls";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";

import { SEED_PASSWORD, signInWithPassword, uniqueId } from "../support/accounts";
import { query } from "../support/db";
import { OKTA_PASSWORD, OKTA_URL } from "../support/okta";

test("the sign-in page sends an Acme email to Acme's Okta with the email as login_hint", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill("olivia@acme.example");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page).toHaveURL(new RegExp(`^${OKTA_URL}/`));
  await expect(page.getByLabel("Username")).toHaveValue("olivia@acme.example");
  await page.getByLabel("Password").fill(OKTA_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(`${APP_URL}/team`);
  await expect(page.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
});

test("a password team's member gets the password field and signs in", async ({ page }) => {
  await signInWithPassword(page, "bob@globex.example", SEED_PASSWORD);
  await expect(page).toHaveURL(`${APP_URL}/team`);
  await expect(page.getByRole("heading", { level: 1, name: "Globex" })).toBeVisible();
});

test("password sign-in is refused for a team whose SSO is on, with a way on to Okta", async ({
  page,
}) => {
  // A member whose team turns SSO on between typing their email and their password.
  const id = uniqueId();
  const email = `pat-${id}@sso-required-${id}.example`;
  await query(
    `WITH t AS (INSERT INTO teams (id, name, slug, domain) VALUES ($1, 'Required', $1, $2) RETURNING id),
          u AS (INSERT INTO users (id, email, name, password_hash) VALUES ($3, $4, 'Pat', $5) RETURNING id)
     INSERT INTO memberships (id, user_id, team_id, role) SELECT $3, u.id, t.id, 'OWNER' FROM t, u`,
    [`team-${id}`, `sso-required-${id}.example`, `user-${id}`, email, await hash("Pat-password-1")],
  );

  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();

  await query(
    `INSERT INTO sso_connections (id, team_id, issuer, client_id, client_secret, secret_last4, enabled, updated_at)
     VALUES ($1, $2, $3, 'client', 'v1.x.x.x.x', 'xxxx', true, now())`,
    [`conn-${id}`, `team-${id}`, `https://sso-required-${id}.example`],
  );
  await page.getByLabel("Password").fill("Pat-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(
    page.getByText("Your team signs in with Okta, so password sign-in is turned off."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue with Okta" })).toBeVisible();
  await page.goto("/team");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("password sign-up on an SSO team's domain is refused and sent to Okta", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("Name").fill("Newcomer");
  await page.getByLabel("Work email").fill("someone.new@acme.example");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(
    page.getByRole("status").getByText("Your company signs in with Okta."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Continue with Okta" })).toBeVisible();
  expect(await query(`SELECT id FROM users WHERE email = 'someone.new@acme.example'`)).toEqual([]);
});
