import type { SsoConnectionSummary } from "@/lib/sso/connections";

export function SsoStatus({ connection }: { connection: SsoConnectionSummary | null }) {
  if (!connection) return <p className="text-sm text-slate-800">No Okta connection yet.</p>;
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
      <dt className="font-medium">Status</dt>
      <dd>
        {connection.enabled ? (
          <strong className="text-emerald-800">On: Okta is the only way in</strong>
        ) : (
          "Off"
        )}
      </dd>
      <dt className="font-medium">Issuer</dt>
      <dd className="break-all font-mono text-xs">{connection.issuer}</dd>
      <dt className="font-medium">Client ID</dt>
      <dd className="break-all font-mono text-xs">{connection.clientId}</dd>
      <dt className="font-medium">Client secret</dt>
      <dd className="font-mono text-xs">••••{connection.secretLast4}</dd>
      <dt className="font-medium">Last test</dt>
      <dd>
        {connection.testedAt
          ? `Passed ${connection.testedAt.toISOString().replace("T", " ").slice(0, 16)} UTC`
          : "Not run since the last change"}
      </dd>
    </dl>
  );
}
