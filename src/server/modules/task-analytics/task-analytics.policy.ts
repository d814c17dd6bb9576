import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";

const staff = (a: Actor) => hasRole(a, "admin", "officer", "leader", "finance");

// Task analytics are aggregates of every task, budgets included: the Department's staff (administrators, officers,
// leaders, finance) see and export them; researchers, organisations, enterprises and experts do not.
export const taskAnalyticsPolicy = definePolicy<unknown, "read", "taskAnalytics">({
  resource: "taskAnalytics",
  general: { read: staff, export: staff },
  record: { read: staff },
});
