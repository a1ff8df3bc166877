import { recordAudit } from "@/lib/audit/audit";
import { markConnectionTested, type SsoConnectionForSignIn } from "@/lib/sso/connections";
import { previewOktaSignIn, type OktaClaims } from "@/lib/sso/provisioning";

/**
 * A Test sign-in proves the saved connection works end to end (discovery, redirect URI, client
 * secret, token checks) without signing anyone in: it records what Okta sent back and returns
 * to the Single sign-on tab.
 */
export async function recordTestSignIn(connection: SsoConnectionForSignIn, claims: OktaClaims) {
  const email = typeof claims.email === "string" ? claims.email : null;
  const name = typeof claims.name === "string" ? claims.name : null;
  const wouldDo = await previewOktaSignIn(connection, claims);
  await markConnectionTested(connection.id);
  const ref = await recordAudit({
    action: "sso.test_sign_in",
    outcome: "success",
    teamId: connection.teamId,
    email,
    detail: {
      issuer: connection.issuer,
      subject: typeof claims.sub === "string" ? claims.sub : null,
      name,
      wouldDo,
    },
  });
  return `/team/sso?test=${ref}`;
}
