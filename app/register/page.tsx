import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { Card, NarrowPage } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getInvitation } from "@/lib/teams/invitations";

import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ invite?: string }>;
}) {
  const { invite } = await searchParams;
  if (await getCurrentUser()) redirect(invite ? `/invite/${encodeURIComponent(invite)}` : "/team");
  // Only an open invitation names its team: a used or expired link says nothing here.
  const found = typeof invite === "string" ? await getInvitation(invite) : null;
  const invitation = found?.status === "open" ? found : null;

  return (
    <NarrowPage>
      <h1 className="mb-2 text-2xl font-semibold">Create your Teamline account</h1>
      <p className="mb-6 text-sm text-slate-700">
        {invitation
          ? `You'll join ${invitation.teamName} once your account is ready.`
          : "Then create your team and invite your colleagues."}
      </p>
      <Card>
        <RegisterForm invite={invitation ? invite : undefined} email={invitation?.email} />
      </Card>
      <p className="mt-6 text-center text-sm text-slate-700">
        Already have an account?{" "}
        <Link href="/sign-in" className="text-indigo-700 underline">
          Sign in
        </Link>
      </p>
    </NarrowPage>
  );
}
