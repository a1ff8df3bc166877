import type { Metadata } from "next";

import { Alert } from "@/components/ui/alert";
import { Pagination } from "@/components/pagination";
import { Card } from "@/components/ui/card";
import { listPendingInvitations } from "@/lib/teams/invitations";
import { roleLabel } from "@/lib/teams/roles";
import { requireTeamContext } from "@/lib/teams/team-context";
import { pageNumberSchema } from "@/lib/page-number";
import { listMembers } from "@/lib/teams/teams";

import { InviteForm } from "./invite-form";
import { MemberRemovalProvider } from "./member-removal";
import { RemoveMemberButton } from "./remove-member-button";

export const metadata: Metadata = { title: "Members" };

type Props = {
  searchParams: Promise<{ created?: string; domain?: string; joined?: string; page?: string }>;
};

export default async function MembersPage({ searchParams }: Props) {
  const params = await searchParams;
  const { team, user, canManage } = await requireTeamContext();
  const [memberPage, invitations] = await Promise.all([
    listMembers(team.id, pageNumberSchema.parse(params.page)),
    canManage ? listPendingInvitations(team.id) : Promise.resolve([]),
  ]);

  const { members, page, pageCount, total } = memberPage;
  const membersTable = (
    <Card className="space-y-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Team members</caption>
        <thead>
          <tr className="border-b border-slate-200 text-slate-600">
            <th scope="col" className="py-2 pr-4 font-medium">
              Name
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Email
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Role
            </th>
            {canManage ? (
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.user.id} className="border-b border-slate-100 last:border-0">
              <td className="py-2 pr-4">{member.user.name}</td>
              <td className="py-2 pr-4 [overflow-wrap:anywhere]">{member.user.email}</td>
              <td className="py-2 pr-4">{roleLabel[member.role]}</td>
              {canManage ? (
                <td className="py-2">
                  {member.role !== "OWNER" && member.user.id !== user.id ? (
                    <RemoveMemberButton
                      userId={member.user.id}
                      name={member.user.name}
                      email={member.user.email}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {members.length === 0 ? (
        <p className="text-sm text-slate-700">
          There is no page {page}: the list has {pageCount} {pageCount === 1 ? "page" : "pages"}.
        </p>
      ) : null}
      <Pagination label="Member list pages" path="/team" page={page} pageCount={pageCount} />
    </Card>
  );

  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-xl font-semibold">Members</h2>
        <p className="text-sm text-slate-700">
          {total} {total === 1 ? "member" : "members"}
        </p>
      </div>
      {params.created ? (
        <Alert tone="success">Your team is ready. Invite your colleagues below.</Alert>
      ) : null}
      {params.joined ? <Alert tone="success">Welcome to {team.name}.</Alert> : null}
      {team.domain ? (
        <p className="text-sm text-slate-700">
          This team owns the email domain <strong>{team.domain}</strong>.
        </p>
      ) : (
        <Alert tone="info">
          This team owns no email domain
          {params.domain === "taken"
            ? ": another team already owns your domain."
            : ": public mail providers such as gmail.com, and domains another team owns, can't be claimed."}{" "}
          Colleagues join by invitation, and single sign-on can&apos;t create accounts for it.
        </Alert>
      )}

      {canManage ? <MemberRemovalProvider>{membersTable}</MemberRemovalProvider> : membersTable}

      {canManage ? (
        <Card className="space-y-4">
          <h3 className="text-lg font-semibold">Invite a colleague</h3>
          <InviteForm />
          {invitations.length ? (
            <div>
              <h4 id="pending-invitations" className="text-sm font-medium text-slate-800">
                Pending invitations
              </h4>
              <ul
                aria-labelledby="pending-invitations"
                className="mt-2 space-y-1 text-sm text-slate-700"
              >
                {invitations.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} · expires {invitation.expiresAt.toISOString().slice(0, 10)}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
