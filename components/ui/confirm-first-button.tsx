"use client";

import { useId, useRef, type ComponentProps, type ReactNode } from "react";

import { Button } from "@/components/ui/button";

type Variant = NonNullable<ComponentProps<typeof Button>["variant"]>;

export type Confirmation = {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** How the dialog's confirming button looks; `danger` unless said. */
  confirmVariant?: Variant;
};

/**
 * A button, inside a form, that asks before the form is submitted: it opens a modal whose own
 * button submits the form, and whose Cancel, focused first, changes nothing. Focus returns to the
 * button when the modal closes.
 */
export function ConfirmFirstButton({
  confirmation,
  children,
  ...trigger
}: Omit<ComponentProps<typeof Button>, "type" | "onClick" | "ref"> & {
  confirmation: Confirmation;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const triggerButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const close = () => dialog.current?.close();

  return (
    <>
      <Button
        {...trigger}
        ref={triggerButton}
        type="button"
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          // The safe choice has focus first: Enter or Space right away changes nothing.
          cancel.current?.focus();
        }}
      >
        {children}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onClose={() => triggerButton.current?.focus()}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-lg backdrop:bg-slate-900/50"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {confirmation.title}
        </h2>
        <div id={descriptionId} className="mt-2 text-sm text-slate-700">
          {confirmation.description}
        </div>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <Button ref={cancel} type="button" variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" variant={confirmation.confirmVariant ?? "danger"} onClick={close}>
            {confirmation.confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
