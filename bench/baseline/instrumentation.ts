// Turbopack looks for an instrumentation file up to its root (the repository) and would take
// Teamline's; this empty one is the baseline's own.
export function register() {}
