// The tasks' part of "Việc của tôi" (GET /me/work): the tasks whose current step waits for the user, each with its next
// action from the task's own process template version (the rule is tasks.next.ts), and the user's dossiers still in
// draft. At a step decided by a council (COUNCIL_OF_STEP) that has no council yet, the step waits for the officers to
// form it ("Lập hội đồng"), and for nobody else; a task in progress waits for its acceptance dossier from
// AT_RISK_END_DAYS before its end. Which tasks: the task list's work queue rule (`mayTakeSql` of tasks.access.ts)
// restricted to the transitions that open each step.
import { and, sql } from "drizzle-orm";
import { tasks } from "../../db/schema/index.js";
import { hasRole, type Actor, type Ctx } from "../../platform/context.js";
import { vietnamDate } from "../../platform/clock.js";
import { lastOpenDay, workItem } from "../../platform/work.js";
import { fromSteps, type ProcessDefinition, type ProcessTransition } from "../../../common/processes/schema.js";
import { deadlineSql, ELSEWHERE, leadingTransition, nextAction } from "./tasks.next.js";
import { WORK_ITEMS_PER_SOURCE, type WorkItem } from "../../../common/api/work.js";
import type { Role } from "../../../common/roles.js";
import { AT_RISK_END_DAYS } from "../../../common/api/monitoring.js";
import { tasksWithCouncil, type CouncilKind } from "../councils/councils.outcome.js";
import { allDefinitions } from "./tasks.service.js";
import { isTaskStaff, mayTake, mayTakeSql, type TaskRow } from "./tasks.access.js";
import { COUNCIL_OF_STEP } from "./tasks.guards.js";

export const FORM_COUNCIL = { action: "form_council", actionVi: "Lập hội đồng", actionEn: "Form the council" } as const;

/** The definitions with only each step's leading transition: `mayTakeSql` over them selects the waiting steps. */
function leadingOnly(defs: Map<string, ProcessDefinition>): Map<string, ProcessDefinition> {
  const out = new Map<string, ProcessDefinition>();
  for (const [k, def] of defs) {
    // a step led by a transition taken elsewhere (a dossier's submission) waits on that page, not here
    const lead = new Set(def.steps.map((s) => leadingTransition(def, s.key)).filter((t): t is ProcessTransition => !!t && !ELSEWHERE.has(t.action)));
    // a leading transition from several steps leads only from those it leads
    const transitions = [...lead].map((t) => ({ ...t, from: fromSteps(t).filter((s) => leadingTransition(def, s) === t) }));
    out.set(k, { ...def, transitions });
  }
  return out;
}

const roleOf = (actor: Actor, t: Pick<ProcessTransition, "roles">): Role => (t.roles.find((r) => actor.roles.includes(r)) ?? actor.roles[0]) as Role;
const label = (t: Pick<TaskRow, "code" | "titleVi">) => ({ recordCode: t.code, recordTitle: t.titleVi });

export async function taskWork(ctx: Ctx): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const today = vietnamDate(ctx.clock.now());
  const defs = await allDefinitions(ctx.db);
  const items: WorkItem[] = [];
  const endWindow = vietnamDate(new Date(ctx.clock.now().getTime() + AT_RISK_END_DAYS * 86_400_000));

  // 1. Steps that wait for the user (and, for officers, council steps without their council).
  const waiting = mayTakeSql(actor, leadingOnly(defs), { except: ELSEWHERE });
  const councilSteps = Object.keys(COUNCIL_OF_STEP);
  const formsCouncils = hasRole(actor, "officer", "admin");
  const where = formsCouncils
    ? sql`(${waiting} OR "tasks"."state" IN (${sql.join(
        councilSteps.map((s) => sql`${s}`),
        sql`, `,
      )}))`
    : waiting;
  // A task in progress waits for its acceptance dossier only when its end comes near (its reports meanwhile are
  // monitoring's work): from AT_RISK_END_DAYS before the end of the contracted period. Left out here, in the query,
  // so the other waiting steps are not cut off by the limit behind a city's many tasks in progress.
  const notYet = sql`("tasks"."state" <> 'in_progress' OR "tasks"."end_date" IS NULL OR "tasks"."end_date" <= ${endWindow}::date)`;
  const rows = await ctx.db
    .select({ t: tasks, deadline: deadlineSql() })
    .from(tasks)
    .where(and(where, notYet))
    .orderBy(tasks.stateEnteredAt, tasks.id)
    .limit(WORK_ITEMS_PER_SOURCE);
  const atCouncilStep = rows.filter((r) => COUNCIL_OF_STEP[r.t.state]).map((r) => ({ taskId: r.t.id, kind: COUNCIL_OF_STEP[r.t.state] as CouncilKind }));
  const formed = await tasksWithCouncil(ctx.db, atCouncilStep);
  for (const { t, deadline } of rows) {
    const kind = COUNCIL_OF_STEP[t.state] as CouncilKind | undefined;
    const base = { source: "tasks" as const, kind: "task", ...label(t), waitingSince: t.stateEnteredAt, deadline: deadline };
    if (kind && !formed.has(`${t.id}:${kind}`)) {
      if (formsCouncils)
        items.push(
          workItem(today, {
            ...base,
            key: `task:${t.id}:form_council`,
            role: hasRole(actor, "officer") ? "officer" : "admin",
            ...FORM_COUNCIL,
            href: `/councils?create=${kind}&task=${t.id}&code=${encodeURIComponent(t.code)}`,
          }),
        );
      continue;
    }
    const def = defs.get(`${t.templateKey}@${t.templateVersion}`);
    const lead = def && leadingTransition(def, t.state);
    if (!def || !lead || ELSEWHERE.has(lead.action) || !mayTake(actor, lead, t)) continue;
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
