// For the leadership dashboard: reporting completeness of a period (the latest period when none is given).
// assigned = reports assigned; submitted = received (submitted or approved); approved; onTime = received by the
// deadline; overdue = not received and the deadline (Vietnam date) has passed.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { countReports, sumCounts } from "./statistics.sql.js";
import { vietnamDate } from "../../platform/clock.js";

export async function reportingCompleteness(
  db: Executor,
  opts: { periodId?: string; now: Date },
): Promise<{ periodId: string | null; periodName: string | null; assigned: number; submitted: number; approved: number; onTime: number; overdue: number }> {
  const { rows } = await db.execute<{ id: string; name_vi: string }>(
    opts.periodId
      ? sql`SELECT id, name_vi FROM statistical_periods WHERE id = ${opts.periodId}`
      : sql`SELECT id, name_vi FROM statistical_periods WHERE status <> 'draft' ORDER BY year DESC, created_at DESC LIMIT 1`,
  );
  const p = rows[0];
  if (!p) return { periodId: null, periodName: null, assigned: 0, submitted: 0, approved: 0, onTime: 0, overdue: 0 };
  const today = sql`${vietnamDate(opts.now)}::date`;
  const c = sumCounts(await countReports(db, [p.id], today));
  return {
    periodId: p.id,
    periodName: p.name_vi,
    assigned: c.assigned,
    submitted: c.submitted + c.approved,
    approved: c.approved,
    onTime: c.onTime,
    overdue: c.overdue,
  };
}
