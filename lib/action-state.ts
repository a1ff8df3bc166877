import type { z } from "zod";

/** What a server action returns to its form: expected failures are data, not exceptions. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values to put back in the form after a failure, so nothing typed is lost. */
  values?: Record<string, string>;
};

export const idleState: ActionState = { ok: false };

export function formValues(formData: FormData, omit: string[] = []) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$"))
      values[key] = value;
  }
  return values;
}

export function invalid(error: z.ZodError, formData: FormData, omit: string[] = []): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, values: formValues(formData, omit) };
}
