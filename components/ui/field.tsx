import type { ComponentProps } from "react";

type FieldProps = ComponentProps<"input"> & {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
};

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field({ label, name, errors, hint, id, className, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;

  return (
    <div className={["space-y-1", className].filter(Boolean).join(" ")}>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600"
        {...input}
      />
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function TextArea({
  label,
  name,
  errors,
  id,
  ...textarea
}: ComponentProps<"textarea"> & { label: string; name: string; errors?: string[] }) {
  const inputId = id ?? `field-${name}`;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={inputId}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm shadow-sm"
        {...textarea}
      />
      {errorId ? (
        <p id={errorId} className="text-sm text-red-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
