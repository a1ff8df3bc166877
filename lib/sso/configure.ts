import { z } from "zod";

import type { ActionState } from "@/lib/action-state";
import { recordAudit } from "@/lib/audit/audit";
import { endTeamSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { tokenEndpointRefusesClient } from "@/lib/sso/client-check";
import { checkIssuer } from "@/lib/sso/issuer-metadata";
import {
  getConnectionById,
  getTeamConnection,
  isIssuerTakenByAnotherTeam,
  saveConnection,
  setConnectionEnabled,
} from "@/lib/sso/connections";

export const connectionSchema = z.object({
  clientId: z
    .string()
    .trim()
    .min(1, "Paste the Client ID from Okta.")
    .max(200, "That Client ID is too long.")
    .regex(/^\S*$/, "A Client ID has no spaces."),
  clientSecret: z
    .string()
    .trim()
    .max(500, "That client secret is too long.")
    .regex(/^\S*$/, "A client secret has no spaces.")
    .optional()
    .default(""),
  issuer: z
    .string()
    .trim()
    .min(1, "Paste the issuer from Okta's OpenID Provider Metadata.")
    .max(500, "That issuer is too long."),
});

export type Actor = { userId: string; via: "team" | "support"; ip?: string | null };

/** Validates and stores a team's Okta connection. */
export async function configureConnection(
  teamId: string,
  input: z.output<typeof connectionSchema>,
  actor: Actor,
): Promise<ActionState> {
  const existing = await getTeamConnection(teamId);
  const values = { clientId: input.clientId, issuer: input.issuer };
  if (!existing && !input.clientSecret) {
    return {
      ok: false,
      fieldErrors: { clientSecret: ["Paste the client secret from Okta."] },
      values,
    };
  }

  const check = await checkIssuer(input.issuer);
  if (!check.ok) return { ok: false, fieldErrors: { issuer: [check.message] }, values };
  if (await isIssuerTakenByAnotherTeam(input.issuer, teamId)) {
    return {
      ok: false,
      fieldErrors: {
        issuer: [
          "Another Teamline team is already connected to this issuer. Each Okta org signs in to one team.",
        ],
      },
      values,
    };
  }

  const secret =
    input.clientSecret || (existing && (await getConnectionById(existing.id))?.clientSecret);
  if (secret && (await tokenEndpointRefusesClient(check.metadata, input.clientId, secret))) {
    return {
      ok: false,
      fieldErrors: {
        clientSecret: [
          "Okta refused this Client ID and Client secret. Copy both again from the app's General tab in Okta.",
        ],
      },
      values,
    };
  }

  await saveConnection(teamId, {
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret || undefined,
  });
  await recordAudit({
    action: existing ? "sso.connection_updated" : "sso.connection_created",
    outcome: "success",
    teamId,
    actorId: actor.userId,
    ip: actor.ip,
    detail: {
      via: actor.via,
      issuer: input.issuer,
      clientId: input.clientId,
      secretChanged: Boolean(input.clientSecret),
    },
  });

  const warning = check.warning ? ` ${check.warning}` : "";
  return {
    ok: true,
    message: `Connection saved. Run a Test sign-in before switching single sign-on on.${warning}`,
  };
}

/**
 * Switches Okta on or off for a team. On: password sign-in closes for its members, and their
 * password sessions end (except the session of the person switching it on). Off is support's
 * break-glass path; it is logged like every change.
 */
export async function switchSso(
  teamId: string,
  enabled: boolean,
  actor: Actor,
  options: { requireTest: boolean },
): Promise<ActionState> {
  const connection = await getTeamConnection(teamId);
  if (!connection) return { ok: false, message: "Save an Okta connection first." };
  if (enabled && options.requireTest && !connection.testedAt) {
    return {
      ok: false,
      message: "Run a Test sign-in that succeeds before switching single sign-on on.",
    };
  }

  await setConnectionEnabled(teamId, enabled);
  // The person switching SSO on keeps their session; support is no team member anyway.
  await endTeamSessions(teamId, enabled ? "password" : "okta", actor.userId);
  await recordAudit({
    action: enabled ? "sso.enabled" : "sso.disabled",
    outcome: "success",
    teamId,
    actorId: actor.userId,
    ip: actor.ip,
    detail: { via: actor.via },
  });
  return {
    ok: true,
    message: enabled
      ? "Single sign-on is on. Members now sign in with Okta only."
      : "Single sign-on is off. Members who have a password can sign in with it again; members created through Okta have none, so they can't sign in until single sign-on is back on.",
  };
}

export function findTeamByOwnerEmail(email: string) {
  return db.team.findFirst({
    where: { memberships: { some: { role: "OWNER", user: { email } } } },
    select: {
      id: true,
      name: true,
      slug: true,
      domain: true,
      teamEdition: true,
      defaultVisibility: true,
    },
  });
}
