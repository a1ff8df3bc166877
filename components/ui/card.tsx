import type { ReactNode } from "react";

export function Card({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <section
      className={["rounded-lg border border-slate-200 bg-white p-6 shadow-sm", className]
        .filter(Boolean)
        .join(" ")}
    >
      {children}
    </section>
  );
}

/** A narrow centred column for sign-in, registration and refusal pages. */
export function NarrowPage({ children }: { children: ReactNode }) {
  return <div className="mx-auto w-full max-w-md px-4 py-10">{children}</div>;
}
