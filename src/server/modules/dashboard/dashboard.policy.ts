import { definePolicy } from "../../platform/policy.js";

// The home dashboard shows aggregate counts only (no personal data): every signed-in user sees it.
export const dashboardPolicy = definePolicy<unknown, "read">({
  resource: "dashboard",
  general: { summary: () => true },
  record: { read: () => true },
});
