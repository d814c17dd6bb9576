import { definePolicy } from "../../platform/policy.js";

// Every signed-in user manages their own sign-in: session, password, second factor.
export const authPolicy = definePolicy<unknown, "read", "auth">({
  resource: "auth",
  general: { self: () => true },
  record: { read: () => true },
});
