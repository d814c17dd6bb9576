import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";

/** What the rules need to know about an account: who it is and the state its commands depend on. */
export interface UserRef {
  id: string;
  status: "active" | "disabled";
  /** sign-in locked now after too many failed attempts */
  locked: boolean;
  hasTotp: boolean;
}

// Accounts and roles are managed by administrators only. State is part of the rules so that the abilities sent
// with a record show only the commands that will work: an admin never disables their own account, only a
// disabled account can be enabled, only a locked one unlocked.
export const userPolicy = definePolicy<UserRef, "update" | "disable" | "enable" | "unlock" | "resetPassword" | "resetTotp", "user">({
  resource: "user",
  general: {
    list: (a) => hasRole(a, "admin"),
    read: (a) => hasRole(a, "admin"),
    create: (a) => hasRole(a, "admin"),
  },
  record: {
    read: (a) => hasRole(a, "admin"),
    update: (a) => hasRole(a, "admin"),
    disable: (a, u) => hasRole(a, "admin") && u.id !== a.userId && u.status === "active",
    enable: (a, u) => hasRole(a, "admin") && u.status === "disabled",
    unlock: (a, u) => hasRole(a, "admin") && u.locked,
    resetPassword: (a) => hasRole(a, "admin"),
    resetTotp: (a, u) => hasRole(a, "admin") && u.hasTotp,
  },
});
