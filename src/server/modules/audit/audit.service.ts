// Audit-log browser: filter and page the log newest first, and check its hash chain (SECURITY.md 19–20).
import { and, eq, sql, type SQL } from "drizzle-orm";
import { auditLog } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { searchCondition } from "../../platform/list.js";
import type { AuditEntry, AuditListQuery } from "../../../common/api/audit.js";
import { startOfVietnamDay } from "../../platform/clock.js";

const DAY_MS = 86400_000;

/** Free text matches the action, the actor's username, the entity type and the entity id, accent- and case-insensitively. */
const searchable = sql`f_fold(${auditLog.action} || ' ' || coalesce(${auditLog.actorUsername}, '') || ' ' || coalesce(${auditLog.entityType}, '') || ' ' || coalesce(${auditLog.entityId}, ''))`;

export function auditFilters(q: Omit<AuditListQuery, "page" | "pageSize" | "sort">): SQL | undefined {
  return and(
    searchCondition(searchable, q.q),
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.outcome ? eq(auditLog.outcome, q.outcome) : undefined,
    q.from ? sql`${auditLog.at} >= ${startOfVietnamDay(q.from)}` : undefined,
    q.to ? sql`${auditLog.at} < ${new Date(startOfVietnamDay(q.to).getTime() + DAY_MS)}` : undefined,
  );
}

export async function listAudit(ctx: Ctx, q: AuditListQuery) {
  const where = auditFilters(q);
  // Newest first by default; "sort=at" gives oldest first. The id follows the order rows were written (the chain).
  const oldestFirst = q.sort === "at";
  const [rows, total] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(oldestFirst ? sql`${auditLog.id} ASC` : sql`${auditLog.id} DESC`)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(auditLog, where),
  ]);
  const items: AuditEntry[] = rows.map((r) => ({
    id: r.id,
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
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function verifyAudit(ctx: Ctx) {
  return verifyAuditChain(ctx.db);
}
