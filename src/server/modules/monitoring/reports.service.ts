// Progress reports (báo cáo tiến độ): list, read, an officer adds one to the schedule or (re)generates the schedule,
// the PI / org rep saves a draft and submits it, an officer accepts it (final: 409 LOCKED) or asks for revision. Every
// change runs through the lifecycle kit (reports.lifecycle.ts): a wrong state answers 409 INVALID_STATE, a task no
// longer in progress 409 GUARD_FAILED.
// overdue = due date passed (Vietnam day of the server's clock) and never submitted.
import { eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { progressReportItems, progressReports } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, forbidden, locked, notFound } from "../../platform/errors.js";
import { guardFailed, runCommand } from "../../platform/lifecycle.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import type { Report, ReportListQuery, ReportSummary, reportCreate, reportInput, reportReview } from "../../../common/api/monitoring.js";
import { notify, type NotificationParams } from "../notifications/notify.js";
import { reportPolicy, taskInProgress, type ReportRef } from "./monitoring.policy.js";
import { elapsedPercent, loadMilestones, loadTask, overallPercent, taskBriefOf, taskRecipients, type TaskRow } from "./monitoring.shared.js";
import { scheduleReports } from "./monitoring.schedule.js";
import { startOfVietnamDay, vietnamDate } from "../../platform/clock.js";
import { visibleTasksSql } from "../tasks/tasks.access.js";
import { reportLifecycle } from "./reports.lifecycle.js";

type Row = typeof progressReports.$inferSelect;

const refOf = (r: Row, task: TaskRow): ReportRef => ({
  status: r.status,
  taskState: task.state,
  piPersonId: task.pi_person_id,
  leadOrganisationId: task.lead_organisation_id,
});

const num = (v: string | null) => (v === null ? null : Number(v));

/** Since when a report waits (see `reportSummary.waitingSince`; monitoring.work.ts counts the same for the home). */
function waitingSince(r: Row): Date | null {
  if (r.status === "accepted") return null;
  if (r.status === "submitted") return r.submittedAt;
  if (r.status === "needs_revision") return r.reviewedAt;
  const due = startOfVietnamDay(r.dueOn);
  return r.createdAt < due ? r.createdAt : due;
}

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
    waitingSince: waitingSince(r)?.toISOString() ?? null,
  };
}

async function loadReport(db: Executor, id: string, lock = false) {
  const q = db.select().from(progressReports).where(eq(progressReports.id, id));
  const [r] = lock ? await q.for("update") : await q;
  if (!r) return null;
  const task = await loadTask(db, r.taskId, lock);
  return task ? { r, task } : null;
}

async function present(ctx: Ctx, db: Executor, r: Row, task: TaskRow): Promise<Report> {
  const today = vietnamDate(ctx.clock.now());
  const milestones = await loadMilestones(db, task.selected_dossier_id);
  const items = await db.select().from(progressReportItems).where(eq(progressReportItems.reportId, r.id));
  const byId = new Map(items.map((i) => [i.milestoneId, i]));
  const report: Report = {
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
  // the guard of editing and submitting (a task no longer in progress): the buttons that would fail are not offered
  if (!taskInProgress(task.state)) Object.assign(report.abilities, { edit: false, submit: false });
  return report;
}

export async function getReport(ctx: Ctx, id: string): Promise<Report> {
  const l = await loadReport(ctx.db, id);
  if (!l) throw notFound();
  authorize(ctx.actor, reportPolicy, "read", refOf(l.r, l.task));
  return present(ctx, ctx.db, l.r, l.task);
}

export async function listReports(ctx: Ctx, q: ReportListQuery) {
  const today = vietnamDate(ctx.clock.now());
  const where: SQL = sql`${visibleTasksSql(ctx.actor, "t", { purpose: "performance", now: ctx.clock.now() })}
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
  const full = ids.length
    ? await ctx.db
        .select()
        .from(progressReports)
        .where(
          sql`${progressReports.id} IN (${sql.join(
            ids.map((i) => sql`${i}::uuid`),
            sql`, `,
          )})`,
        )
    : [];
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
    assertTaskInProgress(task);
    if (!task.start_date || !task.end_date) throw guardFailed("monitoring.task.no_dates", {}, { taskState: task.state });
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
    assertTaskInProgress(task);
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

/** An accepted report is final: 409 LOCKED for any change, to whoever may see it (others: 404 from the kit). */
const reportLocked = (r: Row) => locked("monitoring.report.locked", { status: r.status });

/** The task must be in progress for the PI / org rep to fill a report in (a condition on the task: GUARD_FAILED). */
function assertTaskInProgress(task: TaskRow) {
  if (!taskInProgress(task.state)) throw guardFailed("monitoring.task.not_in_progress", {}, { taskState: task.state });
}

/**
 * The kit's view of a report (platform/lifecycle.ts): loaded FOR UPDATE with its task (FOR SHARE) and the record as
 * the API shows it (for a VERSION_CONFLICT answer); an accepted report answers LOCKED.
 */
const commandOf = (ctx: Ctx) => ({
  load: async (tx: Executor, id: string, forUpdate: boolean) => {
    const l = await loadReport(tx, id, forUpdate);
    if (!l) return null;
    if (l.r.status === "accepted" && ctx.actor && reportPolicy.record.read(ctx.actor, refOf(l.r, l.task))) throw reportLocked(l.r);
    return { ...l, view: await present(ctx, tx, l.r, l.task) };
  },
  refOf: (l: { r: Row; task: TaskRow }) => refOf(l.r, l.task),
  present: (l: { view: Report }) => l.view,
});

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

/**
 * The PI / org rep saves the report (the lifecycle's "update"): the state is kept, except that a first save makes a
 * scheduled report a draft (in the same transaction, and the audit row says so).
 */
export async function saveReport(ctx: Ctx, id: string, input: z.output<typeof reportInput>): Promise<Report> {
  let percent: number | null = null;
  await runCommand(ctx, reportLifecycle, {
    ...commandOf(ctx),
    id,
    command: "update",
    version: input.version,
    guard: async (l, tx) => {
      assertTaskInProgress(l.task);
      const milestones = await loadMilestones(tx, l.task.selected_dossier_id);
      const known = new Set(milestones.map((m) => m.id));
      const unknown = input.items.findIndex((i) => !known.has(i.milestoneId));
      if (unknown >= 0) {
        throw badInput("monitoring.report.unknown_milestone", {}, [{ path: `items.${unknown}.milestoneId`, code: "not_found", message: "" }]);
      }
      percent = overallPercent(milestones, input.items);
    },
    set: () => ({
      workDone: input.workDone,
      products: input.products,
      spendingCity: input.spendingCity,
      spendingOther: input.spendingOther,
      problems: input.problems,
      proposals: input.proposals,
      overallPercent: percent === null ? null : String(percent),
    }),
    effect: async (tx, l) => {
      await tx.delete(progressReportItems).where(eq(progressReportItems.reportId, id));
      if (input.items.length) {
        await tx.insert(progressReportItems).values(input.items.map((i) => ({ reportId: id, milestoneId: i.milestoneId, percent: i.percent, note: i.note })));
      }
      const [after] = await tx.select().from(progressReports).where(eq(progressReports.id, id));
      return { before: snapshot(l.r), after: { ...snapshot(after), items: input.items } };
    },
  });
  return getReport(ctx, id);
}

export async function submitReport(ctx: Ctx, id: string, version: number): Promise<Report> {
  const now = ctx.clock.now();
  await runCommand(ctx, reportLifecycle, {
    ...commandOf(ctx),
    id,
    command: "submit",
    version,
    guard: async (l, tx) => {
      assertTaskInProgress(l.task);
      const itemCount = await tx.$count(progressReportItems, eq(progressReportItems.reportId, id));
      if (!l.r.workDone && itemCount === 0) throw badInput("monitoring.report.empty");
    },
    set: (l) => ({ submittedAt: now, submittedBy: ctx.actor!.userId, firstSubmittedAt: l.r.firstSubmittedAt ?? now }),
    effect: async (tx, l) => {
      // The Department's officers review progress reports (no officer is assigned to a task): each active officer is told.
      const officers = await tx.execute<{ id: string }>(sql`SELECT id FROM users WHERE 'officer' = ANY (roles) AND status = 'active'`);
      await notify(tx, {
        at: ctx.clock.now(),
        userIds: officers.rows.map((o) => o.id),
        kind: "report_submitted",
        params: { code: l.task.code, title: l.task.title_vi, ...sequenceParams(l.r) },
        link: `/monitoring/reports/${id}`,
      });
    },
  });
  return getReport(ctx, id);
}

/** An officer accepts a submitted report (final from then on) or returns it for revision with a comment. */
export async function reviewReport(ctx: Ctx, id: string, input: z.output<typeof reportReview>): Promise<Report> {
  await runCommand(ctx, reportLifecycle, {
    ...commandOf(ctx),
    id,
    command: input.decision === "accepted" ? "accept" : "return",
    version: input.version,
    set: () => ({ reviewedAt: ctx.clock.now(), reviewedBy: ctx.actor!.userId, reviewComment: input.comment }),
    details: { comment: input.comment },
    effect: async (tx, l) => {
      await notify(tx, {
        at: ctx.clock.now(),
        userIds: await taskRecipients(tx, l.r.taskId),
        kind: input.decision === "accepted" ? "report_accepted" : "report_needs_revision",
        params: { code: l.task.code, title: l.task.title_vi, ...sequenceParams(l.r), comment: input.comment },
        link: `/monitoring/reports/${id}`,
      });
    },
  });
  return getReport(ctx, id);
}
