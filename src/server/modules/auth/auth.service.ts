// Sign-in, second factor, sign-out, password change (SECURITY.md 1–5).
import { and, eq, gte, isNull, lt, lte, or, sql } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { hashPassword, passwordProblem, verifyPassword, burnVerify } from "../../platform/auth/password.js";
import { createSession, endAllSessions, endSession } from "../../platform/auth/sessions.js";
import { hit } from "../../platform/auth/rate-limit.js";
import { matchTotp, newTotpSecret, totpUri } from "../../platform/auth/totp.js";
import { PRIVILEGED_ROLES, type Role } from "../../../common/roles.js";

type UserRow = typeof users.$inferSelect;

export const needsTotp = (ctx: Ctx, roles: Role[]) => ctx.config.requireTotp && roles.some((r) => PRIVILEGED_ROLES.includes(r));

/** The start of the inactivity clock: last sign-in, or re-enabling by an administrator, or creation. */
export function lastActivity(u: Pick<UserRow, "lastLoginAt" | "reactivatedAt" | "createdAt">): Date {
  const times = [u.lastLoginAt, u.reactivatedAt, u.createdAt].filter((d): d is Date => !!d);
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

export interface LoginResult {
  token: string;
  user: UserRow;
  mfa: "none" | "verify" | "setup";
}

const invalidCredentials = (ctx: Ctx) =>
  new AppError("INVALID_CREDENTIALS", 401, "auth.invalid_credentials", null, {
    max: ctx.config.login.maxFailures,
    minutes: ctx.config.login.lockoutMinutes,
  });

const notLocked = (now: Date) => or(isNull(users.lockedUntil), lte(users.lockedUntil, now));

/**
 * Counts one attempt against the account BEFORE its password is checked, in one UPDATE: refused (false) while the
 * account is locked or while the attempts already counted — failed ones and ones still being checked — reach the
 * limit. However many requests arrive at once, at most LOGIN_MAX_FAILURES passwords are checked before the lock.
 */
async function countAttempt(ctx: Ctx, userId: string, now: Date): Promise<boolean> {
  const r = await ctx.db
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1` })
    .where(and(eq(users.id, userId), notLocked(now), lt(users.failedLogins, ctx.config.login.maxFailures)))
    .returning({ id: users.id });
  return r.length > 0;
}

/** The right password: its attempt is not a failure. Refused (false) when racing wrong attempts locked the account. */
async function forgiveAttempts(ctx: Ctx, userId: string, now: Date): Promise<boolean> {
  const r = await ctx.db
    .update(users)
    .set({ failedLogins: 0 })
    .where(and(eq(users.id, userId), notLocked(now)))
    .returning({ id: users.id });
  return r.length > 0;
}

type AuditedUser = { id: string; username: string };

/**
 * Takes the account's row before the audit chain's lock (platform/audit.ts: rows first, then the audit), so that a
 * failed attempt that audits and then may lock the account never waits in a circle with a parallel one.
 */
async function lockAccountRow(tx: Executor, userId: string) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
}

/**
 * Locks the account when its counted attempts reached the limit and it is not locked yet, and audits the lock
 * (auth.lockout). The counter starts again from 0 for the time after the lock. Returns the end of a lock taken here.
 */
async function lockWhenExhausted(tx: Executor, ctx: Ctx, user: AuditedUser, now: Date): Promise<Date | null> {
  const until = new Date(now.getTime() + ctx.config.login.lockoutMinutes * 60_000);
  const locked = await tx
    .update(users)
    .set({ lockedUntil: until, failedLogins: 0 })
    .where(and(eq(users.id, user.id), gte(users.failedLogins, ctx.config.login.maxFailures), notLocked(now)))
    .returning({ id: users.id });
  if (!locked.length) return null;
  await audit(tx, ctx, {
    action: "auth.lockout",
    actorId: user.id,
    actorUsername: user.username,
    entityType: "user",
    entityId: user.id,
    details: { until: until.toISOString() },
  });
  return until;
}

/**
 * Sign-in. A wrong password, an unknown account name and a locked account get the same answer (401
 * INVALID_CREDENTIALS, one message that also says when accounts lock) after the same work (one argon2
 * verification: against a dummy hash when there is no account or it is locked), so the answer does not tell whether
 * an account exists or is locked. Only the holder of the right password learns that their account is disabled.
 */
export async function login(ctx: Ctx, input: { username: string; password: string; userAgent: string | null }): Promise<LoginResult> {
  const now = ctx.clock.now();
  const username = input.username.trim();
  // Throttle per IP and per account name before any password work (429 + Retry-After).
  await hit(ctx.db, `login:ip:${ctx.ip ?? "?"}`, ctx.config.login.ratePerIpPerMinute, 60, now);
  await hit(ctx.db, `login:user:${username.toLowerCase()}`, 10, 60, now);

  const [user] = await ctx.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .limit(1);
  if (!user) {
    await burnVerify(input.password);
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, { action: "auth.login", outcome: "failure", actorUsername: username, details: { reason: "unknown_user" } }),
    );
    throw invalidCredentials(ctx);
  }
  const base = { actorId: user.id, actorUsername: user.username, entityType: "user", entityId: user.id };

  if (!(await countAttempt(ctx, user.id, now))) {
    // Locked, or the attempts under way fill the allowance (then the lock is taken now). The password is not checked.
    await burnVerify(input.password);
    await ctx.db.transaction(async (tx) => {
      await lockAccountRow(tx, user.id);
      await audit(tx, ctx, { ...base, action: "auth.login", outcome: "denied", details: { reason: "locked" } });
      await lockWhenExhausted(tx, ctx, user, now);
    });
    throw invalidCredentials(ctx);
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await ctx.db.transaction(async (tx) => {
      await lockAccountRow(tx, user.id);
      await audit(tx, ctx, { ...base, action: "auth.login", outcome: "failure", details: { reason: "bad_password" } });
      await lockWhenExhausted(tx, ctx, user, now);
    });
    throw invalidCredentials(ctx);
  }
  if (!(await forgiveAttempts(ctx, user.id, now))) {
    await ctx.db.transaction((tx) => audit(tx, ctx, { ...base, action: "auth.login", outcome: "denied", details: { reason: "locked" } }));
    throw invalidCredentials(ctx);
  }

  // Accounts unused for the configured number of days are disabled (SECURITY.md 5).
  const lastUse = lastActivity(user);
  const inactiveMs = ctx.config.login.inactiveDisableDays * 86400_000;
  if (!ctx.config.demoMode && user.status === "active" && now.getTime() - lastUse.getTime() > inactiveMs) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ status: "disabled", disabledReason: "inactive", version: sql`${users.version} + 1` })
        .where(eq(users.id, user.id));
      await audit(tx, ctx, {
        action: "user.disable",
        actorId: user.id,
        actorUsername: user.username,
        entityType: "user",
        entityId: user.id,
        details: { reason: "inactive", lastUse: lastUse.toISOString() },
      });
    });
    throw new AppError("ACCOUNT_DISABLED", 403, "auth.disabled");
  }
  if (user.status !== "active") {
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, { action: "auth.login", outcome: "denied", actorId: user.id, actorUsername: user.username, details: { reason: "disabled" } }),
    );
    throw new AppError("ACCOUNT_DISABLED", 403, "auth.disabled");
  }

  const roles = user.roles as Role[];
  const mfa: LoginResult["mfa"] = user.totpEnabled ? "verify" : needsTotp(ctx, roles) ? "setup" : "none";
  return ctx.db.transaction(async (tx) => {
    // A session the browser already had ends: signing in always starts a fresh one (no session fixation).
    if (ctx.actor) await endSession(tx, ctx.actor.sessionId);
    const session = await createSession(tx, ctx.config, {
      userId: user.id,
      mfaPending: mfa !== "none",
      ip: ctx.ip,
      userAgent: input.userAgent,
      now,
    });
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, ...(mfa === "none" ? { lastLoginAt: now } : {}) })
      .where(eq(users.id, user.id));
    await audit(tx, ctx, {
      action: "auth.login",
      actorId: user.id,
      actorUsername: user.username,
      entityType: "user",
      entityId: user.id,
      details: { mfa },
    });
    return { token: session.token, user, mfa };
  });
}

/** Second step: a TOTP code for a session whose password step passed. Ends the pending session, opens a full one. */
export async function verifySecondFactor(ctx: Ctx, code: string, userAgent: string | null): Promise<{ token: string }> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  await hit(ctx.db, `totp:user:${actor.userId}`, 10, 60, now);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user.totpSecret) throw new AppError("TOTP_NOT_SET_UP", 409, "auth.totp_setup_required");
  const step = matchTotp(user.totpSecret, code, now);
  const refuse = async () => {
    // Audited in a transaction of its own: the refusal must be recorded even though nothing else changes.
    await ctx.db.transaction((tx) => audit(tx, ctx, { action: "auth.totp", outcome: "failure", entityType: "user", entityId: user.id }));
    return new AppError("TOTP_INVALID", 401, "auth.totp_invalid");
  };
  if (step === null) throw await refuse();
  const result = await ctx.db.transaction(async (tx) => {
    // Replay protection: a step at or before the last used one is refused, atomically.
    const updated = await tx
      .update(users)
      .set({ totpLastStep: step, totpEnabled: true, lastLoginAt: now })
      .where(and(eq(users.id, user.id), sql`(${users.totpLastStep} IS NULL OR ${users.totpLastStep} < ${step})`))
      .returning({ id: users.id });
    if (!updated.length) return null;
    await endSession(tx, actor.sessionId);
    const session = await createSession(tx, ctx.config, { userId: user.id, mfaPending: false, ip: ctx.ip, userAgent, now });
    await audit(tx, ctx, { action: "auth.totp", entityType: "user", entityId: user.id, details: { enabled: !user.totpEnabled } });
    return { token: session.token };
  });
  if (!result) throw await refuse();
  return result;
}

/** Starts (or restarts, while not yet confirmed) TOTP enrolment: returns the secret and an otpauth:// URI. */
export async function beginTotpSetup(ctx: Ctx, mfaPending: boolean): Promise<{ secret: string; uri: string }> {
  const actor = ctx.actor!;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  // An enrolled factor is never replaced from a session: a half-signed-in session must give the code, and a
  // user who lost their device asks an administrator to reset it (POST /users/:id/reset-totp).
  if (user.totpEnabled) {
    if (mfaPending) throw new AppError("TOTP_REQUIRED", 401, "auth.totp_required");
    throw new AppError("TOTP_ALREADY_ENROLLED", 409, "auth.totp_already_enrolled");
  }
  const secret = newTotpSecret();
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: secret, totpEnabled: false, totpLastStep: null }).where(eq(users.id, user.id));
    await audit(tx, ctx, { action: "auth.totp_setup", entityType: "user", entityId: user.id });
  });
  return { secret, uri: totpUri(secret, user.username) };
}

export async function logout(ctx: Ctx) {
  if (!ctx.actor) return;
  await ctx.db.transaction(async (tx) => {
    await endSession(tx, ctx.actor!.sessionId);
    await audit(tx, ctx, { action: "auth.logout", entityType: "user", entityId: ctx.actor!.userId });
  });
}

/**
 * Signs the user out of every browser and device: all their sessions end (the current one too). Audited with the
 * number of sessions ended.
 */
export async function logoutEverywhere(ctx: Ctx) {
  const actor = ctx.actor!;
  await ctx.db.transaction(async (tx) => {
    const ended = await endAllSessions(tx, actor.userId);
    await audit(tx, ctx, { action: "auth.logout_all", entityType: "user", entityId: actor.userId, details: { sessions: ended } });
  });
}

/**
 * Changes the signed-in user's own password. Wrong current passwords count with failed sign-ins (the same counter,
 * counted before the check): at LOGIN_MAX_FAILURES the account locks as after failed sign-ins, and every session of
 * the user ends, since a session whose holder does not know the password may be a stolen one. While the account is
 * locked the answer is 423 with Retry-After.
 */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const problem = passwordProblem(input.newPassword);
  if (problem) throw badInput(problem, {}, [{ path: "newPassword", code: problem, message: "" }]);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  const refuse = async (reason: string, lock: boolean) =>
    ctx.db.transaction(async (tx) => {
      await audit(tx, ctx, {
        action: "auth.password_change",
        outcome: lock ? "denied" : "failure",
        entityType: "user",
        entityId: user.id,
        details: { reason },
      });
      const until = await lockWhenExhausted(tx, ctx, user, now);
      if (until) await endAllSessions(tx, user.id);
      return until;
    });

  if (!(await countAttempt(ctx, user.id, now))) {
    await refuse("locked", true);
    throw await accountLocked(ctx, user.id, now);
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    if (await refuse("wrong_current", false)) throw await accountLocked(ctx, user.id, now);
    throw badInput("password.wrong_current", {}, [{ path: "currentPassword", code: "wrong", message: "" }]);
  }
  if (!(await forgiveAttempts(ctx, user.id, now))) throw await accountLocked(ctx, user.id, now);
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hash, passwordChangedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    // Every other session of this user ends; the current one stays.
    await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${user.id} AND id <> ${actor.sessionId}`);
    await audit(tx, ctx, { action: "auth.password_change", entityType: "user", entityId: user.id });
  });
}

/** 423 for a signed-in user whose account is locked: how long, in minutes and as Retry-After. */
async function accountLocked(ctx: Ctx, userId: string, now: Date): Promise<AppError> {
  const [u] = await ctx.db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, userId));
  const until = u?.lockedUntil && u.lockedUntil > now ? u.lockedUntil : new Date(now.getTime() + ctx.config.login.lockoutMinutes * 60_000);
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    "ACCOUNT_LOCKED",
    423,
    "auth.locked",
    { lockedUntil: until.toISOString() },
    { minutes: Math.ceil(seconds / 60) },
    { "retry-after": String(seconds) },
  );
}
