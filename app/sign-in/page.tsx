import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Card, NarrowPage } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeLocalPath } from "@/lib/urls";

import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = {
  searchParams: Promise<{
    next?: string;
    signedOut?: string;
    ended?: string;
    sso?: string;
    email?: string;
  }>;
};

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const next = safeLocalPath(params.next) ?? undefined;
  if (await getCurrentUser()) redirect(next ?? "/team");

  return (
    <NarrowPage>
      <h1 className="mb-6 text-2xl font-semibold">Sign in to Teamline</h1>
      <Card className="space-y-4">
        {params.signedOut ? <Alert tone="success">You are signed out.</Alert> : null}
        {params.sso === "on" ? (
          <Alert tone="info">
            Your session has ended: your team now signs in with Okta. Enter your work email to
            continue.
          </Alert>
        ) : params.ended ? (
          <Alert tone="info">Your session has ended. Sign in again to continue.</Alert>
        ) : null}
        <SignInForm
          next={next}
          initialEmail={typeof params.email === "string" ? params.email.slice(0, 254) : undefined}
        />
      </Card>
      <p className="mt-6 text-center text-sm text-slate-700">
        New to Teamline?{" "}
        <Link
          href={next ? `/register?next=${encodeURIComponent(next)}` : "/register"}
          className="text-indigo-700 underline"
        >
          Create an account
        </Link>
      </p>
    </NarrowPage>
  );
}
