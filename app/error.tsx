"use client";

import { ButtonLink } from "@/components/ui/button";
import { Card, NarrowPage } from "@/components/ui/card";

// Any page's unexpected error. The server logged it under the digest shown as the reference.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <NarrowPage>
      <Card className="space-y-4">
        <h1 className="text-xl font-semibold">Something failed on our side</h1>
        <p className="text-sm text-slate-800">
          Teamline hit an unexpected error and recorded it. What you typed was not saved. Try again
          in a moment; if it keeps failing, contact support with the reference below.
        </p>
        {error.digest ? (
          <p className="text-sm text-slate-700">
            Reference: <code className="rounded bg-slate-100 px-1 font-mono">{error.digest}</code>
          </p>
        ) : null}
        <div className="flex gap-3">
          <button
            type="button"
            onClick={reset}
            className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800"
          >
            Try again
          </button>
          <ButtonLink href="/" variant="secondary">
            Home
          </ButtonLink>
        </div>
      </Card>
    </NarrowPage>
  );
}
