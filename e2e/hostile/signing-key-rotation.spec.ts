import { expect, test } from "@playwright/test";

import { expectSignedInto } from "./support/expect-refusal";
import { setUpRogueTeam, type RogueTeam } from "./support/rogue-team";

// Okta rotates signing keys without notice (OKTA.md): a token signed with a key the app has not
// cached yet must make it fetch the JWKS once more, and then pass. Its own file, so that its
// provider's key counts start from a JWKS no one has fetched.

let team: RogueTeam;

test.beforeAll(async ({ browser }) => {
  team = await setUpRogueTeam(browser);
});
test.afterAll(async () => {
  await team?.close();
});

test("a token signed with a brand-new key makes the app fetch the keys once more, then signs in", async ({
  page,
  browser,
}) => {
  await team.startSignIn(page);
  await expectSignedInto(page, team.name);
  expect(team.rogue.stats().keys).toBe(1);

  await team.rogue.rotateKey();
  const second = await browser.newPage();
  await team.startSignIn(second);

  await expectSignedInto(second, team.name);
  expect(team.rogue.stats().keys).toBe(2);
  await second.close();
});
