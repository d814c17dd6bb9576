import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, eq, sql } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser, TEST_PASSWORD } from "../../testing/factories.js";
import { auditLog, sessions, users } from "../../db/schema/index.js";

let t: TestApp;
let admin: Client;
let adminId: string;
let officer: Client;
let ipSeq = 0;
/** Each client signs in from its own address so the per-IP sign-in rate limit never interferes. */
const client = () => new Client(t, `10.1.0.${++ipSeq}`);
const signedIn = async (username: string, password = TEST_PASSWORD) => {
  const c = client();
  await c.login(username, password);
  return c;
};

const NEW_PASSWORD = "sóng biển Đồ Sơn 2026";

beforeAll(async () => {
  t = await createTestApp();
  adminId = (await buildUser(t.database.db, { username: "admin1", roles: ["admin"] })).id;
  await buildUser(t.database.db, { username: "officer1", roles: ["officer"] });
  admin = await signedIn("admin1");
  officer = await signedIn("officer1");
});
afterAll(async () => t?.close());

const auditRows = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
const sessionCount = async (userId: string) => t.database.db.$count(sessions, eq(sessions.userId, userId));

/** The body a form would send back for PUT /users/:id. */
const editable = (u: Record<string, unknown>) => ({
  displayName: u.displayName,
  email: u.email,
  roles: u.roles,
  personId: u.personId,
  organisationId: u.organisationId,
  version: u.version,
});

describe("user administration: access", () => {
  it("lets only administrators in: anonymous 401, other roles 403", async () => {
    const target = await buildUser(t.database.db, { roles: ["pi"] });
    const anon = client();
    expect((await anon.get("/api/v1/users")).status).toBe(401);
    const calls: [string, string, unknown?][] = [
      ["GET", "/api/v1/users"],
      ["GET", `/api/v1/users/${target.id}`],
      ["POST", "/api/v1/users", { username: "x1", displayName: "X", password: NEW_PASSWORD, roles: ["pi"] }],
      ["PUT", `/api/v1/users/${target.id}`, { displayName: "X", roles: ["pi"], version: 1 }],
      ["POST", `/api/v1/users/${target.id}/disable`, { reason: "x", version: 1 }],
      ["POST", `/api/v1/users/${target.id}/enable`, { version: 1 }],
      ["POST", `/api/v1/users/${target.id}/unlock`, {}],
      ["POST", `/api/v1/users/${target.id}/reset-password`, { newPassword: NEW_PASSWORD }],
      ["POST", `/api/v1/users/${target.id}/reset-totp`, {}],
    ];
    for (const [method, url, body] of calls) {
      const r = await officer.request(method, url, body);
      expect(r.status, `${method} ${url}`).toBe(403);
    }
    const [row] = await t.database.db.select().from(users).where(eq(users.id, target.id));
    expect(row.version).toBe(1);
  });
});

describe("user administration: create", () => {
  it("creates an account that can sign in; secrets never leave the server or enter the audit log", async () => {
    const org = await buildOrganisation(t.database.db, { nameVi: "Viện Nghiên cứu Hải sản" });
    const person = await buildPerson(t.database.db, { fullName: "Trần Thị Hoa" });
    const r = await admin.post("/api/v1/users", {
      username: "Hoa.Tran",
      displayName: "Trần Thị Hoa",
      email: "hoa@example.vn",
      password: NEW_PASSWORD,
      roles: ["pi", "expert", "pi"],
      personId: person.id,
      organisationId: org.id,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      username: "Hoa.Tran",
      roles: ["expert", "pi"],
      status: "active",
      personName: "Trần Thị Hoa",
      organisationName: "Viện Nghiên cứu Hải sản",
      totpEnabled: false,
      locked: false,
      version: 1,
    });
    expect(r.body.abilities).toEqual({
      read: true,
      update: true,
      disable: true,
      enable: false,
      unlock: false,
      resetPassword: true,
      resetTotp: false,
    });
    expect(r.raw.body).not.toMatch(/passwordHash|password_hash|totpSecret|argon2/);

    const [row] = await t.database.db.select().from(users).where(eq(users.id, r.body.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const [a] = await auditRows(r.body.id, "user.create");
    expect(a.after).toMatchObject({ username: "Hoa.Tran", roles: ["expert", "pi"] });
    expect(JSON.stringify(a)).not.toMatch(/argon2|sóng biển/);

    // Usernames are case-insensitive at sign-in.
    await signedIn("hoa.tran", NEW_PASSWORD);
  });

  it("refuses weak passwords, duplicates, unknown links and privileged fields with clear messages", async () => {
    const base = { username: "new.user", displayName: "Người mới", password: NEW_PASSWORD, roles: ["officer"] };

    const common = await admin.post("/api/v1/users", { ...base, password: "password123" });
    expect(common.status).toBe(400);
    expect(common.body.error.message).toContain("phổ biến");
    expect(common.body.error.details[0].path).toBe("password");
    admin.lang = "en";
    const short = await admin.post("/api/v1/users", { ...base, password: "ngắn" });
    admin.lang = "vi";
    expect(short.status).toBe(400);
    expect(short.body.error.message).toBe("The password needs at least 8 characters");

    const dup = await admin.post("/api/v1/users", { ...base, username: "ADMIN1" });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain("ADMIN1");

    const noPerson = await admin.post("/api/v1/users", { ...base, personId: "00000000-0000-4000-8000-000000000000" });
    expect(noPerson.status).toBe(400);
    expect(noPerson.body.error.details[0].path).toBe("personId");
    const noOrg = await admin.post("/api/v1/users", { ...base, organisationId: "00000000-0000-4000-8000-000000000000" });
    expect(noOrg.status).toBe(400);
    expect(noOrg.body.error.details[0].path).toBe("organisationId");

    for (const bad of [
      { ...base, status: "active" },
      { ...base, passwordHash: "x" },
      { ...base, roles: ["superuser"] },
      { ...base, roles: [] },
      { ...base, username: "có dấu" },
      { ...base, version: 3 },
    ]) {
      const r = await admin.post("/api/v1/users", bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION_FAILED");
    }
    expect(await t.database.db.$count(users, sql`lower(${users.username}) = 'new.user'`)).toBe(0);
  });

  it("links a person to at most one account", async () => {
    const person = await buildPerson(t.database.db);
    await buildUser(t.database.db, { personId: person.id, roles: ["pi"] });
    const r = await admin.post("/api/v1/users", {
      username: "second.account",
      displayName: "Tài khoản thứ hai",
      password: NEW_PASSWORD,
      roles: ["pi"],
      personId: person.id,
    });
    expect(r.status).toBe(409);
    expect(r.body.error.details[0].path).toBe("personId");
  });
});

describe("user administration: edit and roles", () => {
  it("updates with optimistic concurrency; a stale version answers 409 with the current record", async () => {
    const u = await buildUser(t.database.db, { roles: ["pi"], displayName: "Lê Văn Nam" });
    const first = await admin.put(`/api/v1/users/${u.id}`, { ...editable({ ...u, email: null }), displayName: "Lê Văn Nam (ĐH Hải Phòng)" });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.put(`/api/v1/users/${u.id}`, { ...editable({ ...u, email: null }), displayName: "Ghi đè" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current).toMatchObject({ displayName: "Lê Văn Nam (ĐH Hải Phòng)", version: 2 });
    expect(stale.body.error.details.current.passwordHash).toBeUndefined();
  });

  it("of two parallel edits with the same version exactly one wins", async () => {
    const u = await buildUser(t.database.db, { roles: ["pi"] });
    const body = editable({ ...u, email: null });
    const results = await Promise.all([
      admin.put(`/api/v1/users/${u.id}`, { ...body, displayName: "A" }),
      admin.put(`/api/v1/users/${u.id}`, { ...body, displayName: "B" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row.version).toBe(2);
  });

  it("audits a role change with the roles before and after, and signs the user out", async () => {
    const u = await buildUser(t.database.db, { username: "role.change", roles: ["pi"] });
    const victim = await signedIn("role.change");
    expect(await sessionCount(u.id)).toBe(1);
    const r = await admin.put(`/api/v1/users/${u.id}`, { ...editable({ ...u, email: null }), roles: ["officer", "pi"] });
    expect(r.status).toBe(200);
    expect(r.body.roles).toEqual(["officer", "pi"]);
    const [a] = await auditRows(u.id, "user.roles_change");
    expect(a).toMatchObject({ before: { roles: ["pi"] }, after: { roles: ["officer", "pi"] }, actorId: adminId, outcome: "success" });
    expect(await sessionCount(u.id)).toBe(0);
    expect((await victim.get("/api/v1/auth/me")).status).toBe(401);

    // An edit that keeps the roles writes no role-change row.
    await admin.put(`/api/v1/users/${u.id}`, { ...editable(r.body), displayName: "Đổi tên" });
    expect(await auditRows(u.id, "user.roles_change")).toHaveLength(1);
  });

  it("does not let an administrator remove their own admin role or disable themself", async () => {
    const me = (await admin.get(`/api/v1/users/${adminId}`)).body;
    expect(me.abilities.disable).toBe(false);
    const demote = await admin.put(`/api/v1/users/${adminId}`, { ...editable(me), roles: ["officer"] });
    expect(demote.status).toBe(403);
    expect(demote.body.error.message).toContain("quyền quản trị");
    const disable = await admin.post(`/api/v1/users/${adminId}/disable`, { reason: "thử", version: me.version });
    expect(disable.status).toBe(403);
    expect(disable.body.error.message).toContain("chính mình");
    const [row] = await t.database.db.select().from(users).where(eq(users.id, adminId));
    expect(row).toMatchObject({ roles: ["admin"], status: "active", version: me.version });
    // Adding a role to oneself is fine and keeps the current session.
    const ok = await admin.put(`/api/v1/users/${adminId}`, { ...editable(me), roles: ["admin", "officer"] });
    expect(ok.status).toBe(200);
    expect((await admin.get("/api/v1/auth/me")).status).toBe(200);
  });
});

describe("user administration: account state", () => {
  it("disabling ends every session at once and blocks sign-in; enabling lets the user back", async () => {
    const u = await buildUser(t.database.db, { username: "to.disable", roles: ["officer"] });
    const s1 = await signedIn("to.disable");
    await signedIn("to.disable");
    expect(await sessionCount(u.id)).toBe(2);

    const d = await admin.post(`/api/v1/users/${u.id}/disable`, { reason: "Nghỉ việc", version: 1 });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ status: "disabled", disabledReason: "Nghỉ việc", version: 2 });
    expect(d.body.abilities).toMatchObject({ disable: false, enable: true });
    expect(await sessionCount(u.id)).toBe(0);
    expect((await s1.get("/api/v1/auth/me")).status).toBe(401);
    const refused = await client().post("/api/v1/auth/login", { username: "to.disable", password: TEST_PASSWORD });
    expect(refused.status).toBe(403);
    const [a] = await auditRows(u.id, "user.disable");
    expect(a.details).toEqual({ reason: "Nghỉ việc" });

    expect(a.before).toMatchObject({ status: "active", version: 1 });
    expect(a.after).toMatchObject({ status: "disabled", version: 2 });
    // the state is checked before the version: a disabled account answers INVALID_STATE whatever version was read
    for (const version of [1, 2]) {
      const again = await admin.post(`/api/v1/users/${u.id}/disable`, { reason: "lần nữa", version });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("INVALID_STATE");
      expect(again.body.error.details).toMatchObject({ state: "disabled", command: "disable", allowed: ["enable"] });
    }
    const stale = await admin.post(`/api/v1/users/${u.id}/enable`, { version: 1 });
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current.version).toBe(2);

    const e = await admin.post(`/api/v1/users/${u.id}/enable`, { version: 2 });
    expect(e.status).toBe(200);
    expect(e.body).toMatchObject({ status: "active", disabledReason: null, version: 3 });
    expect(await auditRows(u.id, "user.enable")).toHaveLength(1);
    await signedIn("to.disable");
  });

  it("unlocks an account locked after failed sign-ins", async () => {
    const u = await buildUser(t.database.db, { username: "locked.out", roles: ["pi"] });
    const c = client();
    for (let i = 0; i < t.config.login.maxFailures; i++) {
      expect((await c.post("/api/v1/auth/login", { username: "locked.out", password: "wrong password" })).status).toBe(401);
    }
    // Locked: answered like a wrong password (the lock is not told to the caller).
    expect((await c.post("/api/v1/auth/login", { username: "locked.out", password: TEST_PASSWORD })).status).toBe(401);

    const listed = await admin.get("/api/v1/users?status=locked");
    expect(listed.body.items.map((x: { username: string }) => x.username)).toContain("locked.out");
    const before = await admin.get(`/api/v1/users/${u.id}`);
    expect(before.body).toMatchObject({ locked: true, abilities: { unlock: true } });

    const r = await admin.post(`/api/v1/users/${u.id}/unlock`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ locked: false, lockedUntil: null, failedLogins: 0 });
    const [a] = await auditRows(u.id, "user.unlock");
    expect(a.before).toMatchObject({ lockedUntil: expect.any(String) });
    await signedIn("locked.out");

    const twice = await admin.post(`/api/v1/users/${u.id}/unlock`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("GUARD_FAILED");
    expect(twice.body.error.message).toBe("Tài khoản không bị khoá");
    expect(twice.body.error.details.reason).toEqual({ vi: "Tài khoản không bị khoá", en: "The account is not locked" });
  });

  it("resets a password: old one stops working, sessions end, weak ones refused", async () => {
    const u = await buildUser(t.database.db, { username: "forgetful", roles: ["pi"] });
    const s = await signedIn("forgetful");
    const weak = await admin.post(`/api/v1/users/${u.id}/reset-password`, { newPassword: "12345678" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0].path).toBe("newPassword");

    const r = await admin.post(`/api/v1/users/${u.id}/reset-password`, { newPassword: NEW_PASSWORD });
    expect(r.status).toBe(200);
    expect(r.raw.body).not.toContain("argon2");
    expect((await s.get("/api/v1/auth/me")).status).toBe(401);
    expect((await client().post("/api/v1/auth/login", { username: "forgetful", password: TEST_PASSWORD })).status).toBe(401);
    await signedIn("forgetful", NEW_PASSWORD);
    const [a] = await auditRows(u.id, "user.password_reset");
    expect(JSON.stringify(a)).not.toContain(NEW_PASSWORD);
  });

  it("resets the second factor of a user who lost their device", async () => {
    const u = await buildUser(t.database.db, { username: "lost.phone", roles: ["expert"], totpSecret: "JBSWY3DPEHPK3PXP", totpEnabled: true });
    const before = await admin.get(`/api/v1/users/${u.id}`);
    expect(before.body).toMatchObject({ totpEnabled: true, abilities: { resetTotp: true } });
    expect(before.raw.body).not.toContain("JBSWY3DPEHPK3PXP");

    const r = await admin.post(`/api/v1/users/${u.id}/reset-totp`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ totpEnabled: false, abilities: { resetTotp: false } });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabled: false, totpLastStep: null });
    expect(await auditRows(u.id, "user.totp_reset")).toHaveLength(1);
    const twice = await admin.post(`/api/v1/users/${u.id}/reset-totp`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("GUARD_FAILED");
    expect(twice.body.error.details.reason.en).toContain("no two-factor");
  });

  it("answers 404 for an unknown id and 400 for a malformed one", async () => {
    expect((await admin.get("/api/v1/users/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await admin.post("/api/v1/users/00000000-0000-4000-8000-000000000000/unlock")).status).toBe(404);
    expect((await admin.get("/api/v1/users/not-a-uuid")).status).toBe(400);
  });
});

describe("user administration: list", () => {
  it("searches accent-insensitively, filters by role and status, sorts and pages", async () => {
    const org = await buildOrganisation(t.database.db, { nameVi: "Trường Đại học Y Dược Hải Phòng" });
    await buildUser(t.database.db, { username: "dung.pham", displayName: "Phạm Tiến Dũng", roles: ["leader"], organisationId: org.id });
    await buildUser(t.database.db, { username: "an.vu", displayName: "Vũ Thị An", roles: ["leader"], status: "disabled" });

    const q = await admin.get("/api/v1/users?q=tien dung");
    expect(q.status).toBe(200);
    expect(q.body.items).toHaveLength(1);
    expect(q.body.items[0]).toMatchObject({ username: "dung.pham", organisationName: "Trường Đại học Y Dược Hải Phòng" });
    expect(Object.keys(q.body.items[0])).not.toContain("passwordHash");

    const leaders = await admin.get("/api/v1/users?role=leader&sort=displayName");
    expect(leaders.body.items.map((x: { displayName: string }) => x.displayName)).toEqual(["Phạm Tiến Dũng", "Vũ Thị An"]);
    const disabled = await admin.get("/api/v1/users?role=leader&status=disabled");
    expect(disabled.body.items.map((x: { username: string }) => x.username)).toEqual(["an.vu"]);

    const page = await admin.get("/api/v1/users?pageSize=2&page=2&sort=-username");
    expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBe(await t.database.db.$count(users));

    expect((await admin.get("/api/v1/users?role=nobody")).status).toBe(400);
    expect((await admin.get("/api/v1/users?status=deleted")).status).toBe(400);
  });
});

describe("user administration: invalid input", () => {
  it("answers 4xx, never 500, to generated bodies and query strings", async () => {
    const target = await buildUser(t.database.db, { roles: ["pi"] });
    const field = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.constantFrom("admin", "00000000-0000-4000-8000-000000000000", "a".repeat(5000)),
    );
    const body = fc.dictionary(
      fc.constantFrom("username", "displayName", "email", "password", "newPassword", "roles", "personId", "organisationId", "version", "reason", "status", "x"),
      field,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("POST /users", "PUT /users/:id", "POST /users/:id/disable", "POST /users/:id/enable", "POST /users/:id/reset-password"),
        fc.oneof(body, fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })),
        async (route, payload) => {
          const [method, path] = route.split(" ");
          const r = await admin.request(method, "/api/v1" + path.replace(":id", target.id), payload);
          expect(r.status, `${route} ${JSON.stringify(payload)?.slice(0, 200)}`).toBeLessThan(500);
          if (r.status >= 400) expect(r.body.error.message).toEqual(expect.any(String));
        },
      ),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom("q", "role", "status", "sort", "page", "pageSize", "zz"), fc.string({ maxLength: 30 })), async (query) => {
        const r = await admin.get("/api/v1/users?" + new URLSearchParams(query).toString());
        expect(r.status, JSON.stringify(query)).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });
});

describe("user administration: inactivity", () => {
  it("an account disabled for 45 days of inactivity signs in again once an administrator re-enables it", async () => {
    const strict = await createTestApp({ demoMode: false, requireTotp: false });
    try {
      // Created at the test clock's time (not the database's now()), so the 46 days below hold on any calendar date.
      await buildUser(strict.database.db, { username: "adm_strict", roles: ["officer"], createdAt: strict.clock.now() });
      const sleeper = await buildUser(strict.database.db, { username: "sleeper", roles: ["pi"], createdAt: strict.clock.now() });
      const [adminRow] = await strict.database.db
        .update(users)
        .set({ roles: ["admin"] })
        .where(eq(users.username, "adm_strict"))
        .returning();
      strict.clock.advance(46 * 86400_000);
      await strict.database.db.update(users).set({ lastLoginAt: strict.clock.now() }).where(eq(users.id, adminRow.id));
      const user = new Client(strict);
      const first = await user.post("/api/v1/auth/login", { username: "sleeper", password: TEST_PASSWORD });
      expect(first.status).toBe(403);
      const admin = new Client(strict);
      await admin.login("adm_strict");
      const current = await admin.get(`/api/v1/users/${sleeper.id}`);
      expect(current.body.status).toBe("disabled");
      expect((await admin.post(`/api/v1/users/${sleeper.id}/enable`, { version: current.body.version })).status).toBe(200);
      const again = await user.post("/api/v1/auth/login", { username: "sleeper", password: TEST_PASSWORD });
      expect(again.status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
