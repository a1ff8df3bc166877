"use client";

import { useActionState, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

import { signInAction, type SignInState } from "./actions";

export function SignInForm({ next, initialEmail }: { next?: string; initialEmail?: string }) {
  const [state, action] = useActionState(signInAction, {
    ok: false,
    step: "email",
  } satisfies SignInState);
  const [changingEmail, setChangingEmail] = useState(false);
  const step = changingEmail ? "email" : state.step;
  const email = state.email ?? state.values?.email ?? initialEmail ?? "";

  return (
    <form
      action={(formData) => {
        setChangingEmail(false);
        return action(formData);
      }}
      className="space-y-4"
      noValidate
    >
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.message ? (
        <Alert tone={state.ssoRequired ? "info" : "error"}>{state.message}</Alert>
      ) : null}

      {step === "email" ? (
        <>
          <Field
            label="Work email"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            defaultValue={email}
            errors={state.fieldErrors?.email}
          />
          <SubmitButton className="w-full" pendingText="Checking…">
            Continue
          </SubmitButton>
        </>
      ) : (
        <>
          <div className="flex items-center justify-between gap-2 rounded-md bg-slate-100 px-3 py-2 text-sm">
            <span>{email}</span>
            <Button type="button" variant="link" onClick={() => setChangingEmail(true)}>
              Use a different email
            </Button>
          </div>
          <input type="hidden" name="email" value={email} />
          {state.ssoRequired ? (
            <SubmitButton name="intent" value="okta" className="w-full">
              Continue with Okta
            </SubmitButton>
          ) : (
            <>
              <Field
                label="Password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                autoFocus
                errors={state.fieldErrors?.password}
              />
              <SubmitButton className="w-full" pendingText="Signing in…">
                Sign in
              </SubmitButton>
            </>
          )}
        </>
      )}
    </form>
  );
}
