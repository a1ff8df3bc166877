import { AsyncLocalStorage } from "node:async_hooks";

// Auth.js turns a failed callback into a redirect to a generic error page and hands the cause
// only to its logger. The callback route runs inside this scope so the logger can keep the
// cause, and the route can show the page that explains it.
const scope = new AsyncLocalStorage<{ error?: Error }>();

export function runCapturingAuthErrors<T>(body: () => Promise<T>) {
  const store: { error?: Error } = {};
  return scope.run(store, async () => ({ result: await body(), error: store.error }));
}

export function captureAuthError(error: Error) {
  const store = scope.getStore();
  if (store && !store.error) store.error = error;
}
