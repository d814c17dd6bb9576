// Roles of the platform (README.md "Demo accounts" lists them). A user holds one or more.
export const ROLES = ["admin", "officer", "finance", "leader", "expert", "pi", "org_rep", "enterprise"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must sign in with a second factor (SECURITY.md 3): administration, leadership, money, councils. */
export const PRIVILEGED_ROLES: readonly Role[] = ["admin", "leader", "finance", "expert"];

// Role groups, defined once: policies say `hasRole(actor, ...DEPARTMENT_ROLES)`, never the list again.
/** Staff of the Department who prepare and manage records, and work with personal contact data. */
export const STAFF_ROLES: readonly Role[] = ["admin", "officer"];
/** Those who prepare records and those who decide on them for the Department. */
export const DECIDING_ROLES: readonly Role[] = ["admin", "officer", "leader"];
/** Everyone of the Department, who sees every record of the S&T work: staff, leaders and finance. */
export const DEPARTMENT_ROLES: readonly Role[] = ["admin", "officer", "leader", "finance"];
/** The side that carries out a task (Bên B): the principal investigator and the lead organisation's representative. */
export const PERFORMER_ROLES: readonly Role[] = ["pi", "org_rep"];
