"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { redirectToOkta } from "@/lib/auth/redirect-to-okta";
import { requestIp } from "@/lib/auth/request-ip";
import { consumeRateLimit } from "@/lib/rate-limit/rate-limit";
import { configureConnection, connectionSchema, switchSso } from "@/lib/sso/configure";
import { getTeamConnection } from "@/lib/sso/connections";
import { teamAction } from "@/lib/teams/team-context";

const TEST_SIGN_IN_LIMIT = { limit: 10, windowSeconds: 10 * 60 };

export const saveConnectionAction = teamAction(
  { schema: connectionSchema, manage: true, secretFields: ["clientSecret"] },
  async (ctx, input) => {
    const result = await configureConnection(ctx.team.id, input, {
      userId: ctx.user.id,
      via: "team",
      ip: requestIp(await headers()),
    });
    revalidatePath("/team/sso");
    return result;
  },
);

export const testSignInAction = teamAction({ schema: z.object({}), manage: true }, async (ctx) => {
  const connection = await getTeamConnection(ctx.team.id);
  if (!connection) return { ok: false, message: "Save an Okta connection first." };

  const limit = await consumeRateLimit(`test-sign-in:team:${ctx.team.id}`, TEST_SIGN_IN_LIMIT);
  if (!limit.allowed) {
    return {
      ok: false,
      message: `Too many test sign-ins. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`,
    };
  }
  return redirectToOkta({ connectionId: connection.id, mode: "test", landingPath: "/team/sso" });
});

const switchSchema = z.object({ enabled: z.enum(["on", "off"]) });

export const switchSsoAction = teamAction(
  { schema: switchSchema, manage: true },
  async (ctx, input) => {
    const result = await switchSso(
      ctx.team.id,
      input.enabled === "on",
      {
        userId: ctx.user.id,
        via: "team",
        ip: requestIp(await headers()),
      },
      { requireTest: true },
    );
    revalidatePath("/team/sso");
    return result;
  },
);
