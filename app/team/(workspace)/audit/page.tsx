import type { Metadata } from "next";

import { AuditTable } from "@/components/audit-table";
import { Card } from "@/components/ui/card";
import { listTeamAuditEvents } from "@/lib/audit/audit";
import { requireTeamContext } from "@/lib/teams/team-context";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const { team, canManage } = await requireTeamContext();
  if (!canManage) {
    return (
      <p className="text-sm text-slate-800">
        Only the team&apos;s owner and admins can read the audit log.
      </p>
    );
  }
  const events = await listTeamAuditEvents(team.id);

  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Audit log</h2>
      <p className="text-sm text-slate-700">
        Configuration changes, sign-ins, accounts created through Okta, and every refusal, newest
        first.
      </p>
      <Card>
        <AuditTable events={events} />
      </Card>
    </div>
  );
}
