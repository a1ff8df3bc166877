import type { Metadata } from "next";

import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireTeamContext } from "@/lib/teams/team-context";

import { setPermissionsAction } from "../actions";
import { VisibilityForm } from "./visibility-form";

export const metadata: Metadata = { title: "Permissions" };

export default async function PermissionsPage({
  searchParams,
}: {
  searchParams: Promise<{ enabled?: string }>;
}) {
  const { enabled } = await searchParams;
  const { team, canManage } = await requireTeamContext();

  return (
    <div className="space-y-6">
      <h2 className="text-xl font-semibold">Permissions</h2>
      {enabled ? (
        <Alert tone="success" title="Team Edition is on">
          New templates now follow your default permissions.
        </Alert>
      ) : null}

      {team.teamEdition ? (
        <Card className="space-y-4">
          <p className="text-sm">
            <strong>Team Edition is on.</strong> New templates are{" "}
            <strong>{team.defaultVisibility === "PUBLIC" ? "Public" : "Private"}</strong> by
            default.
          </p>
          <VisibilityForm
            action={setPermissionsAction}
            current={team.defaultVisibility}
            submitLabel="Save default"
            disabled={!canManage}
          />
          {canManage ? null : (
            <p className="text-sm text-slate-700">
              Only the team&apos;s owner and admins can change this.
            </p>
          )}
        </Card>
      ) : (
        <Card className="space-y-4">
          <p className="text-sm text-slate-700">
            Team Edition lets your team&apos;s owner and admins manage members and decide who sees
            the templates members create.
          </p>
          {canManage ? (
            <ButtonLink href="/team/permissions/setup">Enable management</ButtonLink>
          ) : (
            <p className="text-sm text-slate-700">
              Management is off. Only the team&apos;s owner and admins can enable it.
            </p>
          )}
        </Card>
      )}
    </div>
  );
}
