import type { Metadata } from "next";

import { ActionButton } from "@/components/action-button";
import { OktaSetupGuide } from "@/components/okta-setup-guide";
import { SsoConnectionForm } from "@/components/sso-connection-form";
import { SsoStatus } from "@/components/sso-status";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getTeamAuditEvent } from "@/lib/audit/audit";
import { env } from "@/lib/env";
import { getTeamConnection } from "@/lib/sso/connections";
import { requireTeamContext } from "@/lib/teams/team-context";

import { saveConnectionAction, switchSsoAction, testSignInAction } from "./actions";

export const metadata: Metadata = { title: "Single sign-on" };

export default async function SsoPage({
  searchParams,
}: {
  searchParams: Promise<{ test?: string }>;
}) {
  const { test } = await searchParams;
  const { team, canManage } = await requireTeamContext();
  const connection = await getTeamConnection(team.id);

  if (!canManage) {
    return (
      <div className="space-y-4">
        <h2 className="text-xl font-semibold">Single sign-on</h2>
        <p className="text-sm text-slate-800">
          {connection?.enabled
            ? "Your team signs in with Okta."
            : "Your team signs in with email and password."}{" "}
          Only the team&apos;s owner and admins can change this.
        </p>
      </div>
    );
  }

  const testEvent =
    typeof test === "string" ? await getTeamAuditEvent(team.id, test.slice(0, 20)) : null;
  const testDetail = (testEvent?.detail ?? {}) as {
    name?: string;
    subject?: string;
    wouldDo?: string;
  };

  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Single sign-on with Okta</h2>
      {testEvent?.action === "sso.test_sign_in" && testEvent.outcome === "success" ? (
        <Alert tone="success" title="Test sign-in passed">
          Okta signed in {testDetail.name ?? "a user"} ({testEvent.email ?? "no email"}, subject{" "}
          {testDetail.subject ?? "?"}). Nobody was signed in to Teamline. With single sign-on on,
          this person&apos;s sign-in would {testDetail.wouldDo ?? "succeed"}.
        </Alert>
      ) : null}
      {testEvent?.action === "sso.test_sign_in" && testEvent.outcome !== "success" ? (
        <Alert tone="error" title="Test sign-in failed">
          {testFailureAdvice(testEvent.reason)} Reference {testEvent.ref}.
        </Alert>
      ) : null}

      <Card className="space-y-4">
        <h3 className="text-lg font-semibold">Status</h3>
        <SsoStatus connection={connection} />
        {connection ? (
          <div className="flex flex-wrap gap-4">
            <ActionButton action={testSignInAction}>Test sign-in</ActionButton>
            {connection.enabled ? (
              <ActionButton
                action={switchSsoAction}
                fields={{ enabled: "off" }}
                variant="danger"
                confirm={{
                  title: "Switch single sign-on off?",
                  description: (
                    <p>
                      Everyone signed in through Okta is signed out now. Members with a Teamline
                      password can sign in with it again; members created through Okta have no
                      password and can&apos;t sign in until single sign-on is back on.
                    </p>
                  ),
                  confirmLabel: "Switch off",
                }}
              >
                Switch single sign-on off
              </ActionButton>
            ) : (
              <ActionButton action={switchSsoAction} fields={{ enabled: "on" }} variant="primary">
                Switch single sign-on on
              </ActionButton>
            )}
          </div>
        ) : null}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card className="space-y-4">
          <h3 className="text-lg font-semibold">Okta connection</h3>
          <SsoConnectionForm action={saveConnectionAction} current={connection} />
        </Card>
        <Card>
          <OktaSetupGuide appUrl={env.appUrl} />
        </Card>
      </div>
    </div>
  );
}

/** What a failed Test sign-in's recorded reason means for the person setting Okta up. */
function testFailureAdvice(reason: string | null) {
  if (reason?.startsWith("Okta answered access_denied")) {
    return "Okta refused the sign-in (access_denied): the person who signed in at Okta is probably not assigned to the app. Assign them in Okta (the app's Assignments tab) or test as someone who is, then try again. Okta reuses the browser's Okta session, so sign out of Okta first to test as someone else.";
  }
  const sentence = (reason ?? "The sign-in did not complete").replace(/\.?$/, ".");
  return `${sentence} Check the values below against Okta, then try again.`;
}
