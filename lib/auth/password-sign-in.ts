import { recordAudit } from "@/lib/audit/audit";
import { spendPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import {
  consumeRateLimit,
  peekRateLimit,
  resetRateLimit,
  type RateLimitRule,
} from "@/lib/rate-limit/rate-limit";
import { getSsoTeamForEmail } from "@/lib/sso/connections";
import { normalizeEmail } from "@/lib/users/email";
import type { UserSummary } from "@/lib/users/users";

// Failed sign-ins are counted per email and per address; after the limit the form refuses until
// the window ends, whether or not the next password is right.
export const FAILED_SIGN_INS_PER_EMAIL: RateLimitRule = { limit: 5, windowSeconds: 15 * 60 };
export const FAILED_SIGN_INS_PER_IP: RateLimitRule = { limit: 100, windowSeconds: 15 * 60 };

export type PasswordSignInResult =
  | { ok: true; user: UserSummary }
  | { ok: false; code: "invalid" | "sso-required"; retryAfterSeconds?: undefined }
  | { ok: false; code: "rate-limited"; retryAfterSeconds: number };

/** Whether password sign-in is closed for this email because its team signs in with Okta. */
export async function getSsoRequirement(email: string) {
  const normalized = normalizeEmail(email);
  const member = await db.membership.findFirst({
    where: { user: { email: normalized }, team: { ssoConnection: { enabled: true } } },
    select: { teamId: true, team: { select: { ssoConnection: { select: { id: true } } } } },
  });
  const memberConnectionId = member?.team.ssoConnection?.id;
  if (member && memberConnectionId)
    return { teamId: member.teamId, connectionId: memberConnectionId };
  const byDomain = await getSsoTeamForEmail(normalized);
  if (byDomain) return { teamId: byDomain.teamId, connectionId: byDomain.id };

  // Invited by a team that signs in with Okta: that team's Okta is the way in.
  const invited = await db.invitation.findFirst({
    where: {
      email: normalized,
      acceptedAt: null,
      expiresAt: { gt: new Date() },
      team: { ssoConnection: { enabled: true } },
    },
    select: { teamId: true, team: { select: { ssoConnection: { select: { id: true } } } } },
  });
  const invitedConnectionId = invited?.team.ssoConnection?.id;
  return invited && invitedConnectionId
    ? { teamId: invited.teamId, connectionId: invitedConnectionId }
    : null;
}

export async function signInWithPassword(input: {
  email: string;
  password: string;
  ip: string | null;
}): Promise<PasswordSignInResult> {
  const email = normalizeEmail(input.email);
  const emailKey = `password-sign-in:email:${email}`;
  const ipKey = `password-sign-in:ip:${input.ip ?? "unknown"}`;

  for (const [key, rule] of [
    [emailKey, FAILED_SIGN_INS_PER_EMAIL],
    [ipKey, FAILED_SIGN_INS_PER_IP],
  ] as const) {
    const limit = await peekRateLimit(key, rule);
    if (!limit.allowed) {
      await recordAudit({
        action: "password.sign_in",
        outcome: "refused",
        reason: "too many failed attempts",
        email,
        ip: input.ip,
      });
      return { ok: false, code: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };
    }
  }

  const sso = await getSsoRequirement(email);
  if (sso) {
    await recordAudit({
      action: "password.sign_in",
      outcome: "refused",
      reason: "team requires Okta",
      teamId: sso.teamId,
      email,
      ip: input.ip,
    });
    return { ok: false, code: "sso-required" };
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, isStaff: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await spendPasswordCheck(input.password), false);

  if (!user || !valid) {
    await consumeRateLimit(emailKey, FAILED_SIGN_INS_PER_EMAIL);
    await consumeRateLimit(ipKey, FAILED_SIGN_INS_PER_IP);
    return { ok: false, code: "invalid" };
  }

  await resetRateLimit(emailKey);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, isStaff: user.isStaff },
  };
}
