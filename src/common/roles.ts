// Roles of the platform (README.md "Demo accounts" lists them). A user holds one or more.
export const ROLES = ["admin", "officer", "finance", "leader", "expert", "pi", "org_rep", "enterprise"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must sign in with a second factor (SECURITY.md 3): administration, leadership, money, councils. */
export const PRIVILEGED_ROLES: readonly Role[] = ["admin", "leader", "finance", "expert"];

/** Staff of the Department who work with personal contact data. */
export const STAFF_ROLES: readonly Role[] = ["admin", "officer"];
