// Audit trail (SECURITY.md 19–20): every write, sign-in, denial and export adds a row in the SAME transaction as
// the change. Rows are hash-chained (each hash covers the previous hash and the row), and the table is append-only.
import crypto from "node:crypto";
import { sql, asc } from "drizzle-orm";
import { auditLog } from "../db/schema/index.js";
import type { Ctx, Executor } from "./context.js";
import type { AuditAction } from "./audit-actions.js";

export interface AuditEntry {
  /** A registered action (platform/audit-actions.ts): a literal the registry does not have is a type error. */
  action: AuditAction;
  entityType?: string;
  entityId?: string | null;
  outcome?: "success" | "denied" | "failure";
  before?: unknown;
  after?: unknown;
  details?: unknown;
  /** When there is no signed-in actor (e.g. a failed sign-in), who was named. */
  actorUsername?: string;
  actorId?: string | null;
}

const GENESIS = "0".repeat(64);

function canonical(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return (
      "{" +
      Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort()
        .map((k) => JSON.stringify(k) + ":" + canonical(obj[k]))
        .join(",") +
      "}"
    );
  }
  return JSON.stringify(value);
}

/** JSON round trip: what jsonb will hand back (Dates become strings, undefined disappears). */
const plain = (v: unknown) => (v === undefined ? null : (JSON.parse(JSON.stringify(v)) as unknown));

interface HashedFields {
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: string;
  ip: string | null;
  correlationId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
}

export function auditHash(prevHash: string, f: HashedFields): string {
  return crypto.createHash("sha256").update(prevHash).update(canonical(f)).digest("hex");
}

export async function audit(tx: Executor, ctx: Pick<Ctx, "actor" | "ip" | "correlationId" | "clock">, e: AuditEntry) {
  // One writer at a time extends the chain; the lock is held to the end of the caller's transaction. Lock order: a
  // transaction changes (locks) its rows first and audits after; one that audits first and then changes a row that
  // another transaction holds while waiting here deadlocks with it on a PostgreSQL server (PGlite runs one at a time).
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7261002)`);
  const last = await tx.execute<{ hash: string }>(sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  const prevHash = last.rows[0]?.hash ?? GENESIS;
  const fields: HashedFields = {
    at: ctx.clock.now().toISOString(),
    // An entry that names its actor (a sign-in attempt for another account) never borrows the session's user id.
    actorId: e.actorId !== undefined ? e.actorId : e.actorUsername !== undefined ? null : (ctx.actor?.userId ?? null),
    actorUsername: e.actorUsername ?? ctx.actor?.username ?? null,
    action: e.action,
    entityType: e.entityType ?? null,
    entityId: e.entityId ?? null,
    outcome: e.outcome ?? "success",
    ip: ctx.ip,
    correlationId: ctx.correlationId,
    before: plain(e.before),
    after: plain(e.after),
    details: plain(e.details),
  };
  await tx.insert(auditLog).values({
    ...fields,
    at: new Date(fields.at),
    outcome: fields.outcome as "success",
    prevHash,
    hash: auditHash(prevHash, fields),
  });
}

/** Recomputes the chain; returns the id of the first row that does not match, or null when intact. */
export async function verifyAuditChain(db: Executor): Promise<{ ok: boolean; checked: number; brokenAt: number | null }> {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.id));
  let prev = GENESIS;
  for (const r of rows) {
    const expected = auditHash(prev, {
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorUsername: r.actorUsername,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      outcome: r.outcome,
      ip: r.ip,
      correlationId: r.correlationId,
      before: r.before,
      after: r.after,
      details: r.details,
    });
    if (r.prevHash !== prev || r.hash !== expected) return { ok: false, checked: rows.length, brokenAt: r.id };
    prev = r.hash;
  }
  return { ok: true, checked: rows.length, brokenAt: null };
}
