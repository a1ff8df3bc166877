"use client";

import { createContext, use, useActionState, useEffect, useRef, type ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { idleState } from "@/lib/action-state";

import { removeMemberAction } from "./actions";

type MemberRemoval = { remove: (formData: FormData) => void; pending: boolean };

const MemberRemovalContext = createContext<MemberRemoval | null>(null);

export function useMemberRemoval() {
  const removal = use(MemberRemovalContext);
  if (!removal) throw new Error("useMemberRemoval needs a MemberRemovalProvider");
  return removal;
}

/**
 * Runs removals for the whole member list and shows their outcome above it. The outcome can't
 * live in the row: a removed member's row, and its button, are gone when the answer arrives.
 */
export function MemberRemovalProvider({ children }: { children: ReactNode }) {
  const [state, remove, pending] = useActionState(removeMemberAction, idleState);
  const outcome = useRef<HTMLDivElement>(null);

  // The button that had focus may have left with its row: the outcome takes focus, and is read.
  useEffect(() => {
    if (state.message) outcome.current?.focus();
  }, [state]);

  return (
    <MemberRemovalContext value={{ remove, pending }}>
      <div className="space-y-4">
        {state.message ? (
          <div ref={outcome} tabIndex={-1} className="rounded-md focus:outline-none">
            <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>
          </div>
        ) : null}
        {children}
      </div>
    </MemberRemovalContext>
  );
}
