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
    select: { id: true },
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

export const AUDIT_EVENTS_PER_PAGE = 100;

/**
 * One page of a team's events, newest first, each with who acted: the person signing in, or the
 * member or support staff who changed something.
 */
export async function listTeamAuditEvents(
  teamId: string,
  { page = 1, perPage = AUDIT_EVENTS_PER_PAGE }: { page?: number; perPage?: number } = {},
) {
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where: { teamId },
      // Events recorded together share a timestamp; ids, generated in order, break the tie.
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { ...auditEventSelect, actorId: true },
    }),
    db.auditEvent.count({ where: { teamId } }),
  ]);
  const events = await withActors(rows);
  return { events, page, total, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}

async function withActors<
  T extends { actorId: string | null; email: string | null; detail: unknown },
>(events: T[]) {
  const actorIds = [
    ...new Set(events.map((event) => event.actorId).filter((id): id is string => Boolean(id))),
  ];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(actors.map((actor) => [actor.id, actor.email]));

  return events.map(({ actorId, ...event }) => {
    const viaSupport = (event.detail as { via?: string } | null)?.via === "support";
    const actor = actorId ? emailOf.get(actorId) : undefined;
    return { ...event, who: actor ?? event.email ?? null, viaSupport };
  });
}

export function getTeamAuditEvent(teamId: string, ref: string) {
  return db.auditEvent.findFirst({ where: { teamId, ref }, select: auditEventSelect });
}
