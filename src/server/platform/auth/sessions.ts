// Server-side sessions in the database (SECURITY.md 4): any app server can serve any request.
// The cookie holds a 256-bit random token; the table holds only its SHA-256.
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { sessions, users } from "../../db/schema/index.js";
import type { Config } from "../../config.js";
import type { Actor, Executor } from "../context.js";
import type { Role } from "../../../common/roles.js";
import { prepared } from "../../db/prepared.js";

export const sessionCookieName = (config: Config) => (config.secureCookies ? "__Host-khcn_sid" : "khcn_sid");

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export function cookieOptions(config: Config) {
  return {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: config.secureCookies,
  };
}

export async function createSession(
  tx: Executor,
  config: Config,
  input: { userId: string; mfaPending: boolean; ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; id: string }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const id = hashToken(token);
  await tx.insert(sessions).values({
    id,
    userId: input.userId,
    mfaPending: input.mfaPending,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + config.session.absoluteHours * 3600_000),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, id };
}

export interface LoadedSession {
  actor: Actor;
  mfaPending: boolean;
}

// The session lookup runs on every API request: prepared once (db/prepared.ts), and it reads only the columns the
// timeouts and the actor need (not the password hash, the TOTP secret…).
const sessionLookup = (db: Executor, name: string) =>
  db
    .select({
      userId: users.id,
      username: users.username,
      roles: users.roles,
      personId: users.personId,
      organisationId: users.organisationId,
      status: users.status,
      mfaPending: sessions.mfaPending,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .limit(1)
    .prepare(name);
const sessionTouch = (db: Executor, name: string) =>
  db
    .update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder("now")}::timestamptz` })
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(name);

/** How often the sliding idle window is written: a session's last_seen_at may lag the last request by this much. */
export const SESSION_TOUCH_MS = 20_000;

/** Resolves a cookie token to the signed-in actor, applying the idle and absolute timeouts. */
export async function loadSession(db: Executor, config: Config, token: string, now: Date): Promise<LoadedSession | null> {
  const id = hashToken(token);
  const rows = await prepared(db, "session_lookup", sessionLookup).execute({ id });
  const row = rows[0];
  if (!row) return null;
  const roles = row.roles as Role[];
  const idleMs = (roles.includes("admin") ? config.session.idleMinutesAdmin : config.session.idleMinutes) * 60_000;
  const expired = row.status !== "active" || row.expiresAt <= now || now.getTime() - row.lastSeenAt.getTime() > idleMs;
  if (expired) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // Sliding idle window; written at most every SESSION_TOUCH_MS to keep reads cheap (most requests only read).
  if (now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await prepared(db, "session_touch", sessionTouch).execute({ id, now: now.toISOString() });
  }
  return {
    mfaPending: row.mfaPending,
    actor: {
      userId: row.userId,
      username: row.username,
      roles,
      personId: row.personId,
      organisationId: row.organisationId,
      sessionId: id,
    },
  };
}

export async function endSession(db: Executor, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of the user; returns how many there were. */
export async function endAllSessions(db: Executor, userId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return ended.length;
}

export async function purgeExpiredSessions(db: Executor, now: Date) {
  await db.delete(sessions).where(and(sql`${sessions.expiresAt} <= ${now}`));
}
