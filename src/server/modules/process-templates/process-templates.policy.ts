import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";
import { DECIDING_ROLES } from "../../../common/roles.js";

// Process templates are configuration with legal weight: the Department's staff and leadership read them; only an
// administrator adds a version (and no one changes a stored one).
const reads = (a: Parameters<typeof hasRole>[0]) => hasRole(a, ...DECIDING_ROLES);

export const processTemplatePolicy = definePolicy<{ key: string }, "addVersion", "process_template">({
  resource: "process_template",
  general: {
    list: reads,
    read: reads,
    addVersion: (a) => hasRole(a, "admin"),
  },
  record: {
    read: reads,
    addVersion: (a) => hasRole(a, "admin"),
  },
});
