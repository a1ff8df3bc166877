"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type ActionState } from "@/lib/action-state";

const options = [
  {
    value: "PUBLIC",
    label: "Public",
    description: "Templates a member creates are visible to the whole team.",
  },
  {
    value: "PRIVATE",
    label: "Private",
    description:
      "Templates a member creates are visible only to them and the team's owner and admins.",
  },
] as const;

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  current?: "PUBLIC" | "PRIVATE";
  submitLabel: string;
  disabled?: boolean;
};

export function VisibilityForm({ action: serverAction, current, submitLabel, disabled }: Props) {
  const [state, action] = useActionState(serverAction, idleState);
  const errors = state.fieldErrors?.defaultVisibility;

  return (
    <form action={action} className="space-y-4">
      <fieldset disabled={disabled} aria-describedby={errors ? "visibility-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">
          Default permissions for new templates
        </legend>
        <div className="mt-3 space-y-3">
          {options.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer gap-3 rounded-md border border-slate-300 p-3 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50"
            >
              <input
                type="radio"
                name="defaultVisibility"
                value={option.value}
                defaultChecked={current === option.value}
                className="mt-1"
              />
              <span>
                <span className="block font-medium">{option.label}</span>
                <span className="block text-sm text-slate-700">{option.description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {errors ? (
        <p id="visibility-error" className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
      {state.message ? <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert> : null}
      {disabled ? null : <SubmitButton>{submitLabel}</SubmitButton>}
    </form>
  );
}
