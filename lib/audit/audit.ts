import { randomBytes } from "node:crypto";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

export type AuditInput = {
  action: string;
  outcome: "success" | "refused" | "error";
  teamId?: string | null;
  actorId?: string | null;
  reason?: string;
  email?: string | null;
  ip?: string | null;
  /** Never a secret, token, code or cookie. */
  detail?: Prisma.InputJsonValue;
};

// Crockford base32 without look-alike letters, so a reference read aloud is typed right.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReference() {
  const bytes = randomBytes(8);
  const chars = Array.from(bytes, (byte) => ALPHABET[byte % 32]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Records an event and returns its reference, which refusal pages show. */
export async function recordAudit(input: AuditInput): Promise<string> {
  const ref = newReference();
  await db.auditEvent.create({
    data: {
      ref,
      action: input.action,
      outcome: input.outcome,
      teamId: input.teamId ?? null,
      actorId: input.actorId ?? null,
      reason: input.reason,
      email: input.email ?? null,
      ip: input.ip ?? null,
      detail: input.detail,
    },
  });
  logger.info(
    {
      ref,
      action: input.action,
      outcome: input.outcome,
      teamId: input.teamId,
      userId: input.actorId,
      reason: input.reason,
    },
    "audit",
  );
  return ref;
}

export const auditEventSelect = {
  id: true,
  ref: true,
  action: true,
  outcome: true,
  reason: true,
  email: true,
  ip: true,
  createdAt: true,
  detail: true,
} as const;

export function listTeamAuditEvents(teamId: string, take = 100) {
  return db.auditEvent.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    take,
    select: auditEventSelect,
  });
}

export function getTeamAuditEvent(teamId: string, ref: string) {
  return db.auditEvent.findFirst({ where: { teamId, ref }, select: auditEventSelect });
}
