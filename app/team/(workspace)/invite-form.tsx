"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";

import { inviteAction } from "./actions";

export function InviteForm() {
  const [state, action] = useActionState(inviteAction, idleState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <Field
        label="Email to invite"
        name="email"
        type="email"
        required
        defaultValue={state.ok ? "" : state.values?.email}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton pendingText="Creating link…">Create invite link</SubmitButton>
      {state.ok && state.link ? (
        <Alert tone="success" title={`Invite link for ${state.values?.email}`}>
          <p>{state.message} It works once and expires in 7 days.</p>
          <input
            readOnly
            aria-label="Invite link"
            value={state.link}
            className="mt-2 w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-xs"
          />
        </Alert>
      ) : state.message ? (
        <Alert tone="error">{state.message}</Alert>
      ) : null}
    </form>
  );
}
