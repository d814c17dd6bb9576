// Statistics' part of "Việc của tôi" (GET /me/work), by the statistical report policy (statistics.policy.ts): for an
// organisation's representative, its reports of open periods still to file (assigned, draft or returned), due on the
// period's deadline; for the Department's staff, the submitted reports to review, waiting since their submission.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { hasRole } from "../../platform/context.js";
import { vietnamDate } from "../../platform/clock.js";
import { workItem } from "../../platform/work.js";
import { WORK_ITEMS_PER_SOURCE, type WorkItem } from "../../../common/api/work.js";
import { STAFF_ROLES, type Role } from "../../../common/roles.js";
import { statisticsReportLifecycle } from "./statistics.lifecycle.js";

const cap = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

interface Row extends Record<string, unknown> {
  id: string;
  form_key: string;
  period_name: string;
  org_name: string;
  deadline: string;
  since: Date | string | null;
}

export async function statisticsWork(ctx: Ctx): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const today = vietnamDate(ctx.clock.now());
  const items: WorkItem[] = [];
  const push = (r: Row, role: Role, command: "submit" | "approve", deadline: string | null) => {
    const l = statisticsReportLifecycle.commands[command].label;
    items.push(
      workItem(today, {
        key: `statistical_report:${r.id}`,
        source: "statistics",
        role,
        kind: "statistical_report",
        recordCode: r.form_key,
        recordTitle: `${r.period_name} — ${r.org_name}`,
        action: command === "approve" ? "review" : command,
        actionVi: command === "approve" ? "Duyệt báo cáo thống kê" : cap(l.vi),
        actionEn: command === "approve" ? "Review the statistical report" : cap(l.en),
        href: `/statistics/reports/${r.id}`,
        waitingSince: r.since,
        deadline,
      }),
    );
  };

  if (hasRole(actor, "org_rep") && actor.organisationId) {
    const r = await ctx.db.execute<Row>(sql`
      SELECT r.id, r.form_key, p.name_vi AS period_name, o.name_vi AS org_name, to_char(p.deadline, 'YYYY-MM-DD') AS deadline,
             CASE WHEN r.status = 'returned' THEN r.returned_at ELSE coalesce(p.opened_at, r.created_at) END AS since
        FROM statistical_reports r JOIN statistical_periods p ON p.id = r.period_id JOIN organisations o ON o.id = r.organisation_id
       WHERE r.organisation_id = ${actor.organisationId}::uuid AND p.status = 'open' AND r.status IN ('assigned', 'draft', 'returned')
       ORDER BY p.deadline, r.form_key, r.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    for (const row of r.rows) push(row, "org_rep", "submit", row.deadline);
  }

  if (hasRole(actor, ...STAFF_ROLES)) {
    const r = await ctx.db.execute<Row>(sql`
      SELECT r.id, r.form_key, p.name_vi AS period_name, o.name_vi AS org_name, to_char(p.deadline, 'YYYY-MM-DD') AS deadline, r.submitted_at AS since
        FROM statistical_reports r JOIN statistical_periods p ON p.id = r.period_id JOIN organisations o ON o.id = r.organisation_id
       WHERE r.status = 'submitted'
       ORDER BY r.submitted_at, r.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    for (const row of r.rows) push(row, hasRole(actor, "officer") ? "officer" : "admin", "approve", null);
  }
  return items;
}
