// Who may see a task, who carries it out and what they may do on it: the one rule, for one record (`canSeeTask`,
// `ownsTask`, `mayTake`, `mayUploadTaskDocument`) and as SQL for lists (`visibleTasksSql`, `mayTakeSql`), so that a
// list never shows what the record would hide nor offers what the record would refuse, and the loader that every
// feature of a task uses (`loadVisibleTask`: the row, or 404 for a task the actor may not see).
//
// The Department (admin, officer, leader, finance) sees every task. Others see a task for a purpose:
// - "task": the task itself, its documents, dossiers and proposal step: the tasks the actor is linked to (proposer,
//   PI, owner of a dossier, representative of the lead or proposing organisation) and every task whose selection
//   call accepts dossiers now (the published list of tasks to apply for);
// - "performance": carrying it out (progress reports, inspections, the overview, the calendar): its PI and the
//   representatives of its lead organisation;
// - "result": its result (internal acceptance, summary, application reports): the performers and its proposer.
// Experts see the tasks of their councils through the councils module, not here.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { tasks } from "../../db/schema/index.js";
import { hasRole, type Actor, type Ctx, type Executor } from "../../platform/context.js";
import { hiddenRecord, notFound, unauthenticated } from "../../platform/errors.js";
import { fromSteps, type ProcessDefinition, type ProcessTransition } from "../../../common/processes/schema.js";
import { DEPARTMENT_ROLES, type Role } from "../../../common/roles.js";
import { selectionCallAccepting } from "./tasks.guards.js";
import { literal, type Bind } from "../../platform/list.js";

export type TaskRow = typeof tasks.$inferSelect;

/** Why the actor looks at the task: each purpose admits its own circle of users (above). */
export type TaskPurpose = "task" | "performance" | "result";

/** Who carries the task out: its PI (a person) and its lead organisation. */
export interface PerformerRef {
  piPersonId: string | null;
  leadOrganisationId: string | null;
}

/** What the rule needs to know about a task and the actor's links to it (purpose "task"). */
export interface TaskRef extends PerformerRef {
  state: string;
  proposerUserId: string | null;
  proposingOrganisationId: string | null;
  /** the actor owns one of the task's dossiers */
  ownsDossier: boolean;
  /** the task receives dossiers now (call_open / dossier_submitted, its selection call accepting) */
  openForDossiers: boolean;
}

/** What the rule needs to know about a task for its result (purpose "result"). */
export interface ResultRef extends PerformerRef {
  proposerUserId: string | null;
}

/** The reference each purpose's record rule reads. */
export interface TaskRefOf {
  task: TaskRef;
  performance: PerformerRef;
  result: ResultRef;
}

/** The Department's staff who follow every task. */
export const TASK_STAFF = DEPARTMENT_ROLES;
export const isTaskStaff = (a: Actor | null) => hasRole(a, ...TASK_STAFF);

/** The performing roles: a transition held only through them is taken only on the task the actor carries out. */
export const OWNER_ROLES = ["pi", "org_rep"] as const satisfies readonly Role[];
export type OwnerRole = (typeof OWNER_ROLES)[number];
const isOwnerRole = (r: Role): r is OwnerRole => (OWNER_ROLES as readonly Role[]).includes(r);

export interface OwnerOptions {
  /**
   * The PI is matched only when the actor also holds the role `pi` (a contract's Bên B). Without it, the person
   * record alone makes the actor the PI (a user whose account carries the PI's person, whatever their roles).
   */
  piByRole?: boolean;
}

/** The actor is the task's PI (through their person record) or represents its lead organisation. */
export function ownsTask(a: Actor, t: PerformerRef, o: OwnerOptions = {}): boolean {
  return performsAs(a, t, "pi", o) || performsAs(a, t, "org_rep");
}

/** The actor is the task's PI (`pi`) or a representative of its lead organisation (`org_rep`). */
function performsAs(a: Actor, t: PerformerRef, role: OwnerRole, o: OwnerOptions = {}): boolean {
  if (role === "pi") return (!o.piByRole || hasRole(a, "pi")) && !!a.personId && t.piPersonId === a.personId;
  return hasRole(a, "org_rep") && !!a.organisationId && t.leadOrganisationId === a.organisationId;
}

/** Linked: proposer, PI, owner of a dossier, or the representative of the leading / proposing organisation. */
export function linkedToTask(a: Actor, t: TaskRef): boolean {
  return (
    t.proposerUserId === a.userId ||
    ownsTask(a, t) ||
    t.ownsDossier ||
    (hasRole(a, "org_rep") && !!a.organisationId && t.proposingOrganisationId === a.organisationId)
  );
}

const RECORD_RULES: { [P in TaskPurpose]: (a: Actor, t: TaskRefOf[P]) => boolean } = {
  task: (a, t) => isTaskStaff(a) || linkedToTask(a, t) || t.openForDossiers,
  performance: (a, t) => isTaskStaff(a) || ownsTask(a, t),
  result: (a, t) => isTaskStaff(a) || ownsTask(a, t) || t.proposerUserId === a.userId,
};

/** The record rule: the actor may see the task for this purpose. */
export function canSeeTask<P extends TaskPurpose>(a: Actor, t: TaskRefOf[P], purpose: P): boolean {
  return RECORD_RULES[purpose](a, t);
}

/**
 * How the actor holds a transition: not at all (null), on every task ("any": one of its roles there is not a
 * performing one), or only through the performing roles it holds there.
 */
function holding(actor: Actor, t: Pick<ProcessTransition, "roles">): "any" | OwnerRole[] | null {
  const held = t.roles.filter((r) => actor.roles.includes(r));
  if (!held.length) return null;
  return held.some((r) => !isOwnerRole(r)) ? "any" : held.filter(isOwnerRole);
}

/**
 * The actor may take a transition of the task's process: one of its roles, and when the roles it holds there are
 * only the performing ones (pi / org_rep), only on a task it carries out in that role.
 */
export function mayTake(actor: Actor, t: Pick<ProcessTransition, "roles">, task: PerformerRef): boolean {
  const h = holding(actor, t);
  return h === "any" || (!!h && h.some((role) => performsAs(actor, task, role)));
}

/**
 * The actor may add a document to the task itself (a dossier's documents are its owner's): the Department's staff,
 * the task's performers, and its proposer while the task is still at its process's initial step (the proposal).
 * `initialStep`: the initial step of the task's own template version.
 */
export function mayUploadTaskDocument(
  actor: Actor,
  task: PerformerRef & { state: string; proposerUserId: string | null },
  initialStep: string | undefined,
): boolean {
  return isTaskStaff(actor) || ownsTask(actor, task) || (task.proposerUserId === actor.userId && task.state === initialStep);
}

// ---------------------------------------------------------------------------------------------------------------
// The same rules as SQL, for lists
//
// Each takes the actor's values through `bind` (platform/list.ts): parameters of the statement by default, or named
// placeholders of a prepared list (tasks.service.ts). The names are fixed (userId, personId, organisationId, now),
// so one statement may use several of these conditions with the same values.

const column = (alias: string, c: string) => sql.raw(`"${alias}"."${c}"`);

/**
 * The performers' rule over any two columns (the PI's person, the organisation): a task's own columns, or those a
 * record copied from it (a contract's PI and Bên B organisation, with `piByRole`).
 */
export function performersSql(a: Actor, cols: { pi: SQL; organisation: SQL }, o: OwnerOptions = {}, bind: Bind = literal): SQL {
  return sql`(${performsAsSql(a, "pi", cols.pi, o, bind) ?? sql`false`} OR ${performsAsSql(a, "org_rep", cols.organisation, {}, bind) ?? sql`false`})`;
}

/** `performsAs` over the column of that role (the PI's person, the lead organisation); null when the actor cannot be it. */
function performsAsSql(a: Actor, role: OwnerRole, col: SQL, o: OwnerOptions = {}, bind: Bind = literal): SQL | null {
  if (role === "pi") return a.personId && (!o.piByRole || hasRole(a, "pi")) ? sql`${col} = ${bind("personId", a.personId)}::uuid` : null;
  return hasRole(a, "org_rep") && a.organisationId ? sql`${col} = ${bind("organisationId", a.organisationId)}::uuid` : null;
}

const PERFORMER_COLUMN: Record<OwnerRole, string> = { pi: "pi_person_id", org_rep: "lead_organisation_id" };

/**
 * `mayTake` over the tasks aliased `alias`: the tasks at a step from which the actor may take a transition of the
 * task's own template version (`defs`: the stored versions), leaving out the actions in `except`.
 */
export function mayTakeSql(actor: Actor, defs: Map<string, ProcessDefinition>, o: { except?: ReadonlySet<string>; alias?: string } = {}): SQL {
  const alias = o.alias ?? "tasks";
  const steps: Record<"any" | OwnerRole, string[]> = { any: [], pi: [], org_rep: [] };
  for (const def of defs.values()) {
    for (const t of def.transitions) {
      if (o.except?.has(t.action)) continue;
      const h = holding(actor, t);
      if (!h) continue;
      for (const s of fromSteps(t)) for (const as of h === "any" ? (["any"] as const) : h) steps[as].push(`${def.key}|${def.version}|${s}`);
    }
  }
  // A row comparison on (template_key, template_version, state), plus the redundant `state = ANY (…)` that lets the
  // planner use the state index instead of evaluating the tuple on every task.
  const atSteps = (xs: string[]) => {
    const keys = [...new Set(xs)].map((x) => x.split("|"));
    if (!keys.length) return sql`FALSE`;
    const rows = sql.join(
      keys.map(([key, version, state]) => sql`(${key}::text, ${Number(version)}::int, ${state}::text)`),
      sql`, `,
    );
    const states = `{${[...new Set(keys.map((k) => k[2]))].join(",")}}`;
    return sql`(${column(alias, "state")} = ANY (${states}::text[]) AND (${column(alias, "template_key")}, ${column(alias, "template_version")}, ${column(alias, "state")}) IN (${rows}))`;
  };
  const asPerformer = OWNER_ROLES.map((role) => {
    const theirs = performsAsSql(actor, role, column(alias, PERFORMER_COLUMN[role]));
    return theirs && steps[role].length ? and(atSteps(steps[role]), theirs) : undefined;
  });
  return or(atSteps(steps.any), ...asPerformer)!;
}

/** Tasks the actor is linked to (proposer, PI, dossier owner, representative of the lead / proposing organisation). */
// One indexed lookup per link (tasks_proposer_idx, tasks_pi_idx, task_dossiers_owner_idx, tasks_lead_org_idx,
// tasks_proposing_org_idx) joined as a semi-join: the same rows as OR-ing the links, which would scan every task.
export function linkedTasksSql(actor: Actor, alias = "tasks", bind: Bind = literal): SQL {
  const user = sql`${bind("userId", actor.userId)}::uuid`;
  const parts: SQL[] = [
    sql`SELECT lt.id FROM tasks lt WHERE lt.proposer_user_id = ${user}`,
    sql`SELECT d.task_id FROM task_dossiers d WHERE d.owner_user_id = ${user}`,
  ];
  if (actor.personId) parts.push(sql`SELECT lt.id FROM tasks lt WHERE lt.pi_person_id = ${bind("personId", actor.personId)}::uuid`);
  if (hasRole(actor, "org_rep") && actor.organisationId) {
    const organisation = sql`${bind("organisationId", actor.organisationId)}::uuid`;
    parts.push(sql`SELECT lt.id FROM tasks lt WHERE lt.lead_organisation_id = ${organisation}`);
    parts.push(sql`SELECT lt.id FROM tasks lt WHERE lt.proposing_organisation_id = ${organisation}`);
  }
  return sql`${column(alias, "id")} IN (${sql.join(parts, sql` UNION ALL `)})`;
}

/** Tasks receiving dossiers now: at call_open / dossier_submitted, their selection call accepting at the server's now. */
export function openForDossiersSql(now: Date, alias = "tasks", bind: Bind = literal): SQL {
  const at = bind("now", now.toISOString());
  return sql`(${column(alias, "state")} IN ('call_open', 'dossier_submitted') AND EXISTS (SELECT 1 FROM calls c WHERE c.id = ${column(alias, "selection_call_id")}
    AND c.status = 'published' AND c.opens_at <= ${at}::timestamptz AND c.closes_at > ${at}::timestamptz))`;
}

/**
 * The record rule of `purpose` as a condition on the tasks aliased `alias` (`true` for the Department). `now` is the
 * server's clock (purpose "task": the selection calls accepting dossiers now).
 */
export function visibleTasksSql(actor: Actor | null, alias: string, o: { purpose: TaskPurpose; now: Date; bind?: Bind }): SQL {
  if (!actor) return sql`FALSE`;
  if (isTaskStaff(actor)) return sql`true`;
  const bind = o.bind ?? literal;
  const performers = () => performersSql(actor, { pi: column(alias, "pi_person_id"), organisation: column(alias, "lead_organisation_id") }, {}, bind);
  switch (o.purpose) {
    case "task":
      return or(linkedTasksSql(actor, alias, bind), openForDossiersSql(o.now, alias, bind))!;
    case "performance":
      return performers();
    case "result":
      return sql`(${performers()} OR ${column(alias, "proposer_user_id")} = ${bind("userId", actor.userId)}::uuid)`;
  }
}

/**
 * What decides the SQL text of `visibleTasksSql` and `linkedTasksSql` for this actor (the values aside): the key part of
 * a prepared statement that uses them (db/prepared.ts).
 */
export function accessShape(actor: Actor | null): string {
  if (!actor) return "visitor";
  if (isTaskStaff(actor)) return "staff";
  return `linked${actor.personId ? "+person" : ""}${hasRole(actor, "org_rep") && actor.organisationId ? "+org" : ""}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The record

/** The task row; `lock`: FOR UPDATE (a command on the task) or FOR SHARE (a command on a record of the task). */
export async function loadTask(db: Executor, id: string, lock?: "update" | "share" | boolean): Promise<TaskRow | null> {
  const q = db.select().from(tasks).where(eq(tasks.id, id));
  const [row] = lock === "share" ? await q.for("share") : lock ? await q.for("update") : await q;
  return row ?? null;
}

/** The task with the actor's links to it (purpose "task"). */
export async function taskRef(db: Executor, t: TaskRow, actor: Actor | null, now: Date): Promise<TaskRef> {
  let ownsDossier = false;
  if (actor) {
    const r = await db.execute<{ ok: boolean }>(
      sql`SELECT EXISTS (SELECT 1 FROM task_dossiers WHERE task_id = ${t.id} AND owner_user_id = ${actor.userId}) AS ok`,
    );
    ownsDossier = !!r.rows[0]?.ok;
  }
  const openForDossiers = ["call_open", "dossier_submitted"].includes(t.state) && (await selectionCallAccepting(db, t, now));
  return { ...t, ownsDossier, openForDossiers };
}

/**
 * Loads a task the actor may see for `purpose` (default "task"): 401 without an actor, 404 when the task does not
 * exist or is hidden from them. Returns the row and the reference its rule read.
 */
export async function loadVisibleTask<P extends TaskPurpose = "task">(
  ctx: Pick<Ctx, "actor" | "clock">,
  db: Executor,
  id: string,
  o: { purpose?: P; lock?: "update" | "share" } = {},
): Promise<{ task: TaskRow; ref: TaskRefOf[P] }> {
  const purpose = (o.purpose ?? "task") as P;
  const task = await loadTask(db, id, o.lock);
  if (!task) throw notFound();
  if (!ctx.actor) throw unauthenticated();
  const ref = (purpose === "task" ? await taskRef(db, task, ctx.actor, ctx.clock.now()) : task) as TaskRefOf[P];
  if (!canSeeTask(ctx.actor, ref, purpose)) throw hiddenRecord();
  return { task, ref };
}
