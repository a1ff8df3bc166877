"use client";

import { useId, type ReactNode, type RefObject } from "react";

/**
 * A modal that asks before something hard to take back. The caller opens it with showModal(),
 * gives its own buttons as children, and gets focus back on `trigger` when it closes.
 */
export function ConfirmDialog({
  ref,
  trigger,
  title,
  description,
  children,
}: {
  ref: RefObject<HTMLDialogElement | null>;
  trigger: RefObject<HTMLButtonElement | null>;
  title: ReactNode;
  description: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={() => trigger.current?.focus()}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-lg backdrop:bg-slate-900/50"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <div id={descriptionId} className="mt-2 text-sm text-slate-700">
        {description}
      </div>
      {children}
    </dialog>
  );
}
