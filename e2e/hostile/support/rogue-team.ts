import { randomBytes } from "node:crypto";

import { expect, type Browser, type Page } from "@playwright/test";

import {
  startRogueProvider,
  type RogueProvider,
  type RogueUser,
} from "../../../okta-dev/rogue/rogue-provider";
import { signInWithPassword, STAFF, uniqueId } from "../../support/accounts";
import { query } from "../../support/db";
import { APP_URL } from "../../support/urls";

export const CALLBACK_URL = `${APP_URL}/api/auth/callback/okta`;

/** Rows a sign-in could create; a refusal must leave every one of them as it was. */
export type Footprint = {
  users: number;
  memberships: number;
  identities: number;
  sessions: number;
};

export type RogueTeam = {
  id: string;
  name: string;
  domain: string;
  /** A domain no team owns, for tokens that name someone else. */
  otherDomain: string;
  rogue: RogueProvider;
  /** On the rogue provider, unknown to Teamline: a first sign-in would create them. */
  newcomer: RogueUser;
  /** A member Teamline already has, stored lower-case; the rogue provider spells it mixed-case. */
  member: RogueUser & { userId: string };
  initiateUrl(params?: Record<string, string>): string;
  /** Starts a sign-in as Okta's tile would, by GET to the Initiate login URI. */
  startSignIn(page: Page, options?: { as?: RogueUser; target?: string }): Promise<void>;
  footprint(): Promise<Footprint>;
  close(): Promise<void>;
};

async function insertTeam(id: string, name: string, domain: string, member: { email: string }) {
  // The team and its people are arranged directly; the connection goes through the console, which
  // seals the client secret with this run's key.
  await query(
    `WITH t AS (INSERT INTO teams (id, name, slug, domain, team_edition) VALUES ($1, $2, $1, $3, true) RETURNING id),
          o AS (INSERT INTO users (id, email, name) VALUES ($4, $5, 'Rogue Owner') RETURNING id),
          m AS (INSERT INTO users (id, email, name) VALUES ($6, $7, 'Emma Case') RETURNING id)
     INSERT INTO memberships (id, user_id, team_id, role)
       SELECT $4, o.id, t.id, 'OWNER'::"Role" FROM t, o
       UNION ALL SELECT $6, m.id, t.id, 'MEMBER'::"Role" FROM t, m`,
    [
      `team-${id}`,
      name,
      domain,
      `owner-${id}`,
      `owner@${domain}`,
      `member-${id}`,
      member.email.toLowerCase(),
    ],
  );
}

/** Support connects the team to the rogue provider and switches SSO on, as for a customer. */
async function connectThroughSupportConsole(
  browser: Browser,
  input: { ownerEmail: string; teamName: string; clientId: string; clientSecret: string },
  issuer: string,
) {
  const context = await browser.newContext({ baseURL: APP_URL });
  const page = await context.newPage();
  await signInWithPassword(page, STAFF.email, STAFF.password);
  await page.goto(`/staff?owner=${encodeURIComponent(input.ownerEmail)}`);
  await expect(page.getByRole("heading", { name: input.teamName })).toBeVisible();

  await page.getByLabel("Client ID").fill(input.clientId);
  await page.getByLabel("Client secret").fill(input.clientSecret);
  await page.getByLabel("Issuer URL").fill(issuer);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Connection saved.")).toBeVisible();
  await page.getByRole("button", { name: "Switch single sign-on on" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Switch on" }).click();
  await expect(page.getByText("Single sign-on is on.")).toBeVisible();
  await context.close();
}

/**
 * A fresh team whose Okta connection points at a rogue provider of its own, for one spec file.
 * Close it in `afterAll`.
 */
export async function setUpRogueTeam(browser: Browser): Promise<RogueTeam> {
  const id = uniqueId();
  const domain = `rogue-${id}.example`;
  const name = `Rogue ${id}`;
  const clientId = `0oa-rogue-${id}`;
  const clientSecret = randomBytes(30).toString("base64url");
  const newcomer = { sub: `00u-new-${id}`, email: `nia.new@${domain}`, name: "Nia New" };
  const memberSpelling = {
    sub: `00u-emma-${id}`,
    email: `Emma.Case@${domain.toUpperCase()}`,
    name: "Emma Case",
  };

  const rogue = await startRogueProvider({
    users: [newcomer, memberSpelling],
    clientId,
    clientSecret,
    redirectUri: CALLBACK_URL,
  });
  await insertTeam(id, name, domain, memberSpelling);
  await connectThroughSupportConsole(
    browser,
    { ownerEmail: `owner@${domain}`, teamName: name, clientId, clientSecret },
    rogue.issuer,
  );

  const otherDomain = `elsewhere-${id}.example`;
  const initiateUrl = (params: Record<string, string> = {}) =>
    `${APP_URL}/sso/okta/initiate?${new URLSearchParams({ iss: rogue.issuer, ...params })}`;

  return {
    id: `team-${id}`,
    name,
    domain,
    otherDomain,
    rogue,
    newcomer,
    member: { ...memberSpelling, userId: `member-${id}` },
    initiateUrl,
    async startSignIn(page, options = {}) {
      const params: Record<string, string> = { login_hint: (options.as ?? newcomer).email };
      if (options.target !== undefined) params.target_link_uri = options.target;
      await page.goto(initiateUrl(params));
    },
    async footprint() {
      const [row] = await query<Record<keyof Footprint, string>>(
        `WITH people AS (SELECT id FROM users WHERE email LIKE $1 OR email LIKE $2)
         SELECT (SELECT count(*) FROM people) AS users,
                (SELECT count(*) FROM memberships WHERE team_id = $3) AS memberships,
                (SELECT count(*) FROM sso_identities WHERE issuer = $4 OR user_id IN (SELECT id FROM people)) AS identities,
                (SELECT count(*) FROM sessions WHERE user_id IN (SELECT id FROM people)) AS sessions`,
        [`%@${domain}`, `%@${otherDomain}`, `team-${id}`, rogue.issuer],
      );
      return {
        users: Number(row!.users),
        memberships: Number(row!.memberships),
        identities: Number(row!.identities),
        sessions: Number(row!.sessions),
      };
    },
    close: () => rogue.close(),
  };
}
