import { definePolicy } from "../../platform/policy.js";
import type { InspectionStatus } from "../../db/schema/monitoring.js";
import { isMonitoringOfficer, seesMonitoredTask } from "./monitoring.policy.js";
import { ownsTask, type PerformerRef } from "../tasks/tasks.access.js";

export interface InspectionRef extends PerformerRef {
  status: InspectionStatus;
}

// Inspections (kiểm tra định kỳ): officers plan, conclude and cancel them; staff read all, the PI / org rep of the
// task their own (others 404). Follow-up actions are marked done by an officer or by the task's PI / org rep.
export const inspectionPolicy = definePolicy<InspectionRef, "update" | "conclude" | "cancel" | "uploadMinutes" | "completeAction", "inspection">({
  resource: "inspection",
  general: {
    list: () => true,
    read: () => true,
    create: isMonitoringOfficer,
    update: isMonitoringOfficer,
    conclude: isMonitoringOfficer,
    cancel: isMonitoringOfficer,
    uploadMinutes: isMonitoringOfficer,
    completeAction: () => true,
  },
  record: {
    read: seesMonitoredTask,
    update: (a, i) => isMonitoringOfficer(a) && i.status === "planned",
    conclude: (a, i) => isMonitoringOfficer(a) && i.status === "planned",
    cancel: (a, i) => isMonitoringOfficer(a) && i.status === "planned",
    uploadMinutes: (a, i) => isMonitoringOfficer(a) && i.status !== "cancelled",
    completeAction: (a, i) => (isMonitoringOfficer(a) || ownsTask(a, i)) && i.status === "concluded",
  },
});

// The officers' overview of tasks in progress and the personal calendar: every signed-in user, filtered to what
// they may see (staff: every task; others: the tasks they carry out).
export const monitoringPolicy = definePolicy<never, never, "monitoring">({
  resource: "monitoring",
  general: {
    overview: () => true,
    schedule: isMonitoringOfficer,
    calendar: () => true,
  },
  record: { read: () => false } as never,
});
