import path from "node:path";
import { fileURLToPath } from "node:url";

// The reference point for the benchmark: a minimal NextAuth v5 app with one static OIDC
// provider, JWT sessions and no database. Packages come from the repository's node_modules.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  agentRules: false,
  devIndicators: false,
  experimental: { agentUpgrade: false },
  turbopack: { root },
};

export default nextConfig;
