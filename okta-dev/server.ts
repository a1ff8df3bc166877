import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import type { JWK } from "jose";

import { DISCOVERY_PATH, endpointPaths, mountPaths } from "./authorization-server.js";
import {
  issuerKeys,
  type IssuerKey,
  type NewOktaApp,
  type NewOktaUser,
  type OktaApp,
  type OktaUser,
} from "./directory.js";
import {
  adminConsole,
  DASHBOARD_SIGN_IN_PATH,
  dashboardSignIn,
  home,
  launch,
  loginInteraction,
  signOut,
} from "./end-user-routes.js";
import { listen, sendHtml, sendJson } from "./http.js";
import { OktaOrg } from "./okta-org.js";
import { messagePage } from "./pages.js";
import type { OktaDevStats, RequestKind } from "./request-stats.js";
import { generateSigningKey, withKid, type SigningKey } from "./signing-key.js";

export type { IssuerKey, NewOktaApp, NewOktaUser, OktaApp, OktaUser } from "./directory.js";
export type { OktaDevStats } from "./request-stats.js";

export interface OktaDevOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  users?: NewOktaUser[];
  apps?: NewOktaApp[];
  /** Private RS256 JWKs; generated when absent. */
  signingKeys?: Partial<Record<IssuerKey, JWK>>;
}

export interface OktaDev {
  /** The end-user dashboard, e.g. http://localhost:4000 */
  url: string;
  /** Org authorization server, e.g. http://localhost:4000 */
  orgIssuer: string;
  /** Custom authorization server, e.g. http://localhost:4000/oauth2/default */
  customIssuer: string;
  issuers: Record<IssuerKey, string>;
  stats(): OktaDevStats;
  resetStats(): void;
  /** Replaces each issuer's signing key; returns the new key ids. */
  rotateKeys(): Promise<Record<IssuerKey, string>>;
  addApp(app: NewOktaApp): Promise<OktaApp>;
  addUser(user: NewOktaUser): Promise<OktaUser>;
  close(): Promise<void>;
}

interface ProviderTarget {
  key: IssuerKey;
  path: string;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

function providerTarget(pathname: string): ProviderTarget | undefined {
  const customMount = mountPaths.default;
  if (pathname === customMount || pathname.startsWith(`${customMount}/`)) {
    return { key: "default", path: pathname.slice(customMount.length) || "/" };
  }
  if (pathname === DISCOVERY_PATH || pathname.startsWith("/oauth2/v1/")) {
    return { key: "org", path: pathname };
  }
  return undefined;
}

function requestKind(key: IssuerKey, path: string): RequestKind | undefined {
  const paths = endpointPaths(key);
  const kinds: [RequestKind, string][] = [
    ["discovery", DISCOVERY_PATH],
    ["jwks", paths.jwks],
    ["authorize", paths.authorization],
    ["token", paths.token],
    ["userinfo", paths.userinfo],
  ];
  return kinds.find(([, kindPath]) => kindPath === path)?.[0];
}

function delegate(org: OktaOrg, req: IncomingMessage, res: ServerResponse, target: ProviderTarget) {
  const { key, path } = target;
  const kind = requestKind(key, path);
  if (kind && req.method !== "OPTIONS") org.requestStats.count(kind, key);
  if (path === endpointPaths(key).authorization) org.dropStaleIssuerSession(req, res, key);

  // oidc-provider derives its mount path from originalUrl minus url, as under express.
  if (mountPaths[key]) {
    const original = req.url ?? "/";
    Object.assign(req, { originalUrl: original, url: original.slice(mountPaths[key].length) });
  }
  org.server(key).handle(req, res);
}

async function route(org: OktaOrg, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  const method = req.method ?? "GET";
  const target = providerTarget(pathname);
  if (target) return delegate(org, req, res, target);

  const interaction = /^\/login\/interaction\/(org|default)\/([\w-]+)$/.exec(pathname);
  if (interaction?.[2] && (method === "GET" || method === "POST")) {
    const key = interaction[1] as IssuerKey;
    return loginInteraction(org, req, res, { key, uid: interaction[2] });
  }
  const launchTarget = /^\/home\/launch\/([^/]+)$/.exec(pathname)?.[1];
  if (launchTarget && method === "GET") {
    return launch(org, req, res, decodeURIComponent(launchTarget));
  }

  switch (`${method} ${pathname}`) {
    case "GET /":
    case "GET /app/UserHome":
      return home(org, req, res);
    case `POST ${DASHBOARD_SIGN_IN_PATH}`:
      return dashboardSignIn(org, req, res);
    case "GET /login/signout":
      return signOut(org, req, res);
    case "GET /admin":
      return adminConsole(org, res);
    case "GET /__dev/stats":
      return sendJson(res, 200, org.requestStats.snapshot());
    case "POST /__dev/stats/reset":
      org.requestStats.reset();
      return sendJson(res, 200, org.requestStats.snapshot());
    case "POST /__dev/rotate-keys":
      return sendJson(res, 200, { kids: await org.rotateKeys() });
    default:
      sendHtml(res, 404, messagePage({ title: "Not found", message: `No page at ${pathname}.` }));
  }
}

async function initialKeys(given: OktaDevOptions["signingKeys"] = {}) {
  const keys = {} as Record<IssuerKey, SigningKey>;
  for (const key of issuerKeys) {
    const jwk = given[key];
    keys[key] = jwk ? await withKid(jwk) : await generateSigningKey();
  }
  return keys;
}

export async function startOktaDev(options: OktaDevOptions = {}): Promise<OktaDev> {
  const host = options.host ?? "localhost";
  const running: { org?: OktaOrg } = {};

  const server = createServer((req, res) => {
    const { org } = running;
    if (!org) return sendHtml(res, 503, messagePage({ title: "Starting", message: "Try again." }));
    route(org, req, res).catch((error: unknown) => {
      console.error("[okta-dev]", error);
      if (res.headersSent) return res.end();
      sendHtml(res, 500, messagePage({ title: "Server error", message: String(error) }));
    });
  });

  // The issuer URLs contain the port, so the port must be bound before the providers exist.
  const port = await listen(server, options.port ?? 0, host);
  const url = `http://${host}:${port}`;
  const starting = new OktaOrg({ org: url, default: `${url}${mountPaths.default}` });
  try {
    await starting.start(await initialKeys(options.signingKeys));
    for (const user of options.users ?? []) starting.directory.addUser(user);
    for (const app of options.apps ?? []) await starting.addApp(app);
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  running.org = starting;

  return {
    url,
    orgIssuer: starting.issuers.org,
    customIssuer: starting.issuers.default,
    issuers: starting.issuers,
    stats: () => starting.requestStats.snapshot(),
    resetStats: () => starting.requestStats.reset(),
    rotateKeys: () => starting.rotateKeys(),
    addApp: (app) => starting.addApp(app),
    addUser: async (user) => starting.directory.addUser(user),
    close: () => closeServer(server),
  };
}
