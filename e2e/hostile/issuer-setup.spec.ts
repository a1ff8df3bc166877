import { randomBytes } from "node:crypto";

import { expect, test, type BrowserContext } from "@playwright/test";

import {
  startRogueProvider,
  type BrokenDiscoveryKind,
  type RogueProvider,
} from "../../okta-dev/rogue/rogue-provider";
import { SsoSettingsPage } from "../pages/sso-settings-page";
import { registerOwnerWithTeam, uniqueId } from "../support/accounts";
import { count, query } from "../support/db";
import { APP_URL } from "../support/urls";
import { CALLBACK_URL } from "./support/rogue-team";

// A Team Owner pastes an issuer whose discovery document is broken. The Issuer URL field must say
// what is wrong, and nothing may be saved.

let rogue: RogueProvider;
let owner: BrowserContext;
let teamId: string;

test.beforeAll(async ({ browser }) => {
  rogue = await startRogueProvider({
    clientId: "0oa-setup",
    clientSecret: "setup-secret",
    redirectUri: CALLBACK_URL,
  });
  owner = await browser.newContext({ baseURL: APP_URL });
  const id = uniqueId();
  await registerOwnerWithTeam(await owner.newPage(), {
    name: "Sol Setup",
    email: `sol@setup-${id}.example`,
    password: `Setup password ${id}`,
    team: `Setup ${id}`,
  });
  const [team] = await query<{ id: string }>(`SELECT id FROM teams WHERE domain = $1`, [
    `setup-${id}.example`,
  ]);
  teamId = team!.id;
});
test.afterAll(async () => {
  await owner?.close();
  await rogue?.close();
});

const cases: { kind: BrokenDiscoveryKind; title: string; message: RegExp | (() => string) }[] = [
  { kind: "not-found", title: "answers 404", message: /answered HTTP 404/ },
  { kind: "html", title: "answers an HTML page", message: /did not return JSON/ },
  {
    kind: "other-issuer",
    title: "names another issuer",
    message: () => `The provider says its issuer is ${rogue.issuer}, not`,
  },
  { kind: "slow", title: "does not answer in time", message: /did not answer within \d+ seconds/ },
  {
    kind: "redirect",
    title: "redirects to another host",
    message: /redirects to http:\/\/127\.0\.0\.1:\d+/,
  },
];

for (const { kind, title, message } of cases) {
  test(`an issuer whose discovery ${title} is refused on the Issuer URL field and nothing is saved`, async () => {
    const page = await owner.newPage();
    const sso = new SsoSettingsPage(page);
    await sso.open();

    await sso.save({
      clientId: "0oa-setup",
      clientSecret: randomBytes(20).toString("hex"),
      issuer: rogue.brokenIssuer(kind),
    });

    // The owner's form waits for the discovery fetch, which gives up after its own timeout.
    await expect(sso.issuerError()).toContainText(
      typeof message === "function" ? message() : message,
      { timeout: 15_000 },
    );
    await expect(page.getByLabel("Issuer URL")).toHaveAttribute("aria-invalid", "true");
    expect(await count(`SELECT count(*) FROM sso_connections WHERE team_id = $1`, [teamId])).toBe(
      0,
    );
    await page.close();
  });
}
