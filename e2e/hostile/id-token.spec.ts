import { expect, test } from "@playwright/test";

import type { RogueBehaviour } from "../../okta-dev/rogue/rogue-provider";
import { query } from "../support/db";
import { expectRefusal, expectSignedInto } from "./support/expect-refusal";
import { setUpRogueTeam, type RogueTeam } from "./support/rogue-team";

// ID tokens a misbehaving provider hands back from its token endpoint. Every forgery or broken
// claim must end on the page that explains it, with a refused audit event, and create nothing.

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

const refusedTokens: { title: string; behaviour: Partial<RogueBehaviour>; reason: RegExp }[] = [
  { title: "a garbage signature", behaviour: { signature: "garbage" }, reason: /bad signature/ },
  { title: "alg none", behaviour: { signature: "none" }, reason: /algorithm not allowed/ },
  {
    title: "HS256 signed with the client secret",
    behaviour: { signature: "hs256-client-secret" },
    reason: /algorithm not allowed/,
  },
  {
    title: "another audience",
    behaviour: { claims: { aud: "0oa-some-other-app" } },
    reason: /claim aud invalid/,
  },
  {
    title: "another issuer",
    behaviour: { claims: { iss: "https://other-org.okta.com" } },
    reason: /claim iss invalid/,
  },
  { title: "an expiry in the past", behaviour: { expiresInSeconds: -600 }, reason: /expired/ },
  {
    title: "an issue time an hour in the future",
    behaviour: { issuedAtOffsetSeconds: 3600 },
    reason: /iat/,
  },
  { title: "no nonce", behaviour: { nonce: "omit" }, reason: /nonce/ },
  { title: "another sign-in's nonce", behaviour: { nonce: "other" }, reason: /nonce/ },
];

for (const { title, behaviour, reason } of refusedTokens) {
  test(`an ID token with ${title} is refused and creates nothing`, async ({ page }) => {
    await team.rogue.behave(behaviour);
    const before = await team.footprint();

    await team.startSignIn(page);

    await expectRefusal(page, { code: "id-token-invalid", reason });
    expect(await team.footprint()).toEqual(before);
  });
}

test("an ID token issued a few seconds ahead of our clock is accepted", async ({ page }) => {
  await team.rogue.behave({ issuedAtOffsetSeconds: 5 });

  await team.startSignIn(page);

  await expectSignedInto(page, team.name);
});

test("an ID token without an email is refused with the page that asks for the email scope", async ({
  page,
}) => {
  await team.rogue.behave({ claims: { email: undefined } });
  const before = await team.footprint();

  await team.startSignIn(page);

  await expectRefusal(page, { code: "email-missing", reason: "ID token has no email claim" });
  expect(await team.footprint()).toEqual(before);
});

test("an email on another domain gets the wrong-domain page and creates nothing", async ({
  page,
}) => {
  // A person Teamline has never seen: a known subject would be signed in by issuer + sub.
  await team.rogue.behave({
    claims: { sub: `00u-mallory-${Date.now()}`, email: `mallory@${team.otherDomain}` },
  });
  const before = await team.footprint();

  await team.startSignIn(page);

  await expectRefusal(page, { code: "wrong-domain", reason: `email domain is not ${team.domain}` });
  expect(await team.footprint()).toEqual(before);
});

test("an email differing only in letter case signs in the existing member", async ({ page }) => {
  const before = await team.footprint();

  await team.startSignIn(page, { as: team.member });

  await expectSignedInto(page, team.name);
  const after = await team.footprint();
  expect(after.users).toBe(before.users);
  expect(after.memberships).toBe(before.memberships);
  const identities = await query(`SELECT user_id, subject FROM sso_identities WHERE issuer = $1`, [
    team.rogue.issuer,
  ]);
  expect(identities).toContainEqual({ user_id: team.member.userId, subject: team.member.sub });
});
