import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";

import { CreateTeamPage } from "../pages/create-team-page";
import { query } from "../support/db";
import { RegistrationPage, type NewAccount } from "../pages/registration-page";
import { TeamPage } from "../pages/team-page";

export type Person = NewAccount;

/** Short and unique across workers and runs, so every test owns its emails and domains. */
export function uniqueId() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A person on a company-looking domain of their own (never acme.example or globex.example: the
 * seeded teams own those). The password must not contain the email's local part.
 */
export function newPerson(label: string, domain = `${label}-${uniqueId()}.example`): Person {
  const id = uniqueId();
  return {
    name: `${label[0]!.toUpperCase()}${label.slice(1)} ${id}`,
    email: `${label}-${id}@${domain}`,
    password: `Quiet lantern ${id} river`,
  };
}

// The Team Owner registered by owner.setup.ts: a password team with Team Edition off. Specs
// that reuse it must leave Team Edition off. A suite on shifted ports (E2E_PORT_OFFSET) runs
// beside this one with another secret, so it keeps its own file.
const portOffset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const OWNER_STATE = path.join(
  __dirname,
  "..",
  ".auth",
  portOffset ? `owner-${portOffset}.json` : "owner.json",
);
export const OWNER_META = `${OWNER_STATE}.meta`;

export type OwnerMeta = Person & { teamName: string };

export function readOwner(): OwnerMeta {
  return JSON.parse(readFileSync(OWNER_META, "utf8")) as OwnerMeta;
}

/**
 * A member added straight to the database, in the team `ownerEmail` owns: someone to remove or to
 * refuse an invitation to, who never signs in.
 */
export async function arrangeMemberOf(ownerEmail: string, label = "member") {
  const person = newPerson(label);
  const id = `user-${uniqueId()}`;
  await query(`INSERT INTO users (id, email, name) VALUES ($1, $2, $3)`, [
    id,
    person.email,
    person.name,
  ]);
  await query(
    `INSERT INTO memberships (id, user_id, team_id, role)
     SELECT $1, $2, m.team_id, 'MEMBER' FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE u.email = $3 AND m.role = 'OWNER'`,
    [`membership-${uniqueId()}`, id, ownerEmail],
  );
  return { id, name: person.name, email: person.email };
}

/** Registers through the UI and creates a team; the page is left on the new team's Members tab. */
export async function registerOwnerWithTeam(page: Page, owner: Person, teamName: string) {
  const registration = new RegistrationPage(page);
  await registration.goto();
  await registration.register(owner);

  const createTeam = new CreateTeamPage(page);
  await createTeam.expectLoaded();
  await createTeam.create(teamName);
  await expect(new TeamPage(page).teamHeading(teamName)).toBeVisible();
}

/** Registers through the UI without creating a team; the page is left on /team/new. */
export async function registerWithoutTeam(page: Page, person: Person) {
  const registration = new RegistrationPage(page);
  await registration.goto();
  await registration.register(person);
  await new CreateTeamPage(page).expectLoaded();
}

async function openPage(browser: Browser, storageState?: string) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  return { context, page: await context.newPage() };
}

/**
 * `visitor()` opens a browser of its own for one more person in the test (signed out, or signed
 * in as the setup's Team Owner), and closes it when the test ends.
 */
export const test = base.extend<{ visitor: (as?: "owner") => Promise<Page> }>({
  visitor: async ({ browser }, provide) => {
    const opened: Awaited<ReturnType<typeof openPage>>[] = [];
    await provide(async (as) => {
      const next = await openPage(browser, as === "owner" ? OWNER_STATE : undefined);
      opened.push(next);
      return next.page;
    });
    for (const { context } of opened) await context.close();
  },
});

export { expect };
