type AuditRow = {
  id: string;
  ref: string;
  action: string;
  outcome: string;
  reason: string | null;
  who: string | null;
  viaSupport: boolean;
  createdAt: Date;
};

export function AuditTable({ events }: { events: AuditRow[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-700">No events yet.</p>;
  return (
    <div className="-mx-2 overflow-x-auto px-2">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-2 pr-3 font-medium">
              When (UTC)
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Event
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Outcome
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Who
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Reason
            </th>
            <th scope="col" className="py-2 font-medium">
              Reference
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className="border-b border-slate-100 align-top last:border-0">
              <td className="py-2 pr-3 whitespace-nowrap">
                {event.createdAt.toISOString().replace("T", " ").slice(0, 19)}
              </td>
              <td className="py-2 pr-3 font-mono text-xs">{event.action}</td>
              <td
                className={`py-2 pr-3 ${event.outcome === "success" ? "text-emerald-800" : "text-red-800"}`}
              >
                {event.outcome}
              </td>
              <td className="py-2 pr-3 break-all">
                {event.who ?? ""}
                {event.viaSupport ? (
                  <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">
                    support
                  </span>
                ) : null}
              </td>
              <td className="py-2 pr-3">{event.reason ?? ""}</td>
              <td className="py-2 font-mono text-xs">{event.ref}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
