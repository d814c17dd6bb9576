// The lifecycle of a call: draft → published → closed, or cancelled from draft or published; edited while draft.
// Who may run each command is the call policy's record ability of the same name (calls.policy.ts).
import { calls } from "../../db/schema/index.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import type { CallStatus } from "../../../common/api/call.js";
import { callPolicy, type CallRef } from "./calls.policy.js";

export const callLifecycle = defineLifecycle<CallStatus, "update" | "publish" | "close" | "cancel", CallRef>({
  entity: "call",
  name: { vi: "đợt", en: "call" },
  states: {
    draft: { vi: "Nháp", en: "Draft" },
    published: { vi: "Đã công bố", en: "Published" },
    closed: { vi: "Đã đóng", en: "Closed" },
    cancelled: { vi: "Đã huỷ", en: "Cancelled" },
  },
  commands: {
    update: { from: ["draft"], label: { vi: "sửa đợt", en: "edit the call" } },
    publish: { from: ["draft"], to: "published", label: { vi: "công bố đợt", en: "publish the call" } },
    close: { from: ["published"], to: "closed", label: { vi: "đóng đợt", en: "close the call" } },
    cancel: { from: ["draft", "published"], to: "cancelled", label: { vi: "huỷ đợt", en: "cancel the call" } },
  },
  policy: callPolicy,
  stateOf: (c) => c.status,
  withState: (c, status) => ({ ...c, status }),
  table: calls,
  columns: { id: calls.id, state: calls.status, version: calls.version },
  stateKey: "status",
});
