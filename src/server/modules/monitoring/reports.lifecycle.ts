// The lifecycle of a progress report: scheduled → (saved) draft → submitted → accepted, or back to needs_revision and
// submitted again; edited while not submitted. An accepted report is final (409 LOCKED, reports.service.ts).
// Who may run each command is the report policy (monitoring.policy.ts): "update" is its ability "edit", "accept" and
// "return" are its ability "review" (one route, the officer's decision picks the command). That the task is still in
// progress is a condition on another record: the service's guard (409 GUARD_FAILED), not a state of the report.
import { progressReports } from "../../db/schema/index.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import type { ReportStatus } from "../../../common/api/monitoring.js";
import { reportPolicy, type ReportRef } from "./monitoring.policy.js";

export const EDITABLE_REPORT = ["scheduled", "draft", "needs_revision"] as const;

export const reportLifecycle = defineLifecycle<ReportStatus, "update" | "submit" | "accept" | "return", ReportRef>({
  entity: "progress_report",
  name: { vi: "báo cáo tiến độ", en: "progress report" },
  states: {
    scheduled: { vi: "Chưa lập", en: "Not started" },
    draft: { vi: "Đang soạn", en: "Draft" },
    submitted: { vi: "Đã nộp", en: "Submitted" },
    accepted: { vi: "Đã chấp nhận", en: "Accepted" },
    needs_revision: { vi: "Cần bổ sung", en: "Needs revision" },
  },
  commands: {
    update: { from: EDITABLE_REPORT, to: { scheduled: "draft" }, ability: "edit", label: { vi: "sửa báo cáo", en: "edit the report" } },
    submit: { from: EDITABLE_REPORT, to: "submitted", label: { vi: "nộp báo cáo", en: "submit the report" } },
    accept: { from: ["submitted"], to: "accepted", ability: "review", label: { vi: "chấp nhận báo cáo", en: "accept the report" } },
    return: { from: ["submitted"], to: "needs_revision", ability: "review", label: { vi: "yêu cầu bổ sung", en: "ask for revision" } },
  },
  policy: reportPolicy,
  stateOf: (r) => r.status,
  withState: (r, status) => ({ ...r, status }),
  table: progressReports,
  columns: { id: progressReports.id, state: progressReports.status, version: progressReports.version },
  stateKey: "status",
});
