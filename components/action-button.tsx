"use client";

import { useActionState, type ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { ConfirmFirstButton, type Confirmation } from "@/components/ui/confirm-first-button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  fields?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
  /** Asks first, in a dialog, before an action that is hard to take back. */
  confirm?: Omit<Confirmation, "confirmVariant">;
};

/** A one-button form for a server action, with its outcome announced beneath it. */
export function ActionButton({
  action: serverAction,
  children,
  fields,
  variant = "secondary",
  confirm,
}: Props) {
  const [state, action] = useActionState(serverAction, idleState);
  return (
    <form action={action} className="space-y-2">
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm ? (
        <ConfirmFirstButton
          variant={variant}
          confirmation={{ ...confirm, confirmVariant: variant }}
        >
          {children}
        </ConfirmFirstButton>
      ) : (
        <SubmitButton variant={variant}>{children}</SubmitButton>
      )}
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
    </form>
  );
}
