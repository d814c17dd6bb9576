// The first administrator of an installation without demo data (`npm run admin:create`, scripts/admin-create.ts).
// Outside demo mode nobody else can create accounts, so the command creates one active administrator with the
// app's password rules, and only while no active administrator exists (unless forced: a second administrator when
// every existing one is out of reach). The account has no second factor yet: its first sign-in answers
// mfa = "setup" and the sign-in flow enrols the authenticator app (auth.service.ts login → /auth/totp/setup →
// /auth/totp/verify) before anything else is allowed, as for every privileged account without a factor.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import type { Db, Executor } from "../../platform/context.js";
import { AppError, badInput } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { hashPassword, passwordProblem } from "../../platform/auth/password.js";
import { USERNAME_RE } from "../../../common/api/user.js";
import { EMAIL_RE } from "../../../common/api/shared.js";

/** Serialises first-administrator creations (two commands at once create one). */
const FIRST_ADMIN_LOCK_KEY = 7261003;

export const FIRST_ADMIN_DISPLAY_NAME = "Quản trị hệ thống";

const activeAdmins = (db: Executor) =>
  db
    .select({ username: users.username })
    .from(users)
    .where(sql`${users.status} = 'active' AND 'admin' = ANY (${users.roles})`)
    .orderBy(sql`lower(${users.username})`);

export async function hasActiveAdministrator(db: Executor): Promise<boolean> {
  return (await activeAdmins(db)).length > 0;
}

export interface FirstAdminInput {
  username: string;
  password: string;
  displayName?: string;
  email?: string | null;
  /** Create the administrator even though an active one exists. */
  force?: boolean;
}

export interface FirstAdminContext {
  now: Date;
  /** Who ran the command (operating-system user and host), for the audit row. */
  operator: string;
}

/** The input as it will be stored; refuses a bad name, display name, e-mail or password (the app's password rules). */
export function checkFirstAdminInput(input: FirstAdminInput): Required<Omit<FirstAdminInput, "force">> {
  const username = input.username.trim();
  const displayName = (input.displayName ?? FIRST_ADMIN_DISPLAY_NAME).trim();
  const email = input.email?.trim() || null;
  if (!USERNAME_RE.test(username)) throw badInput("admin_setup.username_invalid", {}, [{ path: "username", code: "invalid", message: "" }]);
  if (!displayName || displayName.length > 200) {
    throw badInput("admin_setup.display_name_invalid", {}, [{ path: "displayName", code: "invalid", message: "" }]);
  }
  if (email !== null && (email.length > 200 || !EMAIL_RE.test(email))) {
    throw badInput("import.invalid_email", {}, [{ path: "email", code: "invalid", message: "" }]);
  }
  const problem = passwordProblem(input.password);
  if (problem) throw badInput(problem, {}, [{ path: "password", code: problem, message: "" }]);
  return { username, displayName, email, password: input.password };
}

/** Creates an active administrator without a second factor; refuses bad input, a taken name, or (unforced) when an active administrator exists. */
export async function createFirstAdministrator(
  db: Db,
  input: FirstAdminInput,
  ctx: FirstAdminContext,
): Promise<{ id: string; username: string; existingAdmins: string[] }> {
  const { username, displayName, email, password } = checkFirstAdminInput(input);
  const passwordHash = await hashPassword(password); // outside the transaction: hashing is slow on purpose

  const { now } = ctx;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK_KEY})`);
    const existingAdmins = (await activeAdmins(tx)).map((a) => a.username);
    if (existingAdmins.length && !input.force) {
      throw new AppError("ADMIN_EXISTS", 409, "admin_setup.admin_exists", { existingAdmins }, { usernames: existingAdmins.join(", ") });
    }
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    if (taken) {
      throw new AppError("DUPLICATE", 409, "user.username_taken", [{ path: "username", code: "duplicate", message: username }], { username });
    }
    const [row] = await tx
      .insert(users)
      .values({
        username,
        displayName,
        email,
        passwordHash,
        roles: ["admin"],
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await audit(
      tx,
      { actor: null, ip: null, correlationId: randomUUID(), clock: { now: () => now } },
      {
        action: "user.create",
        actorUsername: ctx.operator,
        entityType: "user",
        entityId: row.id,
        after: { username, displayName, email, roles: ["admin"], personId: null, organisationId: null, status: "active" },
        details: { command: "admin:create", force: !!input.force, existingAdmins },
      },
    );
    return { id: row.id, username, existingAdmins };
  });
}
