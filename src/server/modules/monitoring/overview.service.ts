// The overview of tasks in progress with their flags, computed in SQL from the server's clock (Vietnam day):
// - overdue: at least one progress report whose due date has passed and that was never submitted;
// - at_risk "behind": planned % − reported % > AT_RISK_GAP_POINTS, where planned % = the elapsed share of the
//   selected dossier's milestones' days (each milestone weighted by its length) and reported % = overall % of the
//   latest submitted report (0 when none);
// - at_risk "ending": the end date is within AT_RISK_END_DAYS days (or passed) and the task is still in progress,
//   i.e. it has not been filed for acceptance.
import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { searchCondition } from "../../platform/list.js";
import { AT_RISK_END_DAYS, AT_RISK_GAP_POINTS, type OverviewItem, type OverviewQuery } from "../../../common/api/monitoring.js";
import { MONITORED_STATES } from "./monitoring.policy.js";
import { vietnamDate } from "../../platform/clock.js";
import { visibleTasksSql } from "../tasks/tasks.access.js";

type Row = {
  id: string;
  code: string;
  title_vi: string;
  title_en: string | null;
  state: string;
  start_date: string | null;
  end_date: string | null;
  pi_name: string | null;
  lead_organisation_name: string | null;
  planned_percent: string | null;
  reported_percent: string | null;
  next_due_on: string | null;
  overdue_reports: number;
  behind: boolean;
  ending: boolean;
  last_conclusion: OverviewItem["lastConclusion"];
};

/** The flagged view of the monitored tasks (a CTE: one row per task in progress with every measure). */
export function flaggedTasksSql(today: string, visible: SQL): SQL {
  const states = sql.join(
    MONITORED_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  return sql`
    SELECT f.*,
      (f.planned_percent IS NOT NULL AND f.planned_percent - coalesce(f.reported_percent, 0) > ${AT_RISK_GAP_POINTS}) AS behind,
      (f.end_date IS NOT NULL AND f.end_date <= ${today}::date + ${AT_RISK_END_DAYS}::int) AS ending
    FROM (
      SELECT t.id, t.code, t.title_vi, t.title_en, t.state, t.year, t.search_text, t.start_date, t.end_date,
        p.full_name AS pi_name, o.name_vi AS lead_organisation_name,
        (SELECT round(100.0 * sum(least(greatest(${today}::date - m.starts_on + 1, 0), m.ends_on - m.starts_on + 1))
                      / nullif(sum(m.ends_on - m.starts_on + 1), 0), 1)
           FROM task_dossier_milestones m WHERE m.dossier_id = t.selected_dossier_id) AS planned_percent,
        (SELECT r.overall_percent FROM progress_reports r
           WHERE r.task_id = t.id AND r.first_submitted_at IS NOT NULL AND r.status <> 'scheduled'
           ORDER BY r.period_to DESC, r.submitted_at DESC LIMIT 1) AS reported_percent,
        (SELECT min(r.due_on) FROM progress_reports r WHERE r.task_id = t.id AND r.first_submitted_at IS NULL AND r.due_on >= ${today}::date) AS next_due_on,
        (SELECT count(*)::int FROM progress_reports r WHERE r.task_id = t.id AND r.first_submitted_at IS NULL AND r.due_on < ${today}::date) AS overdue_reports,
        (SELECT i.conclusion FROM inspections i WHERE i.task_id = t.id AND i.status = 'concluded'
           ORDER BY i.inspected_on DESC, i.concluded_at DESC LIMIT 1) AS last_conclusion
      FROM tasks t
      LEFT JOIN people p ON p.id = t.pi_person_id
      LEFT JOIN organisations o ON o.id = t.lead_organisation_id
      WHERE t.state IN (${states}) AND ${visible}
    ) f`;
}

export async function monitoringOverview(ctx: Ctx, q: OverviewQuery) {
  const today = vietnamDate(ctx.clock.now());
  const base = flaggedTasksSql(today, visibleTasksSql(ctx.actor, "t", { purpose: "performance", now: ctx.clock.now() }));
  const where = sql`true
    ${q.flag === "overdue" ? sql`AND x.overdue_reports > 0` : sql``}
    ${q.flag === "at_risk" ? sql`AND (x.behind OR x.ending)` : sql``}
    ${q.year ? sql`AND x.year = ${q.year}` : sql``}
    ${q.q ? sql`AND ${searchCondition(sql`x.search_text`, q.q) ?? sql`true`}` : sql``}`;
  const key = (q.sort ?? "").replace(/^-/, "");
  const dir = q.sort?.startsWith("-") ? sql`DESC` : sql`ASC`;
  const order =
    key === "code"
      ? sql`x.code ${dir}`
      : key === "title"
        ? sql`x.title_vi COLLATE vn ${dir}`
        : key === "nextDue"
          ? sql`x.next_due_on ${dir} NULLS LAST`
          : sql`x.end_date ${dir} NULLS LAST`;
  const [rows, total] = await Promise.all([
    ctx.db.execute<Row>(sql`
      WITH x AS (${base})
      SELECT x.id, x.code, x.title_vi, x.title_en, x.state, x.start_date::text AS start_date, x.end_date::text AS end_date,
             x.pi_name, x.lead_organisation_name, x.planned_percent::text AS planned_percent, x.reported_percent::text AS reported_percent,
             x.next_due_on::text AS next_due_on, x.overdue_reports, x.behind, x.ending, x.last_conclusion
      FROM x WHERE ${where}
      ORDER BY ${order}, x.code, x.id
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    ctx.db.execute<{ n: number }>(sql`WITH x AS (${base}) SELECT count(*)::int AS n FROM x WHERE ${where}`),
  ]);
  const items: OverviewItem[] = rows.rows.map((r) => ({
    taskId: r.id,
    code: r.code,
    titleVi: r.title_vi,
    titleEn: r.title_en,
    state: r.state,
    startDate: r.start_date,
    endDate: r.end_date,
    piName: r.pi_name,
    leadOrganisationName: r.lead_organisation_name,
    plannedPercent: r.planned_percent === null ? null : Number(r.planned_percent),
    reportedPercent: r.reported_percent === null ? null : Number(r.reported_percent),
    nextDueOn: r.next_due_on,
    overdueReports: r.overdue_reports,
    overdue: r.overdue_reports > 0,
    atRisk: r.behind || r.ending,
    atRiskReasons: [...(r.behind ? (["behind"] as const) : []), ...(r.ending ? (["ending"] as const) : [])],
    lastConclusion: r.last_conclusion,
  }));
  return { items, total: total.rows[0]?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
