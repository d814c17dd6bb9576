import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";

type ProgrammeRef = { id: string };

// Programmes are public planning information inside the platform: every signed-in user reads them; the Department's
// staff keep them.
export const programmePolicy = definePolicy<ProgrammeRef, "update", "programme">({
  resource: "programme",
  general: {
    list: () => true,
    read: () => true,
    create: (a) => hasRole(a, "admin", "officer"),
    update: (a) => hasRole(a, "admin", "officer"),
  },
  record: {
    read: () => true,
    update: (a) => hasRole(a, "admin", "officer"),
  },
});
