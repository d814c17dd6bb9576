import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import type { ReportStatus } from "../../../common/api/monitoring.js";
import { PERFORMER_ROLES, STAFF_ROLES } from "../../../common/roles.js";
import { canSeeTask, ownsTask, type PerformerRef } from "../tasks/tasks.access.js";

/** Officers and administrators run the monitoring (write); who reads it is the task's rule (below). */
export const isMonitoringOfficer = (a: Actor | null) => hasRole(a, ...STAFF_ROLES);

/**
 * Who sees the monitoring of a task, record by record and in lists: tasks.access.ts, purpose "performance" (the
 * Department every task, others the tasks they carry out as PI or lead organisation's representative).
 */
export const seesMonitoredTask = (a: Actor, t: PerformerRef) => canSeeTask(a, t, "performance");

/** Task states in which a task is carried out and monitored. */
export const MONITORED_STATES = ["in_progress", "change_requested"] as const;

export const taskInProgress = (state: string) => (MONITORED_STATES as readonly string[]).includes(state);

export interface ReportRef extends PerformerRef {
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
    read: seesMonitoredTask,
    edit: (a, r) => ownsTask(a, r) && ["scheduled", "draft", "needs_revision"].includes(r.status),
    submit: (a, r) => ownsTask(a, r) && ["scheduled", "draft", "needs_revision"].includes(r.status),
    review: (a, r) => isMonitoringOfficer(a) && r.status === "submitted",
  },
});
