import type { NextAuthConfig } from "next-auth";

import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";

// The parts of the Auth.js configuration that need neither the database nor Node's crypto.
export const authConfig = {
  trustHost: true,
  pages: {
    signIn: "/sign-in",
    // GET /api/auth/signout asks on our own page; only its form (a same-origin POST) signs out.
    signOut: "/sign-out",
    // lib/sso/callback.ts recognises this path as Auth.js's failure page; the page itself sends
    // anything else that lands there to the page for its Auth.js error type.
    error: "/problem/okta-error",
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
} satisfies NextAuthConfig;
