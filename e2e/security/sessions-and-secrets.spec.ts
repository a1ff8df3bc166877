import { readFile } from "node:fs/promises";

import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";

import { MembersPage } from "../pages/members-page";
import { SEED_PASSWORD, signInWithPassword, uniqueId } from "../support/accounts";
import { count, query } from "../support/db";
import { clickTile, signInToOktaDashboard } from "../support/okta";
import { APP_URL } from "../support/urls";

const SESSION_COOKIE = "authjs.session-token";

async function sessionCookie(page: Page) {
  return (await page.context().cookies(APP_URL)).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** A Globex member with a password, arranged in the database. */
async function globexMember() {
  const id = uniqueId();
  const email = `member-${id}@globex.example`;
  await query(
    `WITH u AS (INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $4, $3) RETURNING id)
     INSERT INTO memberships (id, user_id, team_id, role) SELECT $1, u.id, t.id, 'MEMBER' FROM u, teams t WHERE t.slug = 'globex'`,
    [`user-${id}`, email, await hash("member password 1"), `Gina ${id}`],
  );
  return { id: `user-${id}`, email, name: `Gina ${id}`, password: "member password 1" };
}

test("every page carries the security headers", async ({ request }) => {
  for (const path of ["/", "/sign-in", "/problem/sso-required", "/sso/okta/initiate?iss=x"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
});

test("the session cookie is httpOnly and SameSite=Lax, and a cookie planted before sign-in is replaced", async ({
  page,
}) => {
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: "planted-by-someone-else", url: APP_URL }]);
  await signInWithPassword(page, "bob@globex.example", SEED_PASSWORD);
  await expect(page).toHaveURL(`${APP_URL}/team`);

  const cookie = await sessionCookie(page);
  expect(cookie?.value).toBeTruthy();
  expect(cookie?.value).not.toBe("planted-by-someone-else");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  // Served over plain http locally; Auth.js marks it Secure when APP_URL is https.
  expect(cookie?.secure).toBe(false);
});

test("sign-out ends the session on the server, not only in this browser", async ({
  page,
  browser,
}) => {
  const member = await globexMember();
  await signInWithPassword(page, member.email, member.password);
  const stolen = await sessionCookie(page);
  expect(stolen).toBeDefined();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/signedOut=1/);

  const replay = await browser.newContext();
  await replay.addCookies([{ name: SESSION_COOKIE, value: stolen!.value, url: APP_URL }]);
  const replayPage = await replay.newPage();
  await replayPage.goto("/team");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  expect(await count(`SELECT count(*) FROM sessions WHERE user_id = $1`, [member.id])).toBe(0);
});

test("removing a member ends their sessions at once", async ({ page, browser }) => {
  const member = await globexMember();
  const memberPage = await (await browser.newContext()).newPage();
  await signInWithPassword(memberPage, member.email, member.password);
  await expect(memberPage).toHaveURL(`${APP_URL}/team`);

  await signInWithPassword(page, "bob@globex.example", SEED_PASSWORD);
  await new MembersPage(page).removeMember(member.name);
  await expect(page.getByRole("cell", { name: member.email })).toHaveCount(0);

  await memberPage.reload();
  await expect(memberPage).toHaveURL(/\/sign-in\?ended=1$/);
  await expect(
    memberPage.getByText("Your session has ended. Sign in again to continue."),
  ).toBeVisible();
});

test("a plain member's forged Team Edition change is refused by the server", async ({ page }) => {
  const member = await globexMember();
  await signInWithPassword(page, member.email, member.password);
  await page.goto("/team/permissions");
  await expect(page.getByText("Only the team's owner and admins can change this.")).toBeVisible();

  // The form is rendered disabled for members; enable it by hand, as an attacker would.
  await page.locator("fieldset").evaluate((fieldset) => fieldset.removeAttribute("disabled"));
  await page.getByLabel(/Public/).check();
  await page
    .locator("form")
    .filter({ has: page.locator("fieldset") })
    .evaluate((form) => (form as HTMLFormElement).requestSubmit());
  await expect(page.getByText("Only the team's owner and admins can do this.")).toBeVisible();

  const [team] = await query<{ default_visibility: string }>(
    `SELECT default_visibility FROM teams WHERE slug = 'globex'`,
  );
  expect(team?.default_visibility).toBe("PRIVATE");
});

test("the owner of another team sees none of Acme's data on any team page", async ({ page }) => {
  await signInWithPassword(page, "bob@globex.example", SEED_PASSWORD);
  for (const path of [
    "/team",
    "/team/templates",
    "/team/permissions",
    "/team/sso",
    "/team/audit",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "Globex" })).toBeVisible();
    const text = await page.locator("main").innerText();
    expect(text).not.toContain("acme.example");
    expect(text).not.toContain("Welcome to Acme");
  }
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "You can't open this page" })).toBeVisible();
});

test("a full Okta sign-in at the most verbose log level leaks no secret, code, token or cookie", async ({
  page,
}) => {
  const logPath = `.data/e2e-app-${process.env.E2E_PORT_OFFSET ?? 0}.log`;
  const secrets: string[] = ["acmeE2eSecret0123456789abcdefghijklmnopq"];
  page.on("request", (request) => {
    const url = new URL(request.url());
    for (const name of ["code", "state"]) {
      const value = url.searchParams.get(name);
      if (value && url.pathname.endsWith("/callback/okta")) secrets.push(value);
    }
  });
  await signInToOktaDashboard(page, "olivia@acme.example");
  await clickTile(page, "Teamline — Acme");
  await expect(page).toHaveURL(`${APP_URL}/team`);
  for (const cookie of await page.context().cookies())
    if (cookie.value.length >= 16) secrets.push(cookie.value);

  const log = await readFile(logPath, "utf8");
  // Debug lines (level 20) are there: the log really was at its most verbose.
  expect(log).toContain('"level":20');
  // ID and access tokens never reach the browser; any JWT in the log would be one of them.
  expect(log).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}\./);
  expect(secrets.length).toBeGreaterThanOrEqual(4);
  for (const secret of secrets)
    expect(log.includes(secret), `log contains a secret starting ${secret.slice(0, 6)}`).toBe(
      false,
    );
});
