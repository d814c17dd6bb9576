// The lifecycles of statistical reporting. A period: draft → open → closed; its details edited and organisations
// assigned until it closes. A report: assigned → (saved) draft → submitted → approved, or returned and submitted again;
// an approved report is final (409 LOCKED, and the trigger statistical_report_locked_guard underneath) until a leader
// or an administrator withdraws the approval (back to returned).
// Who may run each command is the statistics policies (statistics.policy.ts): a report's "approve" and "return" are
// its ability "review". That the report's period is open is a condition on another record: the service's guard
// (409 GUARD_FAILED), not a state of the report.
import { statisticalPeriods, statisticalReports } from "../../db/schema/index.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import { locked } from "../../platform/errors.js";
import type { PeriodStatus, ReportStatus } from "../../../common/api/statistics.js";
import { statisticsPeriodPolicy, statisticsReportPolicy, type PeriodRef, type ReportRef } from "./statistics.policy.js";

export const statisticsPeriodLifecycle = defineLifecycle<PeriodStatus, "update" | "open" | "close" | "assign", PeriodRef>({
  entity: "statistics_period",
  auditEntity: "statistical_period",
  name: { vi: "kỳ báo cáo", en: "reporting period" },
  states: {
    draft: { vi: "Nháp", en: "Draft" },
    open: { vi: "Đang mở", en: "Open" },
    closed: { vi: "Đã đóng", en: "Closed" },
  },
  commands: {
    update: { from: ["draft", "open"], label: { vi: "sửa kỳ báo cáo", en: "edit the period" } },
    open: { from: ["draft"], to: "open", label: { vi: "mở kỳ báo cáo", en: "open the period" } },
    close: { from: ["open"], to: "closed", label: { vi: "đóng kỳ báo cáo", en: "close the period" } },
    assign: { from: ["draft", "open"], label: { vi: "giao, gỡ báo cáo của đơn vị", en: "assign or remove organisations' reports" } },
  },
  policy: statisticsPeriodPolicy,
  stateOf: (p) => p.status,
  withState: (p, status) => ({ ...p, status }),
  table: statisticalPeriods,
  columns: { id: statisticalPeriods.id, state: statisticalPeriods.status, version: statisticalPeriods.version },
  stateKey: "status",
});

/** An approved report takes no more changes (its cells are locked by a trigger) until the approval is withdrawn. */
export const approvedReportLocked = () => locked("statistics.report.locked", { status: "approved" });

const EDITABLE = ["assigned", "draft", "returned"] as const;

export const statisticsReportLifecycle = defineLifecycle<ReportStatus, "edit" | "submit" | "approve" | "return" | "unapprove" | "remove", ReportRef>({
  entity: "statistics_report",
  auditEntity: "statistical_report",
  name: { vi: "báo cáo thống kê", en: "statistical report" },
  states: {
    assigned: { vi: "Chưa bắt đầu", en: "Not started" },
    draft: { vi: "Đang soạn", en: "Draft" },
    submitted: { vi: "Đã nộp", en: "Submitted" },
    returned: { vi: "Trả lại", en: "Returned" },
    approved: { vi: "Đã duyệt", en: "Approved" },
  },
  commands: {
    edit: { from: EDITABLE, label: { vi: "nhập số liệu", en: "enter the figures" } },
    submit: { from: EDITABLE, to: "submitted", label: { vi: "nộp báo cáo", en: "submit the report" } },
    approve: { from: ["submitted"], to: "approved", ability: "review", label: { vi: "phê duyệt", en: "approve" } },
    return: { from: ["submitted"], to: "returned", ability: "review", label: { vi: "trả lại để sửa", en: "return for correction" } },
    unapprove: { from: ["approved"], to: "returned", label: { vi: "huỷ phê duyệt (kèm lý do)", en: "withdraw the approval (with a reason)" } },
    remove: { from: ["assigned"], label: { vi: "gỡ báo cáo khỏi kỳ", en: "remove the report from the period" } },
  },
  policy: statisticsReportPolicy,
  stateOf: (r) => r.status,
  withState: (r, status) => ({ ...r, status }),
  locked: (r, command) => (r.status === "approved" && command !== "unapprove" ? approvedReportLocked() : null),
  table: statisticalReports,
  columns: { id: statisticalReports.id, state: statisticalReports.status, version: statisticalReports.version },
  stateKey: "status",
});
