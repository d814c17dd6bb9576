import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";

// The audit log is read by administrators only: it names who did what to whom, with before/after data.
// Nobody writes it through the API; rows are added by audit() inside each command's transaction.
export const auditPolicy = definePolicy<unknown, "read", "audit">({
  resource: "audit",
  general: {
    list: (a) => hasRole(a, "admin"),
    verify: (a) => hasRole(a, "admin"),
  },
  record: { read: (a) => hasRole(a, "admin") },
});
