import { definePolicy } from "../../platform/policy.js";

// Code lists are public reference data: anyone may read them; only administrators see the version history.
export const referencePolicy = definePolicy<unknown, "read", "reference">({
  resource: "reference",
  general: { versions: (a) => a.roles.includes("admin") || a.roles.includes("officer") },
  record: { read: () => true },
});
