// The lifecycle of an application report (báo cáo ứng dụng kết quả): filed as submitted → accepted (final: 409 LOCKED,
// results.service.ts) or returned for revision and corrected (a correction files it again as submitted).
// Who may run each command is the application policy (results.policy.ts): "update" is its ability "edit", "accept"
// and "return" its ability "review" (one route, the officer's decision picks the command).
//
// The internal acceptance and the result summary have no status of their own: the task's step decides when they may
// be written, a condition on another record that answers 409 GUARD_FAILED (results.service.ts), like an application
// report filed or corrected while the task's result is not registered.
import { taskApplicationReports } from "../../db/schema/index.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import { applicationPolicy, type ApplicationRef } from "./results.policy.js";

type ApplicationStatus = ApplicationRef["status"];

export const applicationLifecycle = defineLifecycle<ApplicationStatus, "update" | "accept" | "return", ApplicationRef>({
  entity: "application_report",
  name: { vi: "báo cáo ứng dụng", en: "application report" },
  states: {
    submitted: { vi: "Đã nộp", en: "Submitted" },
    needs_revision: { vi: "Cần bổ sung", en: "Needs revision" },
    accepted: { vi: "Đã chấp nhận", en: "Accepted" },
  },
  commands: {
    update: { from: ["submitted", "needs_revision"], to: "submitted", ability: "edit", label: { vi: "sửa báo cáo", en: "correct the report" } },
    accept: { from: ["submitted"], to: "accepted", ability: "review", label: { vi: "chấp nhận báo cáo", en: "accept the report" } },
    return: { from: ["submitted"], to: "needs_revision", ability: "review", label: { vi: "yêu cầu bổ sung", en: "ask for revision" } },
  },
  policy: applicationPolicy,
  stateOf: (r) => r.status,
  withState: (r, status) => ({ ...r, status }),
  table: taskApplicationReports,
  columns: { id: taskApplicationReports.id, state: taskApplicationReports.status, version: taskApplicationReports.version },
  stateKey: "status",
});
