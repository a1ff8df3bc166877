import type { Metadata } from "next";
import type { ReactNode } from "react";

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

  if (invitation && membership?.team.id === invitation.teamId) {
    return (
      <InviteCard heading={`Join ${membership.team.name}`}>
        <Alert tone="success">You are a member of {membership.team.name}.</Alert>
        <ButtonLink href="/team">Go to your team</ButtonLink>
      </InviteCard>
    );
  }
  // A used or expired link may be in anyone's hands: it says nothing of the team it was for.
  if (!invitation || invitation.status === "accepted") {
    return (
      <InviteCard heading="This invite link doesn't work">
        <Alert tone="error" title="It was used already, or it isn't a whole invite link">
          An invite link works once, and a new link for the same person replaces the one before. If
          you were invited, ask the person who invited you for a new link.
        </Alert>
      </InviteCard>
    );
  }
  if (invitation.status === "expired") {
    return (
      <InviteCard heading="This invite link has expired">
        <Alert tone="error" title="Invite links work for 7 days">
          Ask the person who invited you for a new link.
        </Alert>
      </InviteCard>
    );
  }

  const ssoOn = Boolean((await getTeamConnection(invitation.teamId))?.enabled);
  return (
    <InviteCard heading={`Join ${invitation.teamName}`}>
      {!user && ssoOn ? (
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
      ) : membership ? (
        <Alert tone="error" title="You already belong to another team">
          You are a member of {membership.team.name}, and a Teamline account belongs to one team at
          a time. Nothing has changed. To join {invitation.teamName}, ask the owner of{" "}
          {membership.team.name} to remove you first, or accept the invitation with a different
          account.
        </Alert>
      ) : user.email !== invitation.email ? (
        <Alert tone="error" title="This invitation is for someone else">
          It was sent to {invitation.email}, and you are signed in as {user.email}. Sign out and use
          that address, or ask the owner to invite {user.email}.
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
    </InviteCard>
  );
}

function InviteCard({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <NarrowPage>
      <h1 className="mb-6 text-2xl font-semibold">{heading}</h1>
      <Card className="space-y-4">{children}</Card>
    </NarrowPage>
  );
}
