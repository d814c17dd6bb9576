// API schema of user accounts as administrators manage them (tài khoản, vai trò), shared by API and web.
// Secrets (password hash, TOTP secret) are not in any response schema: they never leave the server.
import { z } from "zod";
import { listQuery } from "../list.js";
import { ROLES } from "../roles.js";
import { optText, uuid, version, EMAIL_RE } from "./shared.js";

/** Letters, digits and . _ - @; 2–64 characters; unique regardless of case. */
export const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

const roles = z
  .array(z.enum(ROLES))
  .min(1)
  .max(ROLES.length)
  .transform((r) => ROLES.filter((role) => r.includes(role)));

const email = optText(200).refine((v) => v === null || EMAIL_RE.test(v), { message: "e-mail" });

/** The fields an administrator edits; username and password are set at creation (password reset is its own command). */
const editable = {
  displayName: z.string().trim().min(1).max(200),
  email,
  roles,
  personId: uuid.nullish().transform((v) => v ?? null),
  organisationId: uuid.nullish().transform((v) => v ?? null),
};

export const userInput = z
  .object({
    username: z.string().trim().regex(USERNAME_RE, "2–64: A–Z a–z 0–9 . _ - @"),
    // Length and common-password rules are checked by the server (passwordProblem) with a clear message.
    password: z.string().min(1).max(1024),
    ...editable,
  })
  .strict();
export type UserInput = z.input<typeof userInput>;

export const userUpdate = z.object({ ...editable, version }).strict();
export type UserUpdate = z.input<typeof userUpdate>;

export const userDisable = z.object({ reason: z.string().trim().min(1).max(500), version }).strict();
export const userEnable = z.object({ version }).strict();
export const userPasswordReset = z.object({ newPassword: z.string().min(1).max(1024) }).strict();

export const USER_STATUSES = ["active", "disabled"] as const;

export const userSummary = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  status: z.enum(USER_STATUSES),
  /** set while sign-in is locked after too many failed attempts */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  totpEnabled: z.boolean(),
  personId: uuid.nullable(),
  organisationId: uuid.nullable(),
  personName: z.string().nullable(),
  organisationName: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummary>;

export const userAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  disable: z.boolean(),
  enable: z.boolean(),
  unlock: z.boolean(),
  resetPassword: z.boolean(),
  resetTotp: z.boolean(),
});

export const user = userSummary.extend({
  disabledReason: z.string().nullable(),
  locked: z.boolean(),
  failedLogins: z.number().int(),
  passwordChangedAt: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: userAbilities,
});
export type User = z.infer<typeof user>;

export const USER_SORTS = ["username", "displayName", "lastLoginAt", "createdAt"] as const;

export const userListQuery = listQuery
  .extend({
    role: z.enum(ROLES).optional(),
    /** "locked": sign-in currently locked after failed attempts */
    status: z.enum(["active", "disabled", "locked"]).optional(),
  })
  .strict();
export type UserListQuery = z.infer<typeof userListQuery>;
