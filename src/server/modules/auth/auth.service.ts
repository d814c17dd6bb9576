// Sign-in, second factor, sign-out, password change (SECURITY.md 1–5).
import { and, eq, sql } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { AppError, badInput } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { hashPassword, passwordProblem, verifyPassword, burnVerify } from "../../platform/auth/password.js";
import { createSession, endSession } from "../../platform/auth/sessions.js";
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

export async function login(
  ctx: Ctx,
  input: { username: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const now = ctx.clock.now();
  const username = input.username.trim();
  // Throttle per IP and per account name before any password work (429 + Retry-After).
  await hit(ctx.db, `login:ip:${ctx.ip ?? "?"}`, ctx.config.login.ratePerIpPerMinute, 60, now);
  await hit(ctx.db, `login:user:${username.toLowerCase()}`, 10, 60, now);

  const [user] = await ctx.db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`).limit(1);
  if (!user) {
    await burnVerify(input.password);
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, { action: "auth.login", outcome: "failure", actorUsername: username, details: { reason: "unknown_user" } }),
    );
    throw new AppError("INVALID_CREDENTIALS", 401, "auth.invalid_credentials");
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, {
        action: "auth.login",
        outcome: "denied",
        actorId: user.id,
        actorUsername: user.username,
        entityType: "user",
        entityId: user.id,
        details: { reason: "locked" },
      }),
    );
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError("ACCOUNT_LOCKED", 423, "auth.locked", { lockedUntil: user.lockedUntil.toISOString() }, { minutes });
  }

  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    await ctx.db.transaction(async (tx) => {
      const [u] = await tx
        .update(users)
        .set({ failedLogins: sql`${users.failedLogins} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedLogins: users.failedLogins });
      const base = { actorId: user.id, actorUsername: user.username, entityType: "user", entityId: user.id };
      await audit(tx, ctx, { ...base, action: "auth.login", outcome: "failure", details: { reason: "bad_password" } });
      if (u.failedLogins >= ctx.config.login.maxFailures) {
        const until = new Date(now.getTime() + ctx.config.login.lockoutMinutes * 60_000);
        await tx.update(users).set({ lockedUntil: until, failedLogins: 0 }).where(eq(users.id, user.id));
        await audit(tx, ctx, { ...base, action: "auth.lockout", details: { until: until.toISOString() } });
      }
    });
    throw new AppError("INVALID_CREDENTIALS", 401, "auth.invalid_credentials");
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

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const actor = ctx.actor!;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badInput("password.wrong_current", {}, [{ path: "currentPassword", code: "wrong", message: "" }]);
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw badInput(problem, {}, [{ path: "newPassword", code: problem, message: "" }]);
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hash, passwordChangedAt: ctx.clock.now(), version: sql`${users.version} + 1` })
      .where(eq(users.id, user.id));
    // Every other session of this user ends; the current one stays.
    await tx.execute(sql`DELETE FROM sessions WHERE user_id = ${user.id} AND id <> ${actor.sessionId}`);
    await audit(tx, ctx, { action: "auth.password_change", entityType: "user", entityId: user.id });
  });
}
