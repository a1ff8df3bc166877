import type { Metadata } from "next";

import { AuditTable } from "@/components/audit-table";
import { Pagination } from "@/components/pagination";
import { Card } from "@/components/ui/card";
import { listTeamAuditEvents } from "@/lib/audit/audit";
import { pageNumberSchema } from "@/lib/page-number";
import { requireTeamContext } from "@/lib/teams/team-context";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string }>;
}) {
  const { team, canManage } = await requireTeamContext();
  if (!canManage) {
    return (
      <p className="text-sm text-slate-800">
        Only the team&apos;s owner and admins can read the audit log.
      </p>
    );
  }
  const { page: requested } = await searchParams;
  const { events, page, pageCount, total } = await listTeamAuditEvents(team.id, {
    page: pageNumberSchema.parse(requested),
  });

  return (
    <div className="space-y-4">
      <h2 className="text-xl font-semibold">Audit log</h2>
      <p className="text-sm text-slate-700">
        Configuration changes, sign-ins, accounts created through Okta, and every refusal, newest
        first. {total === 1 ? "1 event" : `${total.toLocaleString("en")} events`} in all.
      </p>
      <Card className="space-y-4">
        {events.length ? (
          <AuditTable events={events} />
        ) : (
          <p className="text-sm text-slate-700">
            {total
              ? `There is no page ${page}: the log has ${pageCount} ${pageCount === 1 ? "page" : "pages"}.`
              : "Nothing has been recorded yet."}
          </p>
        )}
        <Pagination label="Audit log pages" path="/team/audit" page={page} pageCount={pageCount} />
      </Card>
    </div>
  );
}
