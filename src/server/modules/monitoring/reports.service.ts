// Progress reports (báo cáo tiến độ): list, read, an officer adds one to the schedule or (re)generates the schedule,
// the PI / org rep saves a draft and submits it (submitted = locked), an officer accepts it or asks for revision.
// overdue = due date passed (Vietnam day of the server's clock) and never submitted.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { progressReportItems, progressReports } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, forbidden, notFound, staleVersion } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import type {
  Report,
  ReportListQuery,
  ReportSummary,
  reportCreate,
  reportInput,
  reportReview,
} from "../../../common/api/monitoring.js";
import { notify, type NotificationParams } from "../notifications/notify.js";
import { reportPolicy, taskInProgress, visibleTaskSql, type ReportRef } from "./monitoring.policy.js";
import { elapsedPercent, loadMilestones, loadTask, overallPercent, taskBriefOf, taskRecipients, type TaskRow } from "./monitoring.shared.js";
import { scheduleReports } from "./monitoring.schedule.js";
import { vietnamDate } from "../../platform/clock.js";

type Row = typeof progressReports.$inferSelect;
const EDITABLE = ["scheduled", "draft", "needs_revision"] as const;

const refOf = (r: Row, task: TaskRow): ReportRef => ({
  status: r.status,
  taskState: task.state,
  piPersonId: task.pi_person_id,
  leadOrganisationId: task.lead_organisation_id,
});

const num = (v: string | null) => (v === null ? null : Number(v));

function summaryOf(r: Row, task: Pick<TaskRow, "code" | "title_vi">, today: string): ReportSummary {
  return {
    id: r.id,
    taskId: r.taskId,
    taskCode: task.code,
    taskTitleVi: task.title_vi,
    kind: r.kind,
    sequence: r.sequence,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    dueOn: r.dueOn,
    status: r.status,
    overallPercent: num(r.overallPercent),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    overdue: !r.firstSubmittedAt && r.dueOn < today,
  };
}

async function loadReport(db: Executor, id: string) {
  const [r] = await db.select().from(progressReports).where(eq(progressReports.id, id));
  if (!r) return null;
  const task = await loadTask(db, r.taskId);
  return task ? { r, task } : null;
}

async function present(ctx: Ctx, db: Executor, r: Row, task: TaskRow): Promise<Report> {
  const today = vietnamDate(ctx.clock.now());
  const milestones = await loadMilestones(db, task.selected_dossier_id);
  const items = await db.select().from(progressReportItems).where(eq(progressReportItems.reportId, r.id));
  const byId = new Map(items.map((i) => [i.milestoneId, i]));
  return {
    ...summaryOf(r, task, today),
    task: taskBriefOf(task),
    workDone: r.workDone,
    products: r.products,
    spendingCity: r.spendingCity,
    spendingOther: r.spendingOther,
    problems: r.problems,
    proposals: r.proposals,
    items: milestones.map((m) => ({
      milestoneId: m.id,
      position: m.position,
      content: m.content,
      startsOn: m.starts_on,
      endsOn: m.ends_on,
      deliverable: m.deliverable,
      elapsedPercent: elapsedPercent(m.starts_on, m.ends_on, today),
      percent: byId.get(m.id)?.percent ?? null,
      note: byId.get(m.id)?.note ?? null,
    })),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewComment: r.reviewComment,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx.actor, reportPolicy, refOf(r, task)),
  };
}

export async function getReport(ctx: Ctx, id: string): Promise<Report> {
  const l = await loadReport(ctx.db, id);
  if (!l) throw notFound();
  authorize(ctx.actor, reportPolicy, "read", refOf(l.r, l.task));
  return present(ctx, ctx.db, l.r, l.task);
}

export async function listReports(ctx: Ctx, q: ReportListQuery) {
  const today = vietnamDate(ctx.clock.now());
  const where: SQL = sql`${visibleTaskSql(ctx.actor!, "t")}
    ${q.taskId ? sql`AND r.task_id = ${q.taskId}` : sql``}
    ${q.status ? sql`AND r.status = ${q.status}` : sql``}
    ${q.overdue === "true" ? sql`AND r.first_submitted_at IS NULL AND r.due_on < ${today}::date` : sql``}
    ${q.overdue === "false" ? sql`AND NOT (r.first_submitted_at IS NULL AND r.due_on < ${today}::date)` : sql``}
    ${q.q ? sql`AND ${searchCondition(sql`t.search_text`, q.q) ?? sql`true`}` : sql``}`;
  const desc = q.sort?.startsWith("-");
  const [rows, total] = await Promise.all([
    ctx.db.execute<{ id: string; code: string; title_vi: string }>(sql`
      SELECT r.id, t.code, t.title_vi FROM progress_reports r JOIN tasks t ON t.id = r.task_id
      WHERE ${where}
      ORDER BY r.due_on ${desc ? sql`DESC` : sql`ASC`}, t.code, r.kind DESC, r.sequence, r.id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    ctx.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM progress_reports r JOIN tasks t ON t.id = r.task_id WHERE ${where}`),
  ]);
  const ids = rows.rows.map((r) => r.id);
  const full = ids.length ? await ctx.db.select().from(progressReports).where(sql`${progressReports.id} IN (${sql.join(ids.map((i) => sql`${i}::uuid`), sql`, `)})`) : [];
  const byId = new Map(full.map((r) => [r.id, r]));
  const items = rows.rows.map((x) => summaryOf(byId.get(x.id)!, x, today));
  return { items, total: total.rows[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function taskForWrite(tx: Executor, taskId: string) {
  const task = await loadTask(tx, taskId, true);
  if (!task) throw notFound();
  return task;
}

/** An officer (re)generates a task's schedule; existing reports are kept. */
export async function scheduleTask(ctx: Ctx, taskId: string, intervalMonths?: number) {
  const today = vietnamDate(ctx.clock.now());
  const created = await ctx.db.transaction(async (tx) => {
    const task = await taskForWrite(tx, taskId);
    if (!ctx.actor || !reportPolicy.general.create?.(ctx.actor)) throw forbidden();
    if (!taskInProgress(task.state)) throw new AppError("ILLEGAL_STATE", 409, "monitoring.task.not_in_progress", { state: task.state });
    if (!task.start_date || !task.end_date) throw new AppError("ILLEGAL_STATE", 409, "monitoring.task.no_dates");
    const n = await scheduleReports(tx, taskId, ctx.clock.now(), intervalMonths ?? ctx.config.monitoring.reportIntervalMonths);
    await audit(tx, ctx, { action: "progress_report.schedule", entityType: "task", entityId: taskId, details: { created: n } });
    return n;
  });
  const task = (await loadTask(ctx.db, taskId))!;
  const rows = await ctx.db.select().from(progressReports).where(eq(progressReports.taskId, taskId)).orderBy(progressReports.dueOn, progressReports.kind);
  return { created, reports: rows.map((r) => summaryOf(r, task, today)) };
}

export async function createReport(ctx: Ctx, input: z.output<typeof reportCreate>): Promise<Report> {
  const id = await ctx.db.transaction(async (tx) => {
    const task = await taskForWrite(tx, input.taskId);
    if (!taskInProgress(task.state)) throw new AppError("ILLEGAL_STATE", 409, "monitoring.task.not_in_progress", { state: task.state });
    const next = await tx.execute<{ n: number }>(sql`
      SELECT coalesce(max(sequence), 0)::int + 1 AS n FROM progress_reports WHERE task_id = ${input.taskId} AND kind = ${input.kind}`);
    const sequence = next.rows[0].n;
    if (input.kind === "final" && sequence > 1) {
      throw new AppError("DUPLICATE", 409, "monitoring.report.duplicate", [{ path: "kind", code: "duplicate", message: "final" }]);
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(progressReports)
      .values({
        taskId: input.taskId,
        kind: input.kind,
        sequence,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        dueOn: input.dueOn,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor!.userId,
        updatedBy: ctx.actor!.userId,
      })
      .returning();
    await audit(tx, ctx, { action: "progress_report.create", entityType: "progress_report", entityId: row.id, after: { ...input, sequence } });
    await notify(tx, {
      at: ctx.clock.now(),
      userIds: await taskRecipients(tx, input.taskId),
      kind: "report_scheduled",
      params: { code: task.code, title: task.title_vi, count: 1 },
      link: `/monitoring/reports/${row.id}`,
    });
    return row.id;
  });
  return getReport(ctx, id);
}

/** "kỳ 2" / "report 2", or the final report, in the reader's language (render.ts picks *_vi / *_en). */
export const sequenceParams = (r: Pick<Row, "kind" | "sequence">): NotificationParams =>
  r.kind === "final" ? { sequence_vi: "cuối", sequence_en: "(final)" } : { sequence: r.sequence };

/** Loads the report for a write inside the transaction: 404 when hidden, 409 when locked, 403 otherwise refused. */
async function forWrite(ctx: Ctx, tx: Executor, id: string, ability: "edit" | "submit" | "review") {
  const l = await loadReport(tx, id);
  if (!l) throw notFound();
  const ref = refOf(l.r, l.task);
  authorize(ctx.actor, reportPolicy, "read", ref);
  if (ability !== "review" && !(EDITABLE as readonly string[]).includes(l.r.status)) {
    throw new AppError("LOCKED", 409, "monitoring.report.locked", { status: l.r.status });
  }
  if (ability !== "review" && !taskInProgress(l.task.state)) {
    throw new AppError("ILLEGAL_STATE", 409, "monitoring.task.not_in_progress", { state: l.task.state });
  }
  if (ability === "review" && l.r.status !== "submitted") throw new AppError("ILLEGAL_STATE", 409, "monitoring.report.not_submitted", { status: l.r.status });
  authorize(ctx.actor, reportPolicy, ability, ref);
  return l;
}

const snapshot = (r: Row) => ({
  status: r.status,
  workDone: r.workDone,
  products: r.products,
  spendingCity: r.spendingCity,
  spendingOther: r.spendingOther,
  problems: r.problems,
  proposals: r.proposals,
  overallPercent: r.overallPercent,
  version: r.version,
});

/** Guarded UPDATE by id, an allowed status and the version read; on a miss, answers the current record (409). */
async function guardedUpdate(ctx: Ctx, tx: Executor, l: { r: Row; task: TaskRow }, version: number, statuses: readonly string[], set: Partial<typeof progressReports.$inferInsert>) {
  const updated = await tx
    .update(progressReports)
    .set({ ...set, updatedAt: ctx.clock.now(), updatedBy: ctx.actor!.userId, version: sql`${progressReports.version} + 1` })
    .where(
      and(
        eq(progressReports.id, l.r.id),
        eq(progressReports.version, version),
        sql`${progressReports.status} IN (${sql.join(statuses.map((s) => sql`${s}`), sql`, `)})`,
      ),
    )
    .returning();
  if (!updated.length) {
    const current = (await loadReport(tx, l.r.id)) ?? l;
    if (!statuses.includes(current.r.status)) throw new AppError("LOCKED", 409, "monitoring.report.locked", { status: current.r.status });
    throw staleVersion(await present(ctx, tx, current.r, current.task));
  }
  return updated[0];
}

export async function saveReport(ctx: Ctx, id: string, input: z.output<typeof reportInput>): Promise<Report> {
  await ctx.db.transaction(async (tx) => {
    const l = await forWrite(ctx, tx, id, "edit");
    const milestones = await loadMilestones(tx, l.task.selected_dossier_id);
    const known = new Set(milestones.map((m) => m.id));
    const unknown = input.items.findIndex((i) => !known.has(i.milestoneId));
    if (unknown >= 0) {
      throw badInput("monitoring.report.unknown_milestone", {}, [{ path: `items.${unknown}.milestoneId`, code: "not_found", message: "" }]);
    }
    const percent = overallPercent(milestones, input.items);
    const updated = await guardedUpdate(ctx, tx, l, input.version, EDITABLE, {
      status: l.r.status === "needs_revision" ? "needs_revision" : "draft",
      workDone: input.workDone,
      products: input.products,
      spendingCity: input.spendingCity,
      spendingOther: input.spendingOther,
      problems: input.problems,
      proposals: input.proposals,
      overallPercent: percent === null ? null : String(percent),
    });
    await tx.delete(progressReportItems).where(eq(progressReportItems.reportId, id));
    if (input.items.length) {
      await tx.insert(progressReportItems).values(input.items.map((i) => ({ reportId: id, milestoneId: i.milestoneId, percent: i.percent, note: i.note })));
    }
    await audit(tx, ctx, {
      action: "progress_report.update",
      entityType: "progress_report",
      entityId: id,
      before: snapshot(l.r),
      after: { ...snapshot(updated), items: input.items },
    });
  });
  return getReport(ctx, id);
}

export async function submitReport(ctx: Ctx, id: string, version: number): Promise<Report> {
  await ctx.db.transaction(async (tx) => {
    const l = await forWrite(ctx, tx, id, "submit");
    const itemCount = await tx.$count(progressReportItems, eq(progressReportItems.reportId, id));
    if (!l.r.workDone && itemCount === 0) throw badInput("monitoring.report.empty");
    const now = ctx.clock.now();
    await guardedUpdate(ctx, tx, l, version, EDITABLE, {
      status: "submitted",
      submittedAt: now,
      submittedBy: ctx.actor!.userId,
      firstSubmittedAt: l.r.firstSubmittedAt ?? now,
    });
    await audit(tx, ctx, {
      action: "progress_report.submit",
      entityType: "progress_report",
      entityId: id,
      before: { status: l.r.status, version: l.r.version },
      after: { status: "submitted", version: l.r.version + 1 },
    });
    // The Department's officers review progress reports (no officer is assigned to a task): each active officer is told.
    const officers = await tx.execute<{ id: string }>(sql`SELECT id FROM users WHERE 'officer' = ANY (roles) AND status = 'active'`);
    await notify(tx, {
      at: ctx.clock.now(),
      userIds: officers.rows.map((o) => o.id),
      kind: "report_submitted",
      params: { code: l.task.code, title: l.task.title_vi, ...sequenceParams(l.r) },
      link: `/monitoring/reports/${id}`,
    });
  });
  return getReport(ctx, id);
}

export async function reviewReport(ctx: Ctx, id: string, input: z.output<typeof reportReview>): Promise<Report> {
  await ctx.db.transaction(async (tx) => {
    const l = await forWrite(ctx, tx, id, "review");
    await guardedUpdate(ctx, tx, l, input.version, ["submitted"], {
      status: input.decision,
      reviewedAt: ctx.clock.now(),
      reviewedBy: ctx.actor!.userId,
      reviewComment: input.comment,
    });
    await audit(tx, ctx, {
      action: "progress_report.review",
      entityType: "progress_report",
      entityId: id,
      before: { status: l.r.status, version: l.r.version },
      after: { status: input.decision, version: l.r.version + 1 },
      details: { comment: input.comment },
    });
    await notify(tx, {
      at: ctx.clock.now(),
      userIds: await taskRecipients(tx, l.r.taskId),
      kind: input.decision === "accepted" ? "report_accepted" : "report_needs_revision",
      params: { code: l.task.code, title: l.task.title_vi, ...sequenceParams(l.r), comment: input.comment },
      link: `/monitoring/reports/${id}`,
    });
  });
  return getReport(ctx, id);
}
