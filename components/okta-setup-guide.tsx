import type { ReactNode } from "react";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-100 py-2 last:border-0">
      <dt className="text-sm font-medium text-slate-800">{label}</dt>
      <dd className="text-sm text-slate-800">{children}</dd>
    </div>
  );
}

function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <input
      readOnly
      aria-label={label}
      value={value}
      className="w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
    />
  );
}

/** What an Okta admin enters in Okta, and where they find the three values to copy back. */
export function OktaSetupGuide({ appUrl }: { appUrl: string }) {
  const redirectUri = `${appUrl}/api/auth/callback/okta`;
  const initiateUri = `${appUrl}/sso/okta/initiate`;

  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-base font-semibold">1. In Okta, enter these values</h3>
        <p className="text-sm text-slate-700">
          Applications → Create App Integration → OIDC – OpenID Connect → Web Application.
        </p>
        <dl className="mt-2">
          <Row label="Sign-in redirect URI">
            <Copyable label="Sign-in redirect URI" value={redirectUri} />
          </Row>
          <Row label="Initiate login URI">
            <Copyable label="Initiate login URI" value={initiateUri} />
          </Row>
          <Row label="Login initiated by">Either Okta or App</Row>
          <Row label="Login flow">Redirect to app to initiate login (OIDC Compliant)</Row>
          <Row label="Grant type">Authorization Code</Row>
          <Row label="Assignments">Assign the people or groups who should reach Teamline.</Row>
        </dl>
      </div>
      <div>
        <h3 className="text-base font-semibold">2. Copy three values back here</h3>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
          <li>
            <strong>Client ID</strong> and <strong>Client secret</strong>: the app&apos;s General
            tab, under Client Credentials.
          </li>
          <li>
            <strong>Issuer URL</strong>: the <code>issuer</code> field of your org&apos;s OpenID
            Provider Metadata, at
            <code> https://YOUR-ORG.okta.com/.well-known/openid-configuration</code>. It is usually
            <code> https://YOUR-ORG.okta.com</code>, with no trailing slash.
          </li>
        </ul>
      </div>
      <div>
        <h3 className="text-base font-semibold">3. Test, then switch on</h3>
        <p className="text-sm text-slate-800">
          Test sign-in checks the connection without signing anyone in. Once single sign-on is on,
          Okta becomes the only way in for your team: password sign-in and password sign-up on your
          domain stop working. If Okta is ever unavailable to you, Teamline support can switch
          single sign-on off for your team.
        </p>
      </div>
    </div>
  );
}
