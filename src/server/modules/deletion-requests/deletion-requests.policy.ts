import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";
import { STAFF_ROLES } from "../../../common/roles.js";

export type DeletionRequestStatus = "open" | "completed" | "rejected";
export type DeletionRequestRef = { requestedBy: string | null; personId: string | null; status: DeletionRequestStatus };

// A deletion request is seen by the person who asked and by the Department's staff, who complete or reject it.
// Anyone else asking for it by id gets 404.
export const deletionRequestPolicy = definePolicy<DeletionRequestRef, "complete" | "reject", "deletion_request">({
  resource: "deletion_request",
  general: {
    list: (a) => hasRole(a, ...STAFF_ROLES),
    read: () => true,
    resolve: (a) => hasRole(a, ...STAFF_ROLES),
  },
  record: {
    read: (a, r) => hasRole(a, ...STAFF_ROLES) || r.requestedBy === a.userId || (!!a.personId && r.personId === a.personId),
    complete: (a, r) => hasRole(a, ...STAFF_ROLES) && r.status === "open",
    reject: (a, r) => hasRole(a, ...STAFF_ROLES) && r.status === "open",
  },
});
