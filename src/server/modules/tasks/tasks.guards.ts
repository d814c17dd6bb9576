// The guards of the task templates (common/processes/schema.ts GUARDS), evaluated on a task inside the transition's
// transaction. Guards about money and progress come from the modules that own those records (contracts, monitoring).
import { eq, sql } from "drizzle-orm";
import { calls, tasks } from "../../db/schema/index.js";
import type { Actor, Executor } from "../../platform/context.js";
import type { GuardFn } from "../../platform/workflow.js";
import type { GuardKey } from "../../../common/processes/schema.js";
import { councilOutcomeForTask, type CouncilKind } from "../councils/councils.outcome.js";
import { isAccepting } from "../calls/calls.service.js";
import { dossierProblems } from "./tasks.dossier-rules.js";
import { contractSignedGuard, paymentsSettledGuard } from "../contracts/contracts.guards.js";
import { reportsUpToDateGuard } from "../monitoring/monitoring.guards.js";

type TaskRow = typeof tasks.$inferSelect;

/** The council that decides at a step of either template. */
export const COUNCIL_OF_STEP: Record<string, CouncilKind> = {
  identification: "identification",
  order_council: "identification",
  selection_council: "selection",
  review_council: "selection",
  appraisal: "appraisal",
  acceptance_council: "acceptance",
};

const reason = (vi: string, en: string) => ({ vi, en });

export async function selectionCallAccepting(db: Executor, task: Pick<TaskRow, "selectionCallId">, now: Date): Promise<boolean> {
  if (!task.selectionCallId) return false;
  const [c] = await db.select().from(calls).where(eq(calls.id, task.selectionCallId));
  return !!c && isAccepting(c, now);
}

export function taskGuards(
  actor: Actor,
  task: TaskRow,
  now: Date,
  opts: { dossierId?: string | null } = {},
): Partial<Record<GuardKey, GuardFn>> {
  const kind = COUNCIL_OF_STEP[task.state];
  const outcome = async (tx: Executor) => (kind ? councilOutcomeForTask(tx, task.id, kind) : null);
  return {
    before_deadline: async (tx) =>
      (await selectionCallAccepting(tx, task, now)) ||
      reason("Đợt tuyển chọn không còn nhận hồ sơ (theo giờ máy chủ)", "The selection call no longer takes dossiers (server time)"),
    dossier_complete: async (tx) => {
      if (!opts.dossierId) return reason("Chưa có hồ sơ để kiểm tra", "There is no dossier to check");
      const problems = await dossierProblems(tx, opts.dossierId);
      return problems.length ? reason(problems.map((p) => p.vi).join("; "), problems.map((p) => p.en).join("; ")) : true;
    },
    council_quorum: async (tx) => {
      const o = await outcome(tx);
      if (!o) return reason("Chưa có hội đồng xem xét nhiệm vụ ở bước này", "No council has considered the task at this step");
      return o.quorumMet || reason("Hội đồng chưa đủ số thành viên có mặt", "The council did not meet its quorum");
    },
    council_concluded: async (tx) => {
      const o = await outcome(tx);
      if (!o) return reason("Chưa có hội đồng xem xét nhiệm vụ ở bước này", "No council has considered the task at this step");
      return o.concluded || reason("Hội đồng chưa kết luận", "The council has not concluded");
    },
    contract_signed: (tx) => contractSignedGuard(tx, task.id),
    payments_settled: (tx) => paymentsSettledGuard(tx, task.id),
    reports_up_to_date: (tx) => reportsUpToDateGuard(tx, task.id, now),
    two_person_rule: () =>
      task.stateEnteredBy !== actor.userId ||
      reason("Người chuẩn bị bước trước không được tự phê duyệt", "The person who prepared the previous step cannot approve it"),
  };
}

/** Required document codes without a document row: of the dossier when one is given, else of the whole task. */
export async function missingTaskDocuments(db: Executor, taskId: string, codes: string[], dossierId?: string | null): Promise<string[]> {
  if (!codes.length) return [];
  const r = await db.execute<{ code: string }>(sql`
    SELECT DISTINCT code FROM task_documents
     WHERE task_id = ${taskId} AND ${dossierId ? sql`dossier_id = ${dossierId}` : sql`TRUE`}`);
  const have = new Set(r.rows.map((x) => x.code));
  return codes.filter((c) => !have.has(c));
}
