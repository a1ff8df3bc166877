import pino from "pino";

import { env } from "@/lib/env";

// One structured logger for the server. Redaction is a safety net: call sites never pass
// tokens, codes, secrets or cookies in the first place.
export const logger = pino({
  level: env.logLevel,
  base: { service: "teamline" },
  redact: {
    paths: [
      "password",
      "*.password",
      "clientSecret",
      "*.clientSecret",
      "client_secret",
      "*.client_secret",
      "code",
      "*.code",
      "id_token",
      "*.id_token",
      "access_token",
      "*.access_token",
      "cookie",
      "*.cookie",
      "headers.cookie",
      "authorization",
      "*.authorization",
    ],
    censor: "[redacted]",
  },
});
