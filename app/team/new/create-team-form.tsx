"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";

import { createTeamAction } from "./actions";

export function CreateTeamForm() {
  const [state, action] = useActionState(createTeamAction, idleState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? <Alert tone="error">{state.message}</Alert> : null}
      <Field
        label="Team name"
        name="name"
        required
        maxLength={80}
        autoFocus
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <SubmitButton pendingText="Creating…">Create team</SubmitButton>
    </form>
  );
}
