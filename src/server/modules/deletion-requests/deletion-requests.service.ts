// Deletion requests (yêu cầu xoá dữ liệu cá nhân, Law 91/2025/QH15): a person asks, the Department's staff complete
// or reject, and completing erases the person's personal data in the same transaction. Tracked to completion.
import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { deletionRequests, people, users } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, notFound } from "../../platform/errors.js";
import { runCommand } from "../../platform/lifecycle.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { parseSort } from "../../../common/list.js";
import type { DeletionRequest, DeletionRequestListQuery } from "../../../common/api/person.js";
import { erasePersonalData } from "../people/people.service.js";
import { deletionRequestPolicy } from "./deletion-requests.policy.js";
import { deletionRequestLifecycle } from "./deletion-requests.lifecycle.js";

const noPerson = () => new AppError("NO_PERSON", 404, "me.no_person");

const selection = {
  r: deletionRequests,
  personName: people.fullName,
  requestedByUsername: users.username,
};

function baseQuery(db: Executor) {
  return db
    .select(selection)
    .from(deletionRequests)
    .leftJoin(people, eq(people.id, deletionRequests.personId))
    .leftJoin(users, eq(users.id, deletionRequests.requestedBy));
}
type Row = Awaited<ReturnType<typeof baseQuery>>[number];

function present(ctx: Ctx, { r, personName, requestedByUsername }: Row): DeletionRequest {
  return {
    id: r.id,
    personId: r.personId,
    personName,
    requestedBy: r.requestedBy,
    requestedByUsername,
    reason: r.reason,
    status: r.status,
    resolution: r.resolution,
    requestedAt: r.requestedAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    version: r.version,
    abilities: abilitiesOf(ctx.actor, deletionRequestPolicy, r),
  };
}

async function loadRequest(db: Executor, id: string, lock = false) {
  if (lock) await db.select({ id: deletionRequests.id }).from(deletionRequests).where(eq(deletionRequests.id, id)).for("update");
  const [row] = await baseQuery(db).where(eq(deletionRequests.id, id));
  return row ?? null;
}

/** POST /me/deletion-requests: one open request per person at a time. */
export async function createOwnDeletionRequest(ctx: Ctx, input: { reason: string | null }): Promise<DeletionRequest> {
  const personId = ctx.actor?.personId;
  if (!personId) throw noPerson();
  const id = await ctx.db.transaction(async (tx) => {
    // Lock the person so two requests sent at once cannot both find "no open request".
    const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId)).for("update");
    if (!p) throw noPerson();
    const [open] = await tx
      .select({ id: deletionRequests.id })
      .from(deletionRequests)
      .where(and(eq(deletionRequests.personId, personId), eq(deletionRequests.status, "open")));
    if (open) throw new AppError("ALREADY_OPEN", 409, "deletion.already_open", { id: open.id });
    const [row] = await tx
      .insert(deletionRequests)
      .values({ personId, requestedBy: ctx.actor!.userId, reason: input.reason, requestedAt: ctx.clock.now() })
      .returning({ id: deletionRequests.id });
    // The reason is the person's own words and may hold personal data: the audit row says only that there is one.
    await audit(tx, ctx, {
      action: "deletion_request.create",
      entityType: "deletion_request",
      entityId: row.id,
      after: { personId, status: "open" },
      details: { hasReason: !!input.reason },
    });
    return row.id;
  });
  return getDeletionRequest(ctx, id);
}

/** GET /me/deletion-requests: the requests the signed-in user made or that concern their person, newest first. */
export async function listOwnDeletionRequests(ctx: Ctx): Promise<DeletionRequest[]> {
  const mine = or(eq(deletionRequests.requestedBy, ctx.actor!.userId), ctx.actor!.personId ? eq(deletionRequests.personId, ctx.actor!.personId) : undefined);
  const rows = await baseQuery(ctx.db).where(mine).orderBy(desc(deletionRequests.requestedAt), deletionRequests.id);
  return rows.map((r) => present(ctx, r));
}

export const DELETION_REQUEST_SORTS = ["requestedAt", "status", "resolvedAt"] as const;

/** GET /deletion-requests (staff): filter by status, search by the person's name; oldest open first by default. */
export async function listDeletionRequests(ctx: Ctx, q: DeletionRequestListQuery) {
  const where = and(q.status ? eq(deletionRequests.status, q.status) : undefined, searchCondition(people.searchText, q.q));
  const { key, desc: isDesc } = parseSort(q.sort, DELETION_REQUEST_SORTS, "requestedAt");
  const dir = isDesc ? sql`DESC` : sql`ASC`;
  const order: Record<(typeof DELETION_REQUEST_SORTS)[number], SQL> = {
    requestedAt: sql`${deletionRequests.requestedAt} ${dir}`,
    status: sql`${deletionRequests.status} ${dir}, ${deletionRequests.requestedAt}`,
    resolvedAt: sql`${deletionRequests.resolvedAt} ${dir} NULLS LAST`,
  };
  const [rows, [count]] = await Promise.all([
    baseQuery(ctx.db)
      .where(where)
      .orderBy(order[key], deletionRequests.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(deletionRequests)
      .leftJoin(people, eq(people.id, deletionRequests.personId))
      .where(where),
  ]);
  return { items: rows.map((r) => present(ctx, r)), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getDeletionRequest(ctx: Ctx, id: string): Promise<DeletionRequest> {
  const row = await loadRequest(ctx.db, id);
  if (!row) throw notFound();
  authorize(ctx.actor, deletionRequestPolicy, "read", row.r);
  return present(ctx, row);
}

/**
 * Completes or rejects an open request in one command (platform/lifecycle.ts): state and version checked on the locked
 * row, the person's data erased (complete), the request closed, audited with what was erased.
 */
async function resolve(ctx: Ctx, id: string, outcome: "complete" | "reject", input: { resolution: string | null; version: number }): Promise<DeletionRequest> {
  await runCommand(ctx, deletionRequestLifecycle, {
    id,
    command: outcome,
    version: input.version,
    load: (tx, id, forUpdate) => loadRequest(tx, id, forUpdate),
    refOf: (row) => row.r,
    present: (row) => present(ctx, row),
    set: () => ({ resolution: input.resolution, resolvedAt: ctx.clock.now(), resolvedBy: ctx.actor!.userId }),
    effect: async (tx, row) => {
      const erasedFields = outcome === "complete" && row.r.personId ? await erasePersonalData(tx, ctx, row.r.personId, id) : null;
      return { after: { resolution: input.resolution }, details: erasedFields ? { personId: row.r.personId, erasedFields } : undefined };
    },
  });
  return getDeletionRequest(ctx, id);
}

export const completeDeletionRequest = (ctx: Ctx, id: string, input: { resolution: string | null; version: number }) => resolve(ctx, id, "complete", input);
export const rejectDeletionRequest = (ctx: Ctx, id: string, input: { resolution: string; version: number }) => resolve(ctx, id, "reject", input);
