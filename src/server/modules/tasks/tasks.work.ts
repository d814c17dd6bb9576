// The tasks' part of "Việc của tôi" (GET /me/work): the tasks whose current step waits for the user, each with its next
// action from the task's own process template version, and the user's dossiers still in draft.
//
// A step waits for the roles of the first transition the template lists from it (templates list the regular path
// first: "Đưa ra hội đồng xác định" before "Không tiếp nhận đề xuất"; a leader's "Chấm dứt hợp đồng" from a task in
// progress is possible there but nothing waits for it). The next action shown is, among the transitions the user may
// take from the step, the one that leads furthest along the template's steps without ending the task (an approval
// rather than a return, "Nộp hồ sơ nghiệm thu" rather than "Đề nghị điều chỉnh"); when every one ends the task or goes
// back, the first the template lists. At a step decided by a council (COUNCIL_OF_STEP) that has no council yet, the
// step waits for the officers to form it ("Lập hội đồng"), and for nobody else.
// Which tasks: the same rule as the task list's work queue (`actionCondition`, tasks.access.ts underneath).
import { sql } from "drizzle-orm";
import { tasks } from "../../db/schema/index.js";
import { hasRole, type Actor, type Ctx } from "../../platform/context.js";
import { vietnamDate } from "../../platform/clock.js";
import { lastOpenDay, workItem } from "../../platform/work.js";
import { fromSteps, type ProcessDefinition, type ProcessTransition } from "../../../common/processes/schema.js";
import { WORK_ITEMS_PER_SOURCE, type WorkItem } from "../../../common/api/work.js";
import type { Role } from "../../../common/roles.js";
import { tasksWithCouncil, type CouncilKind } from "../councils/councils.outcome.js";
import { actionCondition, allDefinitions } from "./tasks.service.js";
import { isTaskStaff, mayTake, type TaskRow } from "./tasks.access.js";
import { COUNCIL_OF_STEP } from "./tasks.guards.js";

/** Performed on the dossier's own page, listed below as the user's dossiers in draft. */
const ELSEWHERE = new Set(["submit_dossier"]);

export const FORM_COUNCIL = { action: "form_council", actionVi: "Lập hội đồng", actionEn: "Form the council" } as const;

/** The transition that opens the step's regular path: the first one the template lists from the step. */
export function leadingTransition(def: ProcessDefinition, state: string): ProcessTransition | undefined {
  return def.transitions.find((t) => !ELSEWHERE.has(t.action) && fromSteps(t).includes(state));
}

/** The next action of the actor at the task's step (see the head of this file), or undefined when it has none. */
export function nextAction(
  def: ProcessDefinition,
  task: Pick<TaskRow, "state" | "piPersonId" | "leadOrganisationId">,
  actor: Actor,
): ProcessTransition | undefined {
  const position = new Map(def.steps.map((s, i) => [s.key, i]));
  const ends = new Set(def.steps.filter((s) => s.kind === "final").map((s) => s.key));
  const here = position.get(task.state) ?? -1;
  const held = def.transitions.filter((t) => !ELSEWHERE.has(t.action) && fromSteps(t).includes(task.state) && mayTake(actor, t, task));
  const forward = held.filter((t) => !ends.has(t.to) && (position.get(t.to) ?? -1) > here).sort((a, b) => position.get(b.to)! - position.get(a.to)!);
  return forward[0] ?? held[0];
}

/** The definitions with only each step's leading transition: `actionCondition` over them selects the waiting steps. */
function leadingOnly(defs: Map<string, ProcessDefinition>): Map<string, ProcessDefinition> {
  const out = new Map<string, ProcessDefinition>();
  for (const [k, def] of defs) {
    const lead = new Set(def.steps.map((s) => leadingTransition(def, s.key)).filter((t): t is ProcessTransition => !!t));
    // a leading transition from several steps leads only from those it leads
    const transitions = [...lead].map((t) => ({ ...t, from: fromSteps(t).filter((s) => leadingTransition(def, s) === t) }));
    out.set(k, { ...def, transitions });
  }
  return out;
}

const roleOf = (actor: Actor, t: Pick<ProcessTransition, "roles">): Role => (t.roles.find((r) => actor.roles.includes(r)) ?? actor.roles[0]) as Role;
const label = (t: Pick<TaskRow, "code" | "titleVi">) => ({ recordCode: t.code, recordTitle: t.titleVi });

interface Deadlines {
  closes_at: Date | string | null;
}

/** The day a step is due by, where the record says one: a call's closing, the end of the contracted period. */
function deadlineOf(t: TaskRow & Deadlines): string | Date | null {
  if (t.state === "in_progress") return t.endDate;
  if (t.state === "call_open" || t.state === "dossier_submitted") return lastOpenDay(t.closes_at);
  return null;
}

export async function taskWork(ctx: Ctx): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const today = vietnamDate(ctx.clock.now());
  const defs = await allDefinitions(ctx.db);
  const items: WorkItem[] = [];

  // 1. Steps that wait for the user (and, for officers, council steps without their council).
  const waiting = actionCondition(actor, leadingOnly(defs));
  const councilSteps = Object.keys(COUNCIL_OF_STEP);
  const formsCouncils = hasRole(actor, "officer", "admin");
  const where = formsCouncils
    ? sql`(${waiting} OR "tasks"."state" IN (${sql.join(
        councilSteps.map((s) => sql`${s}`),
        sql`, `,
      )}))`
    : waiting;
  const rows = await ctx.db
    .select({ t: tasks, closes_at: sql<Date | string | null>`(SELECT c.closes_at FROM calls c WHERE c.id = "tasks"."selection_call_id")` })
    .from(tasks)
    .where(where)
    .orderBy(tasks.stateEnteredAt, tasks.id)
    .limit(WORK_ITEMS_PER_SOURCE);
  const atCouncilStep = rows.filter((r) => COUNCIL_OF_STEP[r.t.state]).map((r) => ({ taskId: r.t.id, kind: COUNCIL_OF_STEP[r.t.state] as CouncilKind }));
  const formed = await tasksWithCouncil(ctx.db, atCouncilStep);
  for (const { t, closes_at } of rows) {
    const kind = COUNCIL_OF_STEP[t.state] as CouncilKind | undefined;
    const base = { source: "tasks" as const, kind: "task", ...label(t), waitingSince: t.stateEnteredAt, deadline: deadlineOf({ ...t, closes_at }) };
    if (kind && !formed.has(`${t.id}:${kind}`)) {
      if (formsCouncils)
        items.push(
          workItem(today, {
            ...base,
            key: `task:${t.id}:form_council`,
            role: hasRole(actor, "officer") ? "officer" : "admin",
            ...FORM_COUNCIL,
            href: `/councils?create=${kind}&task=${t.id}`,
          }),
        );
      continue;
    }
    const def = defs.get(`${t.templateKey}@${t.templateVersion}`);
    const lead = def && leadingTransition(def, t.state);
    if (!def || !lead || !mayTake(actor, lead, t)) continue;
    const next = nextAction(def, t, actor) ?? lead;
    items.push(
      workItem(today, {
        ...base,
        key: `task:${t.id}:${next.action}`,
        role: roleOf(actor, next),
        action: next.action,
        actionVi: next.labelVi,
        actionEn: next.labelEn,
        href: `/tasks/${t.id}`,
      }),
    );
  }

  // 2. The user's own dossiers still in draft, due when the selection call closes.
  if (!isTaskStaff(actor)) {
    const drafts = await ctx.db.execute<{
      id: string;
      task_id: string;
      code: string;
      title_vi: string;
      template_key: string;
      template_version: number;
      created_at: Date | string;
      closes_at: Date | string | null;
    }>(sql`
      SELECT d.id, d.task_id, t.code, t.title_vi, t.template_key, t.template_version, d.created_at,
             (SELECT c.closes_at FROM calls c WHERE c.id = t.selection_call_id) AS closes_at
        FROM task_dossiers d JOIN tasks t ON t.id = d.task_id
       WHERE d.status = 'draft'
         AND (d.owner_user_id = ${actor.userId} ${actor.personId ? sql`OR d.pi_person_id = ${actor.personId}::uuid` : sql``})
       ORDER BY d.created_at, d.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    for (const d of drafts.rows) {
      const submit = defs.get(`${d.template_key}@${d.template_version}`)?.transitions.find((x) => x.action === "submit_dossier");
      items.push(
        workItem(today, {
          key: `dossier:${d.id}`,
          source: "tasks",
          role: actor.roles.includes("pi") ? "pi" : actor.roles.includes("org_rep") ? "org_rep" : actor.roles[0],
          kind: "dossier",
          recordCode: d.code,
          recordTitle: d.title_vi,
          action: "submit_dossier",
          actionVi: submit?.labelVi ?? "Nộp hồ sơ",
          actionEn: submit?.labelEn ?? "Submit the dossier",
          href: `/tasks/${d.task_id}/dossiers/${d.id}`,
          waitingSince: d.created_at,
          deadline: lastOpenDay(d.closes_at),
        }),
      );
    }
  }
  return items;
}
