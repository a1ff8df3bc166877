import { APP_URL } from "../support/urls";
import { expect, test } from "@playwright/test";

import { count, query } from "../support/db";
import { clickTile, OKTA_URL, signInToOktaDashboard } from "../support/okta";

// The dashboard tile (OpenID Connect Core §4, third-party-initiated login) against the real
// Okta stand-in: Acme is seeded with SSO on over the stand-in's org issuer.

const ACME_TILE = "Teamline — Acme";
const ORG_ISSUER = OKTA_URL;

test("an existing member clicks the tile and lands signed in, linked by issuer and sub @smoke", async ({
  page,
}) => {
  await signInToOktaDashboard(page, "maria@acme.example");
  await clickTile(page, ACME_TILE);

  await expect(page).toHaveURL(`${APP_URL}/team`);
  await expect(page.getByRole("heading", { level: 1, name: "Acme" })).toBeVisible();
  await expect(page.getByText("maria@acme.example").first()).toBeVisible();

  const identities = await query<{ subject: string; issuer: string }>(
    `SELECT i.subject, i.issuer FROM sso_identities i JOIN users u ON u.id = i.user_id WHERE u.email = $1`,
    ["maria@acme.example"],
  );
  expect(identities).toEqual([{ subject: "00u1a2b3c4d5e6f7g8h9", issuer: ORG_ISSUER }]);
  expect(
    await count(`SELECT count(*) FROM audit_events WHERE action = 'sso.linked' AND email = $1`, [
      "maria@acme.example",
    ]),
  ).toBe(1);
});

test("a brand-new Okta user is created with name and email and the team's default permission", async ({
  page,
}) => {
  expect(await count(`SELECT count(*) FROM users WHERE email = 'new.hire@acme.example'`)).toBe(0);

  await signInToOktaDashboard(page, "new.hire@acme.example");
  await clickTile(page, ACME_TILE);
  await expect(page).toHaveURL(`${APP_URL}/team`);

  const [user] = await query<{ name: string; role: string; slug: string }>(
    `SELECT u.name, m.role, t.slug FROM users u JOIN memberships m ON m.user_id = u.id JOIN teams t ON t.id = m.team_id WHERE u.email = $1`,
    ["new.hire@acme.example"],
  );
  expect(user).toEqual({ name: "Nia Newman", role: "MEMBER", slug: "acme" });

  // Acme's default permission is Private: the new member's first template follows it.
  await page.getByRole("link", { name: "Templates" }).click();
  await page.getByLabel("Template name").fill("Intro");
  await page.getByLabel("Subject").fill("Hello from Nia");
  await page.getByLabel("Body").fill("Nice to meet you.");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Private · by Nia Newman")).toBeVisible();
});

test("a member of another team is refused with a page that says why, and nothing is created", async ({
  page,
}) => {
  // Counted for the two teams involved only: specs in the other worker add members elsewhere.
  const membershipsOfAcmeAndGlobex = () =>
    count(
      `SELECT count(*) FROM memberships m JOIN teams t ON t.id = m.team_id WHERE t.slug IN ('acme', 'globex')`,
    );
  const before = await membershipsOfAcmeAndGlobex();

  await signInToOktaDashboard(page, "bob@globex.example");
  await clickTile(page, ACME_TILE);

  await expect(page).toHaveURL(/\/problem\/member-of-another-team\?ref=/);
  await expect(
    page.getByRole("heading", { name: "Your account belongs to another team" }),
  ).toBeVisible();
  const ref = (await page.locator("code").innerText()).trim();

  expect(await membershipsOfAcmeAndGlobex()).toBe(before);
  expect(
    await count(
      `SELECT count(*) FROM sso_identities i JOIN users u ON u.id = i.user_id WHERE u.email = 'bob@globex.example'`,
    ),
  ).toBe(0);
  const [event] = await query<{ outcome: string; reason: string }>(
    `SELECT outcome, reason FROM audit_events WHERE ref = $1`,
    [ref],
  );
  expect(event).toEqual({ outcome: "refused", reason: "member of another team" });

  // And the session cookie was never issued.
  await page.goto("/team");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an Okta email differing only in letter case signs in the existing member", async ({
  page,
}) => {
  const [team] = await query<{ id: string }>(`SELECT id FROM teams WHERE slug = 'acme'`);
  await query(
    `WITH u AS (INSERT INTO users (id, email, name) VALUES ('e2e-emma', 'emma.case@acme.example', 'Emma Case') RETURNING id)
     INSERT INTO memberships (id, user_id, team_id, role) SELECT 'e2e-emma-m', id, $1, 'MEMBER' FROM u`,
    [team!.id],
  );

  await signInToOktaDashboard(page, "Emma.Case@ACME.example");
  await clickTile(page, ACME_TILE);

  await expect(page).toHaveURL(`${APP_URL}/team`);
  expect(
    await count(`SELECT count(*) FROM users WHERE lower(email) = 'emma.case@acme.example'`),
  ).toBe(1);
  expect(await count(`SELECT count(*) FROM sso_identities WHERE user_id = 'e2e-emma'`)).toBe(1);
});

test("target_link_uri lands on our own page and an off-site one is ignored", async ({ page }) => {
  await signInToOktaDashboard(page, "tara@acme.example");

  const initiate = new URL(`${APP_URL}/sso/okta/initiate`);
  initiate.searchParams.set("iss", ORG_ISSUER);
  initiate.searchParams.set("target_link_uri", `${APP_URL}/team/templates`);
  await page.goto(initiate.href);
  await expect(page).toHaveURL(`${APP_URL}/team/templates`);

  for (const target of [
    "https://evil.example/phish",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
  ]) {
    initiate.searchParams.set("target_link_uri", target);
    await page.goto(initiate.href);
    await expect(page).toHaveURL(`${APP_URL}/team`);
  }
});

test("a user Okta has not assigned to the app is told to ask their Okta admin", async ({
  page,
}) => {
  await signInToOktaDashboard(page, "sam@acme.example");
  await page.goto(`${APP_URL}/sso/okta/initiate?iss=${encodeURIComponent(ORG_ISSUER)}`);

  await expect(page).toHaveURL(/\/problem\/okta-access-denied\?ref=/);
  await expect(
    page.getByRole("heading", { name: "Okta didn't let you into Teamline" }),
  ).toBeVisible();
  expect(await count(`SELECT count(*) FROM users WHERE email = 'sam@acme.example'`)).toBe(0);
});

test("an unknown issuer gets a clear page", async ({ page }) => {
  for (const iss of [
    "https://unknown-org.okta.com",
    `${ORG_ISSUER}/`,
    ORG_ISSUER.replace("http:", "https:"),
  ]) {
    await page.goto(`/sso/okta/initiate?iss=${encodeURIComponent(iss)}`);
    await expect(
      page.getByRole("heading", { name: "This Okta app isn't connected to a Teamline team" }),
    ).toBeVisible();
  }
  await page.goto("/sso/okta/initiate");
  await expect(
    page.getByRole("heading", { name: "This Okta app isn't connected to a Teamline team" }),
  ).toBeVisible();
});

test("a callback link replayed in a fresh browser signs nobody in", async ({ page, browser }) => {
  let callbackUrl = "";
  page.on("request", (request) => {
    if (request.url().startsWith(`${APP_URL}/api/auth/callback/okta`)) callbackUrl = request.url();
  });
  await signInToOktaDashboard(page, "olivia@acme.example");
  await clickTile(page, ACME_TILE);
  await expect(page).toHaveURL(`${APP_URL}/team`);
  expect(callbackUrl).toContain("code=");

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(callbackUrl);
  await expect(
    fresh.getByRole("heading", { name: "This sign-in expired or was started elsewhere" }),
  ).toBeVisible();
  await fresh.goto(`${APP_URL}/team`);
  await expect(fresh).toHaveURL(/\/sign-in/);
});

test("an ID token posted to the callback unasked gets the page for the Okta admin", async ({
  page,
}) => {
  const response = await page.request.post("/api/auth/callback/okta", {
    form: { id_token: "eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  await page.goto(response.headers()["location"]!);
  await expect(
    page.getByRole("heading", { name: "Okta sent a sign-in Teamline didn't ask for" }),
  ).toBeVisible();
  await expect(page.getByText("Redirect to app to initiate login (OIDC Compliant)")).toBeVisible();
});
