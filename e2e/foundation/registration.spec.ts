import { expectNoSeriousA11yViolations } from "../support/axe";
import { count } from "../support/db";
import { RegistrationPage } from "../pages/registration-page";
import { expect, newPerson, registerWithoutTeam, test } from "./people";

// Refusals are inline, next to the field, and keep everything typed except the password.
test("a weak password is refused inline and keeps the name and email", async ({ page }) => {
  const person = newPerson("weak");
  const registration = new RegistrationPage(page);
  await registration.goto();
  await expectNoSeriousA11yViolations(page);

  await registration.register({ name: person.name, email: person.email, password: "short" });
  await expect(registration.password).toHaveAccessibleDescription(/Use at least 10 characters\./);
  await expect(registration.password).toHaveAttribute("aria-invalid", "true");
  await expect(registration.name).toHaveValue(person.name);
  await expect(registration.email).toHaveValue(person.email);
  await expect(registration.password).toHaveValue("");
  await expect(page).toHaveURL("/register");
  await expectNoSeriousA11yViolations(page);

  await registration.register({ password: "password123" });
  await expect(registration.password).toHaveAccessibleDescription(
    /That password is too common\. Choose another\./,
  );
  await expect(registration.email).toHaveValue(person.email);

  expect(await count("SELECT count(*) FROM users WHERE email = $1", [person.email])).toBe(0);

  await registration.register({ password: person.password });
  await expect(page).toHaveURL("/team/new");
});

test("an email that is taken in another case is refused inline and keeps the name", async ({
  page,
  visitor,
}) => {
  const first = newPerson("taken");
  await registerWithoutTeam(await visitor(), first);

  const [local, domain] = first.email.split("@") as [string, string];
  const shouted = `${local.toUpperCase()}@${domain[0]!.toUpperCase()}${domain.slice(1)}`;
  const second = { ...newPerson("second"), email: shouted };

  const registration = new RegistrationPage(page);
  await registration.goto();
  await registration.register(second);
  await expect(registration.email).toHaveAccessibleDescription(
    "An account with this email already exists. Sign in instead.",
  );
  await expect(registration.email).toHaveAttribute("aria-invalid", "true");
  await expect(registration.name).toHaveValue(second.name);
  // The form shows the address as it is stored: lower-cased.
  await expect(registration.email).toHaveValue(first.email);
  await expect(registration.password).toHaveValue("");
  await expect(page).toHaveURL("/register");
  await expectNoSeriousA11yViolations(page);

  expect(await count("SELECT count(*) FROM users WHERE lower(email) = $1", [first.email])).toBe(1);
  expect(await count("SELECT count(*) FROM users WHERE name = $1", [second.name])).toBe(0);
});
