// Inspections (kiểm tra định kỳ) of tasks in progress: an officer plans one (date, inspectors from the people
// registry, scope), concludes it (inspection day, findings, conclusion, follow-up actions with deadlines), attaches
// the signed minutes, or cancels it. Follow-up actions are marked done by an officer or the task's PI / org rep.
// The commands and the states they run in are inspections.lifecycle.ts: a wrong state answers 409 INVALID_STATE.
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { files, inspectionActions, inspectionInspectors, inspections, people } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { badInput, notFound, staleVersion } from "../../platform/errors.js";
import { authorizeCommand, guardFailed, runCommand } from "../../platform/lifecycle.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { storeFile, type Upload } from "../../platform/uploads.js";
import type {
  Inspection,
  InspectionListQuery,
  InspectionSummary,
  actionComplete,
  inspectionConclude,
  inspectionInput,
  inspectionUpdate,
} from "../../../common/api/monitoring.js";
import { notify } from "../notifications/notify.js";
import { taskInProgress } from "./monitoring.policy.js";
import { inspectionPolicy, type InspectionRef } from "./inspections.policy.js";
import { inspectionLifecycle } from "./inspections.lifecycle.js";
import { loadTask, taskBriefOf, taskRecipients, type TaskRow } from "./monitoring.shared.js";
import { together } from "../../platform/together.js";
import { vietnamDate } from "../../platform/clock.js";
import { visibleTasksSql } from "../tasks/tasks.access.js";

type Row = typeof inspections.$inferSelect;

const refOf = (i: Row, task: TaskRow): InspectionRef => ({ status: i.status, piPersonId: task.pi_person_id, leadOrganisationId: task.lead_organisation_id });

async function load(db: Executor, id: string, lock = false) {
  const q = db.select().from(inspections).where(eq(inspections.id, id));
  const [i] = lock ? await q.for("update") : await q;
  if (!i) return null;
  const task = await loadTask(db, i.taskId, lock);
  return task ? { i, task } : null;
}

async function present(ctx: Ctx, db: Executor, i: Row, task: TaskRow): Promise<Inspection> {
  const today = vietnamDate(ctx.clock.now());
  const [inspectors, actions, minutes] = await together(db, [
    () =>
      db
        .select({ personId: inspectionInspectors.personId, fullName: people.fullName })
        .from(inspectionInspectors)
        .innerJoin(people, eq(people.id, inspectionInspectors.personId))
        .where(eq(inspectionInspectors.inspectionId, i.id))
        .orderBy(asc(people.fullName)),
    () => db.select().from(inspectionActions).where(eq(inspectionActions.inspectionId, i.id)).orderBy(asc(inspectionActions.position)),
    () =>
      i.minutesFileId
        ? db.select({ fileId: files.id, fileName: files.originalName, sizeBytes: files.sizeBytes }).from(files).where(eq(files.id, i.minutesFileId))
        : Promise.resolve([]),
  ]);
  return {
    id: i.id,
    taskId: i.taskId,
    taskCode: task.code,
    taskTitleVi: task.title_vi,
    plannedOn: i.plannedOn,
    status: i.status,
    conclusion: i.conclusion,
    openActions: actions.filter((a) => !a.doneAt).length,
    task: taskBriefOf(task),
    scope: i.scope,
    inspectors,
    inspectedOn: i.inspectedOn,
    findings: i.findings,
    minutes: minutes[0] ?? null,
    actions: actions.map((a) => ({
      id: a.id,
      position: a.position,
      description: a.description,
      dueOn: a.dueOn,
      doneAt: a.doneAt?.toISOString() ?? null,
      doneNote: a.doneNote,
      overdue: !a.doneAt && a.dueOn < today,
    })),
    concludedAt: i.concludedAt?.toISOString() ?? null,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx.actor, inspectionPolicy, refOf(i, task)),
  };
}

export async function getInspection(ctx: Ctx, id: string): Promise<Inspection> {
  const l = await load(ctx.db, id);
  if (!l) throw notFound();
  authorize(ctx.actor, inspectionPolicy, "read", refOf(l.i, l.task));
  return present(ctx, ctx.db, l.i, l.task);
}

export async function listInspections(ctx: Ctx, q: InspectionListQuery) {
  const where = sql`${visibleTasksSql(ctx.actor, "t", { purpose: "performance", now: ctx.clock.now() })}
    ${q.taskId ? sql`AND i.task_id = ${q.taskId}` : sql``}
    ${q.status ? sql`AND i.status = ${q.status}` : sql``}
    ${q.q ? sql`AND ${searchCondition(sql`t.search_text`, q.q) ?? sql`true`}` : sql``}`;
  const desc = q.sort?.startsWith("-");
  const [rows, total] = await Promise.all([
    ctx.db.execute<{
      id: string;
      task_id: string;
      code: string;
      title_vi: string;
      planned_on: string;
      status: InspectionSummary["status"];
      conclusion: InspectionSummary["conclusion"];
      open_actions: number;
    }>(sql`
      SELECT i.id, i.task_id, t.code, t.title_vi, i.planned_on::text AS planned_on, i.status, i.conclusion,
             (SELECT count(*)::int FROM inspection_actions a WHERE a.inspection_id = i.id AND a.done_at IS NULL) AS open_actions
      FROM inspections i JOIN tasks t ON t.id = i.task_id
      WHERE ${where}
      ORDER BY i.planned_on ${desc ? sql`DESC` : sql`ASC`}, t.code, i.id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    ctx.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM inspections i JOIN tasks t ON t.id = i.task_id WHERE ${where}`),
  ]);
  const items: InspectionSummary[] = rows.rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    taskCode: r.code,
    taskTitleVi: r.title_vi,
    plannedOn: r.planned_on,
    status: r.status,
    conclusion: r.conclusion,
    openActions: r.open_actions,
  }));
  return { items, total: total.rows[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

async function assertPeople(tx: Executor, ids: string[]) {
  const r = await tx.execute<{ id: string }>(
    sql`SELECT id FROM people WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`,
  );
  const found = new Set(r.rows.map((x) => x.id));
  const missing = ids.findIndex((i) => !found.has(i));
  if (missing >= 0) throw badInput("error.invalid_reference", {}, [{ path: `inspectorIds.${missing}`, code: "not_found", message: "" }]);
}

async function setInspectors(tx: Executor, id: string, ids: string[]) {
  await tx.delete(inspectionInspectors).where(eq(inspectionInspectors.inspectionId, id));
  await tx.insert(inspectionInspectors).values(ids.map((personId) => ({ inspectionId: id, personId })));
}

export async function createInspection(ctx: Ctx, input: z.output<typeof inspectionInput>): Promise<Inspection> {
  const id = await ctx.db.transaction(async (tx) => {
    const task = await loadTask(tx, input.taskId, true);
    if (!task) throw badInput("error.invalid_reference", {}, [{ path: "taskId", code: "not_found", message: "" }]);
    if (!taskInProgress(task.state)) throw guardFailed("monitoring.task.not_in_progress", {}, { taskState: task.state });
    await assertPeople(tx, input.inspectorIds);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(inspections)
      .values({
        taskId: input.taskId,
        plannedOn: input.plannedOn,
        scope: input.scope,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor!.userId,
        updatedBy: ctx.actor!.userId,
      })
      .returning();
    await setInspectors(tx, row.id, input.inspectorIds);
    await audit(tx, ctx, { action: "inspection.create", entityType: "inspection", entityId: row.id, after: input });
    await notify(tx, {
      at: ctx.clock.now(),
      userIds: await taskRecipients(tx, input.taskId),
      kind: "inspection_planned",
      params: { code: task.code, title: task.title_vi, plannedOn: input.plannedOn },
      link: `/monitoring/inspections/${row.id}`,
    });
    return row.id;
  });
  return getInspection(ctx, id);
}

/** The kit's view of an inspection: loaded FOR UPDATE, its policy reference, the record as the API shows it. */
const commandOf = (ctx: Ctx) => ({
  load: async (tx: Executor, id: string, forUpdate: boolean) => {
    const l = await load(tx, id, forUpdate);
    return l && { ...l, view: await present(ctx, tx, l.i, l.task) };
  },
  refOf: (l: { i: Row; task: TaskRow }) => refOf(l.i, l.task),
  present: (l: { view: Inspection }) => l.view,
});

/**
 * For the edits that keep the state (minutes, follow-up actions), inside the transaction: the inspection FOR UPDATE,
 * 404 hidden, 409 INVALID_STATE when the state does not allow it, 403 refused (platform/lifecycle.ts).
 */
async function forWrite(ctx: Ctx, tx: Executor, id: string, command: "uploadMinutes" | "completeAction") {
  const l = await load(tx, id, true);
  if (!l) throw notFound();
  authorizeCommand(ctx.actor, ctx.lang, inspectionLifecycle, refOf(l.i, l.task), command);
  return l;
}

/** The guarded UPDATE of such an edit, by id and the version read (the row is locked: only the version can differ). */
async function bump(ctx: Ctx, tx: Executor, l: { i: Row; task: TaskRow }, version: number, set: Partial<typeof inspections.$inferInsert>) {
  const updated = await tx
    .update(inspections)
    .set({ ...set, updatedAt: ctx.clock.now(), updatedBy: ctx.actor!.userId, version: sql`${inspections.version} + 1` })
    .where(and(eq(inspections.id, l.i.id), eq(inspections.version, version), eq(inspections.status, l.i.status)))
    .returning();
  if (!updated.length) throw staleVersion(await present(ctx, tx, l.i, l.task));
  return updated[0];
}

export async function updateInspection(ctx: Ctx, id: string, input: z.output<typeof inspectionUpdate>): Promise<Inspection> {
  await runCommand(ctx, inspectionLifecycle, {
    ...commandOf(ctx),
    id,
    command: "update",
    version: input.version,
    guard: (_l, tx) => assertPeople(tx, input.inspectorIds),
    set: () => ({ plannedOn: input.plannedOn, scope: input.scope }),
    effect: async (tx, l) => {
      await setInspectors(tx, id, input.inspectorIds);
      return {
        before: { plannedOn: l.i.plannedOn, scope: l.i.scope },
        after: { plannedOn: input.plannedOn, scope: input.scope, inspectorIds: input.inspectorIds },
      };
    },
  });
  return getInspection(ctx, id);
}

export async function concludeInspection(ctx: Ctx, id: string, input: z.output<typeof inspectionConclude>): Promise<Inspection> {
  const now = ctx.clock.now();
  await runCommand(ctx, inspectionLifecycle, {
    ...commandOf(ctx),
    id,
    command: "conclude",
    version: input.version,
    set: () => ({ inspectedOn: input.inspectedOn, findings: input.findings, conclusion: input.conclusion, concludedAt: now, concludedBy: ctx.actor!.userId }),
    effect: async (tx, l) => {
      if (input.actions.length) {
        await tx
          .insert(inspectionActions)
          .values(input.actions.map((a, n) => ({ inspectionId: id, position: n + 1, description: a.description, dueOn: a.dueOn })));
      }
      await notify(tx, {
        at: ctx.clock.now(),
        userIds: await taskRecipients(tx, l.i.taskId),
        kind: "inspection_concluded",
        params: { code: l.task.code, title: l.task.title_vi, inspectedOn: input.inspectedOn },
        link: `/monitoring/inspections/${id}`,
      });
      return { after: { inspectedOn: input.inspectedOn, conclusion: input.conclusion, findings: input.findings, actions: input.actions } };
    },
  });
  return getInspection(ctx, id);
}

export async function cancelInspection(ctx: Ctx, id: string, version: number): Promise<Inspection> {
  await runCommand(ctx, inspectionLifecycle, { ...commandOf(ctx), id, command: "cancel", version });
  return getInspection(ctx, id);
}

export async function completeAction(ctx: Ctx, id: string, actionId: string, input: z.output<typeof actionComplete>): Promise<Inspection> {
  await ctx.db.transaction(async (tx) => {
    const l = await forWrite(ctx, tx, id, "completeAction");
    const [action] = await tx
      .select()
      .from(inspectionActions)
      .where(and(eq(inspectionActions.id, actionId), eq(inspectionActions.inspectionId, id)));
    if (!action) throw notFound();
    // a condition on the action, not a state of the inspection
    if (action.doneAt) throw guardFailed("monitoring.action.done", {}, { actionId });
    await bump(ctx, tx, l, input.version, {});
    const now = ctx.clock.now();
    await tx.update(inspectionActions).set({ doneAt: now, doneBy: ctx.actor!.userId, doneNote: input.note }).where(eq(inspectionActions.id, actionId));
    await audit(tx, ctx, {
      action: "inspection.action_done",
      entityType: "inspection",
      entityId: id,
      details: { actionId, description: action.description, note: input.note },
    });
  });
  return getInspection(ctx, id);
}

export async function uploadMinutes(ctx: Ctx, id: string, receive: () => Promise<Upload>): Promise<Inspection> {
  // Authorise before reading the body, so a refused caller never uploads.
  const pre = await load(ctx.db, id);
  if (!pre) throw notFound();
  authorizeCommand(ctx.actor, ctx.lang, inspectionLifecycle, refOf(pre.i, pre.task), "uploadMinutes");
  const upload = await receive();
  await ctx.db.transaction(async (tx) => {
    const l = await forWrite(ctx, tx, id, "uploadMinutes");
    const fileId = await storeFile(tx, upload, ctx.actor!.userId, ctx.clock.now());
    await bump(ctx, tx, l, l.i.version, { minutesFileId: fileId });
    await audit(tx, ctx, {
      action: "inspection.minutes",
      entityType: "inspection",
      entityId: id,
      details: { fileId, fileName: upload.originalName, sha256: upload.sha256, replaced: l.i.minutesFileId },
    });
  });
  return getInspection(ctx, id);
}

export async function downloadMinutes(ctx: Ctx, id: string) {
  const l = await load(ctx.db, id);
  if (!l) throw notFound();
  authorize(ctx.actor, inspectionPolicy, "read", refOf(l.i, l.task));
  if (!l.i.minutesFileId) throw notFound();
  const [f] = await ctx.db.select().from(files).where(eq(files.id, l.i.minutesFileId));
  if (!f) throw notFound();
  return { fileName: f.originalName, mediaType: f.mediaType, content: f.content };
}
