import type { ReactNode } from "react";

import { TeamTabs } from "@/components/team-tabs";
import { requireTeamContext } from "@/lib/teams/team-context";
import { roleLabel } from "@/lib/teams/roles";

export default async function TeamLayout({ children }: { children: ReactNode }) {
  const { team, role } = await requireTeamContext();

  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <div className="mb-6">
        <p className="text-sm text-slate-600">Team</p>
        <h1 className="text-2xl font-semibold">{team.name}</h1>
        <p className="mt-1 text-sm text-slate-700">
          You are {role === "OWNER" ? "the" : "a"} {roleLabel[role].toLowerCase()}
          {team.teamEdition ? " · Team Edition is on" : ""}
        </p>
      </div>
      <TeamTabs />
      <div className="pt-6">{children}</div>
    </div>
  );
}
