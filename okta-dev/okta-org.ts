import type { IncomingMessage, ServerResponse } from "node:http";

import type { Provider } from "oidc-provider";

import { createAuthorizationServer, sessionCookieName } from "./authorization-server.js";
import {
  clientMetadata,
  Directory,
  issuerKeys,
  type IssuerKey,
  type NewOktaApp,
  type OktaApp,
  type OktaUser,
} from "./directory.js";
import { expiredCookie, parseCookies, withoutCookies } from "./http.js";
import { MemoryStore, sessionAccountId } from "./memory-adapter.js";
import { OktaSessions } from "./okta-sessions.js";
import { RequestStats } from "./request-stats.js";
import { generateSigningKey, type SigningKey } from "./signing-key.js";

interface AuthorizationServer {
  provider: Provider;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  signingKey: SigningKey;
}

// Everything one running stand-in knows: people, apps, sessions, both authorization servers.
export class OktaOrg {
  readonly directory = new Directory();
  readonly oktaSessions = new OktaSessions();
  readonly requestStats = new RequestStats();
  readonly #stores: Record<IssuerKey, MemoryStore> = {
    org: new MemoryStore(),
    default: new MemoryStore(),
  };
  readonly #servers = new Map<IssuerKey, AuthorizationServer>();

  constructor(readonly issuers: Record<IssuerKey, string>) {}

  async start(signingKeys: Record<IssuerKey, SigningKey>): Promise<void> {
    for (const key of issuerKeys) this.#servers.set(key, this.#build(key, signingKeys[key]));
  }

  server(key: IssuerKey): AuthorizationServer {
    const server = this.#servers.get(key);
    if (!server) throw new Error(`The ${key} authorization server has not started.`);
    return server;
  }

  async addApp(input: NewOktaApp): Promise<OktaApp> {
    const app = this.directory.prepareApp(input);
    await this.server(app.issuer).provider.Client.validate(clientMetadata(app));
    this.directory.storeApp(app);
    return app;
  }

  async rotateKeys(): Promise<Record<IssuerKey, string>> {
    const kids = {} as Record<IssuerKey, string>;
    for (const key of issuerKeys) {
      // oidc-provider fixes its keystore at construction; sessions live in the shared store.
      const signingKey = await generateSigningKey();
      this.#servers.set(key, this.#build(key, signingKey));
      kids[key] = signingKey.kid;
    }
    return kids;
  }

  currentUser(req: IncomingMessage): OktaUser | undefined {
    const userId = this.oktaSessions.userIdFrom(req.headers.cookie);
    return userId ? this.directory.getUser(userId) : undefined;
  }

  // An issuer's own session only stands while it belongs to the user of the Okta session, so
  // signing out of the dashboard or in as someone else applies to both issuers. The browser drops
  // the stale cookie too, or the login that follows would resume into the old session.
  dropStaleIssuerSession(req: IncomingMessage, res: ServerResponse, key: IssuerKey): void {
    const cookieHeader = req.headers.cookie;
    const name = sessionCookieName(key);
    const sessionId = parseCookies(cookieHeader).get(name);
    if (!cookieHeader || !sessionId) return;

    const accountId = sessionAccountId(this.#stores[key], sessionId);
    if (accountId === undefined || accountId === this.oktaSessions.userIdFrom(cookieHeader)) return;

    const names = [name, `${name}.sig`];
    req.headers.cookie = withoutCookies(cookieHeader, names);
    res.appendHeader("Set-Cookie", names.map(expiredCookie));
  }

  #build(key: IssuerKey, signingKey: SigningKey): AuthorizationServer {
    const provider = createAuthorizationServer({
      key,
      issuer: this.issuers[key],
      signingKey,
      store: this.#stores[key],
      directory: this.directory,
      oktaSessions: this.oktaSessions,
    });
    return { provider, handle: provider.callback(), signingKey };
  }
}
