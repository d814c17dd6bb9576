import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import { APPLICATION_STATES, SUMMARY_STATES, type ApplicationStatus } from "../../../common/api/result.js";
import { canSeeTask, ownsTask, type ResultRef } from "../tasks/tasks.access.js";
import { PERFORMER_ROLES, STAFF_ROLES } from "../../../common/roles.js";

/** What the results policies need to know about the task (its performers and proposer: the purpose "result"). */
export interface ResultTaskRef extends ResultRef {
  state: string;
}

export interface ApplicationRef extends ResultTaskRef {
  status: ApplicationStatus;
}

const isOfficer = (a: Actor | null) => hasRole(a, ...STAFF_ROLES);
/** Who sees a task's result: tasks.access.ts, purpose "result" (the Department, the performers, the proposer). */
const seesTask = (a: Actor, t: ResultTaskRef) => canSeeTask(a, t, "result");
const includes = (list: readonly string[], v: string) => list.includes(v);

// A task's result: the Department's staff, the task's PI and lead organisation's representatives and its proposer
// see it (others 404). The PI / org rep records the internal acceptance while the task is at internal_acceptance;
// they or an officer write the public summary from internal acceptance onwards; the PI / org rep files application
// reports once the result is registered.
export const resultPolicy = definePolicy<ResultTaskRef, "recordInternalAcceptance" | "editSummary" | "fileApplication", "taskResult">({
  resource: "taskResult",
  general: {
    read: () => true,
    recordInternalAcceptance: (a) => hasRole(a, ...PERFORMER_ROLES),
    editSummary: (a) => hasRole(a, "pi", "org_rep", "officer", "admin"),
    fileApplication: (a) => hasRole(a, ...PERFORMER_ROLES),
  },
  record: {
    read: seesTask,
    recordInternalAcceptance: (a, t) => ownsTask(a, t) && t.state === "internal_acceptance",
    editSummary: (a, t) => (ownsTask(a, t) || isOfficer(a)) && includes(SUMMARY_STATES, t.state),
    fileApplication: (a, t) => ownsTask(a, t) && includes(APPLICATION_STATES, t.state),
  },
});

// Application reports: seen like the task's result; the PI / org rep corrects one until it is accepted (while the
// task's result is registered: the service's guard, also applied to the abilities it sends); an officer reviews a
// submitted one.
export const applicationPolicy = definePolicy<ApplicationRef, "edit" | "review", "applicationReport">({
  resource: "applicationReport",
  general: {
    edit: (a) => hasRole(a, ...PERFORMER_ROLES),
    review: isOfficer,
  },
  record: {
    read: seesTask,
    edit: (a, r) => ownsTask(a, r) && ["submitted", "needs_revision"].includes(r.status),
    review: (a, r) => isOfficer(a) && r.status === "submitted",
  },
});
