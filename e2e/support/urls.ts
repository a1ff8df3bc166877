// Where the end-to-end stack listens. E2E_PORT_OFFSET moves every port at once, so two suites
// can run side by side on one machine; scripts/stack.ts reads the same variable.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const APP_URL = `http://localhost:${3100 + offset}`;
export const OKTA_URL = `http://localhost:${4100 + offset}`;
export const OKTA2_URL = `http://localhost:${4101 + offset}`;
export const E2E_DATABASE_URL =
  process.env.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:${54400 + offset}/postgres`;
