// The lifecycle of an account's status: active ⇄ disabled. Who may run each command is the user policy's record ability
// of the same name (users.policy.ts: administrators, never on their own account). A sign-in lock and a second factor
// are not statuses: unlocking an account that is not locked, or resetting a factor it does not have, is a guard
// (409 GUARD_FAILED, users.service.ts). The table has no `updated_by`: the service sets `updated_at` itself.
import { users } from "../../db/schema/index.js";
import { defineLifecycle } from "../../platform/lifecycle.js";
import { userPolicy, type UserRef } from "./users.policy.js";

export const userLifecycle = defineLifecycle<UserRef["status"], "disable" | "enable", UserRef>({
  entity: "user",
  name: { vi: "tài khoản", en: "account" },
  states: {
    active: { vi: "Đang hoạt động", en: "Active" },
    disabled: { vi: "Đã vô hiệu hoá", en: "Disabled" },
  },
  commands: {
    disable: { from: ["active"], to: "disabled", label: { vi: "vô hiệu hoá tài khoản", en: "disable the account" } },
    enable: { from: ["disabled"], to: "active", label: { vi: "kích hoạt lại tài khoản", en: "enable the account" } },
  },
  policy: userPolicy,
  stateOf: (u) => u.status,
  withState: (u, status) => ({ ...u, status }),
  table: users,
  columns: { id: users.id, state: users.status, version: users.version },
  stateKey: "status",
  stamped: false,
});
