// A browser's cookie handling, reduced to what the sign-in flows need (RFC 6265 §5): cookies
// belong to a host name, not a port, so the app and the Okta stand-in on two localhost ports see
// each other's cookies exactly as Chromium does.

type StoredCookie = { name: string; value: string; host: string; path: string; expiresAt: number };

function defaultPath(url: URL) {
  // RFC 6265 §5.1.4: the request path up to, not including, its last slash.
  const slash = url.pathname.lastIndexOf("/");
  return slash <= 0 ? "/" : url.pathname.slice(0, slash);
}

function pathMatches(requestPath: string, cookiePath: string) {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath[cookiePath.length] === "/";
}

function parseSetCookie(header: string, url: URL): StoredCookie | null {
  const [pair, ...attributes] = header.split(";");
  const equals = pair?.indexOf("=") ?? -1;
  if (!pair || equals <= 0) return null;

  const cookie: StoredCookie = {
    name: pair.slice(0, equals).trim(),
    value: pair.slice(equals + 1).trim(),
    host: url.hostname,
    path: defaultPath(url),
    expiresAt: Number.POSITIVE_INFINITY,
  };
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split("=");
    const key = rawKey?.trim().toLowerCase();
    const value = rest.join("=").trim();
    if (key === "path" && value.startsWith("/")) cookie.path = value;
    if (key === "expires" && cookie.expiresAt === Number.POSITIVE_INFINITY) {
      const time = Date.parse(value);
      if (!Number.isNaN(time)) cookie.expiresAt = time;
    }
    // Max-Age wins over Expires (§5.3 step 3).
    if (key === "max-age" && /^-?\d+$/.test(value))
      cookie.expiresAt = Date.now() + Number(value) * 1000;
  }
  return cookie;
}

export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  store(setCookieHeaders: string[], url: URL) {
    for (const header of setCookieHeaders) {
      const cookie = parseSetCookie(header, url);
      if (!cookie) continue;
      const key = `${cookie.host} ${cookie.path} ${cookie.name}`;
      if (cookie.expiresAt <= Date.now()) this.#cookies.delete(key);
      else this.#cookies.set(key, cookie);
    }
  }

  header(url: URL): string | undefined {
    const now = Date.now();
    const matching = [...this.#cookies.values()]
      .filter(
        (c) => c.host === url.hostname && c.expiresAt > now && pathMatches(url.pathname, c.path),
      )
      // Longer paths first (§5.4 step 2).
      .sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join("; ") : undefined;
  }

  get(url: URL, name: string): string | undefined {
    return this.header(url)
      ?.split("; ")
      .find((pair) => pair.startsWith(`${name}=`))
      ?.slice(name.length + 1);
  }

  /** Forgets the cookies whose names match, e.g. an app's session before the next sign-in. */
  forget(matches: (name: string) => boolean) {
    for (const [key, cookie] of this.#cookies) if (matches(cookie.name)) this.#cookies.delete(key);
  }
}
