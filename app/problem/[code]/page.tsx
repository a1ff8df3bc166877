import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { ButtonLink } from "@/components/ui/button";
import { Card, NarrowPage } from "@/components/ui/card";
import { isProblemCode, problemForAuthJsError, problemPath } from "@/lib/errors";

import { problems } from "./problems";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ ref?: string; retry?: string; error?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: isProblemCode(code) ? problems[code].title : "Not found" };
}

const REF_PATTERN = /^[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export default async function ProblemPage({ params, searchParams }: Props) {
  const { code } = await params;
  if (!isProblemCode(code)) notFound();
  const query = await searchParams;
  // Auth.js sends whatever it handles itself, /api/auth/error included, to its error page (this
  // page for okta-error, see lib/auth/auth-config.ts) with its error type in `error`; Okta's own
  // errors come here without one. Anything after `error` came from the address, so it is dropped.
  if (code === "okta-error" && query.error !== undefined)
    redirect(problemPath(problemForAuthJsError(String(query.error))));
  const problem = problems[code];
  const ref = typeof query.ref === "string" && REF_PATTERN.test(query.ref) ? query.ref : null;
  const retry = Number(query.retry);

  return (
    <NarrowPage>
      <Card className="space-y-4">
        <h1 className="text-xl font-semibold">{problem.title}</h1>
        <p className="text-sm text-slate-800">{problem.explanation}</p>
        <div>
          <h2 className="text-sm font-semibold">What to do</h2>
          <p className="mt-1 text-sm text-slate-800">
            {problem.whatToDo}
            {Number.isFinite(retry) && retry > 0
              ? ` You can try again in ${Math.ceil(retry / 60)} minute${retry > 60 ? "s" : ""}.`
              : ""}
          </p>
        </div>
        {ref ? (
          <p className="text-sm text-slate-700">
            Reference: <code className="rounded bg-slate-100 px-1 font-mono">{ref}</code>
          </p>
        ) : null}
        {problem.action ? (
          <ButtonLink href={problem.action.href}>{problem.action.label}</ButtonLink>
        ) : null}
      </Card>
    </NarrowPage>
  );
}
