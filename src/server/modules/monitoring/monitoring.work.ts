// Monitoring's part of "Việc của tôi" (GET /me/work), by the progress report policy (monitoring.policy.ts): for the
// performers (the PI and the lead organisation's representatives, tasks.access.ts `performersSql`), the reports still
// to file — due within WORK_HORIZON_DAYS or overdue, or returned for revision — due on their due day and waiting
// since then (or since they were scheduled, or returned); for the monitoring officers, the submitted reports to
// review, waiting since their submission.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { hasRole } from "../../platform/context.js";
import { vietnamDate } from "../../platform/clock.js";
import { workItem } from "../../platform/work.js";
import { WORK_HORIZON_DAYS, WORK_ITEMS_PER_SOURCE, type WorkItem } from "../../../common/api/work.js";
import { PERFORMER_ROLES, type Role } from "../../../common/roles.js";
import { performersSql } from "../tasks/tasks.access.js";
import { isMonitoringOfficer } from "./monitoring.policy.js";
import { EDITABLE_REPORT, reportLifecycle } from "./reports.lifecycle.js";

const cap = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
const actionOf = (command: "submit" | "accept") => {
  const l = reportLifecycle.commands[command].label;
  return {
    action: command === "accept" ? "review" : command,
    actionVi: cap(command === "accept" ? "xem xét báo cáo" : l.vi),
    actionEn: cap(command === "accept" ? "review the report" : l.en),
  };
};

interface Row extends Record<string, unknown> {
  id: string;
  code: string;
  title_vi: string;
  kind: string;
  sequence: number;
  status: string;
  due_on: string;
  since: Date | string | null;
}

export async function monitoringWork(ctx: Ctx): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const today = vietnamDate(ctx.clock.now());
  const items: WorkItem[] = [];
  const push = (r: Row, role: Role, action: ReturnType<typeof actionOf>, deadline: string | null) =>
    items.push(
      workItem(today, {
        key: `progress_report:${r.id}`,
        source: "monitoring",
        role,
        kind: r.kind === "final" ? "final_report" : "progress_report",
        recordCode: r.code,
        recordTitle: r.title_vi,
        ...action,
        href: `/monitoring/reports/${r.id}`,
        waitingSince: r.since,
        deadline,
      }),
    );

  if (hasRole(actor, ...PERFORMER_ROLES)) {
    const mine = performersSql(actor, { pi: sql`t.pi_person_id`, organisation: sql`t.lead_organisation_id` }, { piByRole: true });
    const editable = `{${EDITABLE_REPORT.join(",")}}`;
    const r = await ctx.db.execute<Row>(sql`
      SELECT r.id, t.code, t.title_vi, r.kind, r.sequence, r.status, to_char(r.due_on, 'YYYY-MM-DD') AS due_on,
             CASE WHEN r.status = 'needs_revision' THEN r.reviewed_at
                  ELSE least(r.created_at, r.due_on::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') END AS since
        FROM progress_reports r JOIN tasks t ON t.id = r.task_id
       WHERE ${mine} AND t.state = 'in_progress' AND r.status = ANY (${editable}::text[])
         AND (r.status = 'needs_revision' OR r.due_on <= ${today}::date + ${WORK_HORIZON_DAYS}::int)
       ORDER BY r.due_on, t.code, r.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    const role: Role = hasRole(actor, "pi") ? "pi" : "org_rep";
    for (const row of r.rows) push(row, role, actionOf("submit"), row.due_on);
  }

  if (isMonitoringOfficer(actor)) {
    const r = await ctx.db.execute<Row>(sql`
      SELECT r.id, t.code, t.title_vi, r.kind, r.sequence, r.status, to_char(r.due_on, 'YYYY-MM-DD') AS due_on, r.submitted_at AS since
        FROM progress_reports r JOIN tasks t ON t.id = r.task_id
       WHERE r.status = 'submitted'
       ORDER BY r.submitted_at, r.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    const role: Role = hasRole(actor, "officer") ? "officer" : "admin";
    for (const row of r.rows) push(row, role, actionOf("accept"), null);
  }
  return items;
}
