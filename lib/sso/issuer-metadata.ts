import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

import { createRemoteJWKSet, customFetch } from "jose";

import {
  allowsInternalIssuers,
  fetchFromIssuer,
  InternalAddressError,
  isInternalAddress,
  isLocalHost,
} from "@/lib/sso/issuer-network";

// Discovery (OpenID Connect Discovery 1.0 §4): the metadata lives at the issuer plus
// /.well-known/openid-configuration, and its `issuer` must equal the issuer it was fetched for,
// character for character (§4.3).

export type IssuerMetadata = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
  jwks_uri: string;
};

export type IssuerProblem = { message: string; suggestedIssuer?: string };
export type IssuerCheck =
  { ok: true; metadata: IssuerMetadata; warning?: string } | ({ ok: false } & IssuerProblem);

const FETCH_TIMEOUT_MS = 5_000;
const METADATA_TTL_MS = 15 * 60 * 1000;

export function discoveryUrl(issuer: string) {
  return `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

function allowsHttp(url: URL) {
  // Plain http is for a local identity provider while the app itself runs locally.
  return isLocalHost(url.hostname) && allowsInternalIssuers();
}

/** A first check, for a clear message; the connection itself is checked again (issuer-network). */
async function pointsInside(url: URL) {
  if (allowsInternalIssuers()) return false;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host)
    ? [{ address: host, family: isIP(host) }]
    : await lookup(host, { all: true }).catch(() => []);
  return addresses.some(({ address, family }) => isInternalAddress(address, family));
}

/** Checks the shape of an issuer URL without fetching anything. */
export function checkIssuerSyntax(issuer: string): IssuerProblem | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return { message: "Enter the issuer as a full URL, like https://your-org.okta.com." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return {
      message:
        "Enter the issuer as a full URL starting with https://, like https://your-org.okta.com.",
    };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && allowsHttp(url))) {
    return {
      message: "The issuer must use https://.",
      suggestedIssuer: url.protocol === "http:" ? issuer.replace(/^http:/, "https:") : undefined,
    };
  }
  if (url.search || url.hash || url.username || url.password) {
    return {
      message: "The issuer has no query string, fragment or credentials: copy only the issuer URL.",
    };
  }
  if (url.pathname.includes("/.well-known/")) {
    const suggestedIssuer = issuer.slice(0, issuer.indexOf("/.well-known/"));
    return {
      message: `That is the metadata address. Enter the issuer: ${suggestedIssuer}`,
      suggestedIssuer,
    };
  }
  return explainOktaEndpoint(url);
}

/** Okta endpoint addresses pasted where the issuer belongs, with the issuer they belong to. */
function explainOktaEndpoint(url: URL): IssuerProblem | null {
  const path = url.pathname.replace(/\/+$/, "");
  if (path === "/oauth2" || /^\/oauth2\/v1(\/|$)/.test(path)) {
    return {
      message: `That is not an issuer. The org authorization server's issuer is ${url.origin}; a custom one's is ${url.origin}/oauth2/ its ID, such as ${url.origin}/oauth2/default.`,
      suggestedIssuer: url.origin,
    };
  }
  const custom = /^\/oauth2\/([^/]+)\/v1(\/|$)/.exec(path);
  if (custom) {
    const suggestedIssuer = `${url.origin}/oauth2/${custom[1]}`;
    return {
      message: `That is an endpoint, not the issuer. Enter ${suggestedIssuer}`,
      suggestedIssuer,
    };
  }
  return null;
}

function explainMismatch(entered: string, published: string): IssuerProblem {
  let hint = "";
  if (entered.replace(/\/+$/, "") === published.replace(/\/+$/, "")) {
    hint = entered.endsWith("/") ? " Remove the trailing slash." : " Add the trailing slash.";
  } else if (/\/oauth2\/[^/]+$/.test(entered) !== /\/oauth2\/[^/]+$/.test(published)) {
    hint = published.includes("/oauth2/")
      ? " This address serves a custom authorization server, whose issuer includes its /oauth2/ path."
      : " This address serves the org authorization server, whose issuer has no /oauth2/ path.";
  }
  return {
    message: `The provider says its issuer is ${published}, not ${entered}. Enter ${published} exactly.${hint}`,
    suggestedIssuer: published,
  };
}

const POINTS_INSIDE =
  "That issuer points to a private network address. Enter your Okta org's public issuer URL.";

async function fetchMetadata(issuer: string): Promise<IssuerCheck> {
  const url = discoveryUrl(issuer);
  if (await pointsInside(new URL(url))) return { ok: false, message: POINTS_INSIDE };

  let response: Response;
  try {
    response = await fetchFromIssuer(url, {
      redirect: "manual",
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    if ((error as { cause?: unknown }).cause instanceof InternalAddressError)
      return { ok: false, message: POINTS_INSIDE };
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return {
      ok: false,
      message: timedOut
        ? `${url} did not answer within ${FETCH_TIMEOUT_MS / 1000} seconds. Check the issuer and try again.`
        : `Could not reach ${url}. Check the issuer's spelling and that it is reachable from this server.`,
    };
  }

  if (response.status >= 300 && response.status < 400) {
    return {
      ok: false,
      message: `${url} redirects to ${response.headers.get("location") ?? "another address"}. Enter the issuer itself, which serves its metadata without a redirect.`,
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      message: `${url} answered HTTP ${response.status}. Copy the issuer from Okta's OpenID Provider Metadata.`,
    };
  }

  let document: Partial<IssuerMetadata>;
  try {
    document = (await response.json()) as Partial<IssuerMetadata>;
  } catch {
    return {
      ok: false,
      message: `${url} did not return JSON. Is this the issuer of an OpenID provider?`,
    };
  }
  if (typeof document?.issuer !== "string") {
    return {
      ok: false,
      message: `${url} is not an OpenID Provider Metadata document (it has no issuer).`,
    };
  }
  if (document.issuer !== issuer) return { ok: false, ...explainMismatch(issuer, document.issuer) };
  if (!document.authorization_endpoint || !document.token_endpoint || !document.jwks_uri) {
    return {
      ok: false,
      message: `The metadata at ${url} lacks an authorization, token or keys endpoint.`,
    };
  }

  const endpoints = [
    document.authorization_endpoint,
    document.token_endpoint,
    document.jwks_uri,
    document.userinfo_endpoint,
  ];
  for (const endpoint of endpoints.filter((value): value is string => typeof value === "string")) {
    const parsed = URL.canParse(endpoint) ? new URL(endpoint) : null;
    if (
      !parsed ||
      !["https:", "http:"].includes(parsed.protocol) ||
      (parsed.protocol === "http:" && !allowsHttp(parsed)) ||
      (await pointsInside(parsed))
    ) {
      return {
        ok: false,
        message: `The metadata at ${url} lists an endpoint Teamline won't call: ${endpoint.slice(0, 200)}`,
      };
    }
  }

  return { ok: true, metadata: document as IssuerMetadata, warning: customServerWarning(issuer) };
}

function customServerWarning(issuer: string) {
  if (!new URL(issuer).pathname.startsWith("/oauth2/")) return undefined;
  return "This is a custom authorization server. Apps in the Okta Integration Network must use the org authorization server (the issuer without /oauth2/…); a private app integration may use this one.";
}

/** Validates an issuer a person entered: syntax, then its live metadata. */
export async function checkIssuer(issuer: string): Promise<IssuerCheck> {
  const problem = checkIssuerSyntax(issuer);
  if (problem) return { ok: false, ...problem };
  const result = await fetchMetadata(issuer);
  if (result.ok)
    cache.set(issuer, { metadata: result.metadata, expiresAt: Date.now() + METADATA_TTL_MS });
  return result;
}

const cache = new Map<string, { metadata: IssuerMetadata; expiresAt: number }>();

/** The issuer's metadata for a sign-in, from a per-issuer cache with a time to live. */
export async function getIssuerMetadata(issuer: string): Promise<IssuerMetadata> {
  const cached = cache.get(issuer);
  if (cached && cached.expiresAt > Date.now()) return cached.metadata;

  const result = await fetchMetadata(issuer);
  if (!result.ok) throw new IssuerUnavailableError(result.message);
  cache.set(issuer, { metadata: result.metadata, expiresAt: Date.now() + METADATA_TTL_MS });
  return result.metadata;
}

export class IssuerUnavailableError extends Error {
  name = "IssuerUnavailableError";
}

const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * The issuer's signing keys. jose caches them and fetches them again, once, when a token names a
 * key id it has not seen: Okta rotates keys without notice.
 */
export function getIssuerKeys(metadata: IssuerMetadata) {
  const key = `${metadata.issuer} ${metadata.jwks_uri}`;
  let keySet = keySets.get(key);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(metadata.jwks_uri), {
      timeoutDuration: FETCH_TIMEOUT_MS,
      // jose's default 30 s cooldown would refuse a rotated key for up to 30 s after the last
      // fetch. ID tokens reach us only from the issuer's own token endpoint, so no outsider can
      // make us fetch by naming unknown key ids; the issuer triggers at most one fetch per token.
      cooldownDuration: 0,
      [customFetch]: fetchFromIssuer,
    });
    keySets.set(key, keySet);
  }
  return keySet;
}
