// The guards of the task templates (common/processes/schema.ts GUARDS), evaluated on a task inside the transition's
// transaction. Guards about money and progress come from the modules that own those records (contracts, monitoring).
// A guard's reason names the real cause: a council guard at a step whose council has not been formed yet throws
// 409 COUNCIL_NOT_FORMED (with the next step) instead of failing on the quorum; the two-person rule names the step
// the actor took.
import { eq, sql } from "drizzle-orm";
import { calls, tasks } from "../../db/schema/index.js";
import type { Actor, Executor } from "../../platform/context.js";
import type { GuardFn } from "../../platform/workflow.js";
import type { GuardKey, ProcessDefinition, ProcessTransition } from "../../../common/processes/schema.js";
import { AppError } from "../../platform/errors.js";
import { councilOutcomeForTask, type CouncilKind } from "../councils/councils.outcome.js";
import { isAccepting } from "../calls/calls.service.js";
import { dossierProblems } from "./tasks.dossier-rules.js";
import { contractSignedGuard, paymentsSettledGuard } from "../contracts/contracts.read.js";
import { reportsUpToDateGuard } from "../monitoring/monitoring.guards.js";
import { commandOf } from "../../platform/audit-actions.js";

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

const KIND_LABEL: Record<CouncilKind, { vi: string; en: string }> = {
  identification: { vi: "hội đồng xác định nhiệm vụ", en: "identification council" },
  selection: { vi: "hội đồng tuyển chọn / xét tài trợ, đặt hàng", en: "selection (review) council" },
  appraisal: { vi: "hội đồng thẩm định", en: "appraisal council" },
  acceptance: { vi: "hội đồng đánh giá, nghiệm thu", en: "acceptance council" },
};
const COUNCIL_STATUS_LABEL: Record<string, { vi: string; en: string }> = {
  draft: { vi: "dự thảo", en: "draft" },
  invited: { vi: "đã gửi giấy mời", en: "invited" },
  in_session: { vi: "đang họp", en: "in session" },
  concluded: { vi: "đã kết luận", en: "concluded" },
};
const statusLabel = (s: string) => COUNCIL_STATUS_LABEL[s] ?? { vi: s, en: s };

/** The task's step has a council kind but no council of that kind (other than a cancelled one) considers the task. */
function councilNotFormed(kind: CouncilKind, task: TaskRow, action: { labelVi: string; labelEn: string }, guard: GuardKey) {
  return new AppError(
    "COUNCIL_NOT_FORMED",
    409,
    "task.guard.council_not_formed",
    { guard, councilKind: kind, taskId: task.id, next: "POST /api/v1/councils" },
    { kindVi: KIND_LABEL[kind].vi, kindEn: KIND_LABEL[kind].en, actionVi: action.labelVi, actionEn: action.labelEn },
  );
}

export async function selectionCallAccepting(db: Executor, task: Pick<TaskRow, "selectionCallId">, now: Date): Promise<boolean> {
  if (!task.selectionCallId) return false;
  const [c] = await db.select().from(calls).where(eq(calls.id, task.selectionCallId));
  return !!c && isAccepting(c, now);
}

export interface GuardContext {
  dossierId?: string | null;
  /** the definition the task follows and the transition being taken (names in the reasons) */
  definition?: ProcessDefinition;
  transition?: ProcessTransition;
}

/** The task's latest transition (its own audit row): the step that brought it to where it is. */
async function previousTransition(tx: Executor, taskId: string): Promise<string | null> {
  const r = await tx.execute<{ action: string }>(sql`
    SELECT action FROM audit_log
     WHERE entity_type = 'task' AND entity_id = ${taskId} AND outcome = 'success' AND after ? 'state'
     ORDER BY id DESC LIMIT 1`);
  const action = r.rows[0]?.action;
  return action === undefined ? null : (commandOf("task", action) ?? action);
}

export function taskGuards(actor: Actor, task: TaskRow, now: Date, opts: GuardContext = {}): Partial<Record<GuardKey, GuardFn>> {
  const kind = COUNCIL_OF_STEP[task.state];
  const actionLabels = opts.transition ?? { labelVi: "", labelEn: "" };
  // A guard about a council whose step has one but which has no council yet: the cause is the missing council, not
  // the quorum or the conclusion (COUNCIL_NOT_FORMED, with the next step).
  const outcome = async (tx: Executor, guard: GuardKey) => {
    if (!kind) return null;
    const o = await councilOutcomeForTask(tx, task.id, kind);
    if (!o) throw councilNotFormed(kind, task, actionLabels, guard);
    return o;
  };
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
      const o = await outcome(tx, "council_quorum");
      if (!o) return reason("Bước này không có hội đồng", "This step has no council");
      if (o.quorumMet) return true;
      // Concluding records the quorum as met; before that it is known only from the attendance taken at the session.
      const s = statusLabel(o.status);
      if (o.status === "in_session") {
        return reason(
          "Số thành viên được ghi nhận có mặt chưa đủ số lượng tối thiểu của hội đồng",
          "The members recorded present do not make the council's quorum",
        );
      }
      return reason(
        `Hội đồng chưa họp (trạng thái: ${s.vi}): số thành viên có mặt được ghi nhận tại phiên họp`,
        `The council has not met yet (status: ${s.en}); attendance is recorded at its session`,
      );
    },
    council_concluded: async (tx) => {
      const o = await outcome(tx, "council_concluded");
      if (!o) return reason("Bước này không có hội đồng", "This step has no council");
      const s = statusLabel(o.status);
      return o.concluded || reason(`Hội đồng chưa kết luận (trạng thái: ${s.vi})`, `The council has not concluded yet (status: ${s.en})`);
    },
    contract_signed: (tx) => contractSignedGuard(tx, task.id),
    payments_settled: (tx) => paymentsSettledGuard(tx, task.id),
    reports_up_to_date: (tx) => reportsUpToDateGuard(tx, task.id, now),
    // The actor moved the task to its current step: someone else takes the next one. The reason names that step.
    two_person_rule: async (tx) => {
      if (task.stateEnteredBy !== actor.userId) return true;
      const previous = await previousTransition(tx, task.id);
      const p = previous ? opts.definition?.transitions.find((x) => x.action === previous) : undefined;
      const step = opts.definition?.steps.find((x) => x.key === task.state);
      const prevVi = p?.labelVi ?? previous ?? step?.labelVi ?? task.state;
      const prevEn = p?.labelEn ?? previous ?? step?.labelEn ?? task.state;
      return reason(
        `Bạn đã thực hiện bước trước (“${prevVi}”) nên cần một người khác thực hiện “${actionLabels.labelVi}”`,
        `You took the previous step (“${prevEn}”), so someone else must take “${actionLabels.labelEn}”`,
      );
    },
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
