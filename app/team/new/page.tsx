import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { Card, NarrowPage } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { domainForOwner, getMembership } from "@/lib/teams/teams";

import { CreateTeamForm } from "./create-team-form";

export const metadata: Metadata = { title: "Create your team" };

export default async function NewTeamPage() {
  const user = await requireUser();
  if (await getMembership(user.id)) redirect("/team");
  const { domain, reason } = await domainForOwner(user.email);
  const ownDomain = user.email.split("@").pop();

  return (
    <NarrowPage>
      <h1 className="mb-2 text-2xl font-semibold">Create your team</h1>
      <p className="mb-6 text-sm text-slate-700">
        {domain
          ? `You'll be the Team Owner. Your team owns the domain ${domain}: colleagues with an @${domain} address can join it through Okta once single sign-on is on.`
          : reason === "taken"
            ? `Another team already owns ${ownDomain}, so your team won't own an email domain. Colleagues join by invitation. If you meant to join that team, ask its owner for an invitation instead.`
            : `${ownDomain} is a public mail provider, so your team won't own an email domain. Colleagues join by invitation.`}
      </p>
      <Card>
        <CreateTeamForm />
      </Card>
    </NarrowPage>
  );
}
