// The progress-report schedule of a task: a periodic report every N months from the start date (due on the day the
// period ends + 1, i.e. start + k·N months, as long as that is before the end date) and the final report due on the
// end date. Idempotent: existing rows (unique task, kind, sequence) are kept, so calling it again adds nothing.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { notify } from "../notifications/notify.js";
import { loadTask, taskRecipients } from "./monitoring.shared.js";

export const DEFAULT_REPORT_INTERVAL_MONTHS = 6;

/**
 * Generates the schedule of a task that has start and end dates (call it from the `start` transition, inside its
 * transaction). Returns how many reports were added; 0 when the schedule exists or the task has no dates.
 */
export async function scheduleReports(tx: Executor, taskId: string, now: Date, intervalMonths: number = DEFAULT_REPORT_INTERVAL_MONTHS): Promise<number> {
  const months = Math.max(1, Math.min(24, Math.trunc(intervalMonths)));
  const task = await loadTask(tx, taskId);
  if (!task?.start_date || !task.end_date) return 0;
  const periodic = await tx.execute<{ id: string }>(sql`
    INSERT INTO progress_reports (task_id, kind, sequence, period_from, period_to, due_on, created_at, updated_at)
    SELECT t.id, 'periodic', g.i,
           (t.start_date + make_interval(months => (g.i - 1) * ${months}::int))::date,
           (t.start_date + make_interval(months => g.i * ${months}::int))::date - 1,
           (t.start_date + make_interval(months => g.i * ${months}::int))::date,
           ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    FROM tasks t CROSS JOIN generate_series(1, 240) AS g(i)
    WHERE t.id = ${taskId} AND (t.start_date + make_interval(months => g.i * ${months}::int))::date < t.end_date
    ON CONFLICT (task_id, kind, sequence) DO NOTHING
    RETURNING id`);
  const final = await tx.execute<{ id: string }>(sql`
    INSERT INTO progress_reports (task_id, kind, sequence, period_from, period_to, due_on, created_at, updated_at)
    SELECT t.id, 'final', 1,
           coalesce((SELECT max(r.due_on) FROM progress_reports r WHERE r.task_id = t.id AND r.kind = 'periodic' AND r.due_on <= t.end_date), t.start_date),
           t.end_date, t.end_date, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    FROM tasks t WHERE t.id = ${taskId}
    ON CONFLICT (task_id, kind, sequence) DO NOTHING
    RETURNING id`);
  const created = periodic.rows.length + final.rows.length;
  if (created > 0) {
    await notify(tx, {
      at: now,
      userIds: await taskRecipients(tx, taskId),
      kind: "report_scheduled",
      params: { code: task.code, title: task.title_vi, count: created },
      link: `/monitoring?taskId=${taskId}`,
    });
  }
  return created;
}
