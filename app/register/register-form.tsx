"use client";

import Link from "next/link";
import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";

import { registerAction } from "./actions";

export function RegisterForm({ invite, email }: { invite?: string; email?: string }) {
  const [state, action] = useActionState(registerAction, idleState);

  return (
    <form action={action} className="space-y-4" noValidate>
      {invite ? <input type="hidden" name="invite" value={invite} /> : null}
      {state.message ? (
        <Alert tone="info">
          {state.message}{" "}
          <Link
            href={`/sign-in?email=${encodeURIComponent(state.values?.email ?? "")}`}
            className="underline"
          >
            Continue with Okta
          </Link>
        </Alert>
      ) : null}
      <Field
        label="Name"
        name="name"
        autoComplete="name"
        required
        maxLength={120}
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="Work email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? email}
        errors={state.fieldErrors?.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A short sentence works well."
        errors={state.fieldErrors?.password}
      />
      <SubmitButton className="w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}
