"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requestIp } from "@/lib/auth/request-ip";
import { configureConnection, connectionSchema, switchSso } from "@/lib/sso/configure";
import { staffAction } from "@/lib/staff/staff-action";

export const staffSaveConnectionAction = staffAction(
  { schema: connectionSchema, secretFields: ["clientSecret"] },
  async ({ staff, team }, input) => {
    const result = await configureConnection(team.id, input, {
      userId: staff.id,
      via: "support",
      ip: requestIp(await headers()),
    });
    revalidatePath("/staff");
    return result;
  },
);

export const staffSwitchSsoAction = staffAction(
  { schema: z.object({ enabled: z.enum(["on", "off"]) }) },
  async ({ staff, team }, input) => {
    // Support may switch a team on without a Test sign-in (the owner asked for it) and off at any
    // time: the break-glass path when a team is locked out of Okta.
    const result = await switchSso(
      team.id,
      input.enabled === "on",
      { userId: staff.id, via: "support", ip: requestIp(await headers()) },
      { requireTest: false },
    );
    revalidatePath("/staff");
    return result;
  },
);
