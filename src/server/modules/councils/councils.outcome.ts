// What a council decided about a task, as the task workflow needs it (guards and effects of transitions).
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";

export type CouncilKind = "identification" | "selection" | "appraisal" | "acceptance";

export interface CouncilOutcome {
  councilId: string;
  status: string;
  quorumMet: boolean;
  concluded: boolean;
  /** identification: the proposal is recommended (> 3/4 rule); appraisal: passed; else null */
  recommended: boolean | null;
  /** selection: the dossier the council selected (passed and ranked first), else null */
  selectedDossierId: string | null;
  /** acceptance: the council's overall grade, else null */
  grade: "excellent" | "pass" | "fail" | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  status: string;
  quorum_met: boolean;
}

interface ResultRow extends Record<string, unknown> {
  dossier_id: string | null;
  passed: boolean | null;
  selected: boolean;
  grade: string | null;
}

/** The latest non-cancelled council of that kind whose subjects include the task; null when there is none. */
export async function councilOutcomeForTask(db: Executor, taskId: string, kind: CouncilKind): Promise<CouncilOutcome | null> {
  const found = await db.execute<Row>(sql`
    SELECT c.id, c.status, c.quorum_met
    FROM councils c
    WHERE c.kind = ${kind} AND c.status <> 'cancelled'
      AND EXISTS (SELECT 1 FROM council_subjects s WHERE s.council_id = c.id AND s.task_id = ${taskId})
    ORDER BY c.created_at DESC, c.id DESC
    LIMIT 1`);
  const council = found.rows[0];
  if (!council) return null;
  const concluded = council.status === "concluded";
  const outcome: CouncilOutcome = {
    councilId: council.id,
    status: council.status,
    quorumMet: council.quorum_met,
    concluded,
    recommended: null,
    selectedDossierId: null,
    grade: null,
  };
  if (!concluded) return outcome;
  const results = await db.execute<ResultRow>(sql`
    SELECT s.dossier_id, r.passed, r.selected, r.grade
    FROM council_results r JOIN council_subjects s ON s.id = r.subject_id
    WHERE r.council_id = ${council.id} AND s.task_id = ${taskId}`);
  if (kind === "identification" || kind === "appraisal") {
    outcome.recommended = results.rows.length > 0 && results.rows.every((r) => r.passed === true);
  } else if (kind === "selection") {
    outcome.selectedDossierId = results.rows.find((r) => r.selected)?.dossier_id ?? null;
  } else {
    const g = results.rows[0]?.grade;
    outcome.grade = g === "excellent" || g === "pass" || g === "fail" ? g : null;
  }
  return outcome;
}

/**
 * Which of the tasks already have a council of the kind each is at (not cancelled): `${taskId}:${kind}` per pair found.
 * One statement for a list of tasks (the officer's work: tasks at a council step whose council is still to be formed).
 */
export async function tasksWithCouncil(db: Executor, pairs: { taskId: string; kind: CouncilKind }[]): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const r = await db.execute<{ task_id: string; kind: string }>(sql`
    SELECT DISTINCT s.task_id, c.kind
      FROM council_subjects s JOIN councils c ON c.id = s.council_id
     WHERE c.status <> 'cancelled'
       AND (s.task_id, c.kind) IN (${sql.join(
         pairs.map((p) => sql`(${p.taskId}::uuid, ${p.kind}::text)`),
         sql`, `,
       )})`);
  return new Set(r.rows.map((x) => `${x.task_id}:${x.kind}`));
}
