import { redirect } from "next/navigation";

import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (user) redirect(user.isStaff ? "/staff" : "/team");

  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">
        Your team&apos;s workspace, one click from Okta
      </h1>
      <p className="mt-4 text-lg text-slate-700">
        Teamline keeps your team&apos;s email templates in one place. Connect your team to Okta and
        everyone signs in from their Okta dashboard, with no accounts to create by hand.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <ButtonLink href="/register">Create an account</ButtonLink>
        <ButtonLink href="/sign-in" variant="secondary">
          Sign in
        </ButtonLink>
      </div>
    </div>
  );
}
