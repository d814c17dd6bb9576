// Calls (đợt gọi đề xuất / tuyển chọn): list, read, create, edit while draft, and one command per transition:
// publish (draft → published), close (published → closed), cancel (draft | published → cancelled).
// Whether a call accepts submissions is decided by the SERVER's clock (ctx.clock) and the status only:
//   acceptingSubmissions = status = 'published' AND opens_at <= now < closes_at
// assertCallAccepting() applies the same rule for the modules that take submissions (proposals, dossiers).
import { and, eq, gt, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import { calls, processTemplates, programmes } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, notFound } from "../../platform/errors.js";
import type { MessageKey } from "../../platform/messages.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { parseSort } from "../../../common/list.js";
import { CALL_SORTS, type Call, type CallAction, type CallListQuery, type CallSummary, callInput, defaultRequiredDocuments } from "../../../common/api/call.js";
import { assertCodes } from "../reference/reference.service.js";
import { callPolicy } from "./calls.policy.js";
import { callLifecycle } from "./calls.lifecycle.js";
import { guardFailed, runCommand } from "../../platform/lifecycle.js";
import type { z } from "zod";
import { vietnamDate } from "../../platform/clock.js";

type Input = z.output<typeof callInput>;
type CallRow = typeof calls.$inferSelect;

/** The one rule for "does this call take submissions now". */
export function isAccepting(c: Pick<CallRow, "status" | "opensAt" | "closesAt">, now: Date): boolean {
  return c.status === "published" && c.opensAt.getTime() <= now.getTime() && now.getTime() < c.closesAt.getTime();
}

/**
 * For the modules that take submissions into a call (proposals, dossiers): inside their transaction, with the
 * server's now. Answers the call row, or throws 404 (no such call) / 409 CALL_NOT_ACCEPTING with the reason.
 * Locks the call row (FOR SHARE) so a concurrent close or cancel waits for the submission to commit.
 */
export async function assertCallAccepting(db: Executor, callId: string, now: Date): Promise<CallRow> {
  const [c] = await db.select().from(calls).where(eq(calls.id, callId)).for("share");
  if (!c) throw notFound();
  if (isAccepting(c, now)) return c;
  const key: MessageKey =
    c.status !== "published"
      ? "call.not_accepting.not_published"
      : now.getTime() < c.opensAt.getTime()
        ? "call.not_accepting.not_open_yet"
        : "call.not_accepting.deadline_passed";
  throw new AppError("CALL_NOT_ACCEPTING", 409, key, { status: c.status, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString() });
}

/** The call policy's record-independent ability (who may act on calls at all). */
const generalCan = (ctx: Ctx, ability: keyof typeof callPolicy.general) => !!ctx.actor && !!callPolicy.general[ability]?.(ctx.actor);
const isStaff = (ctx: Ctx) => generalCan(ctx, "create");

// Correlated subqueries name the outer table explicitly (see ARCHITECTURE.md, "Drizzle trap").
const outerProgramme = sql.raw(`"calls"."programme_id"`);
const programmeCodeSql = sql<string | null>`(SELECT p.code FROM programmes p WHERE p.id = ${outerProgramme})`;

export function callFilters(ctx: Ctx, q: Omit<CallListQuery, "page" | "pageSize" | "sort">): SQL | undefined {
  const now = ctx.clock.now();
  return and(
    // Drafts (and calls cancelled before publication) exist for staff only.
    isStaff(ctx) ? undefined : isNotNull(calls.publishedAt),
    searchCondition(calls.searchText, q.q),
    q.status ? eq(calls.status, q.status) : undefined,
    q.kind ? eq(calls.kind, q.kind) : undefined,
    q.programmeId ? eq(calls.programmeId, q.programmeId) : undefined,
    q.field ? sql`${q.field} = ANY(${calls.fields})` : undefined,
    q.sector ? sql`${q.sector} = ANY(${calls.sectors})` : undefined,
    q.open === "true" ? and(eq(calls.status, "published"), lte(calls.opensAt, now), gt(calls.closesAt, now)) : undefined,
    q.open === "false"
      ? sql`NOT (${calls.status} = 'published' AND ${calls.opensAt} <= ${now.toISOString()}::timestamptz AND ${calls.closesAt} > ${now.toISOString()}::timestamptz)`
      : undefined,
  );
}

export async function listCalls(ctx: Ctx, q: CallListQuery) {
  const now = ctx.clock.now();
  const where = callFilters(ctx, q);
  const { key, desc } = parseSort(q.sort, CALL_SORTS, "closesAt");
  // Default: the latest deadline first (current calls on top); an explicit sort follows its direction.
  const dir = desc || (!q.sort && key === "closesAt") ? sql`DESC` : sql`ASC`;
  const order: Record<(typeof CALL_SORTS)[number], SQL> = {
    code: sql`${calls.code} ${dir}`,
    title: sql`${calls.titleVi} COLLATE vn ${dir}`,
    opensAt: sql`${calls.opensAt} ${dir}`,
    closesAt: sql`${calls.closesAt} ${dir}`,
    updatedAt: sql`${calls.updatedAt} ${dir}`,
  };
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        id: calls.id,
        code: calls.code,
        titleVi: calls.titleVi,
        titleEn: calls.titleEn,
        kind: calls.kind,
        programmeId: calls.programmeId,
        programmeCode: programmeCodeSql,
        opensAt: calls.opensAt,
        closesAt: calls.closesAt,
        status: calls.status,
        updatedAt: calls.updatedAt,
      })
      .from(calls)
      .where(where)
      .orderBy(order[key], calls.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(calls, where),
  ]);
  const items: CallSummary[] = rows.map((r) => ({
    ...r,
    acceptingSubmissions: isAccepting(r, now),
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function loadCall(db: Executor, id: string, forUpdate = false) {
  const q = db
    .select({
      c: calls,
      programmeCode: programmes.code,
      programmeName: programmes.nameVi,
      templateNameVi: processTemplates.nameVi,
      templateNameEn: processTemplates.nameEn,
    })
    .from(calls)
    .leftJoin(programmes, eq(programmes.id, calls.programmeId))
    .leftJoin(processTemplates, eq(processTemplates.key, calls.templateKey))
    .where(eq(calls.id, id));
  const [row] = forUpdate ? await q.for("update", { of: calls }) : await q;
  return row ?? null;
}
type Loaded = NonNullable<Awaited<ReturnType<typeof loadCall>>>;

function present(ctx: Ctx, r: Loaded): Call {
  const { c } = r;
  const now = ctx.clock.now();
  const published = c.status === "published";
  const seconds = (d: Date) => Math.max(0, Math.floor((d.getTime() - now.getTime()) / 1000));
  return {
    id: c.id,
    code: c.code,
    titleVi: c.titleVi,
    titleEn: c.titleEn,
    kind: c.kind,
    programmeId: c.programmeId,
    programmeCode: r.programmeCode,
    programmeName: r.programmeName,
    fields: c.fields,
    sectors: c.sectors,
    description: c.description,
    requiredDocuments: c.requiredDocuments,
    templateKey: c.templateKey,
    templateNameVi: r.templateNameVi,
    templateNameEn: r.templateNameEn,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    status: c.status,
    acceptingSubmissions: isAccepting(c, now),
    secondsToDeadline: published && now < c.closesAt ? seconds(c.closesAt) : null,
    secondsToOpen: published && now < c.opensAt ? seconds(c.opensAt) : null,
    serverTime: now.toISOString(),
    publishedAt: c.publishedAt?.toISOString() ?? null,
    closedAt: c.closedAt?.toISOString() ?? null,
    closeReason: c.closeReason,
    cancelledAt: c.cancelledAt?.toISOString() ?? null,
    cancelReason: c.cancelReason,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx.actor, callPolicy, c),
  };
}

/** The call row, when the actor may read it (404 otherwise): for the modules that show a call's records. */
export async function readableCall(ctx: Ctx, id: string): Promise<CallRow> {
  const r = await loadCall(ctx.db, id);
  if (!r) throw notFound();
  authorize(ctx.actor, callPolicy, "read", r.c);
  return r.c;
}

export async function getCall(ctx: Ctx, id: string): Promise<Call> {
  const r = await loadCall(ctx.db, id);
  if (!r) throw notFound();
  authorize(ctx.actor, callPolicy, "read", r.c);
  return present(ctx, r);
}

async function validate(ctx: Ctx, db: Executor, input: Input, selfId?: string) {
  const day = vietnamDate(ctx.clock.now());
  await assertCodes(db, day, "field", input.fields, "fields");
  await assertCodes(db, day, "sector", input.sectors, "sectors");
  if (input.programmeId) {
    const r = await db.execute<{ ok: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM programmes WHERE id = ${input.programmeId}) AS ok`);
    if (!r.rows[0]?.ok) throw badInput("error.invalid_reference", {}, [{ path: "programmeId", code: "not_found", message: "" }]);
  }
  if (input.templateKey) {
    const r = await db.execute<{ ok: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM process_templates WHERE key = ${input.templateKey}) AS ok`);
    if (!r.rows[0]?.ok) throw badInput("error.invalid_reference", {}, [{ path: "templateKey", code: "not_found", message: "" }]);
  }
  const [dup] = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.code, input.code), selfId ? sql`${calls.id} <> ${selfId}` : undefined));
  if (dup) throw new AppError("DUPLICATE", 409, "error.duplicate", [{ path: "code", code: "duplicate", message: input.code }], { field: "mã / code" });
}

const columns = (input: Input) => ({
  code: input.code,
  titleVi: input.titleVi,
  titleEn: input.titleEn,
  kind: input.kind,
  programmeId: input.programmeId,
  fields: input.fields,
  sectors: input.sectors,
  description: input.description,
  requiredDocuments: input.requiredDocuments ?? defaultRequiredDocuments(input.kind),
  opensAt: new Date(input.opensAt),
  closesAt: new Date(input.closesAt),
  ...(input.templateKey ? { templateKey: input.templateKey } : {}),
});

function snapshot(c: CallRow) {
  return {
    code: c.code,
    titleVi: c.titleVi,
    titleEn: c.titleEn,
    kind: c.kind,
    programmeId: c.programmeId,
    fields: c.fields,
    sectors: c.sectors,
    description: c.description,
    requiredDocuments: c.requiredDocuments,
    templateKey: c.templateKey,
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    status: c.status,
  };
}

export async function createCall(ctx: Ctx, input: Input): Promise<Call> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await validate(ctx, tx, input);
    const values = columns(input);
    const [row] = await tx
      .insert(calls)
      .values({ ...values, status: "draft", createdAt: now, updatedAt: now, createdBy: ctx.actor!.userId, updatedBy: ctx.actor!.userId })
      .returning();
    await audit(tx, ctx, { action: "call.create", entityType: "call", entityId: row.id, after: snapshot(row) });
    return row.id;
  });
  return getCall(ctx, id);
}

/** The kit's view of a call: loaded FOR UPDATE, its policy reference, and the record as the API shows it. */
const commandOf = (ctx: Ctx) => ({
  load: (tx: Executor, id: string, forUpdate: boolean) => loadCall(tx, id, forUpdate),
  refOf: (l: Loaded) => l.c,
  present: (l: Loaded) => present(ctx, l),
});

/** Edits a draft call (the lifecycle's "update"): the same checks as creating it, audited with both versions. */
export async function updateCall(ctx: Ctx, id: string, input: Input & { version: number }): Promise<Call> {
  await runCommand(ctx, callLifecycle, {
    ...commandOf(ctx),
    id,
    command: "update",
    version: input.version,
    guard: (_l, tx) => validate(ctx, tx, input, id),
    set: () => columns(input),
    effect: async (tx, before) => {
      const after = await loadCall(tx, id);
      return { before: snapshot(before.c), after: snapshot(after!.c) };
    },
  });
  return getCall(ctx, id);
}

/** Conditions of the transitions beyond the state: a publishable call, a reason to close before the deadline. */
function guard(action: CallAction, c: CallRow, now: Date, reason: string | null) {
  const details = { action, status: c.status };
  if (action === "publish") {
    if (!c.titleVi.trim()) throw guardFailed("call.publish.no_title", {}, details);
    if (c.closesAt.getTime() <= now.getTime()) throw guardFailed("call.publish.window_ended", {}, details);
    if (!c.requiredDocuments.some((d) => d.required)) throw guardFailed("call.publish.no_required_document", {}, details);
  }
  if (action === "close" && now.getTime() < c.closesAt.getTime() && !reason) throw guardFailed("call.close.early_needs_reason", {}, details);
}

export async function transitionCall(ctx: Ctx, id: string, action: CallAction, body: { version: number; reason?: string | null }): Promise<Call> {
  const now = ctx.clock.now();
  const reason = body.reason?.trim() || null;
  const by = ctx.actor?.userId ?? null;
  await runCommand(ctx, callLifecycle, {
    ...commandOf(ctx),
    id,
    command: action,
    version: body.version,
    guard: (l) => guard(action, l.c, now, reason),
    set: () =>
      action === "publish"
        ? { publishedAt: now, publishedBy: by }
        : action === "close"
          ? { closedAt: now, closedBy: by, closeReason: reason }
          : { cancelledAt: now, cancelledBy: by, cancelReason: reason },
    details: reason ? { reason } : undefined,
  });
  return getCall(ctx, id);
}
