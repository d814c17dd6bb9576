// The workflow guard `reports_up_to_date` (transitions request_internal_acceptance and submit_for_acceptance):
// every progress report due by today has been submitted, and none is waiting to be submitted again after a review
// asked for revision.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import type { GuardResult } from "../../platform/workflow.js";
import { t } from "../../platform/messages.js";
import { vietnamDate } from "../../platform/clock.js";

export async function reportsUpToDateGuard(db: Executor, taskId: string, now: Date): Promise<GuardResult> {
  const today = vietnamDate(now);
  const r = await db.execute<{ overdue: number; earliest: string | null; revision: number }>(sql`
    SELECT count(*) FILTER (WHERE first_submitted_at IS NULL AND due_on < ${today}::date)::int AS overdue,
           (min(due_on) FILTER (WHERE first_submitted_at IS NULL AND due_on < ${today}::date))::text AS earliest,
           count(*) FILTER (WHERE status = 'needs_revision')::int AS revision
    FROM progress_reports WHERE task_id = ${taskId}`);
  const row = r.rows[0] ?? { overdue: 0, earliest: null, revision: 0 };
  if (row.overdue > 0) {
    const [y, m, d] = (row.earliest ?? "").split("-");
    return {
      vi: t("vi", "monitoring.guard.reports_overdue", { count: row.overdue, dueOn: `${d}/${m}/${y}` }),
      en: t("en", "monitoring.guard.reports_overdue", { count: row.overdue, dueOn: row.earliest }),
    };
  }
  if (row.revision > 0) {
    return {
      vi: t("vi", "monitoring.guard.reports_pending_review", { count: row.revision }),
      en: t("en", "monitoring.guard.reports_pending_review", { count: row.revision }),
    };
  }
  return true;
}
