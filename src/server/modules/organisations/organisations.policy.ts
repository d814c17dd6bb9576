import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";

type OrgRef = { id: string };

// The organisations registry is shared reference data: every signed-in user reads it. The Department's staff
// maintain it; an organisation's representative keeps their own organisation's record up to date.
export const organisationPolicy = definePolicy<OrgRef, "update" | "delete", "organisation">({
  resource: "organisation",
  general: {
    list: () => true,
    read: () => true,
    create: (a) => hasRole(a, "admin", "officer"),
    export: (a) => hasRole(a, "admin", "officer", "leader"),
    import: (a) => hasRole(a, "admin", "officer"),
  },
  record: {
    read: () => true,
    update: (a, o) => hasRole(a, "admin", "officer") || (hasRole(a, "org_rep") && a.organisationId === o.id),
    delete: (a) => hasRole(a, "admin"),
  },
});
