"use client";

import { useActionState, useRef, type ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/action-state";

type Confirmation = { title: string; description: ReactNode; confirmLabel: string };

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  fields?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
  /** Asks first, in a dialog, before an action that is hard to take back. */
  confirm?: Confirmation;
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
        <ConfirmFirst confirmation={confirm} variant={variant}>
          {children}
        </ConfirmFirst>
      ) : (
        <SubmitButton variant={variant}>{children}</SubmitButton>
      )}
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
    </form>
  );
}

/** The button opens a dialog; only the dialog's own button submits the form around it. */
function ConfirmFirst({
  confirmation,
  variant,
  children,
}: {
  confirmation: Confirmation;
  variant: NonNullable<Props["variant"]>;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button
        ref={trigger}
        type="button"
        variant={variant}
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          // The safe choice has focus first.
          cancel.current?.focus();
        }}
      >
        {children}
      </Button>
      <ConfirmDialog
        ref={dialog}
        trigger={trigger}
        title={confirmation.title}
        description={confirmation.description}
      >
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <Button
            ref={cancel}
            type="button"
            variant="secondary"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </Button>
          <Button type="submit" variant={variant} onClick={() => dialog.current?.close()}>
            {confirmation.confirmLabel}
          </Button>
        </div>
      </ConfirmDialog>
    </>
  );
}
