// The lifecycle of a deletion request: open → completed (the person's data erased) or rejected (with the reason).
// Who may run each command is the deletion-request policy's record ability of the same name.
import { deletionRequests } from "../../db/schema/index.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import { deletionRequestPolicy, type DeletionRequestRef, type DeletionRequestStatus } from "./deletion-requests.policy.js";

export const deletionRequestLifecycle = defineLifecycle<DeletionRequestStatus, "complete" | "reject", DeletionRequestRef>({
  entity: "deletion_request",
  name: { vi: "yêu cầu xoá dữ liệu", en: "deletion request" },
  states: {
    open: { vi: "Đang chờ xử lý", en: "Open" },
    completed: { vi: "Đã xoá dữ liệu", en: "Completed" },
    rejected: { vi: "Đã từ chối", en: "Rejected" },
  },
  commands: {
    complete: { from: ["open"], to: "completed", label: { vi: "xoá dữ liệu theo yêu cầu", en: "complete the request" } },
    reject: { from: ["open"], to: "rejected", label: { vi: "từ chối yêu cầu", en: "reject the request" } },
  },
  policy: deletionRequestPolicy,
  stateOf: (r) => r.status,
  withState: (r, status) => ({ ...r, status }),
  table: deletionRequests,
  columns: { id: deletionRequests.id, state: deletionRequests.status, version: deletionRequests.version },
  stateKey: "status",
  stamped: false,
});
