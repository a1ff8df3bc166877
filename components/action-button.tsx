"use client";

import { useActionState, type ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  fields?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
};

/** A one-button form for a server action, with its outcome announced beneath it. */
export function ActionButton({
  action: serverAction,
  children,
  fields,
  variant = "secondary",
}: Props) {
  const [state, action] = useActionState(serverAction, idleState);
  return (
    <form action={action} className="space-y-2">
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant}>{children}</SubmitButton>
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
    </form>
  );
}
