import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import type { PeriodStatus, ReportStatus } from "../../../common/api/statistics.js";
import { DECIDING_ROLES, STAFF_ROLES } from "../../../common/roles.js";

export interface PeriodRef {
  status: PeriodStatus;
}
export interface ReportRef {
  organisationId: string;
  status: ReportStatus;
  periodStatus: PeriodStatus;
}

const isStaff = (a: Actor | null) => hasRole(a, ...STAFF_ROLES);
const isOverseer = (a: Actor | null) => hasRole(a, ...DECIDING_ROLES);
const ownOrg = (a: Actor, r: ReportRef) => hasRole(a, "org_rep") && !!a.organisationId && a.organisationId === r.organisationId;
const EDITABLE: readonly ReportStatus[] = ["assigned", "draft", "returned"];

// Statistical forms are configuration every signed-in user may read (an org rep fills them; staff manage them).
export const statisticsFormPolicy = definePolicy<Record<string, never>, never, "statisticsForm">({
  resource: "statisticsForm",
  general: { read: () => true },
  record: { read: () => true },
});

// Reporting periods: the Department's staff create, open, close them and assign organisations; leaders follow them
// and read the consolidated tables.
export const statisticsPeriodPolicy = definePolicy<PeriodRef, "update" | "open" | "close" | "assign" | "consolidate", "statisticsPeriod">({
  resource: "statisticsPeriod",
  general: { list: isOverseer, create: isStaff, update: isStaff, open: isStaff, close: isStaff, assign: isStaff, consolidate: isOverseer },
  record: {
    read: isOverseer,
    update: (a, p) => isStaff(a) && p.status !== "closed",
    open: (a, p) => isStaff(a) && p.status === "draft",
    close: (a, p) => isStaff(a) && p.status === "open",
    assign: (a, p) => isStaff(a) && p.status !== "closed",
    consolidate: isOverseer,
  },
});

// Reports: an organisation's representative sees and fills its own organisation's reports (another organisation's
// report is 404); staff see every report, may file on an organisation's behalf (paper returns) and review; a leader
// reads everything and is the higher level that may withdraw an approval (SECURITY.md 23), like an administrator.
// That the period is open for editing and submitting is the service's guard (409 GUARD_FAILED), also applied to the
// abilities it sends.
export const statisticsReportPolicy = definePolicy<ReportRef, "edit" | "submit" | "review" | "unapprove" | "remove", "statisticsReport">({
  resource: "statisticsReport",
  general: { list: (a) => isOverseer(a) || hasRole(a, "org_rep"), review: isStaff, unapprove: (a) => hasRole(a, "leader", "admin") },
  record: {
    read: (a, r) => isOverseer(a) || ownOrg(a, r),
    edit: (a, r) => (ownOrg(a, r) || isStaff(a)) && EDITABLE.includes(r.status),
    submit: (a, r) => (ownOrg(a, r) || isStaff(a)) && EDITABLE.includes(r.status),
    review: (a, r) => isStaff(a) && r.status === "submitted",
    unapprove: (a, r) => hasRole(a, "leader", "admin") && r.status === "approved",
    remove: (a, r) => isStaff(a) && r.status === "assigned",
  },
});
