// The lifecycle of a council: draft → invited → in session → concluded (re-opened with a reason back to in session),
// or cancelled before conclusion; and the edits each state allows (members, attendance, declarations, ballots…).
// Who may run each command is the council policy's record ability of the same name (councils.policy.ts); the state
// labels are the ones the council pages show.
import { councils } from "../../db/schema/index.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import { locked } from "../../platform/errors.js";
import type { CouncilStatus } from "../../../common/api/council.js";
import { councilPolicy, isCouncilMember, type CouncilRef } from "./councils.policy.js";

const OPEN = ["draft", "invited", "in_session"] as const;

/** A concluded council takes no more changes (its results stand; the lock trigger refuses writes) until re-opened. */
export const councilLocked = () => locked("council.locked", { status: "concluded" });

export const councilLifecycle = defineLifecycle<
  CouncilStatus,
  | "update"
  | "members"
  | "overrideConflict"
  | "invite"
  | "attend"
  | "open"
  | "conclude"
  | "reopen"
  | "cancel"
  | "paperBallot"
  | "paperDeclaration"
  | "ballot"
  | "declare",
  CouncilRef
>({
  entity: "council",
  name: { vi: "hội đồng", en: "council" },
  states: {
    draft: { vi: "Nháp", en: "Draft" },
    invited: { vi: "Đã mời", en: "Invited" },
    in_session: { vi: "Đang họp", en: "In session" },
    concluded: { vi: "Đã kết luận", en: "Concluded" },
    cancelled: { vi: "Đã huỷ", en: "Cancelled" },
  },
  commands: {
    update: { from: ["draft"], label: { vi: "sửa thông tin hội đồng", en: "edit the council" } },
    members: { from: ["draft"], label: { vi: "thêm, bớt thành viên", en: "add or remove members" } },
    overrideConflict: { from: OPEN, label: { vi: "chấp thuận xung đột lợi ích (kèm lý do)", en: "override a conflict of interest (with a reason)" } },
    invite: { from: ["draft"], to: "invited", label: { vi: "gửi giấy mời", en: "send the invitations" } },
    attend: { from: ["invited", "in_session"], label: { vi: "điểm danh", en: "record attendance" } },
    open: { from: ["invited"], to: "in_session", label: { vi: "khai mạc phiên họp", en: "open the session" } },
    conclude: { from: ["in_session"], to: "concluded", label: { vi: "kết luận", en: "conclude" } },
    reopen: { from: ["concluded"], to: "in_session", label: { vi: "mở lại (kèm lý do)", en: "re-open (with a reason)" } },
    cancel: { from: OPEN, to: "cancelled", label: { vi: "huỷ hội đồng", en: "cancel the council" } },
    paperBallot: { from: ["in_session"], label: { vi: "nhập phiếu giấy", en: "enter a paper ballot" } },
    paperDeclaration: { from: ["invited", "in_session"], label: { vi: "ghi nhận bản cam kết giấy", en: "record a paper declaration" } },
    ballot: { from: ["in_session"], label: { vi: "chấm phiếu", en: "score a ballot" } },
    declare: { from: ["invited", "in_session"], label: { vi: "ký bản cam kết", en: "sign the declaration" } },
  },
  policy: councilPolicy,
  stateOf: (c) => c.status,
  withState: (c, status) => ({ ...c, status }),
  // staff hold "ballot" only to reach the paper-ballot route, which is named as "paperBallot"
  offered: (a, c, command) => command !== "ballot" || isCouncilMember(a, c),
  locked: (c, command) => (c.status === "concluded" && command !== "reopen" ? councilLocked() : null),
  table: councils,
  columns: { id: councils.id, state: councils.status, version: councils.version },
  stateKey: "status",
});
