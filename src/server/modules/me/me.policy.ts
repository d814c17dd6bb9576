import { definePolicy } from "../../platform/policy.js";

// Self-service: every signed-in user reaches their own data and nothing else. The services select by the
// signed-in user's own ids (user id, linked person id), so there is no other record to ask for.
export const mePolicy = definePolicy<unknown, "read", "me">({
  resource: "me",
  general: { self: () => true },
  record: { read: () => true },
});
