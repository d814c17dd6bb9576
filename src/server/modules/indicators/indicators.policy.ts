import { definePolicy } from "../../platform/policy.js";
import { hasRole, type Actor } from "../../platform/context.js";
import { DEPARTMENT_ROLES, STAFF_ROLES } from "../../../common/roles.js";

/** The Department's people who follow the plan's targets. */
const department = (a: Actor) => hasRole(a, ...DEPARTMENT_ROLES);
/** Staff who maintain indicator definitions and values. */
const staff = (a: Actor) => hasRole(a, ...STAFF_ROLES);

export interface IndicatorRef {
  published: boolean;
}

// Indicators of the plan's targets: the Department (administrators, officers, leaders, finance) sees every
// indicator, published or not, and exports them; officers and administrators define indicators, enter values and
// publish, and recount the registry figures behind computed indicators at once. Researchers, organisations, enterprises and experts see the published ones on the public pages.
export const indicatorPolicy = definePolicy<IndicatorRef, "edit" | "enterValues" | "publish" | "unpublish" | "export", "indicator">({
  resource: "indicator",
  general: { read: department, export: department, create: staff, edit: staff, enterValues: staff, publish: staff, refreshComputed: staff },
  record: {
    read: department,
    export: department,
    edit: staff,
    enterValues: staff,
    publish: (a, r) => staff(a) && !r.published,
    unpublish: (a, r) => staff(a) && r.published,
  },
});

// Input series (population, GDP, city spending): read by the Department; values entered by officers, administrators
// and finance (city spending comes from the budget's final accounts).
export const seriesPolicy = definePolicy<unknown, "enterValues", "statisticalSeries">({
  resource: "statisticalSeries",
  general: { read: department, enterValues: (a) => hasRole(a, "admin", "officer", "finance") },
  record: { read: department, enterValues: (a) => hasRole(a, "admin", "officer", "finance") },
});
