import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";
import { DECIDING_ROLES, STAFF_ROLES } from "../../../common/roles.js";

// The register of documents issued: the Department's staff issue documents and attach the signed scans; its staff and
// leaders read the register.
const reads = (a: Parameters<typeof hasRole>[0]) => hasRole(a, ...DECIDING_ROLES);
const staff = (a: Parameters<typeof hasRole>[0]) => hasRole(a, ...STAFF_ROLES);

export const registerPolicy = definePolicy<{ id: string }, "attachSigned", "documentRegister">({
  resource: "documentRegister",
  general: { list: reads, issue: staff, attachSigned: staff },
  record: { read: reads, attachSigned: staff },
});
