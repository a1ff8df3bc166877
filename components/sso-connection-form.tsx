"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  current: { clientId: string; issuer: string; secretLast4: string } | null;
  hidden?: Record<string, string>;
};

/** Client ID, Client secret and Issuer URL: the labels Okta admins look for. */
export function SsoConnectionForm({ action: serverAction, current, hidden }: Props) {
  const [state, action] = useActionState(serverAction, idleState);
  const values = state.values ?? {};

  return (
    <form action={action} className="space-y-4" noValidate>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label="Client ID"
        name="clientId"
        required
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.clientId ?? current?.clientId}
        errors={state.fieldErrors?.clientId}
      />
      <Field
        label="Client secret"
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        required={!current}
        hint={
          current
            ? `Stored secret ends in …${current.secretLast4}. Leave blank to keep it.`
            : undefined
        }
        errors={state.fieldErrors?.clientSecret}
      />
      <Field
        label="Issuer URL"
        name="issuer"
        type="url"
        required
        spellCheck={false}
        placeholder="https://your-org.okta.com"
        defaultValue={values.issuer ?? current?.issuer}
        errors={state.fieldErrors?.issuer}
      />
      <SubmitButton pendingText="Checking the issuer…">Save connection</SubmitButton>
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
    </form>
  );
}
