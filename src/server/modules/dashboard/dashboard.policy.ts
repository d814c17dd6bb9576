import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";
import { DEPARTMENT_ROLES } from "../../../common/roles.js";

// The home dashboard shows aggregate counts only (no personal data): every signed-in user sees it. The leadership
// dashboard (indicators, money, reporting completeness) is for the Department: leaders, officers, finance and admins.
export const dashboardPolicy = definePolicy<unknown, "read", "dashboard">({
  resource: "dashboard",
  general: { summary: () => true, leadership: (a) => hasRole(a, ...DEPARTMENT_ROLES) },
  record: { read: () => true },
});
