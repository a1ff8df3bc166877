import NextAuth from "next-auth";
import Okta from "next-auth/providers/okta";

// Configured the way the Auth.js guides show: the issuer only, endpoints found by discovery.
export const { handlers, auth, signIn } = NextAuth({
  providers: [
    Okta({
      issuer: process.env.BASELINE_OKTA_ISSUER,
      clientId: process.env.BASELINE_OKTA_CLIENT_ID,
      clientSecret: process.env.BASELINE_OKTA_CLIENT_SECRET,
      // The same checks Teamline makes, so both do the same cryptographic work.
      checks: ["pkce", "state", "nonce"],
    }),
  ],
  session: { strategy: "jwt" },
  secret: process.env.AUTH_SECRET,
  trustHost: true,
});
