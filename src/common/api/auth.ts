// API schema of signing in and of the signed-in user (GET /auth/me), shared by API and web.
import { z } from "zod";
import { ROLES } from "../roles.js";
import { GENERAL_ABILITIES, type GeneralAbilities } from "../abilities.js";

/** `can`: for each resource of common/abilities.ts, each of its general abilities, in the declaration's order. */
const generalAbilities = z.object(
  Object.fromEntries(
    Object.entries(GENERAL_ABILITIES).map(([resource, names]) => [resource, z.object(Object.fromEntries(names.map((n: string) => [n, z.boolean()])))]),
  ),
) as unknown as z.ZodType<GeneralAbilities>;

export const loginInput = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024) }).strict();

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) }).strict();

export const me = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  /** The full name on the linked person record (registry of people), or null when the account has none. */
  fullName: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  personId: z.string().uuid().nullable(),
  organisationId: z.string().uuid().nullable(),
  /** Whether a second factor is still needed: "verify" (give a code), "setup" (enrol first) or "none". */
  mfa: z.enum(["none", "verify", "setup"]),
  totpEnabled: z.boolean(),
  /** General abilities per resource (list, create, import, export…) from the same policies the server enforces. */
  can: generalAbilities,
});
export type Me = z.infer<typeof me>;
