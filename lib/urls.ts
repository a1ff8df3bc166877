import { env } from "@/lib/env";

/**
 * A path on our own origin, or null. Used for every "where to go next" value a browser or an
 * identity provider hands us (OpenID Connect Core §4: target_link_uri must be checked, it is an
 * open-redirect vector): absolute URLs elsewhere, protocol-relative `//host`, backslashes and
 * `javascript:` URLs all come back null.
 */
export function safeLocalPath(value: string | null | undefined): string | null {
  if (!value || value.length > 2048) return null;

  let url: URL;
  try {
    url = new URL(value, env.appUrl);
  } catch {
    return null;
  }
  if (url.origin !== env.appUrl) return null;
  if (value.includes("\\") || /[\u0000-\u001f]/.test(value)) return null;
  if (!value.startsWith("/") && !value.startsWith(env.appUrl + "/") && value !== env.appUrl)
    return null;
  if (value.startsWith("//")) return null;

  // Dot segments and our own origin can still leave `//host` (`/.//evil.example`,
  // `APP_URL//evil.example`), which a browser reads as another host.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? null : path;
}
