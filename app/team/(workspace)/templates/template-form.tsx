"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Field, TextArea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/action-state";

import { createTemplateAction } from "../actions";

export function TemplateForm() {
  const [state, action] = useActionState(createTemplateAction, idleState);
  const values = state.ok ? {} : (state.values ?? {});

  return (
    <form action={action} className="space-y-4" noValidate key={state.ok ? state.message : "form"}>
      <Field
        label="Template name"
        name="name"
        required
        maxLength={120}
        defaultValue={values.name}
        errors={state.fieldErrors?.name}
      />
      <Field
        label="Subject"
        name="subject"
        required
        maxLength={200}
        defaultValue={values.subject}
        errors={state.fieldErrors?.subject}
      />
      <TextArea
        label="Body"
        name="body"
        rows={5}
        required
        maxLength={20000}
        defaultValue={values.body}
        errors={state.fieldErrors?.body}
      />
      <SubmitButton pendingText="Saving…">Save template</SubmitButton>
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
    </form>
  );
}
