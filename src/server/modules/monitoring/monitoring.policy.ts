import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import { sql, type SQL } from "drizzle-orm";
import type { ReportStatus } from "../../../common/api/monitoring.js";
import { DEPARTMENT_ROLES, PERFORMER_ROLES, STAFF_ROLES } from "../../../common/roles.js";

/** The Department's staff who follow every task (read); officers and administrators run the monitoring (write). */
export const MONITORING_READERS = DEPARTMENT_ROLES;
export const isMonitoringReader = (a: Actor | null) => hasRole(a, ...MONITORING_READERS);
export const isMonitoringOfficer = (a: Actor | null) => hasRole(a, ...STAFF_ROLES);

/** Task states in which a task is carried out and monitored. */
export const MONITORED_STATES = ["in_progress", "change_requested"] as const;

export interface TaskLink {
  piPersonId: string | null;
  leadOrganisationId: string | null;
}

/** The actor is the task's PI (through their person record) or represents its lead organisation. */
export function ownsMonitoredTask(a: Actor, t: TaskLink): boolean {
  return (!!a.personId && t.piPersonId === a.personId) || (hasRole(a, "org_rep") && !!a.organisationId && t.leadOrganisationId === a.organisationId);
}

/** The same rule as SQL over a tasks alias, for lists: staff see every task, others the tasks they carry out. */
export function visibleTaskSql(a: Actor, alias: string): SQL {
  if (isMonitoringReader(a)) return sql`true`;
  const t = sql.raw(alias);
  const byPerson = a.personId ? sql`${t}.pi_person_id = ${a.personId}::uuid` : sql`false`;
  const byOrg = hasRole(a, "org_rep") && a.organisationId ? sql`${t}.lead_organisation_id = ${a.organisationId}::uuid` : sql`false`;
  return sql`(${byPerson} OR ${byOrg})`;
}

export const taskInProgress = (state: string) => (MONITORED_STATES as readonly string[]).includes(state);

export interface ReportRef extends TaskLink {
  status: ReportStatus;
  taskState: string;
}

// Progress reports: staff read every report, the PI / org rep of the task their own (others 404). The PI / org rep
// fills a report in while it is not submitted; an officer reviews a submitted one. That the task is in progress is
// the services' guard (409 GUARD_FAILED), also applied to the `abilities` they send (reports.service.ts).
export const reportPolicy = definePolicy<ReportRef, "edit" | "submit" | "review", "progressReport">({
  resource: "progressReport",
  general: {
    list: () => true,
    read: () => true,
    create: isMonitoringOfficer,
    edit: (a) => hasRole(a, ...PERFORMER_ROLES),
    submit: (a) => hasRole(a, ...PERFORMER_ROLES),
    review: isMonitoringOfficer,
  },
  record: {
    read: (a, r) => isMonitoringReader(a) || ownsMonitoredTask(a, r),
    edit: (a, r) => ownsMonitoredTask(a, r) && ["scheduled", "draft", "needs_revision"].includes(r.status),
    submit: (a, r) => ownsMonitoredTask(a, r) && ["scheduled", "draft", "needs_revision"].includes(r.status),
    review: (a, r) => isMonitoringOfficer(a) && r.status === "submitted",
  },
});
