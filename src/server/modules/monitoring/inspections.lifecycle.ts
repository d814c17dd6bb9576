// The lifecycle of an inspection: planned → concluded (findings, follow-up actions) or cancelled; edited while
// planned; the signed minutes are attached unless it was cancelled; follow-up actions are marked done once concluded.
// Who may run each command is the inspection policy's record ability of the same name (inspections.policy.ts).
import { inspections } from "../../db/schema/index.js";
import type { InspectionStatus } from "../../db/schema/monitoring.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import { inspectionPolicy, type InspectionRef } from "./inspections.policy.js";

export const inspectionLifecycle = defineLifecycle<InspectionStatus, "update" | "conclude" | "cancel" | "uploadMinutes" | "completeAction", InspectionRef>({
  entity: "inspection",
  name: { vi: "cuộc kiểm tra", en: "inspection" },
  states: {
    planned: { vi: "Đã lên kế hoạch", en: "Planned" },
    concluded: { vi: "Đã kết luận", en: "Concluded" },
    cancelled: { vi: "Đã huỷ", en: "Cancelled" },
  },
  commands: {
    update: { from: ["planned"], label: { vi: "sửa kế hoạch kiểm tra", en: "edit the inspection" } },
    conclude: { from: ["planned"], to: "concluded", label: { vi: "kết luận kiểm tra", en: "conclude the inspection" } },
    cancel: { from: ["planned"], to: "cancelled", label: { vi: "huỷ cuộc kiểm tra", en: "cancel the inspection" } },
    uploadMinutes: { from: ["planned", "concluded"], label: { vi: "đính kèm biên bản", en: "attach the minutes" } },
    completeAction: { from: ["concluded"], label: { vi: "đánh dấu việc khắc phục đã xong", en: "mark a follow-up action done" } },
  },
  policy: inspectionPolicy,
  stateOf: (i) => i.status,
  withState: (i, status) => ({ ...i, status }),
  table: inspections,
  columns: { id: inspections.id, state: inspections.status, version: inspections.version },
  stateKey: "status",
});
