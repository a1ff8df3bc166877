import type { NextAuthConfig } from "next-auth";

import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";

// The parts of the Auth.js configuration that need neither the database nor Node's crypto.
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in", error: "/problem/okta-error" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
} satisfies NextAuthConfig;
