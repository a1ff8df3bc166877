"use client";

import { ConfirmFirstButton } from "@/components/ui/confirm-first-button";

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

  return (
    <form action={remove}>
      <input type="hidden" name="userId" value={userId} />
      <ConfirmFirstButton
        variant="link"
        disabled={pending}
        aria-label={`Remove ${name}`}
        confirmation={{
          title: `Remove ${name} from the team?`,
          description: (
            <p>
              {name} ({email}) loses access to the team at once and is signed out everywhere. You
              can invite them again later.
            </p>
          ),
          confirmLabel: "Remove from team",
        }}
      >
        Remove
      </ConfirmFirstButton>
    </form>
  );
}
