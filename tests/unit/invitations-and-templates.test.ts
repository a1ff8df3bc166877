import { describe, expect, test } from "vitest";

import { db } from "@/lib/db";
import { acceptInvitation, createInvitation, getInvitation } from "@/lib/teams/invitations";
import { createTemplate, listVisibleTemplates } from "@/lib/templates/templates";

import { createTeam, createUser, teamContext, uniqueDomain } from "./support/factories";
import { testOnPostgres } from "./support/postgres-only";

const tokenOf = (link: string) => link.split("/invite/")[1]!;

async function invitingTeam() {
  const team = await createTeam();
  const owner = await teamContext(team, `owner@${team.domain}`, "OWNER");
  return { team, owner };
}

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

    expect(result).toEqual({ ok: false, reason: "expired", teamName: team.name });
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
