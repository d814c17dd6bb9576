// Sign-in and sessions (SECURITY.md 1–5), through the real app and database: password hashing and rules, lockout,
// rate limits, the second factor, cookie flags, session rotation and timeouts, sign-out, disabling, inactivity,
// and the audit rows each of these leaves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { auditLog, sessions, users } from "../../db/schema/index.js";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildUser, TEST_PASSWORD } from "../../testing/factories.js";
import { totpCode } from "../../platform/auth/totp.js";
import { hashToken } from "../../platform/auth/sessions.js";
import { disableInactiveAccounts } from "../../platform/maintenance.js";
import type { Role } from "../../../common/roles.js";

const API = "/api/v1";
let ipSeq = 0;
const ip = () => `10.77.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;

const hasRoute = (t: TestApp, method: string, url: string) => t.app.routeList.some((r) => r.method === method && r.url === `${API}${url}`);

async function newUser(t: TestApp, username: string, roles: Role[] = ["officer"], extra: Omit<Partial<typeof users.$inferInsert>, "roles"> = {}) {
  return buildUser(t.database.db, { username, roles, createdAt: t.clock.now(), ...extra });
}

async function signedIn(t: TestApp, username: string, roles: Role[] = ["officer"]) {
  const u = await newUser(t, username, roles);
  const c = new Client(t, ip());
  await c.login(username, TEST_PASSWORD);
  return { user: u, client: c };
}

const auditRows = (t: TestApp, where: ReturnType<typeof and>) => t.database.db.select().from(auditLog).where(where).orderBy(asc(auditLog.id));

// ─── demo-mode app (second factor not required) ───
let t: TestApp;
let admins = 0;
/** A freshly signed-in administrator (tests move the clock past the 5-minute admin idle timeout). */
const freshAdmin = async () => (await signedIn(t, `auth_admin_${++admins}`, ["admin"])).client;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("session fixation", () => {
  it("signing in again from a browser that has a session ends the old session", async () => {
    const { client } = await signedIn(t, "fixation_user");
    const oldCookie = client.cookie!;
    await client.login("fixation_user", TEST_PASSWORD);
    expect(client.cookie).not.toBe(oldCookie);
    const old = new Client(t, ip());
    old.cookie = oldCookie;
    expect((await old.get(`${API}/auth/me`)).status).toBe(401);
    expect((await client.get(`${API}/auth/me`)).status).toBe(200);
  });
});

describe("passwords (SECURITY.md 1)", () => {
  /** The parameters of a PHC-format hash: $argon2id$v=19$m=…,t=…,p=…$salt$hash (any order). */
  const argonParams = (hash: string) => {
    const m = /^\$argon2id\$v=19\$([^$]+)\$/.exec(hash);
    if (!m) return null;
    const kv = Object.fromEntries(m[1].split(",").map((p) => p.split("=")));
    return { m: Number(kv.m), t: Number(kv.t), p: Number(kv.p) };
  };

  it("stores argon2id hashes with m ≥ 19 MiB and t ≥ 2, also after a change and for accounts created by an admin", async () => {
    const { user, client } = await signedIn(t, "pw_hash");
    expect(argonParams(user.passwordHash)!.m).toBeGreaterThanOrEqual(19456);
    const changed = await client.post(`${API}/auth/password`, { currentPassword: TEST_PASSWORD, newPassword: "một câu mật khẩu dài đủ nhớ" });
    expect(changed.status).toBe(204);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    const p = argonParams(row.passwordHash)!;
    expect(p.m).toBeGreaterThanOrEqual(19456);
    expect(p.t).toBeGreaterThanOrEqual(2);
    expect(row.passwordHash).not.toContain("một câu");

    if (hasRoute(t, "POST", "/users")) {
      const created = await (
        await freshAdmin()
      ).post(`${API}/users`, { username: "pw_created", displayName: "Tạo bởi quản trị", password: "mật khẩu ban đầu rất dài", roles: ["pi"] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const [c] = await t.database.db.select().from(users).where(eq(users.username, "pw_created"));
      expect(argonParams(c.passwordHash)!.m).toBeGreaterThanOrEqual(19456);
      expect(argonParams(c.passwordHash)!.t).toBeGreaterThanOrEqual(2);
    }
  });

  it("refuses short, over-long and common passwords with a message in the caller's language; accepts 64+ characters", async () => {
    const { client } = await signedIn(t, "pw_rules");
    const change = (newPassword: string) => client.post(`${API}/auth/password`, { currentPassword: TEST_PASSWORD, newPassword });

    const short = await change("abc1234");
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe("Mật khẩu phải có ít nhất 8 ký tự");
    for (const common of ["password", "iloveyou", "12345678", "Password123", "qwertyuiop"]) {
      const r = await change(common);
      expect(r.status, common).toBe(400);
      expect(r.body.error.message).toContain("quá phổ biến");
    }
    client.lang = "en";
    const en = await change("password");
    client.lang = "vi";
    expect(en.body.error.message).toBe("This password is too common and easy to guess. Choose another.");
    expect((await change("x".repeat(129))).status).toBe(400);

    const wrongCurrent = await client.post(`${API}/auth/password`, { currentPassword: "not the password", newPassword: "hoàn toàn khác hẳn" });
    expect(wrongCurrent.status).toBe(400);

    // No composition rules: a long, lower-case passphrase of 80 characters is fine.
    const passphrase = "bến cảng hải phòng buổi sớm mai có tiếng còi tàu và mùi biển mặn mòi quen thuộc";
    expect([...passphrase].length).toBeGreaterThanOrEqual(64);
    expect((await change(passphrase)).status).toBe(204);
    const again = new Client(t, ip());
    expect((await again.post(`${API}/auth/login`, { username: "pw_rules", password: passphrase })).status).toBe(200);
  });
});

describe("lockout and rate limits (SECURITY.md 2)", () => {
  it("locks the account after 5 failed sign-ins (answered like a wrong password), audits it, and an admin can unlock", async () => {
    const u = await newUser(t, "lock_me");
    const c = new Client(t, ip());
    for (let i = 0; i < 5; i++) {
      const r = await c.post(`${API}/auth/login`, { username: "lock_me", password: `wrong ${i}` });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("INVALID_CREDENTIALS");
    }
    // Locked: the right password is refused with the answer a wrong one gets, which says how locking works
    // without telling whether this account exists or is locked.
    const locked = await c.post(`${API}/auth/login`, { username: "lock_me", password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe("INVALID_CREDENTIALS");
    expect(locked.body.error.message).toMatch(/tạm khoá 15 phút/);

    const rows = await auditRows(t, eq(auditLog.entityId, u.id));
    expect(rows.filter((r) => r.action === "auth.login" && r.outcome === "failure")).toHaveLength(5);
    const lock = rows.filter((r) => r.action === "auth.lockout");
    expect(lock).toHaveLength(1);
    expect(lock[0]).toMatchObject({ actorUsername: "lock_me", ip: c.ip });
    expect(rows.some((r) => r.action === "auth.login" && r.outcome === "denied")).toBe(true);

    if (hasRoute(t, "POST", "/users/:id/unlock")) {
      const unlocked = await (await freshAdmin()).post(`${API}/users/${u.id}/unlock`, {});
      expect(unlocked.status, JSON.stringify(unlocked.body)).toBe(200);
      const unlockRows = await auditRows(t, and(eq(auditLog.entityId, u.id), sql`${auditLog.action} LIKE '%unlock%'`));
      expect(unlockRows.length).toBeGreaterThanOrEqual(1);
    } else {
      // Without the users module the lock is lifted in the database, as an administrator's tool would.
      await t.database.db.update(users).set({ lockedUntil: null, failedLogins: 0 }).where(eq(users.id, u.id));
    }
    expect((await c.post(`${API}/auth/login`, { username: "lock_me", password: TEST_PASSWORD })).status).toBe(200);
  });

  it("a lock expires after the configured time", async () => {
    await newUser(t, "lock_expires");
    const c = new Client(t, ip());
    for (let i = 0; i < 5; i++) await c.post(`${API}/auth/login`, { username: "lock_expires", password: "wrong" });
    expect((await c.post(`${API}/auth/login`, { username: "lock_expires", password: TEST_PASSWORD })).status).toBe(401);
    t.clock.advance(t.config.login.lockoutMinutes * 60_000 + 1000);
    expect((await c.post(`${API}/auth/login`, { username: "lock_expires", password: TEST_PASSWORD })).status).toBe(200);
  });

  it("rate-limits sign-in per IP address: 429 with Retry-After and a message", async () => {
    const c = new Client(t, ip());
    const limit = t.config.login.ratePerIpPerMinute;
    for (let i = 0; i < limit; i++) {
      expect((await c.post(`${API}/auth/login`, { username: `nobody_${i}`, password: "whatever" })).status).toBe(401);
    }
    const limited = await c.post(`${API}/auth/login`, { username: "nobody_last", password: "whatever" });
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers["retry-after"]);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(limited.body.error.message).toContain(`${retry} giây`);
    // Another address is not affected; the next window lets this one in again.
    expect((await new Client(t, ip()).post(`${API}/auth/login`, { username: "nobody_x", password: "whatever" })).status).toBe(401);
    t.clock.advance(61_000);
    expect((await c.post(`${API}/auth/login`, { username: "nobody_y", password: "whatever" })).status).toBe(401);
  });

  it("rate-limits sign-in per account name, whatever the address", async () => {
    t.clock.advance(61_000);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await new Client(t, ip()).post(`${API}/auth/login`, { username: "Target_Name", password: "guess" })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("sessions (SECURITY.md 4)", () => {
  it("sets an HttpOnly, SameSite=Lax cookie with ≥ 128 random bits; stores only its hash; rotates the id at each sign-in", async () => {
    await newUser(t, "cookie_user");
    const c = new Client(t, ip());
    const first = await c.login("cookie_user", TEST_PASSWORD);
    const cookie = first.raw.cookies.find((k) => k.name === "khcn_sid")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43,}$/); // 32 bytes base64url = 256 bits
    const stored = await t.database.db.select().from(sessions).where(eq(sessions.id, cookie.value));
    expect(stored).toHaveLength(0);
    expect(
      await t.database.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, hashToken(cookie.value))),
    ).toHaveLength(1);

    const second = await c.login("cookie_user", TEST_PASSWORD);
    const rotated = second.raw.cookies.find((k) => k.name === "khcn_sid")!;
    expect(rotated.value).not.toBe(cookie.value);
    expect((await c.get(`${API}/auth/me`)).status).toBe(200);
  });

  it("idle timeout: 15 minutes for users, 5 for administrators; activity keeps a session alive", async () => {
    const { client: officer } = await signedIn(t, "idle_officer");
    const { client: adm } = await signedIn(t, "idle_admin", ["admin"]);
    t.clock.advance(4 * 60_000);
    expect((await officer.get(`${API}/auth/me`)).status).toBe(200);
    expect((await adm.get(`${API}/auth/me`)).status).toBe(200);
    t.clock.advance(4 * 60_000); // 8 min since sign-in, 4 since the last request
    expect((await adm.get(`${API}/auth/me`)).status).toBe(200);
    t.clock.advance(6 * 60_000);
    const admIdle = await adm.get(`${API}/auth/me`);
    expect(admIdle.status).toBe(401);
    expect(admIdle.body.error.code).toBe("UNAUTHENTICATED");
    expect((await officer.get(`${API}/auth/me`)).status).toBe(200); // 10 min idle < 15
    t.clock.advance(16 * 60_000);
    expect((await officer.get(`${API}/auth/me`)).status).toBe(401);
  });

  it("absolute lifetime: a session in constant use ends after the configured hours", async () => {
    const { client } = await signedIn(t, "absolute_user");
    const hours = t.config.session.absoluteHours;
    let elapsed = 0;
    while (elapsed + 10 * 60_000 < hours * 3600_000) {
      t.clock.advance(10 * 60_000);
      elapsed += 10 * 60_000;
      expect((await client.get(`${API}/auth/me`)).status).toBe(200);
    }
    t.clock.advance(hours * 3600_000 - elapsed + 1000);
    expect((await client.get(`${API}/auth/me`)).status).toBe(401);
  });

  it("sign-out ends the session on the server (the old cookie no longer works) and is audited", async () => {
    const { user, client } = await signedIn(t, "logout_user");
    const cookie = client.cookie!;
    const out = await client.post(`${API}/auth/logout`);
    expect(out.status).toBe(204);
    expect(out.raw.cookies.find((k) => k.name === "khcn_sid")?.value).toBe("");
    const replay = new Client(t, ip());
    replay.cookie = cookie;
    expect((await replay.get(`${API}/auth/me`)).status).toBe(401);
    expect(await auditRows(t, and(eq(auditLog.action, "auth.logout"), eq(auditLog.entityId, user.id)))).toHaveLength(1);
  });

  it("disabling an account ends all its sessions and refuses sign-in", async () => {
    const u = await newUser(t, "to_disable");
    const a = new Client(t, ip());
    const b = new Client(t, ip());
    await a.login("to_disable", TEST_PASSWORD);
    await b.login("to_disable", TEST_PASSWORD);
    if (hasRoute(t, "POST", "/users/:id/disable")) {
      const r = await (await freshAdmin()).post(`${API}/users/${u.id}/disable`, { reason: "Nghỉ việc", version: u.version });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).toHaveLength(0);
    } else {
      await t.database.db.update(users).set({ status: "disabled" }).where(eq(users.id, u.id));
    }
    expect((await a.get(`${API}/auth/me`)).status).toBe(401);
    expect((await b.get(`${API}/auth/me`)).status).toBe(401);
    const login = await new Client(t, ip()).post(`${API}/auth/login`, { username: "to_disable", password: TEST_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe("ACCOUNT_DISABLED");
  });
});

describe("audit of sign-in (SECURITY.md 19)", () => {
  it("writes a row for each sign-in, failed sign-in and unknown account, with who, when (UTC) and from where", async () => {
    const u = await newUser(t, "audited_user");
    const c = new Client(t, ip());
    await c.post(`${API}/auth/login`, { username: "audited_user", password: "wrong password" });
    await c.post(`${API}/auth/login`, { username: "audited_user", password: TEST_PASSWORD });
    await c.post(`${API}/auth/login`, { username: "no_such_account", password: "anything" });
    const mine = await auditRows(t, and(eq(auditLog.action, "auth.login"), eq(auditLog.entityId, u.id)));
    expect(mine.map((r) => r.outcome)).toEqual(["failure", "success"]);
    for (const r of mine) {
      expect(r).toMatchObject({ actorId: u.id, actorUsername: "audited_user", ip: c.ip });
      expect(r.at.toISOString()).toBe(t.clock.now().toISOString());
    }
    const unknown = await auditRows(t, and(eq(auditLog.action, "auth.login"), eq(auditLog.actorUsername, "no_such_account")));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ outcome: "failure", actorId: null, ip: c.ip });
  });
});

// ─── second factor required (production-like) ───
describe("second factor (SECURITY.md 3)", () => {
  let tt: TestApp;
  beforeAll(async () => {
    tt = await createTestApp({ requireTotp: true });
  });
  afterAll(async () => tt?.close());

  it("is required for admin, leader, finance and expert; other roles sign in with a password", async () => {
    const expected: Record<Role, "setup" | "none"> = {
      admin: "setup",
      leader: "setup",
      finance: "setup",
      expert: "setup",
      officer: "none",
      pi: "none",
      org_rep: "none",
      enterprise: "none",
    };
    for (const [role, mfa] of Object.entries(expected) as [Role, string][]) {
      await newUser(tt, `mfa_${role}`, [role]);
      const r = await new Client(tt, ip()).login(`mfa_${role}`, TEST_PASSWORD);
      expect(r.body.mfa, role).toBe(mfa);
    }
  });

  it("a half-signed-in session reaches only the sign-in steps until a code is given; a used code is refused", async () => {
    const u = await newUser(tt, "mfa_flow", ["admin"]);
    const c = new Client(tt, ip());
    const login = await c.login("mfa_flow", TEST_PASSWORD);
    expect(login.body.mfa).toBe("setup");
    const pendingCookie = c.cookie;

    expect((await c.get(`${API}/auth/me`)).body.mfa).toBe("setup");
    const blocked = await c.get(`${API}/organisations`);
    expect(blocked.status).toBe(401);
    expect(blocked.body.error.code).toBe("MFA_REQUIRED");
    expect((await c.post(`${API}/auth/password`, { currentPassword: TEST_PASSWORD, newPassword: "đổi mật khẩu trước khi xác thực" })).status).toBe(401);

    const setup = await c.post(`${API}/auth/totp/setup`, {});
    expect(setup.status).toBe(200);
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await c.post(`${API}/auth/totp/verify`, { code: totpCode(setup.body.secret, new Date(tt.clock.now().getTime() - 10 * 60_000)) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe("TOTP_INVALID");

    const code = totpCode(setup.body.secret, tt.clock.now());
    const ok = await c.post(`${API}/auth/totp/verify`, { code });
    expect(ok.status).toBe(200);
    expect(c.cookie).not.toBe(pendingCookie); // the session id rotates when the second factor is given
    expect((await c.get(`${API}/organisations`)).status).toBe(200);
    const stale = new Client(tt, ip());
    stale.cookie = pendingCookie;
    expect((await stale.get(`${API}/auth/me`)).status).toBe(401);

    // Next sign-in: the factor is enrolled, so "verify"; the code already used is refused, the next one works.
    await c.post(`${API}/auth/logout`);
    const again = await c.login("mfa_flow", TEST_PASSWORD);
    expect(again.body.mfa).toBe("verify");
    // With a factor enrolled, a half-signed-in session cannot replace it.
    expect((await c.post(`${API}/auth/totp/setup`, {})).status).toBe(401);
    const replay = await c.post(`${API}/auth/totp/verify`, { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toBe("Mã xác thực không đúng hoặc đã được dùng");
    tt.clock.advance(30_000);
    expect((await c.post(`${API}/auth/totp/verify`, { code: totpCode(setup.body.secret, tt.clock.now()) })).status).toBe(200);
    expect((await c.get(`${API}/auth/me`)).body).toMatchObject({ mfa: "none", totpEnabled: true });
    // Fully signed in, the enrolled factor still cannot be replaced from the session (an administrator resets it).
    const reenrol = await c.post(`${API}/auth/totp/setup`, {});
    expect(reenrol.status).toBe(409);
    expect(reenrol.body.error.code).toBe("TOTP_ALREADY_ENROLLED");
    const totpAudit = await auditRows(tt, and(eq(auditLog.action, "auth.totp"), eq(auditLog.entityId, u.id)));
    expect(totpAudit.filter((r) => r.outcome === "success")).toHaveLength(2);
  });

  it("audits a wrong or replayed second-factor code (a failed sign-in step)", async () => {
    const u = await newUser(tt, "mfa_audit", ["leader"]);
    const c = new Client(tt, ip());
    await c.login("mfa_audit", TEST_PASSWORD);
    const setup = await c.post(`${API}/auth/totp/setup`, {});
    const wrong = await c.post(`${API}/auth/totp/verify`, { code: totpCode(setup.body.secret, new Date(tt.clock.now().getTime() - 3600_000)) });
    expect(wrong.status).toBe(401);
    const rows = await auditRows(tt, and(eq(auditLog.action, "auth.totp"), eq(auditLog.entityId, u.id)));
    expect(rows.map((r) => r.outcome)).toEqual(["failure"]);
  });

  it("is off in demo mode unless switched on", async () => {
    const r = await (await signedIn(t, "demo_admin_mfa", ["admin"])).client.get(`${API}/auth/me`);
    expect(r.body.mfa).toBe("none");
  });
});

// ─── HTTPS deployment: Secure, __Host- prefixed cookie ───
describe("cookie on HTTPS (SECURITY.md 4)", () => {
  let ts: TestApp;
  beforeAll(async () => {
    ts = await createTestApp({ publicUrl: "https://khcn.haiphong.gov.vn", secureCookies: true });
  });
  afterAll(async () => ts?.close());

  it("is named __Host-…, Secure, HttpOnly, SameSite=Lax, Path=/ and without Domain", async () => {
    await newUser(ts, "https_user");
    const c = new Client(ts, ip());
    const r = await c.login("https_user", TEST_PASSWORD);
    const cookie = r.raw.cookies.find((k) => k.name.startsWith("__Host-"));
    expect(cookie).toMatchObject({ name: "__Host-khcn_sid", secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie!.domain).toBeUndefined();
    expect(r.raw.cookies.some((k) => k.name === "khcn_sid")).toBe(false);
    expect((await c.get(`${API}/auth/me`)).status).toBe(200);
  });
});

// ─── production mode: accounts unused for 45 days are disabled (SECURITY.md 5) ───
describe("inactive accounts (SECURITY.md 5)", () => {
  let tp: TestApp;
  beforeAll(async () => {
    tp = await createTestApp({ demoMode: false, requireTotp: false });
  });
  afterAll(async () => tp?.close());

  it("an account unused for more than 45 days is disabled at its next sign-in (audited); 44 days is fine", async () => {
    const days = tp.config.login.inactiveDisableDays;
    expect(days).toBe(45);
    const stale = await newUser(tp, "inactive_login");
    await newUser(tp, "recent_login");
    await new Client(tp, ip()).login("inactive_login", TEST_PASSWORD);
    await new Client(tp, ip()).login("recent_login", TEST_PASSWORD);

    tp.clock.advance(44 * 86400_000);
    await new Client(tp, ip()).login("recent_login", TEST_PASSWORD);
    tp.clock.advance(2 * 86400_000); // inactive_login: 46 days since its last use; recent_login: 2 days

    const r = await new Client(tp, ip()).post(`${API}/auth/login`, { username: "inactive_login", password: TEST_PASSWORD });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe("ACCOUNT_DISABLED");
    const [row] = await tp.database.db.select().from(users).where(eq(users.id, stale.id));
    expect(row).toMatchObject({ status: "disabled", disabledReason: "inactive" });
    const rows = await auditRows(tp, and(eq(auditLog.action, "user.disable"), eq(auditLog.entityId, stale.id)));
    expect(rows).toHaveLength(1);
    expect((await new Client(tp, ip()).post(`${API}/auth/login`, { username: "recent_login", password: TEST_PASSWORD })).status).toBe(200);
  });

  it("disableInactiveAccounts() disables unused accounts, ends their sessions, audits each, and is idempotent", async () => {
    const daysAgo = (d: number) => new Date(tp.clock.now().getTime() - d * 86400_000);
    const oldUser = await newUser(tp, "maint_old", ["officer"], { createdAt: daysAgo(200), lastLoginAt: daysAgo(46) });
    const neverUsed = await newUser(tp, "maint_never", ["pi"], { createdAt: daysAgo(60) });
    const active = await newUser(tp, "maint_active", ["pi"], { createdAt: daysAgo(200), lastLoginAt: daysAgo(10) });
    await tp.database.db.insert(sessions).values({
      id: hashToken("maint-session"),
      userId: oldUser.id,
      createdAt: tp.clock.now(),
      lastSeenAt: tp.clock.now(),
      expiresAt: new Date(tp.clock.now().getTime() + 3600_000),
    });

    const n = await disableInactiveAccounts(tp.database.db, tp.config, tp.clock);
    expect(n).toBeGreaterThanOrEqual(2);
    const status = async (id: string) => (await tp.database.db.select().from(users).where(eq(users.id, id)))[0];
    expect(await status(oldUser.id)).toMatchObject({ status: "disabled", disabledReason: "inactive" });
    expect(await status(neverUsed.id)).toMatchObject({ status: "disabled", disabledReason: "inactive" });
    expect((await status(active.id)).status).toBe("active");
    expect(await tp.database.db.select().from(sessions).where(eq(sessions.userId, oldUser.id))).toHaveLength(0);
    for (const id of [oldUser.id, neverUsed.id]) {
      expect(await auditRows(tp, and(eq(auditLog.action, "user.disable"), eq(auditLog.entityId, id)))).toHaveLength(1);
    }
    expect(await disableInactiveAccounts(tp.database.db, tp.config, tp.clock)).toBe(0);
  });
});
