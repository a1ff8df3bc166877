import type { Metadata } from "next";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { requireTeamContext } from "@/lib/teams/team-context";

import { enableTeamEditionAction } from "../../actions";
import { VisibilityForm } from "../visibility-form";

export const metadata: Metadata = { title: "Default permissions" };

export default async function PermissionsSetupPage() {
  const { team, canManage } = await requireTeamContext();

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">Enable management · Step 2 of 2</p>
        <h2 className="text-xl font-semibold">Default permissions</h2>
      </div>
      {canManage ? (
        <Card className="space-y-4">
          <p className="text-sm text-slate-700">
            Choose who sees a template when a member creates it. You can change this later.
          </p>
          <VisibilityForm
            action={enableTeamEditionAction}
            current={team.teamEdition ? team.defaultVisibility : undefined}
            submitLabel="Next"
          />
        </Card>
      ) : (
        <Alert tone="info" title="Only the team's owner and admins can enable management">
          <Link href="/team/permissions" className="underline">
            Back to Permissions
          </Link>
        </Alert>
      )}
    </div>
  );
}
