import { APP_URL } from "../support/urls";
import { expect, test } from "@playwright/test";

import { OktaAdminConsole } from "../pages/okta-admin-console";
import { SsoSettingsPage } from "../pages/sso-settings-page";
import { registerOwnerWithTeam, signInWithPassword, uniqueId } from "../support/accounts";
import { count, query } from "../support/db";
import { clickTile, OKTA_URL, signInAtOkta, signInToOktaDashboard } from "../support/okta";

// Initech's Okta app lives on the stand-in's custom authorization server (/oauth2/default) and
// launches with a form POST to the Initiate login URI.

test("a Team Owner connects Okta, sees the issuer error first, passes Test sign-in and switches SSO on", async ({
  page,
  browser,
}) => {
  const password = "owner password 123";
  await registerOwnerWithTeam(page, {
    name: "Ivy Owner",
    email: "ivy@initech.example",
    password,
    team: "Initech",
  });

  // A teammate signed in with a password before SSO goes on.
  const teammateEmail = `teammate-${uniqueId()}@initech.example`;
  const [team] = await query<{ id: string }>(
    `SELECT id FROM teams WHERE domain = 'initech.example'`,
  );
  await query(
    `WITH u AS (INSERT INTO users (id, email, name, password_hash) SELECT 'e2e-teammate', $1, 'Teammate', password_hash FROM users WHERE email = 'ivy@initech.example' RETURNING id)
     INSERT INTO memberships (id, user_id, team_id, role) SELECT 'e2e-teammate-m', id, $2, 'MEMBER' FROM u`,
    [teammateEmail, team!.id],
  );
  const teammate = await (await browser.newContext()).newPage();
  await signInWithPassword(teammate, teammateEmail, password);
  await expect(teammate).toHaveURL(`${APP_URL}/team`);

  const okta = await (await browser.newContext()).newPage();
  const admin = new OktaAdminConsole(okta, OKTA_URL);
  await admin.open();
  const values = await admin.copyValues("Teamline — Initech");
  expect(values.issuer).toBe(`${OKTA_URL}/oauth2/default`);

  const sso = new SsoSettingsPage(page);
  await sso.open();
  await expect(page.getByLabel("Sign-in redirect URI")).toHaveValue(
    `${APP_URL}/api/auth/callback/okta`,
  );
  await expect(page.getByLabel("Initiate login URI")).toHaveValue(`${APP_URL}/sso/okta/initiate`);
  await expect(page.getByText("Redirect to app to initiate login (OIDC Compliant)")).toBeVisible();
  await expect(page.getByText("Either Okta or App")).toBeVisible();

  await sso.save({ ...values, issuer: `${values.issuer}/` });
  await expect(sso.issuerError()).toContainText(`Enter ${values.issuer} exactly`);
  await expect(sso.issuerError()).toContainText("Remove the trailing slash");
  await sso.save({ clientSecret: values.clientSecret, issuer: `${OKTA_URL}/oauth2` });
  await expect(sso.issuerError()).toContainText("That is not an issuer.");
  // The token endpoint is asked whether it knows the client before anything is stored.
  await sso.save({ ...values, clientSecret: `${values.clientSecret}-mistyped` });
  await expect(page.locator("#field-clientSecret-error")).toHaveText(
    "Okta refused this Client ID and Client secret. Copy both again from the app's General tab in Okta.",
  );
  expect(await count(`SELECT count(*) FROM sso_connections WHERE team_id = $1`, [team!.id])).toBe(
    0,
  );

  await sso.save({ clientSecret: values.clientSecret, issuer: values.issuer });
  await expect(page.getByText("Connection saved.")).toBeVisible();
  await expect(page.getByText("custom authorization server")).toBeVisible();
  await expect(page.getByText(`••••${values.clientSecret.slice(-4)}`)).toBeVisible();
  await expect(page.getByLabel("Client secret")).toHaveValue("");
  const [stored] = await query<{ client_secret: string }>(
    `SELECT client_secret FROM sso_connections WHERE team_id = $1`,
    [team!.id],
  );
  expect(stored!.client_secret).not.toContain(values.clientSecret);

  await page.getByRole("button", { name: "Switch single sign-on on" }).click();
  await expect(
    page.getByText("Run a Test sign-in that succeeds before switching single sign-on on."),
  ).toBeVisible();

  await sso.testSignIn();
  await signInAtOkta(page, "ian@initech.example");
  await expect(page).toHaveURL(/\/team\/sso\?test=/);
  await expect(page.getByText("Test sign-in passed")).toBeVisible();
  await expect(page.getByText("ian@initech.example")).toBeVisible();
  expect(await count(`SELECT count(*) FROM users WHERE email = 'ian@initech.example'`)).toBe(0);

  await sso.switchOn();
  // The teammate's password session ended with the switch; the sign-in page says why.
  await teammate.reload();
  await expect(teammate).toHaveURL(/\/sign-in\?sso=on$/);
  await expect(teammate.getByText("your team now signs in with Okta")).toBeVisible();

  // Ian clicks the tile (a form POST to the Initiate login URI) and is created in Initech.
  const ian = await (await browser.newContext()).newPage();
  await signInToOktaDashboard(ian, "ian@initech.example");
  await clickTile(ian, "Teamline — Initech");
  await expect(ian).toHaveURL(`${APP_URL}/team`);
  await expect(ian.getByRole("heading", { level: 1, name: "Initech" })).toBeVisible();

  await page.getByRole("link", { name: "Audit log" }).click();
  for (const action of [
    "sso.connection_created",
    "sso.test_sign_in",
    "sso.enabled",
    "sso.jit_created",
  ]) {
    await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }

  // Switching off asks first, and ends the sessions that came through Okta: Ian's.
  await sso.open();
  await sso.switchOff();
  await ian.reload();
  await expect(ian).toHaveURL(/\/sign-in/);
  await ian.goto("/sso/okta/initiate?iss=" + encodeURIComponent(`${OKTA_URL}/oauth2/default`));
  await expect(
    ian.getByRole("heading", { name: "Single sign-on is switched off for this team" }),
  ).toBeVisible();
  await expect(ian.getByText("you have no password")).toBeVisible();
});
