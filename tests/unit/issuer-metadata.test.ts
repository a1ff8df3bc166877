import http from "node:http";
import type { AddressInfo } from "node:net";

import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";

import { env } from "@/lib/env";
import { checkIssuer, checkIssuerSyntax, discoveryUrl } from "@/lib/sso/issuer-metadata";

// A small identity provider on localhost, with Okta-shaped issuers and the ways a pasted issuer
// goes wrong. Plain http is accepted only because both it and APP_URL are local.

const WELL_KNOWN = "/.well-known/openid-configuration";

let base: string;
let server: http.Server;

function metadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/v1/authorize`,
    token_endpoint: `${issuer}/v1/token`,
    userinfo_endpoint: `${issuer}/v1/userinfo`,
    jwks_uri: `${issuer}/v1/keys`,
  };
}

function json(response: http.ServerResponse, body: unknown) {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function route(request: http.IncomingMessage, response: http.ServerResponse) {
  const path = request.url ?? "";
  if (!path.endsWith(WELL_KNOWN)) {
    response.writeHead(404).end();
    return;
  }
  switch (path.slice(0, -WELL_KNOWN.length)) {
    case "": // the org authorization server
      return json(response, metadata(base));
    case "/oauth2/default": // a custom authorization server
      return json(response, metadata(`${base}/oauth2/default`));
    case "/oauth2/v1": // the org server's endpoint prefix, mistaken for an issuer
      return json(response, metadata(base));
    case "/custom-domain": // a custom URL domain in front of a custom authorization server
      return json(response, metadata(`${base}/oauth2/default`));
    case "/with-slash": // an issuer that ends in a slash
      return json(response, metadata(`${base}/with-slash/`));
    case "/without-slash":
      return json(response, metadata(`${base}/without-slash`));
    case "/html":
      response.writeHead(200, { "content-type": "text/html" });
      return response.end("<!doctype html><title>Sign in</title>");
    case "/text":
      response.writeHead(200, { "content-type": "text/plain" });
      return response.end("issuer=nope");
    case "/no-issuer":
      return json(response, { authorization_endpoint: `${base}/v1/authorize` });
    case "/no-endpoints":
      return json(response, { issuer: `${base}/no-endpoints` });
    case "/redirect":
      response.writeHead(302, {
        location: "https://evil.example/.well-known/openid-configuration",
      });
      return response.end();
    case "/slow": {
      const timer = setTimeout(() => json(response, metadata(`${base}/slow`)), 3_000);
      response.on("close", () => clearTimeout(timer));
      return;
    }
    default:
      response.writeHead(404).end();
  }
}

beforeAll(async () => {
  expect(new URL(env.appUrl).hostname, "http issuers are accepted only for a local APP_URL").toBe(
    "localhost",
  );
  server = http.createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("checkIssuer against the provider's metadata", () => {
  test("accepts an org issuer whose metadata names exactly that issuer", async () => {
    const result = await checkIssuer(base);

    expect(result).toMatchObject({ ok: true, metadata: metadata(base) });
    expect(result.ok && result.warning).toBeFalsy();
  });

  test("accepts a custom authorization server, with a warning about the Okta Integration Network", async () => {
    const result = await checkIssuer(`${base}/oauth2/default`);

    expect(result.ok).toBe(true);
    expect(result.ok && result.warning).toMatch(/Okta Integration Network/);
  });

  test("accepts an issuer that ends in a slash when its metadata says so", async () => {
    expect((await checkIssuer(`${base}/with-slash/`)).ok).toBe(true);
  });

  test("refuses an issuer missing its trailing slash, naming the right value", async () => {
    const result = await checkIssuer(`${base}/with-slash`);

    expect(result).toMatchObject({ ok: false, suggestedIssuer: `${base}/with-slash/` });
    expect(!result.ok && result.message).toContain(`Enter ${base}/with-slash/ exactly`);
    expect(!result.ok && result.message).toContain("Add the trailing slash");
  });

  test("refuses an issuer with an extra trailing slash, naming the right value", async () => {
    const result = await checkIssuer(`${base}/without-slash/`);

    expect(result).toMatchObject({ ok: false, suggestedIssuer: `${base}/without-slash` });
    expect(!result.ok && result.message).toContain(`Enter ${base}/without-slash exactly`);
    expect(!result.ok && result.message).toContain("Remove the trailing slash");
  });

  test("refuses an /oauth2/ path in front of the org server, naming the org issuer", async () => {
    const result = await checkIssuer(`${base}/oauth2/v1`);

    expect(result).toMatchObject({ ok: false, suggestedIssuer: base });
    expect(!result.ok && result.message).toContain(`org authorization server's issuer is ${base}`);
  });

  test("names the custom issuer when one of its endpoints is pasted", async () => {
    const result = await checkIssuer(`${base}/oauth2/default/v1/authorize`);

    expect(result).toMatchObject({ ok: false, suggestedIssuer: `${base}/oauth2/default` });
    expect(!result.ok && result.message).toContain(`Enter ${base}/oauth2/default`);
  });

  test("refuses an address that serves a custom server, naming its /oauth2/ issuer", async () => {
    const result = await checkIssuer(`${base}/custom-domain`);

    expect(result).toMatchObject({ ok: false, suggestedIssuer: `${base}/oauth2/default` });
    expect(!result.ok && result.message).toContain(`Enter ${base}/oauth2/default exactly`);
    expect(!result.ok && result.message).toContain("custom authorization server");
  });

  test.each([
    ["a 404", "/missing", /answered HTTP 404/],
    ["an HTML page", "/html", /did not return JSON/],
    ["a body that is not JSON", "/text", /did not return JSON/],
    ["JSON without an issuer", "/no-issuer", /not an OpenID Provider Metadata document/],
    [
      "metadata without endpoints",
      "/no-endpoints",
      /lacks an authorization, token or keys endpoint/,
    ],
    ["a redirect to another host", "/redirect", /redirects to https:\/\/evil\.example\//],
  ])("explains %s", async (_title, path, message) => {
    const result = await checkIssuer(`${base}${path}`);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(message);
    expect(!result.ok && result.message).toContain(`${base}${path}${WELL_KNOWN}`);
  });

  test("explains an address nobody answers on", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const result = await checkIssuer(`http://127.0.0.1:${port}`);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^Could not reach .* Check the issuer's spelling/);
  });

  test("gives up on a provider slower than the timeout, saying how long it waited", async () => {
    // The real limit is 5 s; the test shortens the platform timer, not the code under test.
    const timeout = AbortSignal.timeout.bind(AbortSignal);
    const spy = vi.spyOn(AbortSignal, "timeout").mockImplementation(() => timeout(200));

    const started = Date.now();
    const result = await checkIssuer(`${base}/slow`);

    expect(spy).toHaveBeenCalledWith(5_000);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/did not answer within 5 seconds/);
  });
});

describe("checkIssuerSyntax", () => {
  test("refuses http for a host that is not local, saying https", async () => {
    const problem = checkIssuerSyntax("http://acme.okta.com");

    expect(problem?.message).toMatch(/https:\/\//);
    expect(problem?.suggestedIssuer).toBe("https://acme.okta.com");
    // checkIssuer refuses it the same way, before fetching anything.
    expect(await checkIssuer("http://acme.okta.com")).toMatchObject({ ok: false, ...problem });
  });

  test("refuses http for a host that only starts like localhost", () => {
    expect(checkIssuerSyntax("http://localhost.evil.example")?.message).toMatch(/https:\/\//);
  });

  test.each([
    ["a query string", "https://acme.okta.com?client_id=0oa1"],
    ["a fragment", "https://acme.okta.com#issuer"],
    ["credentials", "https://admin:secret@acme.okta.com"],
  ])("refuses an issuer with %s", (_title, issuer) => {
    expect(checkIssuerSyntax(issuer)?.message).toMatch(/no query string, fragment or credentials/);
  });

  test.each([
    ["https://acme.okta.com/.well-known/openid-configuration", "https://acme.okta.com"],
    [
      "https://acme.okta.com/oauth2/default/.well-known/openid-configuration",
      "https://acme.okta.com/oauth2/default",
    ],
    ["https://acme.okta.com/.well-known/oauth-authorization-server", "https://acme.okta.com"],
  ])("refuses the metadata address %s and suggests the issuer %s", (pasted, issuer) => {
    const problem = checkIssuerSyntax(pasted);

    expect(problem?.suggestedIssuer).toBe(issuer);
    expect(problem?.message).toContain(issuer);
  });

  test("refuses something that is not a URL, showing what one looks like", () => {
    expect(checkIssuerSyntax("acme.okta.com")?.message).toMatch(/full URL, like https:\/\//);
  });

  test("accepts https issuers of the org server, a custom server and a custom domain", () => {
    expect(checkIssuerSyntax("https://acme.okta.com")).toBeNull();
    expect(checkIssuerSyntax("https://acme.okta.com/oauth2/default")).toBeNull();
    expect(checkIssuerSyntax("https://id.acme.example")).toBeNull();
  });
});

describe("discoveryUrl", () => {
  test("appends the well-known path to any issuer with a single slash", () => {
    fc.assert(
      fc.property(fc.string(), (issuer) => {
        const url = discoveryUrl(issuer);
        expect(url.endsWith(WELL_KNOWN)).toBe(true);
        expect(url.endsWith(`/${WELL_KNOWN}`)).toBe(false);
      }),
    );
  });

  test("never puts // before .well-known, however many slashes the issuer ends with", () => {
    const issuer = fc
      .tuple(
        fc.webUrl({ withQueryParameters: false, withFragments: false }),
        fc.stringMatching(/^\/{0,4}$/),
      )
      .map(([url, slashes]) => url + slashes);
    fc.assert(
      fc.property(issuer, (value) => {
        expect(discoveryUrl(value)).not.toContain("//.well-known");
        expect(discoveryUrl(value)).toBe(discoveryUrl(`${value}/`));
      }),
    );
  });
});
