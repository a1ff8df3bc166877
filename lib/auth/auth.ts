import NextAuth, { CredentialsSignin, type NextAuthConfig, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { NextRequest } from "next/server";

import { authConfig } from "@/lib/auth/auth-config";
import { captureAuthError } from "@/lib/auth/auth-errors";
import { signInWithPassword } from "@/lib/auth/password-sign-in";
import { requestIp } from "@/lib/auth/request-ip";
import {
  createSession,
  endSession,
  getActiveSession,
  type SignInMethod,
} from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getConnectionById, type SsoConnectionForSignIn } from "@/lib/sso/connections";
import { buildOktaProvider } from "@/lib/sso/okta-provider";
import { provisionOktaUser } from "@/lib/sso/provisioning";
import { recordTestSignIn } from "@/lib/sso/test-sign-in";
import {
  readSignInAttempt,
  SIGN_IN_ATTEMPT_COOKIE,
  type SignInAttempt,
} from "@/lib/sso/sign-in-attempt";
import { problemPath } from "@/lib/errors";

/** Thrown by the password provider; `code` tells the sign-in form what to say. */
export class PasswordSignInError extends CredentialsSignin {
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

const passwordProvider = Credentials({
  id: "credentials",
  credentials: { email: {}, password: {} },
  async authorize(credentials, request) {
    const result = await signInWithPassword({
      email: String(credentials.email ?? ""),
      password: String(credentials.password ?? ""),
      ip: requestIp(request.headers),
    });
    if (!result.ok) {
      throw new PasswordSignInError(
        result.retryAfterSeconds ? `${result.code}:${result.retryAfterSeconds}` : result.code,
      );
    }
    return { id: result.user.id, email: result.user.email, name: result.user.name };
  },
});

type SsoContext = { attempt: SignInAttempt; connection: SsoConnectionForSignIn } | null;

/**
 * The Auth.js configuration for one request. A sign-in with Okta is bound to its team when it
 * starts (the sign-in attempt cookie); only that team's connection becomes the "okta" provider
 * here, so the callback can only complete against the issuer the attempt was started for.
 */
export async function buildAuthConfig(sso: SsoContext): Promise<NextAuthConfig> {
  const providers: NextAuthConfig["providers"] = [passwordProvider];
  if (sso) providers.push(await buildOktaProvider(sso.connection));

  return {
    ...authConfig,
    secret: env.authSecret,
    providers,
    debug: env.logLevel === "trace" || env.logLevel === "debug",
    logger: {
      error: (error) => {
        captureAuthError(error);
        logger.warn({ err: { name: error.name, message: error.message } }, "auth error");
      },
      warn: (code) => logger.warn({ code }, "auth warning"),
      // Auth.js puts URLs, cookies and tokens in its debug metadata: only the message is kept.
      debug: (message) => logger.debug({ authjs: message }, "auth debug"),
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "okta") return true;
        if (!sso || !profile) return problemPath("attempt-expired");
        if (sso.attempt.mode === "test") return recordTestSignIn(sso.connection, profile);

        const outcome = await provisionOktaUser({
          connection: sso.connection,
          claims: profile,
          ip: sso.attempt.ip,
        });
        if (!outcome.ok) return problemPath(outcome.code, { ref: outcome.ref });
        user.id = outcome.userId;
        return true;
      },
      async jwt({ token, user, account }) {
        if (user)
          return startSession(token, user, account?.provider === "okta" ? "okta" : "password");

        const sessionId = typeof token.sid === "string" ? token.sid : null;
        const session = sessionId ? await getActiveSession(sessionId) : null;
        // Returning null clears the cookie: the server-side session ended (sign-out elsewhere,
        // removal from the team, SSO switched on or off).
        return session ? token : null;
      },
      session({ session, token }) {
        session.user.id = String(token.uid);
        return session;
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (typeof sid === "string") await endSession(sid);
      },
    },
  };
}

async function startSession(token: Record<string, unknown>, user: User, method: SignInMethod) {
  if (!user.id) throw new Error("Signed-in user has no id");
  const sid = await createSession(user.id, method);
  return { sub: user.id, uid: user.id, sid, name: user.name, email: user.email };
}

async function ssoContextFrom(request: NextRequest | undefined): Promise<SsoContext> {
  const value = request?.cookies.get(SIGN_IN_ATTEMPT_COOKIE)?.value;
  const attempt = value ? await readSignInAttempt(value) : null;
  if (!attempt) return null;

  const connection = await getConnectionById(attempt.connectionId);
  if (!connection || connection.teamId !== attempt.teamId) return null;
  return { attempt, connection };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async (request) =>
  buildAuthConfig(await ssoContextFrom(request)),
);
