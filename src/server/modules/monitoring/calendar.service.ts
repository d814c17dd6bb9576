// The signed-in user's calendar of deadlines between two days (Vietnam days): deadlines of published calls, and —
// for the tasks they may see (staff: all; others: the tasks they carry out) — progress-report due dates, inspections
// (also those they inspect), open follow-up actions, task end dates, and council meetings (staff: all; others: the
// councils they sit on or that decide about their tasks).
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import type { CalendarEvent } from "../../../common/api/monitoring.js";
import { MONITORED_STATES } from "./monitoring.policy.js";
import { isTaskStaff, visibleTasksSql } from "../tasks/tasks.access.js";
import { vietnamDate } from "../../platform/clock.js";

type Row = {
  kind: CalendarEvent["kind"];
  date: string;
  at: Date | string | null;
  title_vi: string;
  title_en: string | null;
  ref_code: string | null;
  link: string;
  overdue: boolean;
};

const VN = sql.raw(`interval '7 hours'`);

export async function calendar(ctx: Ctx, q: { from: string; to: string }) {
  const actor = ctx.actor!;
  const today = vietnamDate(ctx.clock.now());
  const visible = visibleTasksSql(actor, "t", { purpose: "performance", now: ctx.clock.now() });
  const staff = isTaskStaff(actor);
  const personId = actor.personId;
  const states = sql.join(
    MONITORED_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const from = sql`${q.from}::date`;
  const to = sql`${q.to}::date`;
  const councilVisible = staff
    ? sql`true`
    : sql`(${personId ? sql`EXISTS (SELECT 1 FROM council_members cm WHERE cm.council_id = c.id AND cm.person_id = ${personId}::uuid)` : sql`false`}
        OR EXISTS (SELECT 1 FROM council_subjects cs JOIN tasks t ON t.id = cs.task_id WHERE cs.council_id = c.id AND ${visible}))`;
  const r = await ctx.db.execute<Row>(sql`
    SELECT 'call_deadline' AS kind, ((c.closes_at AT TIME ZONE 'UTC') + ${VN})::date::text AS date, c.closes_at AS at,
           c.title_vi, c.title_en, c.code AS ref_code, '/calls/' || c.id AS link, false AS overdue
    FROM calls c
    WHERE c.status = 'published' AND ((c.closes_at AT TIME ZONE 'UTC') + ${VN})::date BETWEEN ${from} AND ${to}
    UNION ALL
    SELECT 'report_due', r.due_on::text, NULL, t.title_vi, t.title_en, t.code, '/monitoring/reports/' || r.id,
           (r.first_submitted_at IS NULL AND r.due_on < ${today}::date)
    FROM progress_reports r JOIN tasks t ON t.id = r.task_id
    WHERE r.due_on BETWEEN ${from} AND ${to} AND ${visible}
    UNION ALL
    SELECT 'inspection', i.planned_on::text, NULL, t.title_vi, t.title_en, t.code, '/monitoring/inspections/' || i.id, false
    FROM inspections i JOIN tasks t ON t.id = i.task_id
    WHERE i.status <> 'cancelled' AND i.planned_on BETWEEN ${from} AND ${to}
      AND (${visible}${personId ? sql` OR EXISTS (SELECT 1 FROM inspection_inspectors ii WHERE ii.inspection_id = i.id AND ii.person_id = ${personId}::uuid)` : sql``})
    UNION ALL
    SELECT 'action_due', a.due_on::text, NULL, a.description, NULL, t.code, '/monitoring/inspections/' || i.id, (a.due_on < ${today}::date)
    FROM inspection_actions a JOIN inspections i ON i.id = a.inspection_id JOIN tasks t ON t.id = i.task_id
    WHERE a.done_at IS NULL AND a.due_on BETWEEN ${from} AND ${to} AND ${visible}
    UNION ALL
    SELECT 'task_end', t.end_date::text, NULL, t.title_vi, t.title_en, t.code, '/tasks/' || t.id, (t.end_date < ${today}::date)
    FROM tasks t
    WHERE t.state IN (${states}) AND t.end_date BETWEEN ${from} AND ${to} AND ${visible}
    UNION ALL
    SELECT 'council_meeting', ((c.meeting_at AT TIME ZONE 'UTC') + ${VN})::date::text, c.meeting_at, c.title, NULL, c.decision_number,
           '/councils/' || c.id, false
    FROM councils c
    WHERE c.status <> 'cancelled' AND c.meeting_at IS NOT NULL
      AND ((c.meeting_at AT TIME ZONE 'UTC') + ${VN})::date BETWEEN ${from} AND ${to} AND ${councilVisible}
    ORDER BY 2, 3 NULLS LAST, 1, 6
    LIMIT 2000`);
  const events: CalendarEvent[] = r.rows.map((e) => ({
    kind: e.kind,
    date: e.date,
    at: e.at === null ? null : new Date(e.at).toISOString(),
    titleVi: e.title_vi,
    titleEn: e.title_en,
    refCode: e.ref_code,
    link: e.link,
    overdue: e.overdue,
  }));
  return { from: q.from, to: q.to, events };
}
