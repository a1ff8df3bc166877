import { expect, type Page } from "@playwright/test";

import { problems } from "../../../app/problem/[code]/problems";
import type { ProblemCode } from "../../../lib/errors";
import { query } from "../../support/db";
import { APP_URL } from "../../support/urls";

// Auth.js's session cookie: "authjs.session-token", "__Secure-" prefixed over https.
const SESSION_COOKIE = expect.stringMatching(/authjs\.session-token$/);

async function cookieNames(page: Page) {
  return (await page.context().cookies(APP_URL)).map((cookie) => cookie.name);
}

export type AuditEvent = { action: string; outcome: string; reason: string | null };

/**
 * The person sees the page that explains `code`, with a reference; that reference finds a refused
 * audit event whose reason says what went wrong; and the browser holds no session cookie.
 */
export async function expectRefusal(
  page: Page,
  expected: { code: ProblemCode; reason: RegExp | string },
): Promise<AuditEvent> {
  await expect(page).toHaveURL(new RegExp(`^${APP_URL}/problem/${expected.code}\\?ref=`));
  await expect(
    page.getByRole("heading", { level: 1, name: problems[expected.code].title }),
  ).toBeVisible();
  const ref = (await page.locator("code").innerText()).trim();

  const [event] = await query<AuditEvent>(
    `SELECT action, outcome, reason FROM audit_events WHERE ref = $1`,
    [ref],
  );
  expect(event, `audit event ${ref}`).toBeDefined();
  expect(event!.outcome).toBe("refused");
  if (typeof expected.reason === "string") expect(event!.reason).toBe(expected.reason);
  else expect(event!.reason).toMatch(expected.reason);

  expect(await cookieNames(page)).not.toContainEqual(SESSION_COOKIE);
  return event!;
}

/** A successful sign-in lands on the team page, signed in. */
export async function expectSignedInto(page: Page, teamName: string, path = "/team") {
  await expect(page).toHaveURL(`${APP_URL}${path}`);
  await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  expect(await cookieNames(page)).toContainEqual(SESSION_COOKIE);
}
