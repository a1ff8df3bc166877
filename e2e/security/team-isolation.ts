import { hash } from "@node-rs/argon2";
import { expect, type Browser, type Page } from "@playwright/test";

import { signInWithPassword, uniqueId } from "../support/accounts";
import { query } from "../support/db";
import { OKTA_URL } from "../support/urls";

export type Account = { id: string; email: string; name: string; password: string };

export type ArrangedTeam = {
  id: string;
  name: string;
  domain: string;
  owner: Account;
  member: Account;
  /** A second member, there to be removed. */
  target: Account;
  issuer: string | null;
};

const PASSWORD = "Isolated harbour 7 lights";
let passwordHash: Promise<string> | undefined;

async function insertUser(email: string, name: string): Promise<Account> {
  passwordHash ??= hash(PASSWORD);
  const id = `user-${uniqueId()}`;
  await query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)`, [
    id,
    email,
    name,
    await passwordHash,
  ]);
  return { id, email, name, password: PASSWORD };
}

/** A user with a password and no team. */
export function arrangeTeamlessUser(email: string, name: string) {
  return insertUser(email, name);
}

/**
 * A password team arranged in the database: an owner, two plain members and, when asked, an Okta
 * connection that is tested and switched off (so every SSO button is on the page). Its secret is
 * not a real sealed value: nothing in these specs may ever unseal it.
 */
export async function arrangeTeam(label: string, withConnection: boolean): Promise<ArrangedTeam> {
  const id = uniqueId();
  const domain = `${label.toLowerCase()}-${id}.example`;
  const team = { id: `team-${id}`, name: `${label} ${id}`, domain };
  await query(`INSERT INTO teams (id, name, slug, domain) VALUES ($1, $2, $3, $4)`, [
    team.id,
    team.name,
    `${label.toLowerCase()}-${id}`,
    domain,
  ]);

  const owner = await insertUser(`owner-${id}@${domain}`, `${label} Owner ${id}`);
  const member = await insertUser(`member-${id}@${domain}`, `${label} Member ${id}`);
  const target = await insertUser(`target-${id}@${domain}`, `${label} Target ${id}`);
  for (const [user, role] of [
    [owner, "OWNER"],
    [member, "MEMBER"],
    [target, "MEMBER"],
  ] as const) {
    await query(`INSERT INTO memberships (id, user_id, team_id, role) VALUES ($1, $2, $3, $4)`, [
      `membership-${uniqueId()}`,
      user.id,
      team.id,
      role,
    ]);
  }

  let issuer: string | null = null;
  if (withConnection) {
    issuer = `${OKTA_URL}/oauth2/${label.toLowerCase()}-${id}`;
    await query(
      `INSERT INTO sso_connections (id, team_id, issuer, client_id, client_secret, secret_last4, enabled, tested_at, updated_at)
       VALUES ($1, $2, $3, $4, 'not-a-sealed-secret', 'cret', false, now(), now())`,
      [`connection-${id}`, team.id, issuer, `client-${id}`],
    );
  }
  return { ...team, owner, member, target, issuer };
}

/**
 * Everything of one team that a team-scoped action could change, in a form to compare before and
 * after. Refusals may add audit events; only successful ones are counted.
 */
export async function teamSnapshot(teamId: string) {
  const [team] = await query(
    `SELECT name, slug, domain, team_edition, default_visibility FROM teams WHERE id = $1`,
    [teamId],
  );
  const memberships = await query(
    `SELECT user_id, role FROM memberships WHERE team_id = $1 ORDER BY user_id`,
    [teamId],
  );
  const invitations = await query(
    `SELECT email, accepted_at FROM invitations WHERE team_id = $1 ORDER BY email`,
    [teamId],
  );
  const templates = await query(
    `SELECT id, author_id, name, visibility FROM templates WHERE team_id = $1 ORDER BY id`,
    [teamId],
  );
  const connection = await query(
    `SELECT issuer, client_id, client_secret, secret_last4, enabled, tested_at, updated_at
     FROM sso_connections WHERE team_id = $1`,
    [teamId],
  );
  const sessions = await query(
    `SELECT s.id FROM sessions s JOIN memberships m ON m.user_id = s.user_id WHERE m.team_id = $1 ORDER BY s.id`,
    [teamId],
  );
  const rateLimits = await query(`SELECT key, count FROM rate_limits WHERE key LIKE $1`, [
    `%${teamId}%`,
  ]);
  const successfulAudit = await query(
    `SELECT action FROM audit_events WHERE team_id = $1 AND outcome = 'success' ORDER BY id`,
    [teamId],
  );
  return {
    team,
    memberships,
    invitations,
    templates,
    connection,
    sessions,
    rateLimits,
    successfulAudit,
  };
}

/** A signed-in browser of its own for one account. */
export async function signedIn(browser: Browser, account: { email: string; password: string }) {
  const page = await (await browser.newContext()).newPage();
  await signInWithPassword(page, account.email, account.password);
  return page;
}

export type CapturedAction = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Runs `trigger` in an allowed user's browser and captures the server-action POST it makes to
 * `pathname`, aborting it so it never reaches the server.
 */
export async function captureAction(
  page: Page,
  pathname: string,
  trigger: () => Promise<void>,
): Promise<CapturedAction> {
  let resolveCapture: (captured: CapturedAction) => void = () => {};
  const captured = new Promise<CapturedAction>((resolve) => (resolveCapture = resolve));
  const matches = (url: URL) => url.pathname === pathname;
  await page.route(matches, async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    resolveCapture({
      url: request.url(),
      headers: request.headers(),
      body: request.postDataBuffer() ?? Buffer.alloc(0),
    });
    await route.abort();
  });
  await trigger();
  const result = await captured;
  await page.unroute(matches);
  expect(result.headers["next-action"]).toBeTruthy();
  return result;
}

/** Sends a captured server-action request again, with `page`'s cookies instead. */
export async function replayAction(page: Page, captured: CapturedAction) {
  const response = await page.request.post(captured.url, {
    headers: {
      "next-action": captured.headers["next-action"]!,
      "content-type": captured.headers["content-type"]!,
      accept: "text/x-component",
      origin: new URL(captured.url).origin,
    },
    data: captured.body,
    maxRedirects: 0,
  });
  return {
    status: response.status(),
    text: await response.text(),
    redirect: response.headers()["x-action-redirect"] ?? response.headers()["location"] ?? "",
  };
}
