import { expect, test, type Page } from "@playwright/test";

import { registerOwnerWithTeam, uniqueId } from "../support/accounts";
import { count, query } from "../support/db";
import { clickTile, signInToOktaDashboard } from "../support/okta";
import { APP_URL } from "../support/urls";

import { balance, startSecondInstance, type SecondInstance } from "./second-instance";

// Two Teamline instances behind one load balancer share APP_URL, so Okta knows one redirect URI
// and either instance may receive any request. The stack's instance is A; this file starts B on
// the same database and secrets, and routes chosen requests of the browser to B (see balance()).
// Nothing is shared in memory between them: sign-in attempts travel in signed cookies, and
// sessions, rate limits and the audit trail live in the database.

const ACME_TILE = "Teamline — Acme";

let second: SecondInstance;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = await startSecondInstance();
});

test.afterAll(async () => {
  await second?.stop();
});

async function expectSignedInToAcme(page: Page) {
  await expect(page).toHaveURL(`${APP_URL}/team`);
  await expect(page.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
}

/** Resolves once the sign-in page's server action has answered (the email or password step). */
function actionAnswered(page: Page) {
  return page.waitForResponse(
    (response) =>
      response.request().method() === "POST" && new URL(response.url()).pathname === "/sign-in",
  );
}

async function continueWithEmail(page: Page, email: string) {
  await page.goto(`${APP_URL}/sign-in`);
  await page.getByLabel("Work email").fill(email);
  const answered = actionAnswered(page);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await answered;
  // React resets the form when the action's render commits; the field is focused after that.
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
}

async function submitPassword(page: Page, password: string) {
  const field = page.getByLabel("Password", { exact: true });
  const button = page.getByRole("button", { name: "Sign in", exact: true });
  await field.fill(password);
  await expect(field).toHaveValue(password);
  const answered = actionAnswered(page);
  await button.click();
  await answered;
  // While the action is pending the button reads "Signing in…"; its label is back once the
  // answer has rendered (and the form has been reset).
  await expect(button).toBeEnabled();
}

test("a sign-in started on instance A finishes on instance B", async ({ page }) => {
  const started = new Date(Date.now() - 1_000);
  await signInToOktaDashboard(page, "olivia@acme.example");
  // A serves the Initiate login URI; B serves Okta's redirect back and everything after it.
  const servedByB = await balance(
    page,
    ({ url }) => !url.pathname.startsWith("/sso/okta/initiate"),
  );

  await clickTile(page, ACME_TILE);

  await expectSignedInToAcme(page);
  expect(servedByB).toContain("GET /api/auth/callback/okta");
  expect(servedByB).toContain("GET /team");
  expect(servedByB.some((request) => request.includes("/sso/okta/initiate"))).toBe(false);
  // B wrote the sign-in's audit event: its reference is in B's log.
  const events = await query<{ ref: string }>(
    `SELECT a.ref FROM audit_events a JOIN users u ON u.id = a.actor_id
     WHERE u.email = $1 AND a.action = 'sso.sign_in' AND a.outcome = 'success' AND a.created_at >= $2`,
    ["olivia@acme.example", started],
  );
  const log = await second.log();
  expect(events.some(({ ref }) => log.includes(ref))).toBe(true);

  // The session B created is good on A as well.
  const secondPage = await page.context().newPage();
  await secondPage.goto("/team/templates");
  await expect(secondPage).toHaveURL(`${APP_URL}/team/templates`);
});

test("failed password sign-ins on A count against the limit on B", async ({ page, browser }) => {
  const id = uniqueId();
  const person = {
    name: `Rita Limit ${id}`,
    email: `rita-${id}@scale-${id}.example`,
    password: `Quiet lantern ${id} river`,
    team: `Scale ${id}`,
  };
  await registerOwnerWithTeam(page, person);

  const visitor = await (await browser.newContext()).newPage();
  await continueWithEmail(visitor, person.email);
  const alert = visitor.getByRole("main").getByRole("alert");

  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitPassword(visitor, `wrong ${attempt}`);
    await expect(alert).toContainText("don't match");
  }
  expect(
    await count(`SELECT count FROM rate_limits WHERE key = $1`, [
      `password-sign-in:email:${person.email}`,
    ]),
  ).toBe(5);

  // The right password, served by B, is refused: B sees the five failures A counted.
  const servedByB = await balance(visitor, () => true);
  await submitPassword(visitor, person.password);
  await expect(alert).toContainText(/Too many failed sign-ins/);
  expect(servedByB).toContain("POST /sign-in");
  await visitor.context().close();
});

test("the audit trail written by A is read on B", async ({ page, browser }) => {
  // A refuses a member of another team and records it, naming a reference.
  const refused = await (await browser.newContext()).newPage();
  await signInToOktaDashboard(refused, "bob@globex.example");
  await clickTile(refused, ACME_TILE);
  await expect(refused).toHaveURL(/\/problem\/member-of-another-team\?ref=/);
  const ref = new URL(refused.url()).searchParams.get("ref") ?? "";
  expect(ref).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await refused.context().close();

  // Acme's owner reads the audit log, served by B.
  await signInToOktaDashboard(page, "olivia@acme.example");
  await clickTile(page, ACME_TILE);
  await expectSignedInToAcme(page);
  const servedByB = await balance(page, () => true);
  await page.goto("/team/audit");

  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByText(ref)).toBeVisible();
  expect(servedByB).toContain("GET /team/audit");
});
