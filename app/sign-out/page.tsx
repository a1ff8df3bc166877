import type { Metadata } from "next";

import { signOutAction } from "@/app/sign-out-action";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, NarrowPage } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Sign out" };

// Where Auth.js's GET /api/auth/signout lands. Opening it signs nobody out: a link on another site
// could open it too. The button posts our sign-out server action, which Next.js only runs for a
// request from our own origin.
export default async function SignOutPage() {
  const user = await getCurrentUser();

  if (!user) {
    return (
      <NarrowPage>
        <Card className="space-y-4">
          <h1 className="text-xl font-semibold">You are signed out</h1>
          <p className="text-sm text-slate-800">Nobody is signed in to Teamline in this browser.</p>
          <ButtonLink href="/sign-in">Sign in</ButtonLink>
        </Card>
      </NarrowPage>
    );
  }

  return (
    <NarrowPage>
      <Card className="space-y-4">
        <h1 className="text-xl font-semibold">Sign out of Teamline?</h1>
        <p className="text-sm text-slate-800">
          You are signed in as {user.email}. Signing out ends this session; your Okta session, if
          you have one, stays as it is.
        </p>
        <form action={signOutAction} className="flex flex-wrap gap-3">
          <Button type="submit">Sign out</Button>
          <ButtonLink variant="secondary" href="/team">
            Stay signed in
          </ButtonLink>
        </form>
      </Card>
    </NarrowPage>
  );
}
