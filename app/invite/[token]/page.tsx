import type { Metadata } from "next";

import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, NarrowPage } from "@/components/ui/card";
import { SubmitButton } from "@/components/ui/submit-button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getTeamConnection } from "@/lib/sso/connections";
import { getInvitation } from "@/lib/teams/invitations";
import { getMembership } from "@/lib/teams/teams";

import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([getInvitation(token), getCurrentUser()]);
  const membership = user ? await getMembership(user.id) : null;
  const ssoOn = invitation ? Boolean((await getTeamConnection(invitation.teamId))?.enabled) : false;

  return (
    <NarrowPage>
      <h1 className="mb-6 text-2xl font-semibold">
        {invitation ? `Join ${invitation.teamName}` : "Invitation not found"}
      </h1>
      <Card className="space-y-4">
        {!invitation ||
        (invitation.status === "accepted" && membership?.team.id !== invitation.teamId) ? (
          <Alert tone="error" title="This invite link doesn't work">
            It may have been used already or copied incompletely. Ask your team&apos;s owner for a
            new link.
          </Alert>
        ) : invitation.status === "expired" ? (
          <Alert tone="error" title="This invite link has expired">
            Ask your team&apos;s owner for a new link.
          </Alert>
        ) : !user && ssoOn ? (
          <>
            <p className="text-sm text-slate-700">
              You&apos;re invited to join <strong>{invitation.teamName}</strong> on Teamline as{" "}
              {invitation.email}. This team signs in with Okta: you join when you first sign in
              through it.
            </p>
            <ButtonLink href={`/sign-in?email=${encodeURIComponent(invitation.email)}`}>
              Continue with Okta
            </ButtonLink>
          </>
        ) : !user ? (
          <>
            <p className="text-sm text-slate-700">
              You&apos;re invited to join <strong>{invitation.teamName}</strong> on Teamline as{" "}
              {invitation.email}.
            </p>
            <div className="flex flex-wrap gap-3">
              <ButtonLink href={`/register?invite=${encodeURIComponent(token)}`}>
                Create account and join
              </ButtonLink>
              <ButtonLink
                variant="secondary"
                href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`}
              >
                I have an account
              </ButtonLink>
            </div>
          </>
        ) : membership && membership.team.id === invitation.teamId ? (
          <>
            <Alert tone="success">You are a member of {invitation.teamName}.</Alert>
            <ButtonLink href="/team">Go to your team</ButtonLink>
          </>
        ) : membership ? (
          <Alert tone="error" title="You already belong to another team">
            You are a member of {membership.team.name}, and a Teamline account belongs to one team
            at a time. Nothing has changed. To join {invitation.teamName}, ask the owner of{" "}
            {membership.team.name} to remove you first, or accept the invitation with a different
            account.
          </Alert>
        ) : user.email !== invitation.email ? (
          <Alert tone="error" title="This invitation is for someone else">
            It was sent to {invitation.email}, and you are signed in as {user.email}. Sign out and
            use that address, or ask the owner to invite {user.email}.
          </Alert>
        ) : (
          <form action={acceptInvitationAction} className="space-y-3">
            <input type="hidden" name="token" value={token} />
            <p className="text-sm text-slate-700">
              Join <strong>{invitation.teamName}</strong> as {user.email}?
            </p>
            <SubmitButton>Join {invitation.teamName}</SubmitButton>
          </form>
        )}
      </Card>
    </NarrowPage>
  );
}
