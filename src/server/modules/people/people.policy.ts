import { definePolicy } from "../../platform/policy.js";
import { hasRole } from "../../platform/context.js";
import type { Actor } from "../../platform/context.js";
import { DECIDING_ROLES, STAFF_ROLES } from "../../../common/roles.js";

type PersonRef = { id: string };

const isStaff = (a: Actor) => hasRole(a, ...STAFF_ROLES);
const isSelf = (a: Actor, p: PersonRef) => !!a.personId && a.personId === p.id;

// The people registry is shared reference data: every signed-in user reads names, degrees and fields.
// Contact data (email, phone, address) is personal data: only the Department's staff and the person see it.
// Staff maintain the registry; a person corrects their own record; only an administrator deletes.
export const personPolicy = definePolicy<PersonRef, "update" | "delete" | "viewContact", "person">({
  resource: "person",
  general: {
    list: () => true,
    read: () => true,
    create: (a) => isStaff(a),
    export: (a) => hasRole(a, ...DECIDING_ROLES),
    import: (a) => isStaff(a),
  },
  record: {
    read: () => true,
    update: (a, p) => isStaff(a) || isSelf(a, p),
    delete: (a) => hasRole(a, "admin"),
    viewContact: (a, p) => isStaff(a) || isSelf(a, p),
  },
});

/** Staff may change every field; a person editing their own record may not change staff-managed fields. */
export const mayManagePersonRegistry = isStaff;
