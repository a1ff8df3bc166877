import { expect, test, type Page } from "@playwright/test";

import { APP_URL } from "../support/urls";
import { expectRefusal, expectSignedInto } from "./support/expect-refusal";
import { setUpRogueTeam, type RogueTeam } from "./support/rogue-team";

// The Initiate login URI (OpenID Connect Core §4) takes whatever a browser sends it: unknown or
// look-alike issuers, hostile target_link_uri values, huge and malformed queries, by GET and POST.

const INITIATE_URL = `${APP_URL}/sso/okta/initiate`;

let team: RogueTeam;

test.beforeAll(async ({ browser }) => {
  team = await setUpRogueTeam(browser);
});
test.afterAll(async () => {
  await team?.close();
});
test.beforeEach(async () => {
  await team.rogue.reset();
});

/** A real form POST from the browser, as Okta's tile does in its POST mode. */
async function postFromBrowser(page: Page, fields: Record<string, string>) {
  await page.setContent(
    `<form method="post" action="${INITIATE_URL}">${Object.keys(fields)
      .map((name) => `<input type="hidden" name="${name}">`)
      .join("")}<button>Open Teamline</button></form>`,
  );
  // Values are set as properties, so no markup escaping can change what is sent.
  for (const [name, value] of Object.entries(fields)) {
    await page
      .locator(`input[name="${name}"]`)
      .evaluate((input: HTMLInputElement, v) => (input.value = v), value);
  }
  await page.getByRole("button", { name: "Open Teamline" }).click();
}

test("an issuer no team is connected to gets the unknown-issuer page", async ({ page }) => {
  await page.goto(`${INITIATE_URL}?iss=${encodeURIComponent("https://unknown-org.okta.com")}`);

  await expectRefusal(page, { code: "unknown-issuer", reason: "no team has this issuer" });
});

for (const [title, lookAlike] of [
  ["a trailing slash", () => `${team.rogue.issuer}/`],
  ["https instead of http", () => team.rogue.issuer.replace("http:", "https:")],
  ["another letter case", () => team.rogue.issuer.toUpperCase()],
] as const) {
  test(`the team's issuer with ${title} matches no team`, async ({ page }) => {
    const before = await team.footprint();

    await page.goto(`${INITIATE_URL}?iss=${encodeURIComponent(lookAlike())}`);

    await expectRefusal(page, { code: "unknown-issuer", reason: "no team has this issuer" });
    expect(await team.footprint()).toEqual(before);
    expect(team.rogue.stats().authorize).toBe(0);
  });
}

for (const target of [
  "https://evil.example/phish",
  "//evil.example/x",
  "/\\evil.example",
  "\\\\evil.example",
  "javascript:alert(document.domain)",
  `${APP_URL}@evil.example/team`,
]) {
  test(`target_link_uri ${JSON.stringify(target)} is ignored and the sign-in lands on /team`, async ({
    page,
  }) => {
    await team.startSignIn(page, { target });

    await expectSignedInto(page, team.name);
  });
}

test("a target_link_uri on our own origin is honoured", async ({ page }) => {
  await team.startSignIn(page, { target: `${APP_URL}/team/templates` });

  await expectSignedInto(page, team.name, "/team/templates");
});

test("a 12 KB query by GET with the right issuer still signs in", async ({ page }) => {
  await page.goto(team.initiateUrl({ login_hint: team.newcomer.email, junk: "x".repeat(12_000) }));

  await expectSignedInto(page, team.name);
});

test("a 20 KB form by POST with the right issuer still signs in", async ({ page }) => {
  await postFromBrowser(page, {
    iss: team.rogue.issuer,
    login_hint: team.newcomer.email,
    target_link_uri: "x".repeat(20_000),
  });

  await expectSignedInto(page, team.name);
});

test("a 12 KB issuer by GET gets the unknown-issuer page", async ({ page }) => {
  await page.goto(
    `${INITIATE_URL}?iss=${encodeURIComponent(`${team.rogue.issuer}/${"a".repeat(12_000)}`)}`,
  );

  await expectRefusal(page, { code: "unknown-issuer", reason: "missing or malformed iss" });
});

test("a 20 KB query by GET with the right issuer still signs in", async ({ page }) => {
  test.fixme(
    true,
    "Node's HTTP parser answers a request head over 16 KB with a bare 431 before Next.js runs: no Teamline page, no audit event. Needs --max-http-header-size for `next start`, or a limit page at the reverse proxy.",
  );
  await page.goto(team.initiateUrl({ login_hint: team.newcomer.email, junk: "x".repeat(20_000) }));

  await expectSignedInto(page, team.name);
});

test("a malformed percent-encoding by GET gets the unknown-issuer page", async ({ page }) => {
  await page.goto(`${INITIATE_URL}?iss=%E0%A4%A&login_hint=%ZZ`);

  await expectRefusal(page, { code: "unknown-issuer", reason: "no team has this issuer" });
});

test("a malformed percent-encoding by POST gets the unknown-issuer page", async ({ page }) => {
  // The browser would encode a form field; the body is swapped on its way out instead.
  await page.route(INITIATE_URL, (route) =>
    route.continue({ postData: "iss=%E0%A4%A&login_hint=%ZZ&%%%" }),
  );
  await postFromBrowser(page, { iss: "placeholder" });

  await expectRefusal(page, { code: "unknown-issuer", reason: "no team has this issuer" });
});

test("a POST that is not a form gets the unknown-issuer page", async ({ page }) => {
  await page.route(INITIATE_URL, (route) =>
    route.continue({
      postData: JSON.stringify({ iss: team.rogue.issuer }),
      headers: { ...route.request().headers(), "content-type": "application/json" },
    }),
  );
  await postFromBrowser(page, { iss: "placeholder" });

  await expectRefusal(page, { code: "unknown-issuer", reason: "missing or malformed iss" });
});
