import { expect, test, type Page } from "@playwright/test";

import { expectRefusal, expectSignedInto } from "./support/expect-refusal";
import { CALLBACK_URL, setUpRogueTeam, type RogueTeam } from "./support/rogue-team";

// The authorization-code round trip bent at each step: what comes back to the callback, and how
// the token endpoint answers. Nothing here may sign anyone in or create anything.

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

/**
 * Starts a sign-in and stops the browser just before the callback, as if the person closed the tab
 * there; returns the callback URL the provider sends them to. The browser keeps the sign-in's
 * cookies.
 */
async function stopAtCallback(page: Page): Promise<string> {
  await team.rogue.behave({ holdCallback: true });
  await team.startSignIn(page);
  const href = await page.getByRole("link", { name: "Continue to the app" }).getAttribute("href");
  await team.rogue.behave({ holdCallback: false });
  expect(href).toContain("code=");
  return href!;
}

test("a callback without state is refused", async ({ page }) => {
  await team.rogue.behave({ omitState: true });
  const before = await team.footprint();

  await team.startSignIn(page);

  await expectRefusal(page, { code: "state-mismatch", reason: /state missing/ });
  expect(await team.footprint()).toEqual(before);
});

test("someone else's callback opened in a browser that started its own sign-in is refused", async ({
  page,
  browser,
}) => {
  // Login CSRF: an attacker's callback link pushed to a victim who is mid sign-in.
  const attackersCallback = await stopAtCallback(page);
  const victim = await (await browser.newContext()).newPage();
  await stopAtCallback(victim);
  const before = await team.footprint();

  await victim.goto(attackersCallback);

  await expectRefusal(victim, { code: "state-mismatch", reason: /state/ });
  expect(await team.footprint()).toEqual(before);
  expect(team.rogue.stats().token).toBe(0);
});

test("a callback link replayed in a fresh browser is refused", async ({ page, browser }) => {
  const callbackUrl = await stopAtCallback(page);
  const fresh = await (await browser.newContext()).newPage();
  const before = await team.footprint();

  await fresh.goto(callbackUrl);

  await expectRefusal(fresh, {
    code: "attempt-expired",
    reason: "no sign-in attempt in this browser",
  });
  expect(await team.footprint()).toEqual(before);
  expect(team.rogue.stats().token).toBe(0);
});

test("an authorization code used a second time is refused by the provider, and nothing more is created", async ({
  page,
  browser,
}) => {
  // Two browsers holding the same sign-in cookies both send the callback: the first redeems the
  // code, the provider answers the second with invalid_grant.
  const callbackUrl = await stopAtCallback(page);
  const twin = await (
    await browser.newContext({ storageState: await page.context().storageState() })
  ).newPage();
  await twin.goto(callbackUrl);
  await expectSignedInto(twin, team.name);
  const before = await team.footprint();

  await page.goto(callbackUrl);

  await expectRefusal(page, { code: "okta-error", reason: /invalid_grant/ });
  expect(await team.footprint()).toEqual(before);
  expect(team.rogue.stats().token).toBe(2);
});

test("Okta's access_denied gets the page that says to ask for the app", async ({ page }) => {
  await team.rogue.behave({ authorizeError: "access_denied" });
  const before = await team.footprint();

  await team.startSignIn(page);

  await expectRefusal(page, { code: "okta-access-denied", reason: "Okta answered access_denied" });
  expect(await team.footprint()).toEqual(before);
});

for (const error of ["server_error", "temporarily_unavailable", "made_up_error"]) {
  test(`Okta's ${error} gets the page that says Okta could not complete it`, async ({ page }) => {
    await team.rogue.behave({ authorizeError: error });
    const before = await team.footprint();

    await team.startSignIn(page);

    await expectRefusal(page, { code: "okta-error", reason: `Okta answered ${error}` });
    expect(await team.footprint()).toEqual(before);
    expect(team.rogue.stats().token).toBe(0);
  });
}

const unreachable = [
  {
    title: "refuses connections",
    behaviour: { token: "connection-refused" as const },
    reason: /could not connect to Okta/,
  },
  {
    title: "answers HTTP 500",
    behaviour: { token: "server-error" as const },
    reason: "token endpoint answered HTTP 500",
  },
  {
    title: "answers after the app's timeout",
    behaviour: { token: "slow" as const },
    reason: /Okta did not answer within \d+ ms/,
  },
];

for (const { title, behaviour, reason } of unreachable) {
  test(`a token endpoint that ${title} gets the page that says Okta could not be reached`, async ({
    page,
  }) => {
    await team.rogue.behave(behaviour);
    const before = await team.footprint();

    await team.startSignIn(page);

    await expectRefusal(page, { code: "okta-unreachable", reason });
    expect(await team.footprint()).toEqual(before);
  });
}

test("an ID token posted to the callback unasked is refused with the page for the Okta admin", async ({
  page,
}) => {
  // Okta's "Simplified" login flow: a form POST of a perfectly signed token, with no state.
  const idToken = await team.rogue.idTokenFor(team.member);
  const before = await team.footprint();
  await page.setContent(
    `<form method="post" action="${CALLBACK_URL}">
       <input type="hidden" name="id_token" value="${idToken}">
       <button>Continue</button>
     </form>`,
  );

  await page.getByRole("button", { name: "Continue" }).click();

  await expectRefusal(page, {
    code: "unsolicited-id-token",
    reason: "unsolicited ID token (Okta Simplified login flow)",
  });
  expect(await team.footprint()).toEqual(before);
});

test("a token endpoint that refuses the client's credentials gets the page that says so", async ({
  page,
}) => {
  await team.rogue.behave({ token: "invalid-client" });
  const before = await team.footprint();

  await team.startSignIn(page);

  await expectRefusal(page, {
    code: "okta-client-refused",
    reason: "token endpoint refused the Client ID or Client secret",
  });
  await expect(
    page.getByText(/Client ID and Client secret on the Single sign-on tab/),
  ).toBeVisible();
  expect(await team.footprint()).toEqual(before);
});
