import { ProblemPage } from "../pages/problem-page";
import { SignOutPage } from "../pages/sign-out-page";
import { SignInPage } from "../pages/sign-in-page";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { count } from "../support/db";
import { APP_URL } from "../support/urls";
import { expect, newPerson, registerWithoutTeam, test } from "./people";

// Auth.js serves its own unbranded pages at /api/auth/*; a person who lands on one, from a
// bookmark, a stale link or a failure Auth.js handles itself, sees ours instead.

test("Auth.js's error page shows our own page for any error type, and no reference from the address", async ({
  page,
}) => {
  const problem = new ProblemPage(page);
  const cases = [
    ["Configuration", "sign-in-unavailable"],
    ["AccessDenied", "sign-in-failed"],
    ["Verification", "sign-in-failed"],
    ["<b>made up</b>", "sign-in-failed"],
    // Auth.js puts the value back into the address unencoded: this one smuggles a reference in.
    ["Configuration&ref=ABCD-1234", "sign-in-unavailable"],
  ] as const;

  for (const [type, code] of cases) {
    await test.step(`error=${type}`, async () => {
      await page.goto(`/api/auth/error?error=${encodeURIComponent(type)}`);
      await problem.expectShown(code);
      await expect(page.getByText("Reference:")).toHaveCount(0);
      await expect(problem.backToSignIn).toHaveAttribute("href", "/sign-in");
    });
  }

  await test.step("no error type at all", async () => {
    await page.goto("/api/auth/error");
    await problem.expectShown("sign-in-failed");
    await expectNoSeriousA11yViolations(page);
  });
});

test("Auth.js's sign-out address asks on our own page, and only the button signs out", async ({
  page,
}) => {
  const person = newPerson("leaving");
  await registerWithoutTeam(page, person);
  const sessions = () =>
    count(`SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`, [
      person.email,
    ]);
  const signOut = new SignOutPage(page);

  await test.step("opening it signs nobody out", async () => {
    await signOut.openThroughAuthJs();
    await expect(signOut.heading).toBeVisible();
    await expect(page.getByRole("main")).toContainText(`You are signed in as ${person.email}.`);
    await expectNoSeriousA11yViolations(page);
    expect(await sessions()).toBe(1);
    await page.goto("/team/new");
    await expect(page).toHaveURL("/team/new");
  });

  await test.step("a cross-site POST to Auth.js's sign-out, without its CSRF token, signs nobody out", async () => {
    const response = await page.request.post("/api/auth/signout", {
      headers: { origin: "https://elsewhere.example" },
      form: { callbackUrl: "https://elsewhere.example/" },
      maxRedirects: 0,
    });
    expect(response.headers()["location"] ?? "").not.toContain("elsewhere.example");
    expect(await sessions()).toBe(1);
  });

  await test.step("the button signs out", async () => {
    await signOut.openThroughAuthJs();
    await signOut.signOut.click();
    await expect(page).toHaveURL("/sign-in?signedOut=1");
    await expect(new SignInPage(page).heading).toBeVisible();
    expect(await sessions()).toBe(0);
  });

  await test.step("signed out, it says so and offers to sign in", async () => {
    await signOut.openThroughAuthJs();
    await expect(signOut.signedOutHeading).toBeVisible();
    await expect(signOut.signIn).toHaveAttribute("href", "/sign-in");
    await expectNoSeriousA11yViolations(page);
  });
});

test("the sign-out button's request is refused from another site, and works from ours", async ({
  page,
}) => {
  const person = newPerson("staying");
  await registerWithoutTeam(page, person);
  const signOut = new SignOutPage(page);
  await signOut.openThroughAuthJs();

  // The button's own request, held back, then sent as a page on another site would send it.
  const captured = page.waitForRequest(
    (request) => request.method() === "POST" && Boolean(request.headers()["next-action"]),
  );
  await page.route("**/sign-out", (route) =>
    route.request().method() === "POST" ? route.abort() : route.continue(),
  );
  await signOut.signOut.click();
  const request = await captured;
  const send = (origin: string) =>
    page.request.post(`${APP_URL}/sign-out`, {
      headers: {
        "next-action": request.headers()["next-action"]!,
        "content-type": request.headers()["content-type"]!,
        origin,
      },
      data: request.postDataBuffer() ?? Buffer.alloc(0),
      maxRedirects: 0,
    });
  const sessions = () =>
    count(`SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`, [
      person.email,
    ]);

  const foreign = await send("https://elsewhere.example");
  expect(foreign.headers()["x-action-redirect"] ?? "").not.toContain("signedOut");
  expect(await sessions()).toBe(1);

  const own = await send(new URL(APP_URL).origin);
  expect(own.headers()["x-action-redirect"] ?? "").toContain("/sign-in?signedOut=1");
  expect(await sessions()).toBe(0);
});
