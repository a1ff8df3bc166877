import { z } from "zod";

// The one place that reads process.env. Everything else imports `env`.

const DEV_AUTH_SECRET = "teamline-development-only-auth-secret-0123456789";
// 32 zero-ish bytes, base64: good enough to exercise the cipher locally, refused in production.
const DEV_ENCRYPTION_KEY = Buffer.from("teamline-development-only-sso-key")
  .subarray(0, 32)
  .toString("base64");

const base64Key = z.string().refine((value) => Buffer.from(value, "base64").length === 32, {
  message: "must be 32 bytes, base64-encoded (openssl rand -base64 32)",
});

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    APP_URL: z.url().default("http://localhost:3000"),
    DATABASE_URL: z.url().optional(),
    EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    EMBEDDED_DB_DIR: z.string().min(1).default(".data/pglite"),
    AUTH_SECRET: z.string().min(32).optional(),
    SSO_ENCRYPTION_KEY: base64Key.optional(),
    SSO_ENCRYPTION_RETIRED_KEYS: z.string().optional(),
    LOG_LEVEL: z
      .enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"])
      .default("info"),
    TRUST_PROXY: z.stringbool().default(false),
    OKTA_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV !== "production") return;
    for (const key of ["AUTH_SECRET", "SSO_ENCRYPTION_KEY"] as const) {
      if (!value[key] && !isLocalUrl(value.APP_URL)) {
        ctx.addIssue({ code: "custom", path: [key], message: "is required in production" });
      }
    }
  });

function isLocalUrl(url: string) {
  return new URL(url).hostname === "localhost";
}

function parseEnv() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }

  const raw = parsed.data;
  const appUrl = new URL(raw.APP_URL).origin;
  const databaseUrl =
    raw.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${raw.EMBEDDED_DB_PORT}/postgres`;

  // Auth.js derives its callback URLs from AUTH_URL; keep it equal to APP_URL so the redirect
  // URI we show Okta admins is the one sent at sign-in.
  process.env.AUTH_URL = appUrl;

  return {
    isProduction: raw.NODE_ENV === "production",
    appUrl,
    databaseUrl,
    usesEmbeddedDatabase: !raw.DATABASE_URL,
    embeddedDatabase: { port: raw.EMBEDDED_DB_PORT, dir: raw.EMBEDDED_DB_DIR },
    authSecret: raw.AUTH_SECRET ?? DEV_AUTH_SECRET,
    encryptionKey: raw.SSO_ENCRYPTION_KEY ?? DEV_ENCRYPTION_KEY,
    retiredEncryptionKeys: (raw.SSO_ENCRYPTION_RETIRED_KEYS ?? "")
      .split(",")
      .map((key) => key.trim())
      .filter(Boolean),
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    oktaTimeoutMs: raw.OKTA_TIMEOUT_MS,
    secureCookies: appUrl.startsWith("https://"),
  };
}

export const env = parseEnv();
export type Env = typeof env;
