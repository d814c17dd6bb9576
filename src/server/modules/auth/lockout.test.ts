// Lockout under concurrency, the throttle on changing one's password, one answer for wrong / unknown / locked
// accounts, signing out everywhere and the person's name in GET /auth/me (SECURITY.md 2, 4; ARCHITECTURE.md,
// security model) — through the real app and database, with parallel requests where the rule is about races.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, sessions, users } from "../../db/schema/index.js";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildPerson, buildUser, TEST_PASSWORD } from "../../testing/factories.js";

const API = "/api/v1";
let ipSeq = 0;
const ip = () => `10.88.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const newUser = (username: string, extra: Omit<Partial<typeof users.$inferInsert>, "roles"> = {}) =>
  buildUser(t.database.db, { username, roles: ["officer"], createdAt: t.clock.now(), ...extra });

/** Audit rows of one user and action (optionally one outcome, one details.reason). */
async function audits(userId: string, action: string, reason?: string) {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, userId), eq(auditLog.action, action)));
  return reason ? rows.filter((r) => (r.details as { reason?: string } | null)?.reason === reason) : rows;
}

const login = (username: string, password: string, client = new Client(t, ip())) => client.post(`${API}/auth/login`, { username, password });

/** The minute's per-account sign-in allowance (10) starts again. */
const nextMinute = () => t.clock.advance(61_000);

describe("lockout under concurrency (SECURITY.md 2)", () => {
  it("10 parallel wrong passwords: exactly LOGIN_MAX_FAILURES are checked, one audited lock, the same answer to all", async () => {
    nextMinute();
    const u = await newUser("race_target");
    const max = t.config.login.maxFailures;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login("race_target", `wrong guess ${i}`)));

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(401));
    expect(new Set(answers.map((a) => JSON.stringify(a.body)))).toHaveProperty("size", 1);
    // Each checked password leaves one "bad_password" row; the others were refused before any check.
    expect(await audits(u.id, "auth.login", "bad_password")).toHaveLength(max);
    expect(await audits(u.id, "auth.login", "locked")).toHaveLength(10 - max);
    const locks = await audits(u.id, "auth.lockout");
    expect(locks).toHaveLength(1);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row.lockedUntil!.getTime()).toBe(t.clock.now().getTime() + t.config.login.lockoutMinutes * 60_000);
    expect(row.failedLogins).toBe(0);

    // Locked: even the right password is refused, unchecked, with the same answer; a racing wave does not reset it.
    nextMinute();
    const wave = await Promise.all([login("race_target", TEST_PASSWORD), ...Array.from({ length: 9 }, () => login("race_target", "again wrong"))]);
    expect(wave.map((a) => a.status)).toEqual(Array(10).fill(401));
    expect(await audits(u.id, "auth.login", "bad_password")).toHaveLength(max);
    expect(await audits(u.id, "auth.lockout")).toHaveLength(1);
    const [still] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(still.lockedUntil).toEqual(row.lockedUntil);

    t.clock.advance(t.config.login.lockoutMinutes * 60_000);
    expect((await login("race_target", TEST_PASSWORD)).status).toBe(200);
  });

  it("20 parallel attempts over the per-account allowance: 429 for the excess, still at most LOGIN_MAX_FAILURES checked", async () => {
    nextMinute();
    const u = await newUser("race_twenty");
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login("race_twenty", `wrong ${i}`)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect((await audits(u.id, "auth.login", "bad_password")).length).toBe(t.config.login.maxFailures);
    expect(await audits(u.id, "auth.lockout")).toHaveLength(1);
  });

  it("a right password between wrong ones clears the count; wrong ones never clear it", async () => {
    nextMinute();
    const u = await newUser("count_keeper");
    const max = t.config.login.maxFailures;
    for (let i = 0; i < max - 1; i++) expect((await login("count_keeper", "wrong")).status).toBe(401);
    expect((await login("count_keeper", TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < max - 1; i++) expect((await login("count_keeper", "wrong")).status).toBe(401);
    expect(await audits(u.id, "auth.lockout")).toHaveLength(0);
    expect((await login("count_keeper", "wrong")).status).toBe(401);
    expect(await audits(u.id, "auth.lockout")).toHaveLength(1);
  });
});

describe("one answer for a wrong password, an unknown account and a locked one", () => {
  it("same status, code and message in both languages; the message says how locking works", async () => {
    nextMinute();
    await newUser("same_answer");
    const locked = await newUser("same_answer_locked", { lockedUntil: new Date(t.clock.now().getTime() + 10 * 60_000) });
    const disabled = await newUser("same_answer_disabled", { status: "disabled" });
    for (const lang of ["vi", "en"] as const) {
      const ask = (username: string, password: string) => {
        const c = new Client(t, ip());
        c.lang = lang;
        return login(username, password, c);
      };
      const answers = [
        await ask("same_answer", "wrong password"),
        await ask("no_such_account_here", "wrong password"),
        await ask("same_answer_locked", TEST_PASSWORD),
        await ask("same_answer_locked", "wrong password"),
        await ask("same_answer_disabled", "wrong password"),
      ];
      for (const a of answers) {
        expect(a.status).toBe(401);
        expect(a.body).toEqual(answers[0].body);
        expect(a.headers["retry-after"]).toBeUndefined();
      }
      expect(answers[0].body.error.code).toBe("INVALID_CREDENTIALS");
      expect(answers[0].body.error.message).toBe(
        lang === "vi"
          ? "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần nhập sai, tài khoản tạm khoá 15 phút; cần hỗ trợ, hãy liên hệ quản trị."
          : "Wrong username or password. After 5 wrong attempts an account is locked for 15 minutes; for help, contact an administrator.",
      );
    }
    // The lock is recorded for administrators, never told to the caller.
    expect((await audits(locked.id, "auth.login", "locked")).length).toBe(4);
    // A disabled account is named only to the holder of its password.
    const right = await login("same_answer_disabled", TEST_PASSWORD);
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe("ACCOUNT_DISABLED");
    expect(await audits(disabled.id, "auth.login", "bad_password")).toHaveLength(2);
  });
});

describe("changing one's password is throttled like sign-in", () => {
  it("wrong current passwords count; at LOGIN_MAX_FAILURES the account locks, every session ends, 423 + Retry-After", async () => {
    nextMinute();
    const u = await newUser("pw_guesser");
    const max = t.config.login.maxFailures;
    const a = new Client(t, ip());
    const b = new Client(t, ip());
    await a.login("pw_guesser", TEST_PASSWORD);
    await b.login("pw_guesser", TEST_PASSWORD);
    const change = (currentPassword: string) => a.post(`${API}/auth/password`, { currentPassword, newPassword: "một mật khẩu mới đủ dài" });

    for (let i = 0; i < max - 1; i++) {
      const r = await change(`guess ${i}`);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toBe("Mật khẩu hiện tại không đúng");
    }
    const last = await change("last guess");
    expect(last.status).toBe(423);
    expect(last.body.error.code).toBe("ACCOUNT_LOCKED");
    expect(last.body.error.message).toContain("15 phút");
    expect(Number(last.headers["retry-after"])).toBe(t.config.login.lockoutMinutes * 60);

    expect(await audits(u.id, "auth.password_change", "wrong_current")).toHaveLength(max);
    expect(await audits(u.id, "auth.lockout")).toHaveLength(1);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    expect((await a.get(`${API}/auth/me`)).status).toBe(401);
    expect((await b.get(`${API}/auth/me`)).status).toBe(401);
    // The lock holds for sign-in too, and lifts after the configured time.
    expect((await login("pw_guesser", TEST_PASSWORD)).status).toBe(401);
    t.clock.advance(t.config.login.lockoutMinutes * 60_000);
    expect((await login("pw_guesser", TEST_PASSWORD)).status).toBe(200);
  });

  it("10 parallel wrong current passwords: at most LOGIN_MAX_FAILURES are checked", async () => {
    nextMinute();
    const u = await newUser("pw_racer");
    const c = new Client(t, ip());
    await c.login("pw_racer", TEST_PASSWORD);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => c.post(`${API}/auth/password`, { currentPassword: `guess ${i}`, newPassword: "một mật khẩu mới đủ dài" })),
    );
    for (const r of answers) expect([400, 401, 423]).toContain(r.status);
    expect((await audits(u.id, "auth.password_change", "wrong_current")).length).toBeLessThanOrEqual(t.config.login.maxFailures);
    expect(await audits(u.id, "auth.lockout")).toHaveLength(1);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(t.clock.now().getTime());
  });

  it("the right current password changes it and clears the count", async () => {
    nextMinute();
    const u = await newUser("pw_fine");
    const c = new Client(t, ip());
    await c.login("pw_fine", TEST_PASSWORD);
    expect((await c.post(`${API}/auth/password`, { currentPassword: "not it", newPassword: "một mật khẩu mới đủ dài" })).status).toBe(400);
    expect((await c.post(`${API}/auth/password`, { currentPassword: TEST_PASSWORD, newPassword: "một mật khẩu mới đủ dài" })).status).toBe(204);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row.failedLogins).toBe(0);
  });
});

describe("sign out everywhere (SECURITY.md 4)", () => {
  it("ends every session of the user, audited with their number; other users stay signed in; needs a session", async () => {
    nextMinute();
    const u = await newUser("everywhere_user");
    await newUser("everywhere_other");
    const devices = [new Client(t, ip()), new Client(t, ip()), new Client(t, ip())];
    for (const d of devices) await d.login("everywhere_user", TEST_PASSWORD);
    const other = new Client(t, ip());
    await other.login("everywhere_other", TEST_PASSWORD);

    const cookies = devices.map((d) => d.cookie!);
    const r = await devices[0].post(`${API}/auth/logout-all`);
    expect(r.status).toBe(204);
    expect(r.raw.cookies.find((k) => k.name === "khcn_sid")?.value).toBe("");
    for (const cookie of cookies) {
      const replay = new Client(t, ip());
      replay.cookie = cookie;
      expect((await replay.get(`${API}/auth/me`)).status).toBe(401);
    }
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    expect((await other.get(`${API}/auth/me`)).status).toBe(200);
    const [row] = await audits(u.id, "auth.logout_all");
    expect(row).toMatchObject({ actorId: u.id, outcome: "success", details: { sessions: 3 } });

    expect((await new Client(t, ip()).post(`${API}/auth/logout-all`)).status).toBe(401);
  });
});

describe("GET /auth/me names the person", () => {
  it("gives the linked person's full name, or null without a person record; sign-in answers the same", async () => {
    nextMinute();
    const person = await buildPerson(t.database.db, { fullName: "Trần Thị Bích Ngọc" });
    await newUser("named_user", { personId: person.id, displayName: "ngoc.tt" });
    await newUser("unnamed_user");
    const c = new Client(t, ip());
    const signIn = await c.login("named_user", TEST_PASSWORD);
    expect(signIn.body).toMatchObject({ fullName: "Trần Thị Bích Ngọc", displayName: "ngoc.tt", personId: person.id });
    expect((await c.get(`${API}/auth/me`)).body.fullName).toBe("Trần Thị Bích Ngọc");
    await t.database.db.execute(sql`UPDATE people SET full_name = 'Trần Thị Ngọc' WHERE id = ${person.id}`);
    expect((await c.get(`${API}/auth/me`)).body.fullName).toBe("Trần Thị Ngọc");
    const other = new Client(t, ip());
    await other.login("unnamed_user", TEST_PASSWORD);
    expect((await other.get(`${API}/auth/me`)).body.fullName).toBeNull();
  });
});
