import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import { DEPARTMENT_ROLES } from "../../../common/roles.js";

// The funding plan and the money actually allocated are the Department's planning figures: its staff (administrators,
// officers, leaders, finance) read and export them; officers, finance and leaders try what-if scenarios; finance and
// officers (and administrators) record the actual allocations. Researchers, organisations, enterprises and experts do not see them.
const readers = (a: Actor) => hasRole(a, ...DEPARTMENT_ROLES);
const planners = (a: Actor) => hasRole(a, ...DEPARTMENT_ROLES);
const bookkeepers = (a: Actor) => hasRole(a, "admin", "officer", "finance");

export const fundingPlanPolicy = definePolicy<unknown, "read", "fundingPlan">({
  resource: "fundingPlan",
  general: { list: readers, read: readers, createScenario: planners, export: readers, editActuals: bookkeepers },
  record: { read: readers },
});

export const fundingActualPolicy = definePolicy<unknown, "update" | "delete", "fundingActual">({
  resource: "fundingActual",
  general: { list: readers, create: bookkeepers, edit: bookkeepers },
  record: { read: readers, update: bookkeepers, delete: bookkeepers },
});
