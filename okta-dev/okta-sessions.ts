import { randomBytes } from "node:crypto";

import { expiredCookie, parseCookies, sessionCookie } from "./http.js";

export const OKTA_SESSION_COOKIE = "okta_dev_session";
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export interface OktaSession {
  userId: string;
  /** Seconds since the epoch, as in the `auth_time` claim. */
  authTime: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

// The stand-in's own sign-in session, shared by the dashboard and both authorization servers,
// like the single Okta session of an org.
export class OktaSessions {
  readonly #sessions = new Map<string, OktaSession>();

  // Replaces any session the browser already has, as signing in as someone else does at Okta.
  start(userId: string, cookieHeader: string | undefined): string {
    this.end(cookieHeader);
    const id = randomBytes(32).toString("base64url");
    this.#sessions.set(id, { userId, authTime: nowSeconds() });
    return sessionCookie(OKTA_SESSION_COOKIE, id);
  }

  find(cookieHeader: string | undefined): OktaSession | undefined {
    const id = parseCookies(cookieHeader).get(OKTA_SESSION_COOKIE);
    const session = id ? this.#sessions.get(id) : undefined;
    if (!id || !session) return undefined;
    if (nowSeconds() - session.authTime > SESSION_TTL_SECONDS) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session;
  }

  userIdFrom(cookieHeader: string | undefined): string | undefined {
    return this.find(cookieHeader)?.userId;
  }

  end(cookieHeader: string | undefined): string {
    const id = parseCookies(cookieHeader).get(OKTA_SESSION_COOKIE);
    if (id) this.#sessions.delete(id);
    return expiredCookie(OKTA_SESSION_COOKIE);
  }
}
