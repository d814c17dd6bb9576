// S&T tasks: one record from the proposal to the result. Lists (search, filters, views all | mine | action), the
// record with its abilities and the template's path, and one command per workflow action: `transition()` with the
// template's guards and required documents, plus the action's effects, in one transaction.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { calls, taskDossiers, tasks } from "../../db/schema/index.js";
import type { Actor, Ctx, Executor, Tx } from "../../platform/context.js";
import { AppError, badInput, forbidden } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { nextNumber } from "../../platform/codes.js";
import { scheduleReports } from "../monitoring/monitoring.schedule.js";
import { contractRefOfTask, contractSignedGuard } from "../contracts/contracts.read.js";
import { Placeholders, countStatement, pageTotal, searchCondition, totalOf } from "../../platform/list.js";
import { prepared } from "../../db/prepared.js";
import { allTemplateDefinitions, availableActions, preconditionRefusal, templateVersion, transition } from "../../platform/workflow.js";
import { t as message } from "../../platform/messages.js";
import type { CouncilKind } from "../../../common/councils/rules.js";
import { parseSort } from "../../../common/list.js";
import type { ProcessDefinition, ProcessTransition } from "../../../common/processes/schema.js";
import { fromSteps } from "../../../common/processes/schema.js";
import {
  TASK_SORTS,
  type ActionRefusal,
  type DossierSummary,
  type Task,
  type TaskHistoryEntry,
  type TaskActionFields,
  type TaskListItem,
  type TaskListQuery,
  type TaskRouteAction,
} from "../../../common/api/task.js";
import { isAccepting } from "../calls/calls.service.js";
import { councilOutcomeForTask } from "../councils/councils.outcome.js";
import {
  accessShape,
  isTaskStaff,
  linkedTasksSql,
  loadVisibleTask,
  mayTake,
  mayTakeSql,
  mayUploadTaskDocument,
  visibleTasksSql,
  type TaskRef,
  type TaskRow,
} from "./tasks.access.js";
import { missingTaskDocuments, selectionCallAccepting, taskGuards } from "./tasks.guards.js";
import { dossierOpening, dossierTerms, submissionHash } from "./tasks.dossier-rules.js";
import { vietnamDate } from "../../platform/clock.js";
import { commandOf, type WorkflowTransitionPayload } from "../../platform/audit-actions.js";
import { deadlineSql, ELSEWHERE, nextAction, nextActionIsSql } from "./tasks.next.js";

export type { TaskRow };
type Body = TaskActionFields;

const col = (c: string) => sql.raw(`"tasks"."${c}"`);

// ---------------------------------------------------------------------------------------------------------------
// Templates

const defKey = (key: string, version: number) => `${key}@${version}`;

/** Every stored template version's definition, by defKey (platform/workflow.ts keeps the immutable ones it read). */
export const allDefinitions = (db: Executor): Promise<Map<string, ProcessDefinition>> => allTemplateDefinitions(db);

export async function definitionOf(db: Executor, t: Pick<TaskRow, "templateKey" | "templateVersion">): Promise<ProcessDefinition> {
  const v = await templateVersion(db, t.templateKey, t.templateVersion);
  if (!v) throw new Error(`task template ${t.templateKey}@${t.templateVersion} is missing`);
  return v.definition;
}

const stepLabel = (def: ProcessDefinition | undefined, state: string) => {
  const s = def?.steps.find((x) => x.key === state);
  return { stateLabelVi: s?.labelVi ?? state, stateLabelEn: s?.labelEn ?? state };
};

// ---------------------------------------------------------------------------------------------------------------
// Lists

/** The actor's next action on a listed task, labelled from its template version (none for a visitor). */
function nextActionOf(actor: Actor | null, def: ProcessDefinition | undefined, t: TaskRow): TaskListItem["nextAction"] {
  const next = actor && def ? nextAction(def, t, actor) : undefined;
  return next ? { action: next.action, labelVi: next.labelVi, labelEn: next.labelEn } : null;
}

const programmeCodeSql = sql<string | null>`(SELECT p.code FROM programmes p WHERE p.id = ${col("programme_id")})`;
const piNameSql = sql<string | null>`(SELECT pe.full_name FROM people pe WHERE pe.id = ${col("pi_person_id")})`;
const leadOrgSql = sql<string | null>`(SELECT o.name_vi FROM organisations o WHERE o.id = ${col("lead_organisation_id")})`;
const propOrgSql = sql<string | null>`(SELECT o.name_vi FROM organisations o WHERE o.id = ${col("proposing_organisation_id")})`;

export interface ListFilters {
  q?: string;
  state?: string;
  states?: readonly string[];
  year?: number;
  taskType?: string;
  programmeId?: string;
  callId?: string;
  templateKey?: string;
  /** the actor's next action (tasks.next.ts) */
  action?: string;
}

/** The values tasks.access.ts binds for the actor and the clock. */
const ACTOR_VALUES = new Set(["userId", "personId", "organisationId", "now"]);

/** Which tasks a list shows besides its filters: every task the actor may see, the linked ones, or the work queue. */
export type TaskListView = "all" | "mine" | "action";

// The list's statements, prepared per shape (db/prepared.ts): the page's ids first, from the narrow index entries
// (the work queue's covering index `tasks_work_queue`), then the wide rows of that page only, carrying the total
// (platform/list.ts totalOf); `count` answers only for a page past the end.
function taskListStatements(db: Executor, where: SQL | undefined, order: SQL, name: string) {
  const pageIds = db
    .select({ id: tasks.id })
    .from(tasks)
    .where(where)
    .orderBy(order, tasks.id)
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"));
  const page = db
    .select({
      t: tasks,
      programmeCode: programmeCodeSql,
      piName: piNameSql,
      leadOrganisationName: leadOrgSql,
      proposingOrganisationName: propOrgSql,
      deadline: deadlineSql(),
      total: totalOf(tasks, where),
    })
    .from(tasks)
    .where(inArray(tasks.id, pageIds))
    .orderBy(order, tasks.id)
    .prepare(name && `${name}_page`);
  return { page, count: countStatement(db, tasks, where, name) };
}

export async function listTaskRows(
  ctx: Ctx,
  f: ListFilters,
  view: TaskListView,
  page: { page: number; pageSize: number; sort?: string; defaultSort?: (typeof TASK_SORTS)[number] },
) {
  const defs = await allDefinitions(ctx.db);
  const actor = ctx.actor;
  const today = vietnamDate(ctx.clock.now());
  const p = new Placeholders();
  const bind = p.bind;
  // The work queue and the next-action filter list the steps of the stored template versions in their SQL: those
  // statements are built for each request; every other shape is prepared once.
  const preparable = view !== "action" && !f.action;
  const viewSql =
    view === "all" ? undefined : !actor ? sql`FALSE` : view === "mine" ? linkedTasksSql(actor, "tasks", bind) : mayTakeSql(actor, defs, { except: ELSEWHERE });
  const where = and(
    // the linked tasks are all visible to the actor: the visibility condition would add nothing
    view === "mine" ? undefined : visibleTasksSql(actor, "tasks", { purpose: "task", now: ctx.clock.now(), bind }),
    viewSql,
    searchCondition(tasks.searchText, f.q, bind),
    f.state ? sql`${tasks.state} = ${bind("state", f.state)}` : undefined,
    f.states ? sql`${tasks.state} = ANY (${bind("states", [...f.states])}::text[])` : undefined,
    f.year ? sql`${tasks.year} = ${bind("year", f.year)}` : undefined,
    f.taskType ? sql`${tasks.taskType} = ${bind("taskType", f.taskType)}` : undefined,
    f.programmeId ? sql`${tasks.programmeId} = ${bind("programmeId", f.programmeId)}::uuid` : undefined,
    f.callId ? sql`(${tasks.proposalCallId} = ${bind("callId", f.callId)}::uuid OR ${tasks.selectionCallId} = ${bind("callId", f.callId)}::uuid)` : undefined,
    f.templateKey ? sql`${tasks.templateKey} = ${bind("templateKey", f.templateKey)}` : undefined,
    f.action ? (actor ? nextActionIsSql(actor, defs, f.action) : sql`FALSE`) : undefined,
  );
  const { key, desc } = parseSort(page.sort, TASK_SORTS, page.defaultSort ?? "updatedAt");
  const descending = desc || (!page.sort && key === "updatedAt");
  const dir = descending ? sql`DESC` : sql`ASC`;
  const order: Record<(typeof TASK_SORTS)[number], () => SQL> = {
    code: () => sql`${tasks.code} ${dir}`,
    title: () => sql`${tasks.titleVi} COLLATE vn ${dir}`,
    state: () => sql`${tasks.state} ${dir}`,
    year: () => sql`${tasks.year} ${dir}`,
    updatedAt: () => sql`${tasks.updatedAt} ${dir}`,
    proposedBudget: () => sql`${tasks.proposedBudget} ${dir} NULLS LAST`,
    // the nearest deadline first (an overdue one is nearer than any other), then the longest at its step
    urgency: () =>
      desc ? sql`${deadlineSql()} DESC NULLS FIRST, ${tasks.stateEnteredAt} DESC` : sql`${deadlineSql()} ASC NULLS LAST, ${tasks.stateEnteredAt} ASC`,
  };
  const build = (db: Executor, name: string) => taskListStatements(db, where, order[key](), name);
  const statements = preparable
    ? prepared(
        ctx.db,
        // the view and the actor's kind decide SQL that binds no value of its own (db/prepared.ts)
        `task_list:${view}:${accessShape(actor)}:${key}:${descending ? "d" : "a"}:${p.shape}`,
        build,
        // Named (planned once per connection) only when nothing but the actor's own values is bound: a filter's value
        // (a common or a rare state, a search phrase) decides the plan, which a generic plan cannot (db/prepared.ts).
        { named: Object.keys(p.values).every((name) => ACTOR_VALUES.has(name)) },
      )
    : build(ctx.db, "");
  const values = { ...p.values, limit: page.pageSize, offset: (page.page - 1) * page.pageSize };
  const { rows, total } = await pageTotal(await statements.page.execute(values), page.page, () => statements.count.execute(values));
  const items: TaskListItem[] = rows.map(({ t, deadline: due, ...names }) => ({
    id: t.id,
    code: t.code,
    titleVi: t.titleVi,
    titleEn: t.titleEn,
    taskType: t.taskType,
    method: t.method,
    templateKey: t.templateKey,
    templateVersion: t.templateVersion,
    state: t.state,
    ...stepLabel(defs.get(defKey(t.templateKey, t.templateVersion)), t.state),
    year: t.year,
    programmeId: t.programmeId,
    programmeCode: names.programmeCode,
    proposalCallId: t.proposalCallId,
    selectionCallId: t.selectionCallId,
    fieldCode: t.fieldCode,
    piName: names.piName,
    leadOrganisationName: names.leadOrganisationName,
    proposingOrganisationName: names.proposingOrganisationName,
    proposedBudget: t.proposedBudget,
    approvedBudgetCity: t.approvedBudgetCity,
    approvedBudgetOther: t.approvedBudgetOther,
    updatedAt: t.updatedAt.toISOString(),
    stateEnteredAt: t.stateEnteredAt.toISOString(),
    nextAction: nextActionOf(actor, defs.get(defKey(t.templateKey, t.templateVersion)), t),
    deadline: due,
    overdue: due !== null && due < today,
  }));
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export async function listTasks(ctx: Ctx, q: TaskListQuery) {
  // the work queue (the tasks at a step where the actor may act now; a dossier's submission is the dossier page's) is
  // read most urgent first unless another order is asked
  return listTaskRows(ctx, q, q.view ?? "all", { ...q, defaultSort: q.view === "action" ? "urgency" : undefined });
}

// ---------------------------------------------------------------------------------------------------------------
// Record

/** Loads a task the actor may see (404 otherwise); `lock`: FOR UPDATE. */
export async function visibleTask(ctx: Ctx, db: Executor, id: string, lock = false): Promise<{ task: TaskRow; ref: TaskRef }> {
  return loadVisibleTask(ctx, db, id, { purpose: "task", lock: lock ? "update" : undefined });
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function names(db: Executor, id: string) {
  const r = await db.execute<Record<string, string | null>>(sql`
    SELECT (SELECT code FROM programmes WHERE id = t.programme_id) AS programme_code,
           (SELECT name_vi FROM process_templates WHERE key = t.template_key) AS template_name_vi,
           (SELECT name_en FROM process_templates WHERE key = t.template_key) AS template_name_en,
           (SELECT code FROM calls WHERE id = t.proposal_call_id) AS proposal_call_code,
           (SELECT code FROM calls WHERE id = t.selection_call_id) AS selection_call_code,
           (SELECT closes_at FROM calls WHERE id = t.selection_call_id) AS selection_closes_at,
           (SELECT display_name FROM users WHERE id = t.proposer_user_id) AS proposer_name,
           (SELECT name_vi FROM organisations WHERE id = t.proposing_organisation_id) AS proposing_org,
           (SELECT full_name FROM people WHERE id = t.pi_person_id) AS pi_name,
           (SELECT name_vi FROM organisations WHERE id = t.lead_organisation_id) AS lead_org
      FROM tasks t WHERE t.id = ${id}`);
  return r.rows[0] ?? {};
}

export async function dossierSummaries(db: Executor, actor: Actor | null, taskId: string): Promise<DossierSummary[]> {
  if (!actor) return [];
  const r = await db.execute<{
    id: string;
    status: DossierSummary["status"];
    owner_user_id: string;
    pi_person_id: string;
    pi_name: string;
    lead_organisation_id: string;
    org_name: string;
    submitted_at: string | Date | null;
    total: string | number;
    revision: number;
    updated_at: string | Date;
  }>(sql`
    SELECT d.id, d.status, d.owner_user_id, d.pi_person_id, pe.full_name AS pi_name, d.lead_organisation_id,
           o.name_vi AS org_name, d.submitted_at, d.revision, d.updated_at,
           COALESCE((SELECT sum(b.amount) FROM task_dossier_budget b WHERE b.dossier_id = d.id), 0) AS total
      FROM task_dossiers d JOIN people pe ON pe.id = d.pi_person_id JOIN organisations o ON o.id = d.lead_organisation_id
     WHERE d.task_id = ${taskId}
       AND ${isTaskStaff(actor) ? sql`TRUE` : sql`(d.owner_user_id = ${actor.userId} OR d.pi_person_id = ${actor.personId ?? null}::uuid)`}
     ORDER BY d.created_at, d.id`);
  const toIso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  return r.rows.map((d) => ({
    id: d.id,
    status: d.status,
    ownerUserId: d.owner_user_id,
    piPersonId: d.pi_person_id,
    piName: d.pi_name,
    leadOrganisationId: d.lead_organisation_id,
    leadOrganisationName: d.org_name,
    submittedAt: toIso(d.submitted_at),
    totalBudget: Number(d.total),
    revision: d.revision,
    updatedAt: toIso(d.updated_at)!,
  }));
}

/** The task's transitions, oldest first: the audit rows the workflow engine wrote in each transition's transaction. */
async function taskHistory(db: Executor, def: ProcessDefinition, taskId: string): Promise<TaskHistoryEntry[]> {
  type Row = {
    at: Date | string;
    action: string;
    by_name: string | null;
    before: WorkflowTransitionPayload["before"];
    after: WorkflowTransitionPayload["after"];
    details: WorkflowTransitionPayload["details"] | null;
  };
  const r = await db.execute<Row>(sql`
    SELECT a.at, a.action, a.before, a.after, a.details, coalesce(u.display_name, a.actor_username) AS by_name
      FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE a.entity_type = 'task' AND a.entity_id = ${taskId} AND a.outcome = 'success'
       AND a.before ? 'state' AND a.after ? 'state'
     ORDER BY a.id`);
  return r.rows.map((h) => {
    const action = commandOf("task", h.action) ?? h.action;
    const t = def.transitions.find((x) => x.action === action);
    return {
      at: new Date(h.at).toISOString(),
      action,
      actionLabelVi: t?.labelVi ?? action,
      actionLabelEn: t?.labelEn ?? action,
      from: h.before.state,
      to: h.after.state,
      byName: h.by_name,
      comment: h.details?.comment ?? null,
    };
  });
}

/** What a task action checks before it runs: the template's guards and its required documents (of the selected
 *  dossier for a revision, else of the task). The command and the page's readiness use the same. */
function preconditions(actor: Actor, task: TaskRow, def: ProcessDefinition, t: ProcessTransition | undefined, now: Date) {
  return {
    guards: taskGuards(actor, task, now, { definition: def, transition: t }),
    missingDocuments: (db: Executor, codes: string[]) =>
      missingTaskDocuments(db, task.id, codes, t?.action === "submit_revision" ? task.selectedDossierId : null),
    documentsOfDossier: t?.action === "submit_revision",
  };
}

/**
 * What an action's own effect checks beyond the template (the task's "sign the contract" step follows the contract,
 * signed in the contracts module), with what unblocks it: the contract to draft, or the draft to open and sign.
 */
async function effectRefusal(db: Executor, action: string, task: TaskRow): Promise<{ error: AppError; next: ActionRefusal["next"] } | null> {
  if (action !== "sign_contract") return null;
  const signed = await contractSignedGuard(db, task.id);
  if (signed === true) return null;
  const c = await contractRefOfTask(db, task.id);
  return {
    error: conflict("CONTRACT_NOT_SIGNED", "task.action.contract_not_signed", { reasonVi: signed.vi, reasonEn: signed.en }, { reason: signed }),
    next: !c ? { kind: "draft_contract" } : c.status === "draft" ? { kind: "open_contract", contractId: c.id, number: c.number } : null,
  };
}

/**
 * Why an offered action cannot run now (its required documents, a guard, or its effect's own check), in the actor's
 * language, with what unblocks it when the page can offer it (a council to form, a contract to draft or to open):
 * the page shows the button disabled with this reason instead of offering a command that would only refuse.
 */
async function actionBlocked(ctx: Ctx, db: Executor, def: ProcessDefinition, t: ProcessTransition, task: TaskRow): Promise<ActionRefusal | null> {
  const refusal = await preconditionRefusal(db, t, preconditions(ctx.actor!, task, def, t, ctx.clock.now()));
  if (!refusal) {
    const effect = await effectRefusal(db, t.action, task);
    return effect && { code: effect.error.code, message: message(ctx.lang, effect.error.messageKey, effect.error.params), next: effect.next };
  }
  const councilKind = (refusal.details as { councilKind?: CouncilKind } | undefined)?.councilKind;
  return {
    code: refusal.code,
    message: message(ctx.lang, refusal.messageKey, refusal.params),
    next: refusal.code === "COUNCIL_NOT_FORMED" && councilKind ? { kind: "form_council", councilKind } : null,
  };
}

export async function presentTask(ctx: Ctx, db: Executor, task: TaskRow, ref: TaskRef): Promise<Task> {
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const def = await definitionOf(db, task);
  const n = await names(db, task.id);
  const dossiers = await dossierSummaries(db, actor, task.id);
  const history = await taskHistory(db, def, task.id);
  const accepting = await selectionCallAccepting(db, task, now);
  const initial = def.steps.find((s) => s.kind === "initial")?.key;
  let proposalAccepting = false;
  if (task.proposalCallId && task.state === initial) {
    const [c] = await db.select().from(calls).where(eq(calls.id, task.proposalCallId));
    proposalAccepting = !!c && isAccepting(c, now);
  }
  const actions: Task["abilities"]["actions"] = [];
  for (const a of actor ? availableActions(def, task.state, actor) : []) {
    if (ELSEWHERE.has(a.action)) continue;
    const t = def.transitions.find((x) => x.action === a.action && fromSteps(x).includes(task.state))!;
    if (!mayTake(actor!, t, task)) continue;
    actions.push({ ...a, blocked: await actionBlocked(ctx, db, def, t, task) });
  }
  const ownDossier = actor ? dossiers.some((d) => d.ownerUserId === actor.userId && d.status !== "withdrawn") : false;
  const closes = n.selection_closes_at as unknown as string | Date | null | undefined;
  return {
    id: task.id,
    code: task.code,
    titleVi: task.titleVi,
    titleEn: task.titleEn,
    taskType: task.taskType,
    level: task.level,
    method: task.method,
    templateKey: task.templateKey,
    templateVersion: task.templateVersion,
    templateNameVi: n.template_name_vi ?? null,
    templateNameEn: n.template_name_en ?? null,
    state: task.state,
    ...stepLabel(def, task.state),
    stateEnteredAt: task.stateEnteredAt.toISOString(),
    stateEnteredBy: task.stateEnteredBy,
    origin: task.origin,
    year: task.year,
    programmeId: task.programmeId,
    programmeCode: n.programme_code ?? null,
    proposalCallId: task.proposalCallId,
    proposalCallCode: n.proposal_call_code ?? null,
    selectionCallId: task.selectionCallId,
    selectionCallCode: n.selection_call_code ?? null,
    selectionCallAccepting: accepting,
    selectionCallClosesAt: closes ? new Date(closes).toISOString() : null,
    fieldCode: task.fieldCode,
    sectorCode: task.sectorCode,
    proposerUserId: task.proposerUserId,
    proposerName: n.proposer_name ?? null,
    proposingOrganisationId: task.proposingOrganisationId,
    proposingOrganisationName: n.proposing_org ?? null,
    rationale: task.rationale,
    objectives: task.objectives,
    expectedResults: task.expectedResults,
    proposedBudget: task.proposedBudget,
    proposedMonths: task.proposedMonths,
    piPersonId: task.piPersonId,
    piName: n.pi_name ?? null,
    leadOrganisationId: task.leadOrganisationId,
    leadOrganisationName: n.lead_org ?? null,
    selectedDossierId: task.selectedDossierId,
    startDate: task.startDate,
    endDate: task.endDate,
    approvedBudgetCity: task.approvedBudgetCity,
    approvedBudgetOther: task.approvedBudgetOther,
    decisionNumber: task.decisionNumber,
    decisionDate: task.decisionDate,
    resultGrade: task.resultGrade,
    registrationCode: task.registrationCode,
    registeredAt: iso(task.registeredAt),
    steps: def.steps.map((s) => ({ key: s.key, labelVi: s.labelVi, labelEn: s.labelEn, kind: s.kind })),
    dossiers,
    history,
    serverTime: now.toISOString(),
    version: task.version,
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    abilities: {
      edit: !!actor && task.proposerUserId === actor.userId && proposalAccepting,
      actions,
      createDossier: dossierOpening(actor, { state: task.state, accepting, ownDossier }).allowed,
      uploadDocument: !!actor && mayUploadTaskDocument(actor, task, initial),
    },
  };
}

export async function getTask(ctx: Ctx, id: string): Promise<Task> {
  const { task, ref } = await visibleTask(ctx, ctx.db, id);
  return presentTask(ctx, ctx.db, task, ref);
}

// ---------------------------------------------------------------------------------------------------------------
// Transitions

const conflict = (code: string, key: Parameters<typeof badInput>[0], params: Record<string, unknown> = {}, details?: unknown) =>
  new AppError(code, 409, key, details, params);

async function assertSelectionCall(tx: Tx, callId: string) {
  const [c] = await tx.select().from(calls).where(eq(calls.id, callId));
  if (!c || c.kind !== "selection" || c.status !== "published") {
    throw badInput("task.action.call_not_selection", {}, [{ path: "callId", code: "invalid", message: "" }]);
  }
}

/** Effects that run after the guarded UPDATE, in the same transaction; an error here undoes the transition. */
async function applyEffects(
  ctx: Ctx,
  tx: Tx,
  def: ProcessDefinition,
  task: TaskRow,
  action: TaskRouteAction,
  body: Body,
  now: Date,
): Promise<Record<string, unknown>> {
  const uid = ctx.actor!.userId;
  const setTask = (values: Partial<typeof tasks.$inferInsert>) => tx.update(tasks).set(values).where(eq(tasks.id, task.id));
  switch (action) {
    case "approve_list":
    case "approve_order_list": {
      // The body schema admits only this action's methods (selection | direct; funding | ordering).
      const o = await councilOutcomeForTask(tx, task.id, "identification");
      if (!o?.recommended) throw conflict("NOT_RECOMMENDED", "task.action.not_recommended");
      await setTask({ method: body.method! });
      return { method: body.method };
    }
    case "announce_selection":
    case "invite_direct":
    case "announce_order":
    case "open_funding_call": {
      await assertSelectionCall(tx, body.callId!);
      const method =
        action === "invite_direct" ? "direct" : action === "announce_selection" ? "selection" : action === "open_funding_call" ? "funding" : undefined;
      await setTask({ selectionCallId: body.callId!, ...(task.method ? {} : method ? { method } : {}) });
      return { callId: body.callId };
    }
    case "open_dossier": {
      if (await selectionCallAccepting(tx, task, now)) throw conflict("CALL_STILL_ACCEPTING", "task.action.call_still_accepting");
      const submitted = await tx
        .select({ id: taskDossiers.id })
        .from(taskDossiers)
        .where(and(eq(taskDossiers.taskId, task.id), eq(taskDossiers.status, "submitted")));
      const ids = new Set(submitted.map((d) => d.id));
      const checks = body.checks!;
      if (checks.length !== ids.size || new Set(checks.map((c) => c.dossierId)).size !== checks.length || checks.some((c) => !ids.has(c.dossierId))) {
        throw badInput("task.action.checks_mismatch", {}, [{ path: "checks", code: "mismatch", message: [...ids].join(",") }]);
      }
      for (const c of checks) {
        await tx
          .update(taskDossiers)
          .set({
            status: c.valid ? "valid" : "invalid",
            openedAt: now,
            openedBy: uid,
            validityCheck: { complete: c.complete, signedAndSealed: c.signedAndSealed, detailsMatch: c.detailsMatch, valid: c.valid, note: c.note },
            validityNote: c.note,
            updatedAt: now,
            updatedBy: uid,
            version: sql`${taskDossiers.version} + 1`,
          })
          .where(eq(taskDossiers.id, c.dossierId));
      }
      return { checks: checks.map((c) => ({ dossierId: c.dossierId, valid: c.valid })) };
    }
    case "declare_invalid":
    case "not_selected":
    case "not_recommended_for_funding": {
      await tx
        .update(taskDossiers)
        .set({ status: action === "declare_invalid" ? "invalid" : "not_selected", updatedAt: now, updatedBy: uid, version: sql`${taskDossiers.version} + 1` })
        .where(and(eq(taskDossiers.taskId, task.id), inArray(taskDossiers.status, ["submitted", "valid"])));
      return {};
    }
    case "select":
    case "recommend": {
      const o = await councilOutcomeForTask(tx, task.id, "selection");
      const dossierId = o?.selectedDossierId ?? null;
      const [d] = dossierId
        ? await tx
            .select()
            .from(taskDossiers)
            .where(and(eq(taskDossiers.id, dossierId), eq(taskDossiers.taskId, task.id), eq(taskDossiers.status, "valid")))
        : [];
      if (!d) throw conflict("NO_SELECTED_DOSSIER", "task.action.no_selected_dossier");
      await tx
        .update(taskDossiers)
        .set({ status: "selected", updatedAt: now, updatedBy: uid, version: sql`${taskDossiers.version} + 1` })
        .where(eq(taskDossiers.id, d.id));
      await tx
        .update(taskDossiers)
        .set({ status: "not_selected", updatedAt: now, updatedBy: uid, version: sql`${taskDossiers.version} + 1` })
        .where(and(eq(taskDossiers.taskId, task.id), sql`${taskDossiers.id} <> ${d.id}`, inArray(taskDossiers.status, ["submitted", "valid"])));
      await setTask({ selectedDossierId: d.id, piPersonId: d.piPersonId, leadOrganisationId: d.leadOrganisationId, ...(await dossierTerms(tx, d)) });
      return { selectedDossierId: d.id, councilId: o!.councilId };
    }
    case "submit_revision": {
      if (!task.selectedDossierId) throw conflict("NO_SELECTED_DOSSIER", "task.action.no_selected_dossier");
      await tx
        .update(taskDossiers)
        .set({
          revision: sql`${taskDossiers.revision} + 1`,
          submittedAt: now,
          submittedBy: uid,
          updatedAt: now,
          updatedBy: uid,
          version: sql`${taskDossiers.version} + 1`,
        })
        .where(eq(taskDossiers.id, task.selectedDossierId));
      const hash = await submissionHash(tx, task.selectedDossierId);
      const [revised] = await tx.update(taskDossiers).set({ submissionHash: hash }).where(eq(taskDossiers.id, task.selectedDossierId)).returning();
      // The revision may change the period and the budget: the task carries the revised terms into the decision.
      await setTask(await dossierTerms(tx, revised!));
      return { dossierId: task.selectedDossierId, submissionHash: hash };
    }
    case "prepare_decision": {
      if (body.endDate! < body.startDate!) throw badInput("task.action.dates_order", {}, [{ path: "endDate", code: "order", message: "" }]);
      await setTask({
        decisionNumber: body.decisionNumber!,
        approvedBudgetCity: body.approvedBudgetCity!,
        approvedBudgetOther: body.approvedBudgetOther ?? 0,
        startDate: body.startDate!,
        endDate: body.endDate!,
      });
      return { decisionNumber: body.decisionNumber, approvedBudgetCity: body.approvedBudgetCity, approvedBudgetOther: body.approvedBudgetOther ?? 0 };
    }
    case "approve": {
      const today = vietnamDate(now);
      await setTask({ decisionDate: today });
      return { decisionDate: today };
    }
    case "pass_acceptance":
    case "fail_acceptance": {
      const o = await councilOutcomeForTask(tx, task.id, "acceptance");
      const grade = o?.grade ?? null;
      if (!grade) throw conflict("GRADE_MISMATCH", "task.action.no_grade");
      if ((action === "pass_acceptance") === (grade === "fail")) {
        const other = def.transitions.find((x) => x.action === (grade === "fail" ? "fail_acceptance" : "pass_acceptance"));
        throw conflict(
          "GRADE_MISMATCH",
          "task.action.grade_mismatch",
          {
            gradeVi: GRADE_LABEL[grade].vi,
            gradeEn: GRADE_LABEL[grade].en,
            otherVi: other?.labelVi ?? "",
            otherEn: other?.labelEn ?? "",
          },
          { grade },
        );
      }
      await setTask({ resultGrade: grade });
      return { grade };
    }
    case "sign_contract": {
      // The contract itself is signed in the contracts module (two-person rule there); the task follows it.
      const refused = await effectRefusal(tx, action, task);
      if (refused) throw refused.error;
      return {};
    }
    case "start": {
      const scheduled = await scheduleReports(tx, task.id, ctx.clock.now(), ctx.config.monitoring.reportIntervalMonths);
      return { progressReportsScheduled: scheduled };
    }
    case "register_result": {
      const code = await registrationCode(tx, task, now);
      await setTask({ registeredAt: now, registrationCode: code });
      return { registrationCode: code };
    }
    default:
      return {};
  }
}

const GRADE_LABEL = { excellent: { vi: "Xuất sắc", en: "excellent" }, pass: { vi: "Đạt", en: "pass" }, fail: { vi: "Không đạt", en: "fail" } } as const;

/** Registration type marks of the certificate code, by task type (registration of results, TT 14/2014/TT-BKHCN: e.g. "ĐT-2016-30218-ĐT"). */
const REGISTRATION_MARK: Record<TaskRow["taskType"], string> = {
  de_tai: "ĐT",
  du_an_sxtn: "DA",
  du_an_khcn: "DA",
  de_an: "ĐA",
  htqt: "HT",
  co_so: "CS",
};

/** "ĐK-<year>-<NNNNN>-<mark>": a yearly number from code_counters (scope "registration:<year>"), Vietnam year. */
async function registrationCode(tx: Tx, task: TaskRow, now: Date): Promise<string> {
  const year = Number(vietnamDate(now).slice(0, 4));
  const n = await nextNumber(tx, `registration:${year}`);
  return `ĐK-${year}-${String(n).padStart(5, "0")}-${REGISTRATION_MARK[task.taskType]}`;
}

export async function runTaskAction(ctx: Ctx, id: string, action: TaskRouteAction, body: Body): Promise<Task> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { task } = await visibleTask(ctx, tx, id);
    const def = await definitionOf(tx, task);
    const t = def.transitions.find((x) => x.action === action && fromSteps(x).includes(task.state));
    // An owner role (pi / org_rep) acts only on its own task; the engine checks the roles themselves.
    if (t && t.roles.some((r) => actor.roles.includes(r as Actor["roles"][number])) && !mayTake(actor, t, task)) throw forbidden();
    await transition(tx, ctx, {
      table: "tasks",
      entity: "task",
      id,
      version: body.version,
      definition: def,
      action,
      ...preconditions(actor, task, def, t, now),
      set: sql`state_entered_by = ${actor.userId}, state_entered_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz, updated_by = ${actor.userId}`,
      details: body.comment ? { comment: body.comment } : undefined,
    });
    const effects = await applyEffects(ctx, tx, def, task, action, body, now);
    if (Object.keys(effects).length) {
      await audit(tx, ctx, { action: `task.${action}.effects`, entityType: "task", entityId: id, details: effects });
    }
  });
  return getTask(ctx, id);
}

/** A template action that another route performs (TASK_ACTIONS_ELSEWHERE): 404 naming that route. */
export function performedElsewhere(action: string, route: string): never {
  throw new AppError("PERFORMED_ELSEWHERE", 404, "task.action.performed_elsewhere", { action, route }, { action, route });
}
