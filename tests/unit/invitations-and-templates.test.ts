import { describe, expect, test } from "vitest";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { acceptInvitation, createInvitation, getInvitation } from "@/lib/teams/invitations";
import { createTemplate, listVisibleTemplates } from "@/lib/templates/templates";

import {
  createTeam,
  createUser,
  invitationToken as tokenOf,
  teamContext,
  uniqueDomain,
} from "./support/factories";
import { testOnPostgres } from "./support/postgres-only";

async function invitingTeam() {
  const team = await createTeam();
  const owner = await teamContext(team, `owner@${team.domain}`, "OWNER");
  return { team, owner };
}

const unaccepted = (teamId: string, email: string) =>
  db.invitation.findMany({
    where: { teamId, email, acceptedAt: null },
    select: { id: true, expiresAt: true },
  });

describe("createInvitation", () => {
  test("refuses the inviter's own address, and creates nothing", async () => {
    const { team, owner } = await invitingTeam();

    const result = await createInvitation(owner, owner.user.email);

    expect(result).toEqual({ ok: false, reason: "self" });
    expect(await db.invitation.count({ where: { teamId: team.id } })).toBe(0);
  });

  test("refuses an address that is already a member of the team, and creates nothing", async () => {
    const { team, owner } = await invitingTeam();
    const member = await teamContext(team, `jo@${team.domain}`, "MEMBER");

    const result = await createInvitation(owner, member.user.email);

    expect(result).toEqual({ ok: false, reason: "member" });
    expect(await db.invitation.count({ where: { teamId: team.id } })).toBe(0);
  });

  test("invites a member of another team: accepting is what refuses them", async () => {
    const { owner } = await invitingTeam();
    const otherTeam = await createTeam();
    const outsider = await teamContext(otherTeam, `kai@${otherTeam.domain}`, "MEMBER");

    const result = await createInvitation(owner, outsider.user.email);

    expect(result).toMatchObject({ ok: true, renewed: false });
  });

  test("inviting an address again renews its open invitation: one invitation, and only the new link works", async () => {
    const { team, owner } = await invitingTeam();
    const email = `lea@${uniqueDomain()}`;
    const first = await createInvitation(owner, email);
    const [before] = await unaccepted(team.id, email);
    await db.invitation.update({
      where: { id: before!.id },
      data: { expiresAt: new Date(Date.now() + 60_000) },
    });

    const second = await createInvitation(owner, email);

    expect(first).toMatchObject({ ok: true, renewed: false });
    expect(second).toMatchObject({ ok: true, renewed: true });
    const after = await unaccepted(team.id, email);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(before!.id);
    expect(after[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600 * 1000);
    expect(await getInvitation(tokenOf(first))).toBeNull();
    expect(await getInvitation(tokenOf(second))).toMatchObject({ status: "open", email });
  });

  test("inviting an address again after its invitation expired renews it with a new expiry", async () => {
    const { team, owner } = await invitingTeam();
    const email = `max@${uniqueDomain()}`;
    await createInvitation(owner, email);
    await db.invitation.updateMany({
      where: { teamId: team.id, email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const again = await createInvitation(owner, email);

    expect(again).toMatchObject({ ok: true, renewed: true });
    expect(await unaccepted(team.id, email)).toHaveLength(1);
    expect(await getInvitation(tokenOf(again))).toMatchObject({ status: "open" });
  });

  test("a person who joined and was removed can be invited again, with a new invitation", async () => {
    const { team, owner } = await invitingTeam();
    const person = await createUser({ email: `ned@${uniqueDomain()}` });
    await acceptInvitation(person, tokenOf(await createInvitation(owner, person.email)));
    await db.membership.delete({ where: { userId: person.id } });

    const again = await createInvitation(owner, person.email);

    expect(again).toMatchObject({ ok: true, renewed: false });
    expect(await db.invitation.count({ where: { teamId: team.id, email: person.email } })).toBe(2);
    expect(await acceptInvitation(person, tokenOf(again))).toEqual({
      ok: true,
      teamName: team.name,
    });
  });

  test("the same address can have an open invitation from each of two teams", async () => {
    const { owner } = await invitingTeam();
    const { owner: otherOwner } = await invitingTeam();
    const email = `ola@${uniqueDomain()}`;

    expect(await createInvitation(owner, email)).toMatchObject({ ok: true, renewed: false });
    expect(await createInvitation(otherOwner, email)).toMatchObject({ ok: true, renewed: false });
  });

  test("the database refuses a second unaccepted invitation of one address to one team", async () => {
    const { team, owner } = await invitingTeam();
    const row = {
      teamId: team.id,
      email: `pia@${uniqueDomain()}`,
      invitedById: owner.user.id,
      expiresAt: new Date(Date.now() + 60_000),
    };
    await db.invitation.create({ data: { ...row, tokenHash: `hash-${team.id}-1` } });

    const second = db.invitation.create({ data: { ...row, tokenHash: `hash-${team.id}-2` } });

    await expect(second).rejects.toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    await expect(second).rejects.toMatchObject({ code: "P2002" });
  });

  testOnPostgres(
    "invitations of one address submitted at once leave one open invitation and one working link",
    async () => {
      const rounds = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const { team, owner } = await invitingTeam();
          const email = `quin@${uniqueDomain()}`;
          const results = await Promise.all(
            Array.from({ length: 4 }, () => createInvitation(owner, email)),
          );
          return { team, email, results };
        }),
      );

      for (const { team, email, results } of rounds) {
        expect(results.filter((result) => result.ok && !result.renewed)).toHaveLength(1);
        expect(await unaccepted(team.id, email)).toHaveLength(1);
        const working = [];
        for (const result of results) {
          if ((await getInvitation(tokenOf(result)))?.status === "open") working.push(result);
        }
        expect(working).toHaveLength(1);
      }
    },
  );
});

describe("acceptInvitation", () => {
  test("joins the invited person to the team as a member, and uses up the invitation", async () => {
    const { team, owner } = await invitingTeam();
    const person = await createUser({ email: `ana@${uniqueDomain()}` });
    const token = tokenOf(await createInvitation(owner, person.email));

    const result = await acceptInvitation(person, token);

    expect(result).toEqual({ ok: true, teamName: team.name });
    expect(await db.membership.findUnique({ where: { userId: person.id } })).toMatchObject({
      teamId: team.id,
      role: "MEMBER",
    });
    expect((await getInvitation(token))?.status).toBe("accepted");
  });

  test("refuses a member of another team, and nothing changes", async () => {
    const { team, owner } = await invitingTeam();
    const otherTeam = await createTeam();
    const person = await teamContext(otherTeam, `ben@${otherTeam.domain}`, "MEMBER");
    const token = tokenOf(await createInvitation(owner, person.user.email));
    const before = await db.membership.findMany({
      where: { OR: [{ teamId: { in: [team.id, otherTeam.id] } }, { userId: person.user.id }] },
      orderBy: { id: "asc" },
    });

    const result = await acceptInvitation(person.user, token);

    expect(result).toEqual({ ok: false, reason: "other-team", teamName: team.name });
    expect(
      await db.membership.findMany({
        where: { OR: [{ teamId: { in: [team.id, otherTeam.id] } }, { userId: person.user.id }] },
        orderBy: { id: "asc" },
      }),
    ).toEqual(before);
    expect((await getInvitation(token))?.status).toBe("open");
    const refusal = await db.auditEvent.findFirst({
      where: { teamId: team.id, action: "team.invite_accept", actorId: person.user.id },
    });
    expect(refusal).toMatchObject({ outcome: "refused", reason: "member of another team" });
  });

  test("refuses someone signed in with another email than the one invited", async () => {
    const { team, owner } = await invitingTeam();
    const token = tokenOf(await createInvitation(owner, `cleo@${uniqueDomain()}`));
    const someoneElse = await createUser({ email: `dan@${uniqueDomain()}` });

    const result = await acceptInvitation(someoneElse, token);

    expect(result).toEqual({ ok: false, reason: "wrong-email", teamName: team.name });
    expect(await db.membership.findUnique({ where: { userId: someoneElse.id } })).toBeNull();
    expect((await getInvitation(token))?.status).toBe("open");
  });

  test("refuses an expired invitation", async () => {
    const { team, owner } = await invitingTeam();
    const person = await createUser({ email: `eve@${uniqueDomain()}` });
    const token = tokenOf(await createInvitation(owner, person.email));
    await db.invitation.updateMany({
      where: { teamId: team.id, email: person.email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const result = await acceptInvitation(person, token);

    expect(result).toEqual({ ok: false, reason: "expired" });
    expect(await db.membership.findUnique({ where: { userId: person.id } })).toBeNull();
  });

  test("refuses a link that is not one of ours, and an invitation someone else has used", async () => {
    const { owner } = await invitingTeam();
    const person = await createUser({ email: `fin@${uniqueDomain()}` });
    const token = tokenOf(await createInvitation(owner, person.email));
    await acceptInvitation(person, token);
    const secondPerson = await createUser({ email: person.email.replace("fin@", "fin2@") });

    expect(await acceptInvitation(person, "not-a-real-token-at-all-0000")).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await acceptInvitation(secondPerson, token)).toEqual({ ok: false, reason: "invalid" });
  });

  test("accepting again after joining is harmless", async () => {
    const { team, owner } = await invitingTeam();
    const person = await createUser({ email: `gia@${uniqueDomain()}` });
    const token = tokenOf(await createInvitation(owner, person.email));

    await acceptInvitation(person, token);
    const again = await acceptInvitation(person, token);

    expect(again).toEqual({ ok: true, teamName: team.name });
    expect(await db.membership.count({ where: { userId: person.id } })).toBe(1);
  });

  testOnPostgres(
    "two acceptances of one invitation at once (a double click) both succeed, with one membership",
    async () => {
      const { team, owner } = await invitingTeam();
      const person = await createUser({ email: `ida@${uniqueDomain()}` });
      const token = tokenOf(await createInvitation(owner, person.email));

      const results = await Promise.all([
        acceptInvitation(person, token),
        acceptInvitation(person, token),
      ]);

      expect(results).toEqual([
        { ok: true, teamName: team.name },
        { ok: true, teamName: team.name },
      ]);
      expect(await db.membership.count({ where: { userId: person.id } })).toBe(1);
    },
  );

  test("refuses a link that a newer link for the same address replaced", async () => {
    const { owner } = await invitingTeam();
    const person = await createUser({ email: `rio@${uniqueDomain()}` });
    const replaced = tokenOf(await createInvitation(owner, person.email));
    await createInvitation(owner, person.email);

    expect(await acceptInvitation(person, replaced)).toEqual({ ok: false, reason: "invalid" });
    expect(await db.membership.findUnique({ where: { userId: person.id } })).toBeNull();
  });

  test("a used or expired link no longer names its team or the address it was for", async () => {
    const { team, owner } = await invitingTeam();
    const person = await createUser({ email: `sol@${uniqueDomain()}` });
    const used = tokenOf(await createInvitation(owner, person.email));
    await acceptInvitation(person, used);
    const expiredEmail = `tam@${uniqueDomain()}`;
    const expired = tokenOf(await createInvitation(owner, expiredEmail));
    await db.invitation.updateMany({
      where: { teamId: team.id, email: expiredEmail },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    expect(await getInvitation(used)).toEqual({ status: "accepted", teamId: team.id });
    expect(await getInvitation(expired)).toEqual({ status: "expired", teamId: team.id });
  });

  test("the link holds a token that is stored only as a hash", async () => {
    const { team, owner } = await invitingTeam();
    const token = tokenOf(await createInvitation(owner, `hal@${uniqueDomain()}`));

    const rows = await db.invitation.findMany({ where: { teamId: team.id } });

    expect(token).toMatch(/^[\w-]{20,64}$/);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe("template visibility", () => {
  async function workspace() {
    const team = await createTeam({ defaultVisibility: "PRIVATE" });
    const at = (name: string) => `${name}@${team.domain}`;
    const people = {
      owner: await teamContext(team, at("owner"), "OWNER"),
      admin: await teamContext(team, at("admin"), "ADMIN"),
      author: await teamContext(team, at("author"), "MEMBER"),
      colleague: await teamContext(team, at("colleague"), "MEMBER"),
    };
    const privateTemplate = await createTemplate(people.author, {
      name: "Private follow-up",
      subject: "Following up",
      body: "Hello",
    });
    const publicTemplate = await createTemplate(
      { ...people.author, team: { ...team, defaultVisibility: "PUBLIC" } },
      { name: "Public intro", subject: "Hi", body: "Hello all" },
    );
    return { team, people, privateTemplate, publicTemplate };
  }

  const visibleIds = async (viewer: Parameters<typeof listVisibleTemplates>[0]) =>
    (await listVisibleTemplates(viewer)).map((template) => template.id).sort();

  test("a new template takes the team's default visibility", async () => {
    const { privateTemplate, publicTemplate } = await workspace();

    expect(privateTemplate.visibility).toBe("PRIVATE");
    expect(publicTemplate.visibility).toBe("PUBLIC");
  });

  test("a private template is visible to its author and to the owner and admins only", async () => {
    const { people, privateTemplate } = await workspace();

    expect(await visibleIds(people.author)).toContain(privateTemplate.id);
    expect(await visibleIds(people.owner)).toContain(privateTemplate.id);
    expect(await visibleIds(people.admin)).toContain(privateTemplate.id);
    expect(await visibleIds(people.colleague)).not.toContain(privateTemplate.id);
  });

  test("a public template is visible to every member", async () => {
    const { people, publicTemplate } = await workspace();

    for (const viewer of Object.values(people)) {
      expect(await visibleIds(viewer)).toContain(publicTemplate.id);
    }
  });

  test("a member of another team sees none of the team's templates", async () => {
    const { people, privateTemplate, publicTemplate } = await workspace();
    const otherTeam = await createTeam();
    const outsiderOwner = await teamContext(otherTeam, `owner@${otherTeam.domain}`, "OWNER");
    const outsider = await teamContext(otherTeam, `member@${otherTeam.domain}`, "MEMBER");

    expect(await visibleIds(outsider)).toEqual([]);
    expect(await visibleIds(outsiderOwner)).toEqual([]);
    // Even when they wrote the rows, viewers only see their own team's templates.
    expect(await visibleIds({ ...people.author, team: otherTeam })).toEqual([]);
    expect((await visibleIds(people.owner)).sort()).toEqual(
      [privateTemplate.id, publicTemplate.id].sort(),
    );
  });
});
