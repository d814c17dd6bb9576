// A task's next action for a user and its deadline, shared by the work queue (the task list's view=action) and the
// home ("Việc của tôi", tasks.work.ts).
//
// A step waits for the roles of the first transition the template lists from it (templates list the regular path
// first: "Đưa ra hội đồng xác định" before "Không tiếp nhận đề xuất"; a leader's "Chấm dứt hợp đồng" from a task in
// progress is possible there, but nothing waits for it). The next action shown is, among the transitions the user may
// take from the step, the one that leads furthest along the template's steps without ending the task (an approval
// rather than a return, "Nộp hồ sơ nghiệm thu" rather than "Đề nghị điều chỉnh"); when every one ends the task or goes
// back, the first the template lists. A dossier's submission is taken on the dossier's page, never offered here.
// The deadline is the one the record has: the end of the contracted period for a task in progress, the day its
// selection call last takes dossiers for a task receiving them.
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../platform/context.js";
import { fromSteps, type ProcessDefinition, type ProcessTransition } from "../../../common/processes/schema.js";
import { mayTake, type PerformerRef } from "./tasks.access.js";

/** Performed on another page (the dossier's), never a task's next action here. */
export const ELSEWHERE = new Set(["submit_dossier"]);

/** The transition that opens the step's regular path: the first one the template lists from the step. */
export function leadingTransition(def: ProcessDefinition, state: string): ProcessTransition | undefined {
  return def.transitions.find((t) => fromSteps(t).includes(state));
}

/** The next action of the actor at the task's step (see the head of this file), or undefined when it has none. */
export function nextAction(def: ProcessDefinition, task: PerformerRef & { state: string }, actor: Actor): ProcessTransition | undefined {
  const position = new Map(def.steps.map((s, i) => [s.key, i]));
  const ends = new Set(def.steps.filter((s) => s.kind === "final").map((s) => s.key));
  const here = position.get(task.state) ?? -1;
  const held = def.transitions.filter((t) => !ELSEWHERE.has(t.action) && fromSteps(t).includes(task.state) && mayTake(actor, t, task));
  const forward = held.filter((t) => !ends.has(t.to) && (position.get(t.to) ?? -1) > here).sort((a, b) => position.get(b.to)! - position.get(a.to)!);
  return forward[0] ?? held[0];
}

const col = (alias: string, c: string) => sql.raw(`"${alias}"."${c}"`);

/** The task's deadline as SQL (a date, or NULL), over the tasks aliased `alias`. */
export function deadlineSql(alias = "tasks"): SQL<string | null> {
  return sql<string | null>`(CASE
    WHEN ${col(alias, "state")} = 'in_progress' THEN ${col(alias, "end_date")}
    WHEN ${col(alias, "state")} IN ('call_open', 'dossier_submitted') THEN
      ((SELECT c.closes_at FROM calls c WHERE c.id = ${col(alias, "selection_call_id")}) - interval '1 millisecond') AT TIME ZONE 'Asia/Ho_Chi_Minh'
    END)::date`;
}

/**
 * The steps (template key, version, state) at which the actor's next action is `action`, as a condition over the tasks
 * aliased `alias` (a performer's steps assume the task is theirs: the list's view says which tasks are).
 */
export function nextActionIsSql(actor: Actor, defs: Map<string, ProcessDefinition>, action: string, alias = "tasks"): SQL {
  const own = { piPersonId: actor.personId, leadOrganisationId: actor.organisationId };
  const keys: SQL[] = [];
  for (const def of defs.values())
    for (const s of def.steps)
      if (nextAction(def, { ...own, state: s.key }, actor)?.action === action) keys.push(sql`(${def.key}::text, ${def.version}::int, ${s.key}::text)`);
  if (!keys.length) return sql`FALSE`;
  return sql`((${col(alias, "template_key")}, ${col(alias, "template_version")}, ${col(alias, "state")}) IN (${sql.join(keys, sql`, `)}))`;
}
