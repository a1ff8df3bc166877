import { expect, test, type Page } from "@playwright/test";

import { InvitePage } from "../pages/invite-page";
import { MembersPage } from "../pages/members-page";
import { PermissionsWizard } from "../pages/permissions-wizard";
import { SsoSettingsPage } from "../pages/sso-settings-page";
import { TemplatesPage } from "../pages/templates-page";
import { STAFF, uniqueId } from "../support/accounts";
import { count, query } from "../support/db";
import {
  arrangeTeam,
  arrangeTeamlessUser,
  captureAction,
  replayAction,
  signedIn,
  teamSnapshot,
  type Account,
  type ArrangedTeam,
  type CapturedAction,
} from "./team-isolation";

// The tenant rule, held by the server whatever the client sends: a real server-action request
// captured from a user allowed to make it is replayed with the cookies of a plain member, of the
// owner of another team, or of a non-staff user, and the victim team's data must not change.
// Team-scoped actions take the team from the session, so the other team's owner can at most
// change their own team.

const NOT_A_MANAGER = "Only the team's owner and admins can do this.";
const NOT_STAFF = "Only Teamline support staff can do this.";

type Role =
  "victimOwner" | "victimMember" | "rivalOwner" | "rivalMember" | "staff" | "invitee" | "stranger";

let victim: ArrangedTeam;
let rival: ArrangedTeam;
let invitee: Account;
let stranger: Account;
let pages: Record<Role, Page>;
const secretTemplate = `Victim pricing playbook ${uniqueId()}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  victim = await arrangeTeam("Victim", true);
  rival = await arrangeTeam("Rival", false);
  invitee = await arrangeTeamlessUser(`invitee-${uniqueId()}@${victim.domain}`, "Ivy Invitee");
  stranger = await arrangeTeamlessUser(`stranger-${uniqueId()}@${rival.domain}`, "Sid Stranger");
  await query(
    `INSERT INTO templates (id, team_id, author_id, name, subject, body, visibility)
     VALUES ($1, $2, $3, $4, 'Q3 prices', 'Only for the victim team.', 'PUBLIC')`,
    [`template-${uniqueId()}`, victim.id, victim.owner.id, secretTemplate],
  );

  const accounts: Record<Role, { email: string; password: string }> = {
    victimOwner: victim.owner,
    victimMember: victim.member,
    rivalOwner: rival.owner,
    rivalMember: rival.member,
    staff: STAFF,
    invitee,
    stranger,
  };
  pages = {} as Record<Role, Page>;
  for (const [role, account] of Object.entries(accounts))
    pages[role as Role] = await signedIn(browser, account);
});

test.afterAll(async () => {
  for (const page of Object.values(pages ?? {})) await page.context().close();
});

type Replay = {
  as: Role;
  /** Text the refusal carries in the action's response. */
  refusal?: string;
  /** Where a refused form action sends the browser. */
  redirect?: RegExp;
  /** What the replay may have done to the caller's own team, when it was allowed there. */
  ownTeam?: () => Promise<void>;
};

type ActionCase = {
  name: string;
  capturedBy: Role;
  capture: (page: Page) => Promise<CapturedAction>;
  replays: Replay[];
};

// Not on the victim's domain: the rival owner's replay lands this invitation in the rival team,
// whose own pages then rightly show it.
const guestEmail = () => `guest-${uniqueId()}@outside-${uniqueId()}.example`;

const actionCases: ActionCase[] = [
  {
    name: "invite",
    capturedBy: "victimOwner",
    capture: async (page) => {
      const members = new MembersPage(page);
      await members.goto();
      const email = guestEmail();
      return captureAction(page, "/team", async () => {
        await members.inviteEmail.fill(email);
        await members.createInvite.click();
      });
    },
    replays: [
      { as: "victimMember", refusal: NOT_A_MANAGER },
      {
        as: "rivalOwner",
        ownTeam: async () => {
          // An invitation the rival owner made can only be to the rival's own team.
          expect(
            await count(
              `SELECT count(*) FROM invitations i JOIN users u ON u.id = i.invited_by_id
               WHERE u.id = $1 AND i.team_id <> $2`,
              [rival.owner.id, rival.id],
            ),
          ).toBe(0);
        },
      },
    ],
  },
  {
    name: "remove member",
    capturedBy: "victimOwner",
    capture: async (page) => {
      const members = new MembersPage(page);
      await members.goto();
      await members.removeButton(victim.target.name).click();
      return captureAction(page, "/team", () => members.confirmRemoval.click());
    },
    replays: [
      { as: "victimMember", refusal: NOT_A_MANAGER },
      { as: "rivalOwner", refusal: "That person is not a member of this team." },
    ],
  },
  {
    name: "enable Team Edition / set default permissions",
    capturedBy: "victimOwner",
    capture: async (page) => {
      const wizard = new PermissionsWizard(page);
      await page.goto("/team/permissions/setup");
      await wizard.expectStepTwo();
      return captureAction(page, "/team/permissions/setup", () => wizard.choose("Public"));
    },
    replays: [
      { as: "victimMember", refusal: NOT_A_MANAGER },
      {
        as: "rivalOwner",
        ownTeam: async () => {
          // Allowed, but on the rival's own team: the form names no team.
          expect(
            await count(
              `SELECT count(*) FROM teams WHERE id = $1 AND team_edition AND default_visibility = 'PUBLIC'`,
              [rival.id],
            ),
          ).toBe(1);
        },
      },
    ],
  },
  {
    name: "create template",
    capturedBy: "victimMember",
    capture: async (page) => {
      const templates = new TemplatesPage(page);
      await page.goto("/team/templates");
      await templates.expectLoaded();
      return captureAction(page, "/team/templates", async () => {
        await templates.name.fill(`Replayed template ${uniqueId()}`);
        await templates.subject.fill("Hello");
        await templates.body.fill("Written by a victim member.");
        await templates.save.click();
      });
    },
    replays: [
      {
        as: "rivalOwner",
        ownTeam: async () => {
          const rows = await query<{ team_id: string }>(
            `SELECT team_id FROM templates WHERE author_id = $1 AND name LIKE 'Replayed template %'`,
            [rival.owner.id],
          );
          expect(rows).toEqual([{ team_id: rival.id }]);
        },
      },
      {
        as: "rivalMember",
        ownTeam: async () => {
          const rows = await query<{ team_id: string }>(
            `SELECT team_id FROM templates WHERE author_id = $1 AND name LIKE 'Replayed template %'`,
            [rival.member.id],
          );
          expect(rows).toEqual([{ team_id: rival.id }]);
        },
      },
    ],
  },
  {
    name: "save SSO connection",
    capturedBy: "victimOwner",
    capture: async (page) => {
      const sso = new SsoSettingsPage(page);
      await sso.open();
      return captureAction(page, "/team/sso", () =>
        sso.save({ clientId: `stolen-${uniqueId()}`, clientSecret: "replayed-secret-0123456789" }),
      );
    },
    replays: [
      { as: "victimMember", refusal: NOT_A_MANAGER },
      {
        as: "rivalOwner",
        ownTeam: async () => {
          // The victim's issuer belongs to the victim: the rival cannot take it over.
          expect(
            await count(`SELECT count(*) FROM sso_connections WHERE team_id = $1`, [rival.id]),
          ).toBe(0);
        },
      },
    ],
  },
  {
    name: "Test sign-in",
    capturedBy: "victimOwner",
    capture: async (page) => {
      await new SsoSettingsPage(page).open();
      return captureAction(page, "/team/sso", () =>
        page.getByRole("button", { name: "Test sign-in" }).click(),
      );
    },
    replays: [
      { as: "victimMember", refusal: NOT_A_MANAGER },
      { as: "rivalOwner", refusal: "Save an Okta connection first." },
    ],
  },
  {
    name: "switch SSO on",
    capturedBy: "victimOwner",
    capture: async (page) => {
      await new SsoSettingsPage(page).open();
      return captureAction(page, "/team/sso", () =>
        page.getByRole("button", { name: "Switch single sign-on on" }).click(),
      );
    },
    replays: [
      { as: "victimMember", refusal: NOT_A_MANAGER },
      {
        as: "rivalOwner",
        ownTeam: async () => {
          expect(
            await count(`SELECT count(*) FROM sso_connections WHERE team_id = $1`, [rival.id]),
          ).toBe(0);
        },
      },
    ],
  },
  {
    name: "support: save connection",
    capturedBy: "staff",
    capture: async (page) => {
      await page.goto(`/staff?owner=${encodeURIComponent(victim.owner.email)}`);
      await expect(page.getByRole("heading", { level: 2, name: victim.name })).toBeVisible();
      return captureAction(page, "/staff", async () => {
        await page.getByLabel("Client ID").fill(`stolen-${uniqueId()}`);
        await page.getByLabel("Client secret").fill("replayed-secret-0123456789");
        await page.getByRole("button", { name: "Save connection" }).click();
      });
    },
    replays: [
      { as: "victimOwner", refusal: NOT_STAFF },
      { as: "victimMember", refusal: NOT_STAFF },
      { as: "rivalOwner", refusal: NOT_STAFF },
    ],
  },
  {
    name: "support: switch SSO",
    capturedBy: "staff",
    capture: async (page) => {
      await page.goto(`/staff?owner=${encodeURIComponent(victim.owner.email)}`);
      await page.getByRole("button", { name: "Switch single sign-on on" }).click();
      return captureAction(page, "/staff", () =>
        page.getByRole("dialog").getByRole("button", { name: "Switch on" }).click(),
      );
    },
    replays: [
      { as: "victimOwner", refusal: NOT_STAFF },
      { as: "victimMember", refusal: NOT_STAFF },
      { as: "rivalOwner", refusal: NOT_STAFF },
    ],
  },
  {
    name: "accept invitation with another team's token",
    capturedBy: "invitee",
    capture: async (page) => {
      const members = new MembersPage(pages.victimOwner);
      await members.goto();
      const link = await members.invite(invitee.email);
      const invite = new InvitePage(page);
      await invite.open(link, victim.name);
      return captureAction(page, new URL(link).pathname, () =>
        invite.joinButton(victim.name).click(),
      );
    },
    replays: [
      { as: "rivalOwner", redirect: /\/invite\// },
      { as: "rivalMember", redirect: /\/invite\// },
      // Teamless, but not the invited address.
      { as: "stranger", redirect: /\/invite\// },
    ],
  },
];

for (const actionCase of actionCases) {
  test(`${actionCase.name}: a replay by the wrong user changes nothing in the victim team`, async () => {
    const captured = await actionCase.capture(pages[actionCase.capturedBy]);

    for (const replay of actionCase.replays) {
      await test.step(`replayed as ${replay.as}`, async () => {
        const before = await teamSnapshot(victim.id);
        const response = await replayAction(pages[replay.as], captured);

        if (replay.refusal) {
          expect(response.status).toBe(200);
          expect(response.text).toContain(replay.refusal);
        }
        if (replay.redirect) expect(response.redirect).toMatch(replay.redirect);
        expect(await teamSnapshot(victim.id)).toEqual(before);
        await replay.ownTeam?.();
      });
    }
  });
}

test("the invitation refused to others still works for the invited person", async () => {
  // The positive control for the replays above: the same kind of captured request, sent with the
  // invitee's own cookies, is accepted.
  const members = new MembersPage(pages.victimOwner);
  await members.goto();
  const link = await members.invite(invitee.email);
  const invite = new InvitePage(pages.invitee);
  await invite.open(link, victim.name);
  const captured = await captureAction(pages.invitee, new URL(link).pathname, () =>
    invite.joinButton(victim.name).click(),
  );
  const response = await replayAction(pages.invitee, captured);
  expect(response.redirect).toMatch(/\/team\?joined=1/);
  expect(
    await count(`SELECT count(*) FROM memberships WHERE user_id = $1 AND team_id = $2`, [
      invitee.id,
      victim.id,
    ]),
  ).toBe(1);
});

const TEAM_PAGES = [
  "/team",
  "/team/templates",
  "/team/permissions",
  "/team/permissions/setup",
  "/team/sso",
  "/team/audit",
];

const walks: { as: Role; own: () => ArrangedTeam; other: () => ArrangedTeam }[] = [
  { as: "victimOwner", own: () => victim, other: () => rival },
  { as: "victimMember", own: () => victim, other: () => rival },
  { as: "rivalOwner", own: () => rival, other: () => victim },
  { as: "rivalMember", own: () => rival, other: () => victim },
];

for (const walk of walks) {
  test(`${walk.as} sees only their own team on every team page, and no support console`, async () => {
    const page = pages[walk.as];
    const own = walk.own();
    const other = walk.other();
    const foreign = [other.name, other.domain, other.owner.email, other.member.name];
    if (other === victim) foreign.push(secretTemplate, victim.issuer!);

    for (const path of TEAM_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: own.name })).toBeVisible();
      const text = await page.locator("body").innerText();
      // The audit log names whoever was refused at this team's door (the replays above), by
      // design (their emails); everything else of the other team stays out of it.
      const hidden =
        path === "/team/audit" ? foreign.filter((value) => !value.includes(other.domain)) : foreign;
      for (const value of hidden) expect(text, `${path} shows ${value}`).not.toContain(value);
    }

    await page.goto(`/staff?owner=${encodeURIComponent(other.owner.email)}`);
    await expect(page.getByRole("heading", { name: "You can't open this page" })).toBeVisible();
    const text = await page.locator("body").innerText();
    for (const value of foreign) expect(text).not.toContain(value);
  });
}
