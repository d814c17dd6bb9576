// Dossiers (hồ sơ đăng ký tuyển chọn / giao trực tiếp): an applicant drafts one per organisation while the task's
// selection call accepts, edits it while it is a draft, and submits it before the deadline (server time). A submitted
// dossier is locked (its SHA-256 is stored); only the selected one is edited again, while the task is at `revision`.
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  organisations,
  people,
  taskDocuments,
  taskDossierBudget,
  taskDossierMilestones,
  taskDossierProducts,
  taskDossierTeam,
  taskDossiers,
  tasks,
} from "../../db/schema/index.js";
import type { Actor, Ctx, Executor, Tx } from "../../platform/context.js";
import { AppError, badInput, forbidden, hiddenRecord, notFound, staleVersion, locked } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { transition } from "../../platform/workflow.js";
import type { Dossier, dossierCreate, dossierUpdate } from "../../../common/api/task.js";
import { assertCallAccepting } from "../calls/calls.service.js";
import { isTaskStaff } from "./tasks.access.js";
import { definitionOf, visibleTask, type TaskRow } from "./tasks.service.js";
import { budgetTotals, callDocuments, dossierLists, dossierProblems, RECEIVING_STATES, submissionHash } from "./tasks.dossier-rules.js";
import { missingTaskDocuments, taskGuards } from "./tasks.guards.js";

type CreateInput = z.output<typeof dossierCreate>;
type UpdateInput = z.output<typeof dossierUpdate>;
type DossierRow = typeof taskDossiers.$inferSelect;

const notReceiving = () => new AppError("NOT_RECEIVING", 409, "task.dossier.not_receiving");
/** A dossier's status in words, for messages that name it. */
export const DOSSIER_STATUS_LABEL: Record<DossierRow["status"], { vi: string; en: string }> = {
  draft: { vi: "đang soạn", en: "draft" },
  submitted: { vi: "đã nộp", en: "submitted" },
  valid: { vi: "hợp lệ", en: "valid" },
  invalid: { vi: "không hợp lệ", en: "invalid" },
  selected: { vi: "được chọn", en: "selected" },
  not_selected: { vi: "không được chọn", en: "not selected" },
  withdrawn: { vi: "đã rút", en: "withdrawn" },
};
const statusParams = (d: Pick<DossierRow, "status">) => ({ statusVi: DOSSIER_STATUS_LABEL[d.status].vi, statusEn: DOSSIER_STATUS_LABEL[d.status].en });
/** The dossier cannot be edited: the message names its status (submitted, withdrawn, selected outside revision…). */
const dossierLocked = (d: DossierRow) => locked("task.dossier.locked", { status: d.status }, statusParams(d));

/** Staff see every dossier; an applicant sees the dossiers they own or lead as PI. */
export function canSeeDossier(actor: Actor | null, d: Pick<DossierRow, "ownerUserId" | "piPersonId">): boolean {
  if (!actor) return false;
  return isTaskStaff(actor) || d.ownerUserId === actor.userId || (!!actor.personId && d.piPersonId === actor.personId);
}

/** The owner edits a draft, and the selected dossier while the task is at `revision`. */
export const dossierEditable = (d: Pick<DossierRow, "status">, task: Pick<TaskRow, "state" | "selectedDossierId">, dossierId: string) =>
  d.status === "draft" || (d.status === "selected" && task.state === "revision" && task.selectedDossierId === dossierId);

export async function loadDossier(ctx: Ctx, db: Executor, taskId: string, dossierId: string, lock = false) {
  const { task } = await visibleTask(ctx, db, taskId);
  const q = db
    .select()
    .from(taskDossiers)
    .where(and(eq(taskDossiers.id, dossierId), eq(taskDossiers.taskId, taskId)));
  const [d] = lock ? await q.for("update") : await q;
  if (!d) throw notFound();
  if (!canSeeDossier(ctx.actor, d)) throw hiddenRecord();
  return { task, dossier: d };
}

async function assertPeople(db: Executor, ids: string[], path: string) {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await db.select({ id: people.id }).from(people).where(inArray(people.id, unique));
  const have = new Set(found.map((r) => r.id));
  const missing = unique.find((i) => !have.has(i));
  if (missing) throw badInput("task.dossier.unknown_person", {}, [{ path, code: "not_found", message: missing }]);
}

function assertBudgetYears(input: Pick<UpdateInput, "startDate" | "durationMonths" | "budget">) {
  if (!input.startDate || !input.durationMonths) return;
  const from = Number(input.startDate.slice(0, 4));
  const startMonth = Number(input.startDate.slice(5, 7)) - 1;
  const to = from + Math.floor((startMonth + input.durationMonths - 1) / 12);
  const out = input.budget.find((b) => b.year < from || b.year > to);
  if (out)
    throw badInput("task.dossier.budget_year_outside", { year: out.year, from, to }, [{ path: "budget", code: "year_outside", message: String(out.year) }]);
}

async function writeLists(tx: Tx, dossierId: string, input: Pick<UpdateInput, "products" | "milestones" | "team" | "budget">) {
  await tx.delete(taskDossierProducts).where(eq(taskDossierProducts.dossierId, dossierId));
  await tx.delete(taskDossierMilestones).where(eq(taskDossierMilestones.dossierId, dossierId));
  await tx.delete(taskDossierTeam).where(eq(taskDossierTeam.dossierId, dossierId));
  await tx.delete(taskDossierBudget).where(eq(taskDossierBudget.dossierId, dossierId));
  if (input.products.length) await tx.insert(taskDossierProducts).values(input.products.map((p, i) => ({ dossierId, position: i + 1, ...p })));
  if (input.milestones.length) await tx.insert(taskDossierMilestones).values(input.milestones.map((m, i) => ({ dossierId, position: i + 1, ...m })));
  if (input.team.length) await tx.insert(taskDossierTeam).values(input.team.map((m) => ({ dossierId, ...m })));
  if (input.budget.length) await tx.insert(taskDossierBudget).values(input.budget.map((b) => ({ dossierId, ...b })));
}

const sections = (i: Pick<UpdateInput, "objectives" | "content" | "methods" | "novelty" | "applicationPlan" | "durationMonths" | "startDate">) => ({
  objectives: i.objectives,
  content: i.content,
  methods: i.methods,
  novelty: i.novelty,
  applicationPlan: i.applicationPlan,
  durationMonths: i.durationMonths,
  startDate: i.startDate,
});

export async function presentDossier(ctx: Ctx, db: Executor, task: TaskRow, d: DossierRow): Promise<Dossier> {
  const actor = ctx.actor;
  const lists = await dossierLists(db, d.id);
  const personNames = new Map(
    (
      await db
        .select({ id: people.id, name: people.fullName })
        .from(people)
        .where(inArray(people.id, [d.piPersonId, ...lists.team.map((m) => m.personId)]))
    ).map((p) => [p.id, p.name]),
  );
  const [org] = await db.select({ name: organisations.nameVi }).from(organisations).where(eq(organisations.id, d.leadOrganisationId));
  const docs = await callDocuments(db, task.selectionCallId);
  const uploaded = new Set((await db.select({ code: taskDocuments.code }).from(taskDocuments).where(eq(taskDocuments.dossierId, d.id))).map((r) => r.code));
  const owner = !!actor && d.ownerUserId === actor.userId;
  const now = ctx.clock.now();
  let accepting = false;
  if (task.selectionCallId) {
    try {
      await assertCallAccepting(db, task.selectionCallId, now);
      accepting = true;
    } catch {
      accepting = false;
    }
  }
  const editable = owner && dossierEditable(d, task, d.id);
  const vc = d.validityCheck as Dossier["validityCheck"] | null;
  return {
    id: d.id,
    taskId: d.taskId,
    status: d.status,
    ownerUserId: d.ownerUserId,
    piPersonId: d.piPersonId,
    piName: personNames.get(d.piPersonId) ?? "",
    leadOrganisationId: d.leadOrganisationId,
    leadOrganisationName: org?.name ?? "",
    objectives: d.objectives,
    content: d.content,
    methods: d.methods,
    novelty: d.novelty,
    applicationPlan: d.applicationPlan,
    durationMonths: d.durationMonths,
    startDate: d.startDate,
    products: lists.products.map((p) => ({
      name: p.name,
      outputType: p.outputType,
      quantity: Number(p.quantity),
      unit: p.unit,
      qualityTarget: p.qualityTarget,
    })),
    milestones: lists.milestones.map((m) => ({ content: m.content, startsOn: m.startsOn, endsOn: m.endsOn, deliverable: m.deliverable })),
    team: lists.team.map((m) => ({
      personId: m.personId,
      personName: personNames.get(m.personId) ?? "",
      role: m.role,
      months: m.months === null ? null : Number(m.months),
    })),
    budget: lists.budget.map((b) => ({ year: b.year, source: b.source, category: b.category, amount: Number(b.amount) })),
    totals: budgetTotals(lists.budget.map((b) => ({ ...b, amount: Number(b.amount) }))),
    submittedAt: d.submittedAt?.toISOString() ?? null,
    submissionHash: d.submissionHash,
    openedAt: d.openedAt?.toISOString() ?? null,
    validityCheck: vc
      ? { complete: !!vc.complete, signedAndSealed: !!vc.signedAndSealed, detailsMatch: !!vc.detailsMatch, valid: !!vc.valid, note: vc.note ?? null }
      : null,
    validityNote: d.validityNote,
    revision: d.revision,
    documents: docs.map((x) => ({ ...x, uploaded: uploaded.has(x.code) })),
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    abilities: {
      update: editable,
      submit: owner && d.status === "draft" && accepting,
      withdraw: owner && (d.status === "draft" || d.status === "submitted") && accepting,
      uploadDocument: editable,
    },
  };
}

export async function getDossier(ctx: Ctx, taskId: string, dossierId: string): Promise<Dossier> {
  const { task, dossier } = await loadDossier(ctx, ctx.db, taskId, dossierId);
  return presentDossier(ctx, ctx.db, task, dossier);
}

function snapshot(d: DossierRow) {
  return { status: d.status, version: d.version, revision: d.revision, submissionHash: d.submissionHash };
}

export async function createDossier(ctx: Ctx, taskId: string, input: CreateInput): Promise<Dossier> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const { task } = await visibleTask(ctx, tx, taskId);
    if (!RECEIVING_STATES.includes(task.state) || !task.selectionCallId) throw notReceiving();
    await assertCallAccepting(tx, task.selectionCallId, now);
    const personId = input.personId ?? actor.personId;
    if (!personId) throw badInput("task.dossier.person_required", {}, [{ path: "personId", code: "required", message: "" }]);
    const organisationId = input.organisationId ?? actor.organisationId;
    if (!organisationId) throw badInput("task.dossier.organisation_required", {}, [{ path: "organisationId", code: "required", message: "" }]);
    await assertPeople(tx, [personId], "personId");
    await assertPeople(
      tx,
      input.team.map((m) => m.personId),
      "team",
    );
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId));
    if (!org) throw badInput("task.dossier.unknown_organisation", {}, [{ path: "organisationId", code: "not_found", message: "" }]);
    assertBudgetYears(input);
    const [dup] = await tx
      .select({ id: taskDossiers.id })
      .from(taskDossiers)
      .where(and(eq(taskDossiers.taskId, taskId), eq(taskDossiers.leadOrganisationId, organisationId), ne(taskDossiers.status, "withdrawn")));
    if (dup) throw new AppError("DUPLICATE", 409, "task.dossier.duplicate_org", { dossierId: dup.id });
    const [row] = await tx
      .insert(taskDossiers)
      .values({
        taskId,
        status: "draft",
        ownerUserId: actor.userId,
        piPersonId: personId,
        leadOrganisationId: organisationId,
        ...sections(input),
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning();
    await writeLists(tx, row.id, input);
    await audit(tx, ctx, { action: "task_dossier.create", entityType: "task_dossier", entityId: row.id, after: { taskId, ...snapshot(row) } });
    return row.id;
  });
  return getDossier(ctx, taskId, id);
}

export async function updateDossier(ctx: Ctx, taskId: string, dossierId: string, input: UpdateInput): Promise<Dossier> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { task, dossier } = await loadDossier(ctx, tx, taskId, dossierId, true);
    if (dossier.ownerUserId !== actor.userId) throw forbidden();
    if (!dossierEditable(dossier, task, dossierId)) throw dossierLocked(dossier);
    if (dossier.version !== input.version) throw staleVersion(await presentDossier(ctx, tx, task, dossier));
    await assertPeople(
      tx,
      input.team.map((m) => m.personId),
      "team",
    );
    assertBudgetYears(input);
    const [row] = await tx
      .update(taskDossiers)
      .set({ ...sections(input), updatedAt: now, updatedBy: actor.userId, version: sql`${taskDossiers.version} + 1` })
      .where(and(eq(taskDossiers.id, dossierId), eq(taskDossiers.version, input.version)))
      .returning();
    await writeLists(tx, dossierId, input);
    await audit(tx, ctx, { action: "task_dossier.update", entityType: "task_dossier", entityId: dossierId, before: snapshot(dossier), after: snapshot(row) });
  });
  return getDossier(ctx, taskId, dossierId);
}

export async function submitDossier(ctx: Ctx, taskId: string, dossierId: string, version: number): Promise<Dossier> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // The task row is locked first: two dossiers submitted together move the task once, in order.
    await tx.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, taskId)).for("update");
    const { task, dossier } = await loadDossier(ctx, tx, taskId, dossierId, true);
    if (dossier.ownerUserId !== actor.userId) throw forbidden();
    if (dossier.status !== "draft") throw locked("task.dossier.not_draft", { status: dossier.status });
    if (!RECEIVING_STATES.includes(task.state) || !task.selectionCallId) throw notReceiving();
    await assertCallAccepting(tx, task.selectionCallId, now);
    if (dossier.version !== version) throw staleVersion(await presentDossier(ctx, tx, task, dossier));
    const problems = await dossierProblems(tx, dossierId);
    if (problems.length) {
      throw new AppError(
        "DOSSIER_INCOMPLETE",
        409,
        "task.dossier.incomplete",
        { problems },
        {
          itemsVi: problems.map((p) => p.vi).join("; "),
          itemsEn: problems.map((p) => p.en).join("; "),
        },
      );
    }
    if (task.state === "call_open") {
      await transition(tx, ctx, {
        table: "tasks",
        entity: "task",
        id: taskId,
        version: task.version,
        definition: await definitionOf(tx, task),
        action: "submit_dossier",
        guards: taskGuards(actor, task, now, { dossierId }),
        missingDocuments: (db, codes) => missingTaskDocuments(db, taskId, codes, dossierId),
        documentsOfDossier: true,
        set: sql`state_entered_by = ${actor.userId}, state_entered_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz, updated_by = ${actor.userId}`,
        details: { dossierId },
      });
    }
    const hash = await submissionHash(tx, dossierId);
    const [row] = await tx
      .update(taskDossiers)
      .set({
        status: "submitted",
        submittedAt: now,
        submittedBy: actor.userId,
        submissionHash: hash,
        updatedAt: now,
        updatedBy: actor.userId,
        version: sql`${taskDossiers.version} + 1`,
      })
      .where(and(eq(taskDossiers.id, dossierId), eq(taskDossiers.status, "draft"), eq(taskDossiers.version, version)))
      .returning();
    if (!row) throw staleVersion(await presentDossier(ctx, tx, task, dossier));
    await audit(tx, ctx, { action: "task_dossier.submit", entityType: "task_dossier", entityId: dossierId, before: snapshot(dossier), after: snapshot(row) });
  });
  return getDossier(ctx, taskId, dossierId);
}

export async function withdrawDossier(ctx: Ctx, taskId: string, dossierId: string, version: number): Promise<Dossier> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { task, dossier } = await loadDossier(ctx, tx, taskId, dossierId, true);
    if (dossier.ownerUserId !== actor.userId) throw forbidden();
    if (dossier.status !== "draft" && dossier.status !== "submitted")
      throw new AppError("INVALID_STATE", 409, "task.dossier.cannot_withdraw", { state: dossier.status, command: "withdraw" });
    if (!task.selectionCallId) throw notReceiving();
    await assertCallAccepting(tx, task.selectionCallId, now);
    const [row] = await tx
      .update(taskDossiers)
      .set({ status: "withdrawn", updatedAt: now, updatedBy: actor.userId, version: sql`${taskDossiers.version} + 1` })
      .where(and(eq(taskDossiers.id, dossierId), eq(taskDossiers.version, version)))
      .returning();
    if (!row) throw staleVersion(await presentDossier(ctx, tx, task, dossier));
    await audit(tx, ctx, { action: "task_dossier.withdraw", entityType: "task_dossier", entityId: dossierId, before: snapshot(dossier), after: snapshot(row) });
  });
  return getDossier(ctx, taskId, dossierId);
}
