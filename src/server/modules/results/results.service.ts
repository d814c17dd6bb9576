// Results of a task: the internal acceptance (nghiệm thu cơ sở), the public summary of the result and the application
// reports (báo cáo ứng dụng kết quả). Every write is one transaction that locks the task row (FOR SHARE), checks the
// step and the version, and writes its audit row.
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { files, taskApplicationEvidence, taskApplicationReports, taskDocuments, taskInternalAcceptances, taskResultSummaries } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { badInput, locked, staleVersion } from "../../platform/errors.js";
import { guardFailed, runCommand } from "../../platform/lifecycle.js";
import type { MessageKey } from "../../platform/messages.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize, can } from "../../platform/policy.js";
import {
  APPLICATION_STATES,
  SUMMARY_STATES,
  type ApplicationReport,
  type InternalAcceptance,
  type ResultSummary,
  type TaskResults,
  type applicationInput,
  type applicationReview,
  type applicationUpdate,
  type internalAcceptanceInput,
  type resultSummaryInput,
} from "../../../common/api/result.js";
import { applicationPolicy, resultPolicy, type ApplicationRef, type ResultTaskRef } from "./results.policy.js";
import { applicationLifecycle } from "./results.lifecycle.js";
import { loadVisibleTask } from "../tasks/tasks.access.js";

type TaskRow = ResultTaskRef & { id: string; code: string; registrationCode: string | null; registeredAt: Date | null };

/** The task for a read or a write (`lock`: FOR SHARE): 404 when it does not exist or the actor may not see its result. */
async function visibleTask(ctx: Ctx, db: Executor, id: string, lock = false): Promise<TaskRow> {
  return (await loadVisibleTask(ctx, db, id, { purpose: "result", lock: lock ? "share" : undefined })).task;
}

const isPublished = (t: TaskRow) => !!t.registrationCode && !!t.registeredAt;
const splitKeywords = (k: string) => k.split("; ").filter(Boolean);

async function documentRefs(db: Executor, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ documentId: taskDocuments.id, code: taskDocuments.code, fileName: files.originalName, sizeBytes: files.sizeBytes })
    .from(taskDocuments)
    .innerJoin(files, eq(files.id, taskDocuments.fileId))
    .where(
      sql`${taskDocuments.id} IN (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    );
  const byId = new Map(rows.map((r) => [r.documentId, { ...r, sizeBytes: Number(r.sizeBytes) }]));
  return ids.map((i) => byId.get(i)).filter((x) => !!x);
}

/** The documents must belong to the task (400 naming the field otherwise). */
async function assertTaskDocuments(tx: Executor, taskId: string, ids: string[], path: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const rows = await tx
    .select({ id: taskDocuments.id })
    .from(taskDocuments)
    .where(
      and(
        eq(taskDocuments.taskId, taskId),
        sql`${taskDocuments.id} IN (${sql.join(
          unique.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  const known = new Set(rows.map((r) => r.id));
  const bad = unique.findIndex((i) => !known.has(i));
  if (bad >= 0) {
    const at = path.endsWith("Ids") ? `${path}.${ids.indexOf(unique[bad])}` : path;
    throw badInput("result.document.unknown", {}, [{ path: at, code: "not_found", message: "" }]);
  }
  return unique;
}

// ─── presenters ───
type IaRow = typeof taskInternalAcceptances.$inferSelect;
type SummaryRow = typeof taskResultSummaries.$inferSelect;
type AppRow = typeof taskApplicationReports.$inferSelect;

async function presentInternal(db: Executor, r: IaRow): Promise<InternalAcceptance> {
  const [minutes] = r.minutesDocumentId ? await documentRefs(db, [r.minutesDocumentId]) : [];
  return {
    taskId: r.taskId,
    heldOn: r.heldOn,
    members: r.members.map((m) => ({ name: m.name, position: m.position ?? null })),
    conclusion: r.conclusion,
    remarks: r.remarks,
    minutes: minutes ?? null,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}

const presentSummary = (r: SummaryRow, t: TaskRow): ResultSummary => ({
  taskId: r.taskId,
  abstractVi: r.abstractVi,
  abstractEn: r.abstractEn,
  keywords: splitKeywords(r.keywords),
  outputsSummary: r.outputsSummary,
  applicationField: r.applicationField,
  contactOrganisation: r.contactOrganisation,
  published: isPublished(t),
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

const appRef = (r: AppRow, t: TaskRow): ApplicationRef => ({ ...t, status: r.status });
const registered = (t: TaskRow) => (APPLICATION_STATES as readonly string[]).includes(t.state);

/**
 * A write that the task's step does not allow (a condition on the task, not a state of the written record): 409
 * GUARD_FAILED with the reason, to whoever could write it at the right step; a 403 stays a 403 (authorized next).
 */
function assertTaskStep(ctx: Ctx, t: TaskRow, ok: readonly string[], ability: "recordInternalAcceptance" | "editSummary" | "fileApplication", key: MessageKey) {
  if (ok.includes(t.state)) return;
  if (can(ctx.actor, resultPolicy, ability, { ...t, state: ok[0] })) throw guardFailed(key, {}, { taskState: t.state });
}

async function presentApplications(ctx: Ctx, db: Executor, rows: AppRow[], t: TaskRow): Promise<ApplicationReport[]> {
  if (!rows.length) return [];
  const ev = await db
    .select()
    .from(taskApplicationEvidence)
    .where(
      sql`${taskApplicationEvidence.reportId} IN (${sql.join(
        rows.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})`,
    );
  const docs = await documentRefs(db, [...new Set(ev.map((e) => e.documentId))]);
  const docById = new Map(docs.map((d) => [d.documentId, d]));
  return rows.map((r) => ({
    id: r.id,
    taskId: r.taskId,
    sequence: r.sequence,
    place: r.place,
    form: r.form,
    scale: r.scale,
    startedOn: r.startedOn,
    economicEffect: r.economicEffect,
    economicValue: r.economicValue,
    socialEffect: r.socialEffect,
    beneficiaries: r.beneficiaries,
    evidence: ev
      .filter((e) => e.reportId === r.id)
      .map((e) => docById.get(e.documentId))
      .filter((d) => !!d)
      .sort((a, b) => a.fileName.localeCompare(b.fileName)),
    status: r.status,
    submittedAt: r.submittedAt.toISOString(),
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewComment: r.reviewComment,
    version: r.version,
    abilities: { ...abilitiesOf(ctx.actor, applicationPolicy, appRef(r, t)), ...(registered(t) ? {} : { edit: false }) },
  }));
}

export async function getTaskResults(ctx: Ctx, taskId: string): Promise<TaskResults> {
  const t = await visibleTask(ctx, ctx.db, taskId);
  const [[ia], [summary], apps] = await Promise.all([
    ctx.db.select().from(taskInternalAcceptances).where(eq(taskInternalAcceptances.taskId, taskId)),
    ctx.db.select().from(taskResultSummaries).where(eq(taskResultSummaries.taskId, taskId)),
    ctx.db.select().from(taskApplicationReports).where(eq(taskApplicationReports.taskId, taskId)).orderBy(asc(taskApplicationReports.sequence)),
  ]);
  return {
    taskId,
    state: t.state,
    registrationCode: t.registrationCode,
    registeredAt: t.registeredAt?.toISOString() ?? null,
    internalAcceptance: ia ? await presentInternal(ctx.db, ia) : null,
    summary: summary ? presentSummary(summary, t) : null,
    applications: await presentApplications(ctx, ctx.db, apps, t),
    abilities: {
      recordInternalAcceptance: can(ctx.actor, resultPolicy, "recordInternalAcceptance", t),
      editSummary: can(ctx.actor, resultPolicy, "editSummary", t),
      fileApplication: can(ctx.actor, resultPolicy, "fileApplication", t),
    },
  };
}

// ─── internal acceptance ───
export async function saveInternalAcceptance(ctx: Ctx, taskId: string, input: z.output<typeof internalAcceptanceInput>): Promise<InternalAcceptance> {
  return ctx.db.transaction(async (tx) => {
    const t = await visibleTask(ctx, tx, taskId, true);
    assertTaskStep(ctx, t, ["internal_acceptance"], "recordInternalAcceptance", "result.internal.wrong_state");
    authorize(ctx.actor, resultPolicy, "recordInternalAcceptance", t);
    if (input.minutesDocumentId) await assertTaskDocuments(tx, taskId, [input.minutesDocumentId], "minutesDocumentId");
    const [before] = await tx.select().from(taskInternalAcceptances).where(eq(taskInternalAcceptances.taskId, taskId)).for("update");
    const now = ctx.clock.now();
    const values = {
      heldOn: input.heldOn,
      members: input.members.map((m) => ({ name: m.name, position: m.position })),
      conclusion: input.conclusion,
      remarks: input.remarks,
      minutesDocumentId: input.minutesDocumentId,
      updatedAt: now,
      updatedBy: ctx.actor!.userId,
    };
    let row: IaRow;
    if (!before) {
      [row] = await tx
        .insert(taskInternalAcceptances)
        .values({ taskId, ...values, createdAt: now, createdBy: ctx.actor!.userId })
        .returning();
    } else {
      if (input.version !== before.version) throw staleVersion(await presentInternal(tx, before));
      [row] = await tx
        .update(taskInternalAcceptances)
        .set({ ...values, version: before.version + 1 })
        .where(and(eq(taskInternalAcceptances.taskId, taskId), eq(taskInternalAcceptances.version, before.version)))
        .returning();
    }
    await audit(tx, ctx, {
      action: before ? "internal_acceptance.update" : "internal_acceptance.create",
      entityType: "task",
      entityId: taskId,
      before: before
        ? { heldOn: before.heldOn, conclusion: before.conclusion, members: before.members, minutesDocumentId: before.minutesDocumentId }
        : undefined,
      after: { heldOn: row.heldOn, conclusion: row.conclusion, members: row.members, minutesDocumentId: row.minutesDocumentId, version: row.version },
    });
    return presentInternal(tx, row);
  });
}

// ─── result summary ───
export async function saveResultSummary(ctx: Ctx, taskId: string, input: z.output<typeof resultSummaryInput>): Promise<ResultSummary> {
  return ctx.db.transaction(async (tx) => {
    const t = await visibleTask(ctx, tx, taskId, true);
    assertTaskStep(ctx, t, SUMMARY_STATES, "editSummary", "result.summary.wrong_state");
    authorize(ctx.actor, resultPolicy, "editSummary", t);
    const [before] = await tx.select().from(taskResultSummaries).where(eq(taskResultSummaries.taskId, taskId)).for("update");
    const now = ctx.clock.now();
    const values = {
      abstractVi: input.abstractVi,
      abstractEn: input.abstractEn,
      keywords: [...new Set(input.keywords)].join("; "),
      outputsSummary: input.outputsSummary,
      applicationField: input.applicationField,
      contactOrganisation: input.contactOrganisation,
      updatedAt: now,
      updatedBy: ctx.actor!.userId,
    };
    let row: SummaryRow;
    if (!before) {
      [row] = await tx
        .insert(taskResultSummaries)
        .values({ taskId, ...values, createdAt: now, createdBy: ctx.actor!.userId })
        .returning();
    } else {
      if (input.version !== before.version) throw staleVersion(presentSummary(before, t));
      [row] = await tx
        .update(taskResultSummaries)
        .set({ ...values, version: before.version + 1 })
        .where(and(eq(taskResultSummaries.taskId, taskId), eq(taskResultSummaries.version, before.version)))
        .returning();
    }
    const snap = (r: SummaryRow) => ({
      abstractVi: r.abstractVi,
      abstractEn: r.abstractEn,
      keywords: r.keywords,
      outputsSummary: r.outputsSummary,
      applicationField: r.applicationField,
      contactOrganisation: r.contactOrganisation,
    });
    await audit(tx, ctx, {
      action: before ? "result_summary.update" : "result_summary.create",
      entityType: "task",
      entityId: taskId,
      before: before ? snap(before) : undefined,
      after: { ...snap(row), version: row.version, published: isPublished(t) },
    });
    return presentSummary(row, t);
  });
}

// ─── application reports ───
type AppInput = z.output<typeof applicationInput>;

function assertEffect(input: AppInput) {
  if (!input.economicEffect && !input.socialEffect) {
    throw badInput("result.application.effect_required", {}, [{ path: "economicEffect", code: "required", message: "" }]);
  }
}

const appValues = (input: AppInput) => ({
  place: input.place,
  form: input.form,
  scale: input.scale,
  startedOn: input.startedOn,
  economicEffect: input.economicEffect,
  economicValue: input.economicValue,
  socialEffect: input.socialEffect,
  beneficiaries: input.beneficiaries,
});

async function setEvidence(tx: Executor, reportId: string, ids: string[]) {
  await tx.delete(taskApplicationEvidence).where(eq(taskApplicationEvidence.reportId, reportId));
  if (ids.length) await tx.insert(taskApplicationEvidence).values(ids.map((documentId) => ({ reportId, documentId })));
}

async function presentOne(ctx: Ctx, db: Executor, r: AppRow, t: TaskRow) {
  return (await presentApplications(ctx, db, [r], t))[0];
}

export async function fileApplication(ctx: Ctx, taskId: string, input: AppInput): Promise<ApplicationReport> {
  return ctx.db.transaction(async (tx) => {
    const t = await visibleTask(ctx, tx, taskId, true);
    assertTaskStep(ctx, t, APPLICATION_STATES, "fileApplication", "result.application.wrong_state");
    authorize(ctx.actor, resultPolicy, "fileApplication", t);
    assertEffect(input);
    const evidence = await assertTaskDocuments(tx, taskId, input.evidenceDocumentIds, "evidenceDocumentIds");
    // the task row is held FOR SHARE; numbering takes the task's own lock to stay gap-free under concurrency
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('application:' || ${taskId}))`);
    const next = await tx.execute<{ n: number }>(sql`SELECT coalesce(max(sequence), 0)::int + 1 AS n FROM task_application_reports WHERE task_id = ${taskId}`);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(taskApplicationReports)
      .values({
        taskId,
        sequence: next.rows[0].n,
        ...appValues(input),
        status: "submitted",
        submittedAt: now,
        submittedBy: ctx.actor!.userId,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor!.userId,
        updatedBy: ctx.actor!.userId,
      })
      .returning();
    await setEvidence(tx, row.id, evidence);
    await audit(tx, ctx, {
      action: "application_report.create",
      entityType: "application_report",
      entityId: row.id,
      after: { taskId, ...appValues(input), evidence },
    });
    return presentOne(ctx, tx, row, t);
  });
}

/**
 * The kit's view of an application report (platform/lifecycle.ts, results.lifecycle.ts): the task FOR SHARE (404 when
 * hidden), the report FOR UPDATE (404 when not this task's), the record as the API shows it; an accepted report is
 * final (409 LOCKED). The kit then answers 404 / 403 / 409 INVALID_STATE, runs the guard and the guarded UPDATE.
 */
const commandOf = (ctx: Ctx, taskId: string) => ({
  load: async (tx: Executor, id: string, forUpdate: boolean) => {
    const t = await visibleTask(ctx, tx, taskId, forUpdate);
    const q = tx
      .select()
      .from(taskApplicationReports)
      .where(and(eq(taskApplicationReports.id, id), eq(taskApplicationReports.taskId, taskId)));
    const [r] = forUpdate ? await q.for("update") : await q;
    if (!r) return null;
    if (r.status === "accepted") throw locked("result.application.locked", { status: r.status });
    return { t, r, view: await presentOne(ctx, tx, r, t) };
  },
  refOf: (l: { t: TaskRow; r: AppRow }) => appRef(l.r, l.t),
  present: (l: { view: ApplicationReport }) => l.view,
});

/** The PI / org rep corrects a report not yet accepted (the lifecycle's "update"): it is filed again as submitted. */
export async function updateApplication(ctx: Ctx, taskId: string, id: string, input: z.output<typeof applicationUpdate>): Promise<ApplicationReport> {
  let evidence: string[] = [];
  const now = ctx.clock.now();
  await runCommand(ctx, applicationLifecycle, {
    ...commandOf(ctx, taskId),
    id,
    command: "update",
    version: input.version,
    guard: async (l, tx) => {
      if (!registered(l.t)) throw guardFailed("result.application.wrong_state", {}, { taskState: l.t.state });
      assertEffect(input);
      evidence = await assertTaskDocuments(tx, taskId, input.evidenceDocumentIds, "evidenceDocumentIds");
    },
    set: () => ({ ...appValues(input), submittedAt: now, submittedBy: ctx.actor!.userId }),
    effect: async (tx, l) => {
      await setEvidence(tx, id, evidence);
      return { before: { place: l.r.place, form: l.r.form, startedOn: l.r.startedOn }, after: { ...appValues(input), evidence } };
    },
  });
  return applicationOf(ctx, taskId, id);
}

/** An officer accepts a submitted report (final from then on) or returns it for revision with a comment. */
export async function reviewApplication(ctx: Ctx, taskId: string, id: string, input: z.output<typeof applicationReview>): Promise<ApplicationReport> {
  await runCommand(ctx, applicationLifecycle, {
    ...commandOf(ctx, taskId),
    id,
    command: input.decision === "accepted" ? "accept" : "return",
    version: input.version,
    set: () => ({ reviewedAt: ctx.clock.now(), reviewedBy: ctx.actor!.userId, reviewComment: input.comment }),
    details: { comment: input.comment },
  });
  return applicationOf(ctx, taskId, id);
}

async function applicationOf(ctx: Ctx, taskId: string, id: string): Promise<ApplicationReport> {
  const t = await visibleTask(ctx, ctx.db, taskId);
  const [r] = await ctx.db.select().from(taskApplicationReports).where(eq(taskApplicationReports.id, id));
  return presentOne(ctx, ctx.db, r, t);
}
