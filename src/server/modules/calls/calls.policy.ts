import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import type { CallStatus } from "../../../common/api/call.js";
import { STAFF_ROLES } from "../../../common/roles.js";

export type CallRef = { id: string; status: CallStatus; publishedAt: Date | null };

const staff = (a: Actor) => hasRole(a, ...STAFF_ROLES);

// Calls: the Department's officers prepare and run them. A call becomes visible to every signed-in user
// (researchers, organisations, enterprises) once published, and stays visible after it closes or is cancelled;
// a draft, or a call cancelled before it was ever published, is seen by staff only.
// Record abilities follow the lifecycle, so the UI offers exactly the transitions that are legal now.
export const callPolicy = definePolicy<CallRef, "update" | "publish" | "close" | "cancel", "call">({
  resource: "call",
  general: {
    list: () => true,
    read: () => true,
    create: staff,
    update: staff,
    publish: staff,
    close: staff,
    cancel: staff,
  },
  record: {
    read: (a, c) => staff(a) || c.publishedAt !== null,
    update: (a, c) => staff(a) && c.status === "draft",
    publish: (a, c) => staff(a) && c.status === "draft",
    close: (a, c) => staff(a) && c.status === "published",
    cancel: (a, c) => staff(a) && (c.status === "draft" || c.status === "published"),
  },
});
