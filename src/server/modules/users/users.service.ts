// User accounts as administrators manage them: list, read, create, edit (roles, links to a person and an
// organisation) with optimistic concurrency, disable/enable, unlock, password reset, second-factor reset.
// Every command is one transaction with its audit row; password hashes and TOTP secrets never leave this file
// except into the database.
import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, notFound, staleVersion } from "../../platform/errors.js";
import { guardFailed, runCommand } from "../../platform/lifecycle.js";
import { userLifecycle } from "./users.lifecycle.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { hashPassword, passwordProblem } from "../../platform/auth/password.js";
import { endAllSessions } from "../../platform/auth/sessions.js";
import { parseSort } from "../../../common/list.js";
import { ROLES, type Role } from "../../../common/roles.js";
import {
  USER_SORTS,
  type User,
  type UserListQuery,
  type UserSummary,
  userDisable,
  userEnable,
  userInput,
  userPasswordReset,
  userUpdate,
} from "../../../common/api/user.js";
import { userPolicy, type UserRef } from "./users.policy.js";
import type { z } from "zod";

type CreateInput = z.output<typeof userInput>;
type UpdateInput = z.output<typeof userUpdate>;
type UserRow = typeof users.$inferSelect;

// The outer table is named explicitly: in a single-table select Drizzle renders columns as bare names.
const personNameSql = sql<string | null>`(SELECT p.full_name FROM people p WHERE p.id = "users"."person_id")`;
const organisationNameSql = sql<string | null>`(SELECT o.name_vi FROM organisations o WHERE o.id = "users"."organisation_id")`;

const knownRoles = (roles: string[]): Role[] => ROLES.filter((r) => roles.includes(r));
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const isLocked = (u: UserRow, now: Date) => !!u.lockedUntil && u.lockedUntil > now;

function ref(u: UserRow, now: Date): UserRef {
  return { id: u.id, status: u.status, locked: isLocked(u, now), hasTotp: u.totpEnabled || u.totpSecret !== null };
}

// ─── Reading ───────────────────────────────────────────────────────────────

export async function listUsers(ctx: Ctx, q: UserListQuery) {
  const now = ctx.clock.now();
  const where = and(
    searchCondition(sql`f_fold(${users.username} || ' ' || ${users.displayName} || ' ' || coalesce(${users.email}, ''))`, q.q),
    q.role ? sql`${q.role} = ANY(${users.roles})` : undefined,
    q.status === "active" || q.status === "disabled" ? eq(users.status, q.status) : undefined,
    q.status === "locked" ? sql`${users.lockedUntil} > ${now}` : undefined,
  );
  const { key, desc } = parseSort(q.sort, USER_SORTS, "username");
  const dir = desc ? sql`DESC` : sql`ASC`;
  const order: Record<(typeof USER_SORTS)[number], SQL> = {
    username: sql`lower(${users.username}) ${dir}`,
    displayName: sql`${users.displayName} COLLATE vn ${dir}, lower(${users.username})`,
    lastLoginAt: sql`${users.lastLoginAt} ${dir} NULLS LAST, lower(${users.username})`,
    createdAt: sql`${users.createdAt} ${dir}`,
  };
  const [rows, total] = await Promise.all([
    ctx.db
      .select({ u: users, personName: personNameSql, organisationName: organisationNameSql })
      .from(users)
      .where(where)
      .orderBy(order[key], users.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(users, where),
  ]);
  const items: UserSummary[] = rows.map((r) => summary(r));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

async function loadUser(db: Executor, id: string, forUpdate = false) {
  const q = db.select({ u: users, personName: personNameSql, organisationName: organisationNameSql }).from(users).where(eq(users.id, id));
  const [row] = forUpdate ? await q.for("update", { of: users }) : await q;
  return row ?? null;
}
type Loaded = NonNullable<Awaited<ReturnType<typeof loadUser>>>;

function summary({ u, personName, organisationName }: Loaded): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    roles: knownRoles(u.roles),
    status: u.status,
    lockedUntil: iso(u.lockedUntil),
    lastLoginAt: iso(u.lastLoginAt),
    totpEnabled: u.totpEnabled,
    personId: u.personId,
    organisationId: u.organisationId,
    personName,
    organisationName,
  };
}

function present(ctx: Ctx, r: Loaded): User {
  const now = ctx.clock.now();
  return {
    ...summary(r),
    disabledReason: r.u.disabledReason,
    locked: isLocked(r.u, now),
    failedLogins: r.u.failedLogins,
    passwordChangedAt: r.u.passwordChangedAt.toISOString(),
    version: r.u.version,
    createdAt: r.u.createdAt.toISOString(),
    updatedAt: r.u.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx.actor, userPolicy, ref(r.u, now)),
  };
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const r = await loadUser(ctx.db, id);
  if (!r) throw notFound();
  authorize(ctx.actor, userPolicy, "read", ref(r.u, ctx.clock.now()));
  return present(ctx, r);
}

// ─── Rules shared by create and update ─────────────────────────────────────

/** What the audit trail records of an account: never the password hash or the TOTP secret. */
function snapshot(u: UserRow) {
  return {
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    roles: knownRoles(u.roles),
    personId: u.personId,
    organisationId: u.organisationId,
    status: u.status,
  };
}

function checkPassword(password: string, path: string) {
  const problem = passwordProblem(password);
  if (problem) throw badInput(problem, {}, [{ path, code: problem, message: "" }]);
}

async function assertUniqueUsername(tx: Executor, username: string) {
  const [dup] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  if (dup) {
    throw new AppError("DUPLICATE", 409, "user.username_taken", [{ path: "username", code: "duplicate", message: username }], {
      username,
    });
  }
}

/** A linked person and organisation must exist; a person has at most one account. */
async function validateLinks(tx: Executor, input: { personId: string | null; organisationId: string | null }, selfId?: string) {
  if (input.personId) {
    const r = await tx.execute<{ found: boolean; taken: boolean }>(sql`
      SELECT EXISTS (SELECT 1 FROM people WHERE id = ${input.personId}) AS found,
             EXISTS (SELECT 1 FROM users WHERE person_id = ${input.personId} AND id IS DISTINCT FROM ${selfId ?? null}::uuid) AS taken`);
    if (!r.rows[0]?.found) throw badInput("user.person_not_found", {}, [{ path: "personId", code: "not_found", message: "" }]);
    if (r.rows[0]?.taken) {
      throw new AppError("DUPLICATE", 409, "user.person_taken", [{ path: "personId", code: "duplicate", message: "" }]);
    }
  }
  if (input.organisationId) {
    const r = await tx.execute<{ found: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM organisations WHERE id = ${input.organisationId}) AS found`);
    if (!r.rows[0]?.found) {
      throw badInput("user.organisation_not_found", {}, [{ path: "organisationId", code: "not_found", message: "" }]);
    }
  }
}

/** Ends the target's sessions; when an admin acts on their own account, their current session stays. */
async function endSessionsOf(tx: Executor, ctx: Ctx, userId: string) {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, ctx.actor!.sessionId)));
}

const sameRoles = (a: string[], b: string[]) => a.length === b.length && a.every((r) => b.includes(r));

// ─── Commands ──────────────────────────────────────────────────────────────

export async function createUser(ctx: Ctx, input: CreateInput): Promise<User> {
  checkPassword(input.password, "password");
  const passwordHash = await hashPassword(input.password); // outside the transaction: hashing is slow on purpose
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    await assertUniqueUsername(tx, input.username);
    await validateLinks(tx, input);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        passwordHash,
        roles: input.roles,
        personId: input.personId,
        organisationId: input.organisationId,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await audit(tx, ctx, { action: "user.create", entityType: "user", entityId: row.id, after: snapshot(row) });
    return row.id;
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateInput): Promise<User> {
  const actor = ctx.actor!;
  await ctx.db.transaction(async (tx) => {
    const before = await loadUser(tx, id);
    if (!before) throw notFound();
    authorize(actor, userPolicy, "update", ref(before.u, ctx.clock.now()));
    // Keeps at least one administrator: the one acting cannot demote themself.
    if (id === actor.userId && !input.roles.includes("admin")) {
      throw new AppError("OWN_ADMIN_ROLE", 403, "user.cannot_remove_own_admin");
    }
    await validateLinks(tx, input, id);
    const [after] = await tx
      .update(users)
      .set({
        displayName: input.displayName,
        email: input.email,
        roles: input.roles,
        personId: input.personId,
        organisationId: input.organisationId,
        updatedAt: ctx.clock.now(),
        version: sql`${users.version} + 1`,
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!after) throw staleVersion(present(ctx, (await loadUser(tx, id)) ?? before));
    await audit(tx, ctx, { action: "user.update", entityType: "user", entityId: id, before: snapshot(before.u), after: snapshot(after) });
    if (!sameRoles(before.u.roles, after.roles)) {
      await audit(tx, ctx, {
        action: "user.roles_change",
        entityType: "user",
        entityId: id,
        before: { roles: knownRoles(before.u.roles) },
        after: { roles: knownRoles(after.roles) },
      });
      // The next sign-in applies the new roles' rules (a second factor for privileged roles).
      await endSessionsOf(tx, ctx, id);
    }
  });
  return getUser(ctx, id);
}

/** The kit's view of an account: loaded FOR UPDATE, its policy reference, the record as the API shows it. */
const commandOf = (ctx: Ctx) => ({
  load: (tx: Executor, id: string, forUpdate: boolean) => loadUser(tx, id, forUpdate),
  refOf: (l: Loaded) => ref(l.u, ctx.clock.now()),
  present: (l: Loaded) => present(ctx, l),
});

export async function disableUser(ctx: Ctx, id: string, input: z.output<typeof userDisable>): Promise<User> {
  if (id === ctx.actor!.userId) throw new AppError("SELF_DISABLE", 403, "user.cannot_disable_self");
  await runCommand(ctx, userLifecycle, {
    ...commandOf(ctx),
    id,
    command: "disable",
    version: input.version,
    set: () => ({ disabledReason: input.reason, updatedAt: ctx.clock.now() }),
    details: { reason: input.reason },
    effect: async (tx) => {
      await endAllSessions(tx, id);
    },
  });
  return getUser(ctx, id);
}

export async function enableUser(ctx: Ctx, id: string, input: z.output<typeof userEnable>): Promise<User> {
  await runCommand(ctx, userLifecycle, {
    ...commandOf(ctx),
    id,
    command: "enable",
    version: input.version,
    set: () => ({ disabledReason: null, reactivatedAt: ctx.clock.now(), updatedAt: ctx.clock.now() }),
    effect: async (_tx, before) => ({ before: { disabledReason: before.u.disabledReason } }),
  });
  return getUser(ctx, id);
}

export async function unlockUser(ctx: Ctx, id: string): Promise<User> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadUser(tx, id);
    if (!before) throw notFound();
    const r = ref(before.u, ctx.clock.now());
    authorize(ctx.actor, userPolicy, "read", r);
    if (!r.locked) throw guardFailed("user.not_locked");
    authorize(ctx.actor, userPolicy, "unlock", r);
    const now = ctx.clock.now();
    const updated = await tx
      .update(users)
      .set({ lockedUntil: null, failedLogins: 0, updatedAt: now, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, id), sql`${users.lockedUntil} > ${now}`))
      .returning({ id: users.id });
    if (!updated.length) throw guardFailed("user.not_locked"); // unlocked meanwhile
    await audit(tx, ctx, {
      action: "user.unlock",
      entityType: "user",
      entityId: id,
      before: { lockedUntil: iso(before.u.lockedUntil), failedLogins: before.u.failedLogins },
      after: { lockedUntil: null, failedLogins: 0 },
    });
  });
  return getUser(ctx, id);
}

export async function resetPassword(ctx: Ctx, id: string, input: z.output<typeof userPasswordReset>): Promise<User> {
  checkPassword(input.newPassword, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const before = await loadUser(tx, id);
    if (!before) throw notFound();
    authorize(ctx.actor, userPolicy, "resetPassword", ref(before.u, ctx.clock.now()));
    const now = ctx.clock.now();
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, id));
    await endSessionsOf(tx, ctx, id);
    await audit(tx, ctx, { action: "user.password_reset", entityType: "user", entityId: id });
  });
  return getUser(ctx, id);
}

export async function resetTotp(ctx: Ctx, id: string): Promise<User> {
  await ctx.db.transaction(async (tx) => {
    const before = await loadUser(tx, id);
    if (!before) throw notFound();
    const r = ref(before.u, ctx.clock.now());
    authorize(ctx.actor, userPolicy, "read", r);
    if (!r.hasTotp) throw guardFailed("user.no_totp");
    authorize(ctx.actor, userPolicy, "resetTotp", r);
    const updated = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabled: false, totpLastStep: null, updatedAt: ctx.clock.now(), version: sql`${users.version} + 1` })
      .where(and(eq(users.id, id), sql`(${users.totpEnabled} OR ${users.totpSecret} IS NOT NULL)`))
      .returning({ id: users.id });
    if (!updated.length) throw guardFailed("user.no_totp"); // reset meanwhile
    // Whoever held the old factor is signed out; the next sign-in enrols a new one where the role requires it.
    await endSessionsOf(tx, ctx, id);
    await audit(tx, ctx, {
      action: "user.totp_reset",
      entityType: "user",
      entityId: id,
      before: { totpEnabled: before.u.totpEnabled },
      after: { totpEnabled: false },
    });
  });
  return getUser(ctx, id);
}
