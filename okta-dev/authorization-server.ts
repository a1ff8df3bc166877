import Provider, {
  errors,
  interactionPolicy,
  type ErrorOut,
  type KoaContextWithOIDC,
} from "oidc-provider";

import { clientMetadata, type Directory, type IssuerKey, type OktaUser } from "./directory.js";
import { memoryAdapter, type MemoryStore } from "./memory-adapter.js";
import { SESSION_TTL_SECONDS, type OktaSessions } from "./okta-sessions.js";
import { logoutPage, messagePage } from "./pages.js";
import type { SigningKey } from "./signing-key.js";

export const NOT_ASSIGNED_DESCRIPTION = "User is not assigned to the client application.";

// Signed cookies need fixed keys so that browser sessions survive a restart of the provider.
const COOKIE_KEYS = ["okta-dev-cookie-key-do-not-use-in-production"];

export const mountPaths: Record<IssuerKey, string> = { org: "", default: "/oauth2/default" };

export const DISCOVERY_PATH = "/.well-known/openid-configuration";

// Paths as each provider sees them, after its mount path is stripped.
export function endpointPaths(key: IssuerKey) {
  const base = key === "org" ? "/oauth2/v1" : "/v1";
  return {
    authorization: `${base}/authorize`,
    token: `${base}/token`,
    jwks: `${base}/keys`,
    userinfo: `${base}/userinfo`,
    end_session: `${base}/logout`,
  };
}

export function interactionPath(key: IssuerKey, uid: string): string {
  return `/login/interaction/${key}/${uid}`;
}

export function sessionCookieName(key: IssuerKey): string {
  return `okta_${key}_session`;
}

export interface AuthorizationServerOptions {
  key: IssuerKey;
  issuer: string;
  signingKey: SigningKey;
  store: MemoryStore;
  directory: Directory;
  oktaSessions: OktaSessions;
}

function accountClaims(user: OktaUser) {
  return {
    sub: user.id,
    email: user.email,
    email_verified: true,
    name: `${user.givenName} ${user.familyName}`,
    given_name: user.givenName,
    family_name: user.familyName,
    preferred_username: user.email,
  };
}

// Okta rejects an authorization request without `state`; oidc-provider only makes it optional.
async function requireState(_ctx: unknown, value: unknown): Promise<void> {
  if (typeof value !== "string" || value === "") {
    throw new errors.InvalidRequest("The authorization request must include a 'state' parameter.");
  }
}

// Okta grants first-party apps without a consent screen, but only to users assigned to the app.
function grantLoader(directory: Directory) {
  return async (ctx: KoaContextWithOIDC) => {
    const { account, client, session, provider } = ctx.oidc;
    if (!account || !client) return undefined;
    if (!directory.isAssigned(client.clientId, account.accountId)) {
      throw new errors.AccessDenied(NOT_ASSIGNED_DESCRIPTION);
    }

    const grantId = session.grantIdFor(client.clientId);
    const existing = grantId ? await provider.Grant.find(grantId) : undefined;
    if (existing?.accountId === account.accountId) return existing;

    const grant = new provider.Grant({ accountId: account.accountId, clientId: client.clientId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  };
}

function loginOnlyPolicy() {
  const policy = interactionPolicy.base();
  policy.remove("consent");
  return policy;
}

export function createAuthorizationServer(options: AuthorizationServerOptions): Provider {
  const { key, issuer, signingKey, store, directory, oktaSessions } = options;
  const findClient = (clientId: string) => {
    const app = directory.getApp(clientId);
    return app?.issuer === key ? clientMetadata(app) : undefined;
  };

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(store, findClient),
    // Okta requires redirect_uri on every authorization request.
    allowOmittingSingleRegisteredRedirectUri: false,
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name", "preferred_username"],
    },
    clientAuthMethods: ["client_secret_basic", "client_secret_post", "none"],
    // Okta puts the scope claims in the ID token too, not only at the userinfo endpoint.
    conformIdTokenClaims: false,
    cookies: {
      keys: COOKIE_KEYS,
      names: {
        session: sessionCookieName(key),
        interaction: `okta_${key}_interaction`,
        resume: `okta_${key}_resume`,
      },
    },
    extraParams: { state: requireState },
    features: {
      devInteractions: { enabled: false },
      dPoP: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          // RP-initiated logout ends the Okta session too, not only this issuer's.
          ctx.append("Set-Cookie", oktaSessions.end(ctx.get("cookie")));
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = "html";
          ctx.body = messagePage({
            title: "Signed out",
            message: "You have been signed out of Okta.",
            link: { label: "Sign in again", href: "/" },
          });
        },
      },
      userinfo: { enabled: true },
    },
    findAccount: async (_ctx: unknown, id: string) => {
      const user = directory.getUser(id);
      return user && { accountId: user.id, claims: async () => accountClaims(user) };
    },
    interactions: {
      policy: loginOnlyPolicy(),
      url: (_ctx: unknown, interaction: { uid: string }) => interactionPath(key, interaction.uid),
    },
    issueRefreshToken: async () => false,
    jwks: { keys: [signingKey] },
    loadExistingGrant: grantLoader(directory),
    renderError: async (ctx: KoaContextWithOIDC, out: ErrorOut) => {
      ctx.type = "html";
      ctx.body = messagePage({
        title: "Something went wrong",
        message: [out.error, out.error_description].filter(Boolean).join(": "),
        link: { label: "Go to My Apps", href: "/" },
      });
    },
    responseTypes: ["code"],
    routes: endpointPaths(key),
    scopes: ["openid", "email", "profile"],
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 5 * 60,
      Grant: SESSION_TTL_SECONDS,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: SESSION_TTL_SECONDS,
    },
  });

  provider.on("server_error", (_ctx, error) => console.error(`[okta-dev ${key}]`, error));
  return provider;
}
