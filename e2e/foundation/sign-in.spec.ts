import { expectNoSeriousA11yViolations } from "../support/axe";
import { count } from "../support/db";
import { CreateTeamPage } from "../pages/create-team-page";
import { SignInPage } from "../pages/sign-in-page";
import { expect, newPerson, registerWithoutTeam, test } from "./people";

const WRONG = "That email and password don't match. Check them and try again.";

test("a wrong password is refused with a message, and the right one then signs in", async ({
  page,
  visitor,
}) => {
  const person = newPerson("signin");
  await registerWithoutTeam(await visitor(), person);

  const signIn = new SignInPage(page);
  await signIn.goto();
  await expectNoSeriousA11yViolations(page);
  await signIn.continueWith(person.email);
  await expect(page.getByText(person.email, { exact: true })).toBeVisible();

  await signIn.submitPassword("Not the password 1");
  await expect(signIn.error).toHaveText(WRONG);
  await expect(signIn.password).toHaveValue("");
  await expect(page).toHaveURL("/sign-in");
  await expectNoSeriousA11yViolations(page);

  await signIn.submitPassword(person.password);
  await new CreateTeamPage(page).expectLoaded();
});

test("after five wrong passwords, even the right one is refused for a while", async ({
  page,
  visitor,
}) => {
  const person = newPerson("limited");
  await registerWithoutTeam(await visitor(), person);
  const sessions = () =>
    count("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1", [
      person.email,
    ]);
  const sessionsBefore = await sessions();

  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.continueWith(person.email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn.submitPassword(`Wrong password ${attempt}`);
    await expect(signIn.error).toHaveText(WRONG);
    // The form clears the password once the answer is rendered; only then type the next one.
    await expect(signIn.password).toHaveValue("");
  }

  await signIn.submitPassword(person.password);
  await expect(signIn.error).toContainText(/Too many failed sign-ins\. Try again in \d+ minutes?/);
  await expect(page).toHaveURL("/sign-in");
  await expectNoSeriousA11yViolations(page);

  expect(await sessions()).toBe(sessionsBefore);
  expect(
    await count(
      `SELECT count(*) FROM audit_events WHERE email = $1 AND action = 'password.sign_in'
       AND outcome = 'refused' AND reason = 'too many failed attempts'`,
      [person.email],
    ),
  ).toBe(1);
});
