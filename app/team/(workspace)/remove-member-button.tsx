"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { idleState } from "@/lib/action-state";

import { removeMemberAction } from "./actions";

export function RemoveMemberButton({ userId, name }: { userId: string; name: string }) {
  const [state, action, pending] = useActionState(removeMemberAction, idleState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="userId" value={userId} />
      <Button variant="link" type="submit" disabled={pending} aria-label={`Remove ${name}`}>
        Remove
      </Button>
      {state.message && !state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
