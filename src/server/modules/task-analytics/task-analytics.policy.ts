import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import { DEPARTMENT_ROLES } from "../../../common/roles.js";

const staff = (a: Actor) => hasRole(a, ...DEPARTMENT_ROLES);

// Task analytics are aggregates of every task, budgets included: the Department's staff (administrators, officers,
// leaders, finance) see and export them; researchers, organisations, enterprises and experts do not.
export const taskAnalyticsPolicy = definePolicy<unknown, "read", "taskAnalytics">({
  resource: "taskAnalytics",
  general: { read: staff, export: staff },
  record: { read: staff },
});
