import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import { listen } from "../http.js";

import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";

import { defaultBehaviour, type RogueBehaviour } from "./behaviour.js";
import { mintIdToken, type RogueUser, type SigningKey } from "./id-token.js";

export type { RogueBehaviour } from "./behaviour.js";
export type { RogueUser } from "./id-token.js";

// A hand-written OpenID provider for hostile tests: it approves every authorization request at
// once and answers exactly as the current behaviour says, including wrongly. Unlike the Okta
// stand-in (okta-dev/server.ts) it is started by the tests themselves, one per spec file.

export type RogueProviderOptions = {
  users?: RogueUser[];
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  host?: string;
};

export const rogueEndpoints = ["discovery", "authorize", "token", "keys", "userinfo"] as const;
export type RogueStats = Record<(typeof rogueEndpoints)[number], number>;

/** Issuers on the same server whose discovery document is broken in one way each. */
export const brokenDiscoveryKinds = [
  "not-found",
  "html",
  "other-issuer",
  "slow",
  "redirect",
] as const;
export type BrokenDiscoveryKind = (typeof brokenDiscoveryKinds)[number];

export type RogueProvider = {
  /** http://localhost:PORT; its discovery document never changes, so apps may cache it. */
  issuer: string;
  tokenEndpoint: string;
  /** Bends later answers; what is not named keeps its current value. */
  behave(change: Partial<RogueBehaviour>): Promise<void>;
  /** Back to good behaviour and zero counts; the signing key stays as it is. */
  reset(): Promise<void>;
  stats(): RogueStats;
  /** Signs from now on with a new key, published in the JWKS next to the old ones. */
  rotateKey(): Promise<string>;
  /** A well-signed ID token for a user, as /token would mint it, to hand to an app unasked. */
  idTokenFor(user: RogueUser): Promise<string>;
  brokenIssuer(kind: BrokenDiscoveryKind): string;
  close(): Promise<void>;
};

type PendingCode = {
  user: RogueUser;
  nonce: string | null;
  codeChallenge: string | null;
  redirectUri: string;
  used: boolean;
};

const CODE_TTL_MS = 60_000;

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers = {}) {
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "no-store" });
  res.end(body);
}

function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { Location: location, "Content-Length": "0" });
  res.end();
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function newSigningKey(): Promise<SigningKey & { publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: "RS256", use: "sig" } };
}

/** Client authentication as Okta accepts it: HTTP Basic (the default) or in the form. */
function clientCredentials(req: IncomingMessage, form: URLSearchParams) {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (basic) {
    const [id = "", secret = ""] = Buffer.from(basic, "base64").toString("utf8").split(":");
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret.replace(/\+/g, " ")) };
  }
  return { id: form.get("client_id") ?? "", secret: form.get("client_secret") ?? "" };
}

function pkceChallenge(verifier: string) {
  return createHash("sha256").update(verifier).digest("base64url");
}

export async function startRogueProvider(options: RogueProviderOptions): Promise<RogueProvider> {
  const host = options.host ?? "localhost";
  const users = options.users ?? [];
  let behaviour = defaultBehaviour();
  let stats = zeroStats();
  const keys = [await newSigningKey()];
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, RogueUser>();
  const slowAnswers = new Set<{ timer: NodeJS.Timeout; res: ServerResponse }>();

  function zeroStats(): RogueStats {
    return { discovery: 0, authorize: 0, token: 0, keys: 0, userinfo: 0 };
  }

  // The token endpoint has its own port so that "down" can mean a refused connection, as when a
  // host is unreachable, while discovery and keys stay up.
  const server = createServer((req, res) => void route(req, res).catch((e) => fail(res, e)));
  const tokenServer = createServer((req, res) => void token(req, res).catch((e) => fail(res, e)));
  const port = await listen(server, 0, host);
  const tokenPort = await listen(tokenServer, 0, host);
  const issuer = `http://${host}:${port}`;
  const tokenEndpoint = `http://${host}:${tokenPort}/token`;

  function fail(res: ServerResponse, error: unknown) {
    console.error("[rogue-provider]", error);
    if (res.headersSent) res.end();
    else sendText(res, 500, "text/plain", "rogue provider failed");
  }

  function signingContext() {
    const { clientId, clientSecret } = options;
    return { issuer, clientId, clientSecret, key: keys[0]! };
  }

  function discovery(forIssuer: string) {
    return {
      issuer: forIssuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: tokenEndpoint,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/keys`,
      response_types_supported: ["code"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256"],
      scopes_supported: ["openid", "email", "profile"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      code_challenge_methods_supported: ["S256"],
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", issuer);
    const broken = /^\/broken\/([a-z-]+)\/\.well-known\/openid-configuration$/.exec(url.pathname);
    if (broken) return brokenDiscovery(broken[1] as BrokenDiscoveryKind, res);

    switch (url.pathname) {
      case "/.well-known/openid-configuration":
        stats.discovery += 1;
        return sendJson(res, 200, discovery(issuer));
      case "/authorize":
        stats.authorize += 1;
        return authorize(url.searchParams, res);
      case "/keys":
        stats.keys += 1;
        return sendJson(res, 200, { keys: keys.map((key) => key.publicJwk) });
      case "/userinfo":
        stats.userinfo += 1;
        return userinfo(req, res);
      default:
        return sendText(res, 404, "text/plain", "not found");
    }
  }

  function brokenDiscovery(kind: BrokenDiscoveryKind, res: ServerResponse) {
    switch (kind) {
      case "not-found":
        return sendText(res, 404, "text/html", "<h1>Not found</h1>");
      case "html":
        return sendText(res, 200, "text/html", "<!doctype html><title>Sign in</title><p>Hi");
      case "other-issuer":
        return sendJson(res, 200, discovery(issuer));
      case "redirect":
        return redirect(res, `http://127.0.0.1:${port}/.well-known/openid-configuration`);
      case "slow":
        return answerLater(res, 30_000, () => sendJson(res, 200, discovery(issuer)));
      default:
        return sendText(res, 404, "text/plain", "no such broken issuer");
    }
  }

  function answerLater(res: ServerResponse, delayMs: number, answer: () => void) {
    const pending = {
      res,
      timer: setTimeout(() => {
        slowAnswers.delete(pending);
        if (!res.destroyed) answer();
      }, delayMs),
    };
    slowAnswers.add(pending);
  }

  function authorize(params: URLSearchParams, res: ServerResponse) {
    // A real provider shows an error page, not a redirect, for an unknown client or redirect URI.
    if (params.get("client_id") !== options.clientId)
      return sendText(res, 400, "text/plain", "unknown client_id");
    if (params.get("redirect_uri") !== options.redirectUri)
      return sendText(res, 400, "text/plain", "redirect_uri is not registered");

    const back = new URL(options.redirectUri);
    const state = params.get("state");
    if (state !== null && !behaviour.omitState) back.searchParams.set("state", state);

    const hint = params.get("login_hint")?.toLowerCase();
    const user =
      users.find((candidate) => candidate.email.toLowerCase() === hint) ??
      users.find((candidate) => candidate.email === behaviour.user) ??
      users[0];
    if (behaviour.authorizeError || !user) {
      const error = behaviour.authorizeError ?? "access_denied";
      back.searchParams.set("error", error);
      back.searchParams.set("error_description", `The rogue provider answers ${error}.`);
      return sendBack(res, back);
    }

    const code = randomBytes(24).toString("base64url");
    codes.set(code, {
      user,
      nonce: params.get("nonce"),
      codeChallenge: params.get("code_challenge"),
      redirectUri: options.redirectUri,
      used: false,
    });
    setTimeout(() => codes.delete(code), CODE_TTL_MS).unref();
    back.searchParams.set("code", code);
    return sendBack(res, back);
  }

  function sendBack(res: ServerResponse, back: URL) {
    if (!behaviour.holdCallback) return redirect(res, back.href);
    const link = `<a href="${escapeHtml(back.href)}">Continue to the app</a>`;
    return sendText(res, 200, "text/html", `<!doctype html><title>Signed in</title>${link}`);
  }

  async function token(req: IncomingMessage, res: ServerResponse) {
    stats.token += 1;
    if (req.method !== "POST") return sendText(res, 405, "text/plain", "POST only");
    if (behaviour.token === "server-error") {
      return sendText(res, 500, "text/html", "<h1>500 Internal Server Error</h1>");
    }
    if (behaviour.token === "slow") {
      const late = { ...behaviour, token: "ok" as const };
      return answerLater(res, behaviour.tokenDelayMs, () => void issueTokens(req, res, late));
    }
    return issueTokens(req, res, behaviour);
  }

  async function issueTokens(req: IncomingMessage, res: ServerResponse, bent: RogueBehaviour) {
    const form = await readForm(req);
    const client = clientCredentials(req, form);
    if (
      bent.token === "invalid-client" ||
      client.id !== options.clientId ||
      client.secret !== options.clientSecret
    ) {
      return sendJson(res, 401, { error: "invalid_client" });
    }

    const code = codes.get(form.get("code") ?? "");
    const grantError = !code
      ? "unknown or expired authorization code"
      : code.used
        ? "authorization code already used"
        : form.get("redirect_uri") !== code.redirectUri
          ? "redirect_uri differs from the authorization request"
          : code.codeChallenge &&
              pkceChallenge(form.get("code_verifier") ?? "") !== code.codeChallenge
            ? "PKCE verification failed"
            : null;
    if (code) code.used = true;
    if (!code || grantError) {
      return sendJson(res, 400, { error: "invalid_grant", error_description: grantError });
    }

    const accessToken = randomBytes(24).toString("base64url");
    accessTokens.set(accessToken, code.user);
    const idToken = await mintIdToken(code, signingContext(), bent);
    return sendJson(res, 200, {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: 3600,
      scope: "openid email profile",
      id_token: idToken,
    });
  }

  function userinfo(req: IncomingMessage, res: ServerResponse) {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
    const user = bearer ? accessTokens.get(bearer) : undefined;
    if (!user) return sendJson(res, 401, { error: "invalid_token" });
    return sendJson(res, 200, { sub: user.sub, email: user.email, name: user.name });
  }

  async function applyTokenAvailability() {
    if (behaviour.token === "connection-refused") return closeServer(tokenServer);
    if (!tokenServer.listening) await listen(tokenServer, tokenPort, host);
  }

  function dropSlowAnswers() {
    for (const pending of slowAnswers) {
      clearTimeout(pending.timer);
      pending.res.destroy();
    }
    slowAnswers.clear();
  }

  return {
    issuer,
    tokenEndpoint,
    async behave(change) {
      behaviour = { ...behaviour, ...change };
      await applyTokenAvailability();
    },
    async reset() {
      behaviour = defaultBehaviour();
      stats = zeroStats();
      dropSlowAnswers();
      await applyTokenAvailability();
    },
    stats: () => ({ ...stats }),
    async rotateKey() {
      const key = await newSigningKey();
      keys.unshift(key);
      return key.kid;
    },
    idTokenFor: (user) => mintIdToken({ user, nonce: null }, signingContext(), defaultBehaviour()),
    brokenIssuer: (kind) => `${issuer}/broken/${kind}`,
    async close() {
      dropSlowAnswers();
      await Promise.all([closeServer(server), closeServer(tokenServer)]);
    },
  };
}
