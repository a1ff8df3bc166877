export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLES = `
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d1d21; background: #f4f4f6; }
  header { display: flex; justify-content: space-between; align-items: center;
    padding: 12px 24px; background: #fff; border-bottom: 1px solid #ddd; }
  header strong { font-size: 18px; }
  main { max-width: 960px; margin: 32px auto; padding: 0 24px; }
  .card { max-width: 360px; margin: 48px auto; padding: 32px; background: #fff;
    border: 1px solid #ddd; border-radius: 8px; }
  label { display: block; margin: 16px 0 4px; font-weight: 600; }
  input { box-sizing: border-box; width: 100%; padding: 8px 10px; font: inherit;
    border: 1px solid #999; border-radius: 4px; }
  button, .button { display: inline-block; margin-top: 24px; padding: 10px 16px; font: inherit;
    color: #fff; background: #1662dd; border: 0; border-radius: 4px; text-decoration: none;
    cursor: pointer; }
  form .button, form button { width: 100%; }
  .error { padding: 8px 12px; color: #8a1c1c; background: #fdecec; border-radius: 4px; }
  .muted { color: #5c5c66; }
  .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
    gap: 16px; padding: 0; list-style: none; }
  .tile { display: block; padding: 32px 16px; text-align: center; font-weight: 600;
    color: inherit; background: #fff; border: 1px solid #ddd; border-radius: 8px;
    text-decoration: none; }
  .tile:hover, .tile:focus { border-color: #1662dd; }
  table { width: 100%; border-collapse: collapse; background: #fff; }
  th, td { padding: 8px 12px; text-align: left; vertical-align: top; border: 1px solid #ddd; }
  th { width: 220px; background: #fafafa; }
  code { font-size: 14px; word-break: break-all; }
  section { margin-bottom: 32px; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Okta (local)</title>
<style>${STYLES}</style>
</head>
<body>
${body}
</body>
</html>`;
}

export interface SignInPageProps {
  action: string;
  username?: string;
  error?: string;
  appLabel?: string;
}

export function signInPage({ action, username = "", error, appLabel }: SignInPageProps): string {
  const subtitle = appLabel
    ? `<p class="muted">to continue to ${escapeHtml(appLabel)}</p>`
    : `<p class="muted">Local Okta stand-in</p>`;
  const alert = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : "";
  // Put the cursor where the person has to type next.
  const focusUsername = username ? "" : " autofocus";
  const focusPassword = username ? " autofocus" : "";

  return layout(
    "Sign In",
    `<main>
<div class="card">
<h1>Sign In</h1>
${subtitle}
${alert}
<form method="post" action="${escapeHtml(action)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required
  value="${escapeHtml(username)}"${focusUsername}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password"
  required${focusPassword}>
<button type="submit">Sign in</button>
</form>
</div>
</main>`,
  );
}

export interface Tile {
  label: string;
  href: string;
}

export interface DashboardPageProps {
  name: string;
  email: string;
  tiles: Tile[];
}

export function dashboardPage({ name, email, tiles }: DashboardPageProps): string {
  const items = tiles
    .map(
      ({ label, href }) =>
        `<li><a class="tile" href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`,
    )
    .join("\n");
  const list = tiles.length
    ? `<ul class="tiles">\n${items}\n</ul>`
    : `<p class="muted">No apps are assigned to you yet.</p>`;

  return layout(
    "My Apps",
    `<header>
<strong>Okta (local)</strong>
<span>${escapeHtml(name)} <span class="muted">(${escapeHtml(email)})</span> ·
<a href="/login/signout">Sign out</a></span>
</header>
<main>
<h1>My Apps</h1>
${list}
</main>`,
  );
}

export interface LaunchPageProps {
  label: string;
  initiateLoginUri: string;
  issuer: string;
}

// Third-party-initiated login by POST (OpenID Connect Core 1.0 §4): `iss` goes form-encoded.
export function launchPage({ label, initiateLoginUri, issuer }: LaunchPageProps): string {
  return layout(
    `Opening ${label}`,
    `<main>
<div class="card">
<p>Opening ${escapeHtml(label)}…</p>
<form method="post" action="${escapeHtml(initiateLoginUri)}">
<input type="hidden" name="iss" value="${escapeHtml(issuer)}">
<noscript><button type="submit">Continue to ${escapeHtml(label)}</button></noscript>
</form>
<script>document.forms[0].submit();</script>
</div>
</main>`,
  );
}

export interface AdminApp {
  label: string;
  clientId: string;
  clientSecret: string | null;
  issuer: string;
  metadataUrl: string;
  redirectUris: string[];
  initiateLoginUri?: string;
  assignedUsers: string[];
}

function adminAppSection(app: AdminApp): string {
  const secret = app.clientSecret
    ? `<code>${escapeHtml(app.clientSecret)}</code>`
    : `<span class="muted">None (public client, PKCE required)</span>`;
  const rows: [string, string][] = [
    ["Client ID", `<code>${escapeHtml(app.clientId)}</code>`],
    ["Client secret", secret],
    ["Issuer", `<code>${escapeHtml(app.issuer)}</code>`],
    [
      "OpenID Provider Metadata",
      `<a href="${escapeHtml(app.metadataUrl)}">${escapeHtml(app.metadataUrl)}</a>`,
    ],
    [
      "Sign-in redirect URIs",
      app.redirectUris.map((uri) => `<code>${escapeHtml(uri)}</code>`).join("<br>"),
    ],
    [
      "Initiate login URI",
      app.initiateLoginUri ? `<code>${escapeHtml(app.initiateLoginUri)}</code>` : "—",
    ],
    ["Assigned users", app.assignedUsers.map(escapeHtml).join("<br>") || "—"],
  ];
  const body = rows.map(
    ([name, value]) => `<tr><th scope="row">${name}</th><td>${value}</td></tr>`,
  );

  return `<section>
<h2>${escapeHtml(app.label)}</h2>
<table>
${body.join("\n")}
</table>
</section>`;
}

export function adminPage(apps: AdminApp[]): string {
  const sections = apps.length
    ? apps.map(adminAppSection).join("\n")
    : `<p class="muted">No applications yet.</p>`;

  return layout(
    "Applications",
    `<header>
<strong>Okta (local) · Admin Console</strong>
<a href="/">My Apps</a>
</header>
<main>
<h1>Applications</h1>
${sections}
</main>`,
  );
}

export interface MessagePageProps {
  title: string;
  message: string;
  link?: Tile;
}

export function messagePage({ title, message, link }: MessagePageProps): string {
  const action = link
    ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`
    : "";

  return layout(
    title,
    `<main>
<div class="card">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
${action}
</div>
</main>`,
  );
}

// oidc-provider hands over its logout confirmation form; Okta ends the session without asking.
export function logoutPage(form: string): string {
  return layout(
    "Signing out",
    `<main>
<div class="card">
<p>Signing you out…</p>
${form}
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>
<script>document.getElementById("op.logoutForm").submit();</script>
</div>
</main>`,
  );
}
