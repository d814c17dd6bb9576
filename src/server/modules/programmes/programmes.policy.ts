import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";
import { STAFF_ROLES } from "../../../common/roles.js";

type ProgrammeRef = { id: string };

// Programmes are public planning information inside the platform: every signed-in user reads them; the Department's
// staff keep them.
export const programmePolicy = definePolicy<ProgrammeRef, "update", "programme">({
  resource: "programme",
  general: {
    list: () => true,
    read: () => true,
    create: (a) => hasRole(a, ...STAFF_ROLES),
    update: (a) => hasRole(a, ...STAFF_ROLES),
  },
  record: {
    read: () => true,
    update: (a) => hasRole(a, ...STAFF_ROLES),
  },
});
