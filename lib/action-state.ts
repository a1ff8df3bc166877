import type { z } from "zod";

/** What a server action returns to its form: expected failures are data, not exceptions. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Values to put back in the form after a failure, so nothing typed is lost. */
  values?: Record<string, string>;
  /** A link the action made for the person to copy, such as an invite link. */
  link?: string;
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

// PostgreSQL text cannot hold NUL, and no form field needs control characters but tab and
// line breaks: they are dropped before validation instead of failing at the database.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A form's text fields as a plain object, ready for a zod schema. Files are left out. */
export function readForm(formData: FormData): Record<string, string> {
  const input: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string") input[key] = value.replace(CONTROL_CHARACTERS, "");
  }
  return input;
}
