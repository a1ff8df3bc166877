import { Auth, raw, skipCSRFCheck } from "@auth/core";
import { encode } from "@auth/core/jwt";
import Okta from "@auth/core/providers/okta";

import type { PrismaClient } from "@/lib/generated/prisma/client";

// What some steps of a sign-in cost by themselves, measured in this process with nothing else
// running: the floors under the Initiate login URI and under every database statement.

export type Floor = { name: string; calls: number; wallMs: number; cpuMs: number };

async function measure(name: string, calls: number, step: () => Promise<unknown>): Promise<Floor> {
  for (let i = 0; i < Math.min(200, calls); i++) await step();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await step();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const perCall = (ms: number) => Math.round((ms / calls) * 1000) / 1000;
  return { name, calls, wallMs: perCall(wall), cpuMs: perCall((cpu.user + cpu.system) / 1000) };
}

export async function measureFloors(options: {
  db: PrismaClient;
  issuer: string;
  userId: string;
  calls: number;
}): Promise<Floor[]> {
  const { db, issuer, userId, calls } = options;
  const secret = "bench-floor-secret-of-thirty-two-chars";
  // The checks Teamline asks for, with endpoints given so that nothing is fetched.
  const config = {
    secret,
    trustHost: true,
    basePath: "/api/auth",
    raw,
    skipCSRFCheck,
    providers: [
      Okta({
        id: "okta",
        issuer,
        clientId: "bench",
        clientSecret: "bench",
        checks: ["pkce", "state", "nonce"],
        authorization: { url: `${issuer}/v1/authorize`, params: { scope: "openid email" } },
        token: `${issuer}/v1/token`,
        userinfo: `${issuer}/v1/userinfo`,
      }),
    ],
  } as Parameters<typeof Auth>[1];
  const signInStart = async () => {
    const request = new Request("http://localhost/api/auth/signin/okta", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ callbackUrl: "http://localhost/team" }),
    });
    const response = (await Auth(request, config)) as { redirect?: string };
    if (!response.redirect) throw new Error("Auth.js returned no authorization URL");
  };

  return [
    await measure("Auth.js sign-in start (state, nonce, PKCE)", calls, signInStart),
    await measure("Auth.js cookie sealed (one JWE)", calls, () =>
      encode({ token: { value: "x" }, secret, salt: "authjs.state" }),
    ),
    await measure("Prisma: one row by primary key", calls, () =>
      db.user.findUnique({ where: { id: userId }, select: { id: true } }),
    ),
  ];
}
