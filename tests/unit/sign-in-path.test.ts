import { describe, expect, test } from "vitest";

import { getSignedInBySession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { beginOktaInitiatedSignIn, INITIATE_REFUSALS_PER_IP } from "@/lib/sso/initiate";

import { addMember, createTeam, createUser, unique, uniqueDomain } from "./support/factories";

function uniqueIp() {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `198.51.${byte()}.${byte()}`;
}

async function auditEventsFrom(ip: string) {
  return db.auditEvent.findMany({ where: { ip }, select: { action: true, reason: true } });
}

describe("Initiate login URI refusals", () => {
  test("an unknown issuer is refused, audited and counted against the address", async () => {
    const ip = uniqueIp();
    const iss = `https://${unique("nobody")}.okta.example`;

    const outcome = await beginOktaInitiatedSignIn(new URLSearchParams({ iss }), ip);

    expect(outcome).toMatchObject({ problem: expect.stringMatching(/^\/problem\/unknown-issuer/) });
    expect(await auditEventsFrom(ip)).toEqual([
      { action: "sso.initiate", reason: "no team has this issuer" },
    ]);
    const counter = await db.rateLimit.findUnique({ where: { key: `initiate-refused:ip:${ip}` } });
    expect(counter?.count).toBe(1);
  });

  test("past the limit, an address is answered rate-limited and no more events are written", async () => {
    const ip = uniqueIp();
    await db.rateLimit.create({
      data: {
        key: `initiate-refused:ip:${ip}`,
        count: INITIATE_REFUSALS_PER_IP.limit,
        windowStart: new Date(),
      },
    });

    const outcome = await beginOktaInitiatedSignIn(new URLSearchParams({ iss: "x" }), ip);

    expect(outcome).toMatchObject({ problem: expect.stringMatching(/^\/problem\/rate-limited/) });
    expect(await auditEventsFrom(ip)).toEqual([]);
  });

  test("a request without iss is refused as an unknown issuer", async () => {
    const ip = uniqueIp();

    const outcome = await beginOktaInitiatedSignIn(new URLSearchParams(), ip);

    expect(outcome).toMatchObject({ problem: expect.stringMatching(/^\/problem\/unknown-issuer/) });
    expect(await auditEventsFrom(ip)).toEqual([
      { action: "sso.initiate", reason: "missing or malformed iss" },
    ]);
  });
});

describe("the signed-in user of a session", () => {
  async function sessionFor(userId: string, expiresInMs: number) {
    const id = unique("sid");
    await db.session.create({
      data: { id, userId, method: "okta", expiresAt: new Date(Date.now() + expiresInMs) },
    });
    return id;
  }

  test("comes with their membership and team", async () => {
    const team = await createTeam();
    const user = await createUser({ email: `ada@${team.domain}` });
    await addMember(team.id, user.id, "ADMIN");

    const signedIn = await getSignedInBySession(await sessionFor(user.id, 60_000));

    expect(signedIn).toEqual({ user, membership: { role: "ADMIN", team } });
  });

  test("has no membership when they are in no team", async () => {
    const user = await createUser({ email: `solo@${uniqueDomain()}` });

    const signedIn = await getSignedInBySession(await sessionFor(user.id, 60_000));

    expect(signedIn).toEqual({ user, membership: null });
  });

  test("is nobody once the session has expired or never existed", async () => {
    const user = await createUser({ email: `late@${uniqueDomain()}` });

    expect(await getSignedInBySession(await sessionFor(user.id, -1_000))).toBeNull();
    expect(await getSignedInBySession(unique("sid"))).toBeNull();
  });
});
