import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Card, NarrowPage } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { getMembership } from "@/lib/teams/teams";
import { emailDomain, isPublicMailDomain } from "@/lib/users/email";

import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Create your team" };

export default async function NewTeamPage() {
  const user = await requireUser();
  if (await getMembership(user.id)) redirect("/team");
  const domain = emailDomain(user.email);

  return (
    <NarrowPage>
      <h1 className="mb-2 text-2xl font-semibold">Create your team</h1>
      <p className="mb-6 text-sm text-slate-700">
        {isPublicMailDomain(domain)
          ? `${domain} is a public mail provider, so your team won't own an email domain. Colleagues join by invitation.`
          : `You'll be the Team Owner. Your team owns the domain ${domain}: colleagues with an @${domain} address can join it through Okta once single sign-on is on.`}
      </p>
      <Card>
        <CreateTeamForm />
      </Card>
    </NarrowPage>
  );
}
