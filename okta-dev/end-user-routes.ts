import type { IncomingMessage, ServerResponse } from "node:http";

import { errors, type Interaction } from "oidc-provider";

import { DISCOVERY_PATH, interactionPath } from "./authorization-server.js";
import type { IssuerKey, OktaApp } from "./directory.js";
import { readForm, redirect, sendHtml } from "./http.js";
import type { OktaOrg } from "./okta-org.js";
import type { OktaSession } from "./okta-sessions.js";
import { adminPage, dashboardPage, launchPage, messagePage, signInPage } from "./pages.js";

export const DASHBOARD_SIGN_IN_PATH = "/login/login.htm";

const WRONG_CREDENTIALS = "Unable to sign in: the username or password is incorrect.";

const nowSeconds = () => Math.floor(Date.now() / 1000);

// A login interaction reuses the Okta session unless the client asks for a fresh login:
// prompt=login, or a max_age the session is older than (OpenID Connect Core 1.0 §3.1.2.1).
function needsFreshLogin(interaction: Interaction, session: OktaSession): boolean {
  if (interaction.prompt.reasons.includes("login_prompt")) return true;

  const maxAge = Number(interaction.params.max_age);
  return Number.isFinite(maxAge) && nowSeconds() - session.authTime > maxAge;
}

function initiateLoginHref(app: OktaApp, issuer: string): string {
  if (app.initiateMethod === "POST") return `/home/launch/${encodeURIComponent(app.clientId)}`;

  // Third-party-initiated login (OpenID Connect Core 1.0 §4): only `iss` is sent, like Okta's
  // "Redirect to app to initiate login" flow.
  const url = new URL(app.initiateLoginUri ?? "");
  url.searchParams.set("iss", issuer);
  return url.href;
}

async function readCredentials(req: IncomingMessage) {
  const form = await readForm(req);
  return { username: form.get("username") ?? "", password: form.get("password") ?? "" };
}

export function home(org: OktaOrg, req: IncomingMessage, res: ServerResponse): void {
  const user = org.currentUser(req);
  if (!user) return sendHtml(res, 200, signInPage({ action: DASHBOARD_SIGN_IN_PATH }));

  const tiles = org.directory
    .appsAssignedTo(user.id)
    .filter((app) => app.initiateLoginUri)
    .map((app) => ({ label: app.label, href: initiateLoginHref(app, org.issuers[app.issuer]) }));
  const name = `${user.givenName} ${user.familyName}`;
  sendHtml(res, 200, dashboardPage({ name, email: user.email, tiles }));
}

export async function dashboardSignIn(
  org: OktaOrg,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const { username, password } = await readCredentials(req);
  const user = org.directory.authenticate(username, password);
  if (!user) {
    const page = signInPage({ action: DASHBOARD_SIGN_IN_PATH, username, error: WRONG_CREDENTIALS });
    return sendHtml(res, 401, page);
  }

  res.setHeader("Set-Cookie", org.oktaSessions.start(user.id, req.headers.cookie));
  redirect(res, "/app/UserHome");
}

export function signOut(org: OktaOrg, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("Set-Cookie", org.oktaSessions.end(req.headers.cookie));
  redirect(res, "/");
}

export function launch(
  org: OktaOrg,
  req: IncomingMessage,
  res: ServerResponse,
  clientId: string,
): void {
  const user = org.currentUser(req);
  const app = org.directory.getApp(clientId);
  if (!user) return redirect(res, "/");
  if (!app?.initiateLoginUri || !app.assignedUsers.includes(user.id)) {
    const message = "This app is not assigned to you.";
    return sendHtml(res, 404, messagePage({ title: "App not found", message }));
  }

  const issuer = org.issuers[app.issuer];
  if (app.initiateMethod === "GET") return redirect(res, initiateLoginHref(app, issuer));
  const page = launchPage({ label: app.label, initiateLoginUri: app.initiateLoginUri, issuer });
  sendHtml(res, 200, page);
}

export async function loginInteraction(
  org: OktaOrg,
  req: IncomingMessage,
  res: ServerResponse,
  target: { key: IssuerKey; uid: string },
): Promise<void> {
  const { provider } = org.server(target.key);
  const details = await provider.interactionDetails(req, res).catch((error: unknown) => {
    if (error instanceof errors.SessionNotFound) return undefined;
    throw error;
  });
  if (!details || details.uid !== target.uid || details.prompt.name !== "login") {
    const message = "This sign-in request has expired. Go back to the app and sign in again.";
    return sendHtml(res, 400, messagePage({ title: "Sign-in expired", message }));
  }

  const finish = ({ userId, authTime }: OktaSession) =>
    provider.interactionFinished(req, res, {
      login: { accountId: userId, ts: authTime, amr: ["pwd"] },
    });
  const appLabel = org.directory.getApp(String(details.params.client_id))?.label;
  const action = interactionPath(target.key, target.uid);

  if (req.method === "POST") {
    const { username, password } = await readCredentials(req);
    const user = org.directory.authenticate(username, password);
    if (!user) {
      const page = signInPage({ action, username, appLabel, error: WRONG_CREDENTIALS });
      return sendHtml(res, 401, page);
    }
    res.setHeader("Set-Cookie", org.oktaSessions.start(user.id, req.headers.cookie));
    return finish({ userId: user.id, authTime: nowSeconds() });
  }

  // An Okta session signs the user in without a second prompt, whatever login_hint says.
  // TODO: prompt=none gets login_required at an issuer this browser has not signed in to yet,
  // even with an Okta session — until a test needs silent sign-in across issuers.
  const session = org.oktaSessions.find(req.headers.cookie);
  if (session && !needsFreshLogin(details, session)) return finish(session);

  const hint = details.params.login_hint;
  const username = typeof hint === "string" ? hint : "";
  sendHtml(res, 200, signInPage({ action, username, appLabel }));
}

export function adminConsole(org: OktaOrg, res: ServerResponse): void {
  const describeUser = (id: string) => {
    const user = org.directory.getUser(id);
    return user ? `${user.email} (${id})` : `${id} (no such user)`;
  };
  const apps = org.directory.apps.map((app) => ({
    ...app,
    issuer: org.issuers[app.issuer],
    metadataUrl: `${org.issuers[app.issuer]}${DISCOVERY_PATH}`,
    assignedUsers: app.assignedUsers.map(describeUser),
  }));
  sendHtml(res, 200, adminPage(apps));
}
