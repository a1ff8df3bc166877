import type { Metadata } from "next";

import { ActionButton } from "@/components/action-button";
import { AuditTable } from "@/components/audit-table";
import { Pagination } from "@/components/pagination";
import { OktaSetupGuide } from "@/components/okta-setup-guide";
import { SsoConnectionForm } from "@/components/sso-connection-form";
import { SsoStatus } from "@/components/sso-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { listTeamAuditEvents } from "@/lib/audit/audit";
import { pageNumberSchema } from "@/lib/page-number";
import { requireStaff } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { findTeamByOwnerEmail } from "@/lib/sso/configure";
import { getTeamConnection } from "@/lib/sso/connections";
import { emailSchema } from "@/lib/users/email";

import { staffSaveConnectionAction, staffSwitchSsoAction } from "./actions";

export const metadata: Metadata = { title: "Support console" };

export default async function StaffPage({
  searchParams,
}: {
  searchParams: Promise<{ owner?: string; page?: string }>;
}) {
  await requireStaff();
  const { owner, page: requestedPage } = await searchParams;
  const parsed = typeof owner === "string" && owner ? emailSchema.safeParse(owner) : null;
  const ownerEmail = parsed?.success ? parsed.data : null;
  const team = ownerEmail ? await findTeamByOwnerEmail(ownerEmail) : null;
  const [connection, audit] = team
    ? await Promise.all([
        getTeamConnection(team.id),
        listTeamAuditEvents(team.id, { page: pageNumberSchema.parse(requestedPage), perPage: 50 }),
      ])
    : [null, null];

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">Support console</h1>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3">
          <Field
            label="Team Owner's email"
            name="owner"
            type="email"
            required
            defaultValue={owner ?? ""}
            className="min-w-64 flex-1"
          />
          <Button type="submit">Find team</Button>
        </form>
        {parsed && !parsed.success ? (
          <p className="mt-2 text-sm text-red-700">Enter a valid email address.</p>
        ) : null}
      </Card>

      {ownerEmail && !team ? (
        <Alert tone="error">No team has a Team Owner with the email {ownerEmail}.</Alert>
      ) : null}

      {team && ownerEmail ? (
        <>
          <Card className="space-y-4">
            <h2 className="text-xl font-semibold">{team.name}</h2>
            <p className="text-sm text-slate-700">
              Owner {ownerEmail} · domain {team.domain ?? "none"}
            </p>
            <SsoStatus connection={connection} />
            {connection ? (
              connection.enabled ? (
                <ActionButton
                  action={staffSwitchSsoAction}
                  fields={{ ownerEmail, enabled: "off" }}
                  variant="danger"
                  confirm={{
                    title: `Switch single sign-on off for ${team.name}?`,
                    description: (
                      <p>
                        Everyone in {team.name} signed in through Okta is signed out now. Members
                        with a Teamline password can sign in with it; members created through Okta
                        can&apos;t sign in until single sign-on is back on. This is recorded in the
                        team&apos;s audit log.
                      </p>
                    ),
                    confirmLabel: "Switch off",
                  }}
                >
                  Switch single sign-on off
                </ActionButton>
              ) : (
                <ActionButton
                  action={staffSwitchSsoAction}
                  fields={{ ownerEmail, enabled: "on" }}
                  variant="primary"
                  confirm={{
                    title: `Switch single sign-on on for ${team.name}?`,
                    description: (
                      <>
                        <p>
                          Okta becomes the only way into {team.name}: password sign-in stops and its
                          members&apos; password sessions end now.
                        </p>
                        <p className="mt-2">
                          {connection.testedAt
                            ? "A Test sign-in passed with the connection as it is now."
                            : "No Test sign-in has passed since the connection was last changed: Teamline knows Okta accepts its Client ID and secret, but not that members can sign in. Ask the Team Owner to run one first if you can."}
                        </p>
                      </>
                    ),
                    confirmLabel: "Switch on",
                  }}
                >
                  Switch single sign-on on
                </ActionButton>
              )
            ) : null}
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card className="space-y-4">
              <h2 className="text-lg font-semibold">
                {connection ? "Update or rotate the Okta connection" : "Set up the Okta connection"}
              </h2>
              <SsoConnectionForm
                action={staffSaveConnectionAction}
                current={connection}
                hidden={{ ownerEmail }}
              />
            </Card>
            <Card>
              <OktaSetupGuide appUrl={env.appUrl} />
            </Card>
          </div>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">Audit log</h2>
            {audit?.events.length ? (
              <AuditTable events={audit.events} />
            ) : (
              <p className="text-sm text-slate-700">
                {audit?.total ? `There is no page ${audit.page}.` : "Nothing recorded yet."}
              </p>
            )}
            {audit ? (
              <Pagination
                label="Audit log pages"
                path="/staff"
                query={{ owner: ownerEmail }}
                page={audit.page}
                pageCount={audit.pageCount}
              />
            ) : null}
          </Card>
        </>
      ) : null}
    </div>
  );
}
