"use client";

import { useRef } from "react";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

import { useMemberRemoval } from "./member-removal";

/** The Remove button of one member's row, and the dialog that asks before anything happens. */
export function RemoveMemberButton({
  userId,
  name,
  email,
}: {
  userId: string;
  name: string;
  email: string;
}) {
  const { remove, pending } = useMemberRemoval();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  function open() {
    dialog.current?.showModal();
    // The safe choice has focus first: Enter or Space right away keeps the member.
    cancel.current?.focus();
  }

  return (
    <>
      <Button
        ref={trigger}
        variant="link"
        type="button"
        disabled={pending}
        aria-haspopup="dialog"
        aria-label={`Remove ${name}`}
        onClick={open}
      >
        Remove
      </Button>
      <ConfirmDialog
        ref={dialog}
        trigger={trigger}
        title={`Remove ${name} from the team?`}
        description={
          <p>
            {name} ({email}) loses access to the team at once and is signed out everywhere. You can
            invite them again later.
          </p>
        }
      >
        <form action={remove} onSubmit={() => dialog.current?.close()} className="mt-6">
          <input type="hidden" name="userId" value={userId} />
          <div className="flex flex-wrap justify-end gap-3">
            <Button
              ref={cancel}
              type="button"
              variant="secondary"
              onClick={() => dialog.current?.close()}
            >
              Cancel
            </Button>
            <Button type="submit" variant="danger">
              Remove from team
            </Button>
          </div>
        </form>
      </ConfirmDialog>
    </>
  );
}
