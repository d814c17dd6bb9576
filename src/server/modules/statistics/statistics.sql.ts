// SQL fragments shared by the statistics services: timeliness of a report and the counts of a period.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import type { PeriodCounts, Timeliness } from "../../../common/api/statistics.js";

/**
 * Timeliness of report r in period p on Vietnam day `today`: received (submitted or approved) by the deadline →
 * on_time, after it → late; not received and the deadline passed → overdue; otherwise pending. A returned report
 * is not received.
 */
export const timelinessSql = (today: SQL) => sql`(CASE
  WHEN r.status IN ('submitted', 'approved') THEN
    CASE WHEN (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= p.deadline THEN 'on_time' ELSE 'late' END
  WHEN ${today} > p.deadline THEN 'overdue'
  ELSE 'pending' END)`;

export type CountRow = {
  period_id: string;
  form_key: string;
  assigned: number;
  not_started: number;
  draft: number;
  submitted: number;
  returned: number;
  approved: number;
  on_time: number;
  late: number;
  overdue: number;
};

/** Counts per (period, form) for the given periods, in one GROUP BY. */
export async function countReports(db: Executor, periodIds: string[], today: SQL): Promise<CountRow[]> {
  if (!periodIds.length) return [];
  const { rows } = await db.execute<CountRow>(sql`
    SELECT r.period_id, r.form_key,
           count(*)::int AS assigned,
           count(*) FILTER (WHERE r.status = 'assigned')::int AS not_started,
           count(*) FILTER (WHERE r.status = 'draft')::int AS draft,
           count(*) FILTER (WHERE r.status = 'submitted')::int AS submitted,
           count(*) FILTER (WHERE r.status = 'returned')::int AS returned,
           count(*) FILTER (WHERE r.status = 'approved')::int AS approved,
           count(*) FILTER (WHERE t.tl = 'on_time')::int AS on_time,
           count(*) FILTER (WHERE t.tl = 'late')::int AS late,
           count(*) FILTER (WHERE t.tl = 'overdue')::int AS overdue
      FROM statistical_reports r
      JOIN statistical_periods p ON p.id = r.period_id
      CROSS JOIN LATERAL (SELECT ${timelinessSql(today)} AS tl) t
     WHERE r.period_id = ANY (${`{${periodIds.join(",")}}`}::uuid[])
     GROUP BY r.period_id, r.form_key`);
  return rows;
}

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);

export function sumCounts(rows: CountRow[]): PeriodCounts {
  const s = { assigned: 0, notStarted: 0, draft: 0, submitted: 0, returned: 0, approved: 0, onTime: 0, late: 0, overdue: 0 };
  for (const r of rows) {
    s.assigned += Number(r.assigned);
    s.notStarted += Number(r.not_started);
    s.draft += Number(r.draft);
    s.submitted += Number(r.submitted);
    s.returned += Number(r.returned);
    s.approved += Number(r.approved);
    s.onTime += Number(r.on_time);
    s.late += Number(r.late);
    s.overdue += Number(r.overdue);
  }
  return { ...s, completenessPct: pct(s.submitted + s.approved, s.assigned), timelinessPct: pct(s.onTime, s.assigned) };
}

export const asTimeliness = (s: string) => s as Timeliness;
