import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";
import { DECIDING_ROLES, STAFF_ROLES } from "../../../common/roles.js";

type OrgRef = { id: string };

// The organisations registry is shared reference data: every signed-in user reads it. The Department's staff
// maintain it; an organisation's representative keeps their own organisation's record up to date.
export const organisationPolicy = definePolicy<OrgRef, "update" | "delete", "organisation">({
  resource: "organisation",
  general: {
    list: () => true,
    read: () => true,
    create: (a) => hasRole(a, ...STAFF_ROLES),
    export: (a) => hasRole(a, ...DECIDING_ROLES),
    import: (a) => hasRole(a, ...STAFF_ROLES),
  },
  record: {
    read: () => true,
    update: (a, o) => hasRole(a, ...STAFF_ROLES) || (hasRole(a, "org_rep") && a.organisationId === o.id),
    delete: (a) => hasRole(a, "admin"),
  },
});
