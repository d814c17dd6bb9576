// The first administrator of an installation without demo data (npm run admin:create → createFirstAdministrator),
// on an app outside demo mode (TOTP required for administrators): the password rules, the refusal while an active
// administrator exists, the audit row, and the journey of the new account — sign in, enrol the authenticator app,
// reach an administrator's page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { auditLog, users } from "../../db/schema/index.js";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { totpCode } from "../../platform/auth/totp.js";
import { AppError } from "../../platform/errors.js";
import { createFirstAdministrator, hasActiveAdministrator } from "./first-admin.js";

const API = "/api/v1";
const PASSWORD = "tram-bien-hai-phong-2026";
const operator = "root@khcn-host";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demoMode: false, requireTotp: true });
});
afterAll(async () => t?.close());

const create = (username: string, extra: { password?: string; force?: boolean; email?: string | null } = {}) =>
  createFirstAdministrator(
    t.database.db,
    { username, password: extra.password ?? PASSWORD, force: extra.force, email: extra.email },
    {
      now: t.clock.now(),
      operator,
    },
  );

/** The AppError a promise rejects with (code and message key). */
async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return { code: (err as AppError).code, key: (err as AppError).messageKey };
}

const userCount = async () => (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`)).rows[0].n;

describe("the first administrator, outside demo mode", () => {
  it("refuses a bad username, e-mail or password by the app's rules, and creates nothing", async () => {
    expect(await hasActiveAdministrator(t.database.db)).toBe(false);
    expect(await refusal(create("chief", { password: "short" }))).toEqual({ code: "VALIDATION_FAILED", key: "password.too_short" });
    expect(await refusal(create("chief", { password: "password123" }))).toEqual({ code: "VALIDATION_FAILED", key: "password.common" });
    expect(await refusal(create("chief", { password: "x".repeat(129) }))).toEqual({ code: "VALIDATION_FAILED", key: "password.too_long" });
    expect(await refusal(create("-chief"))).toEqual({ code: "VALIDATION_FAILED", key: "admin_setup.username_invalid" });
    expect(await refusal(create("chief", { email: "not-an-address" }))).toEqual({ code: "VALIDATION_FAILED", key: "import.invalid_email" });
    expect(await userCount()).toBe(0);
  });

  it("creates one administrator when two creations run at once, and audits it", async () => {
    const both = await Promise.allSettled([create("chief"), create("deputy")]);
    const created = both.filter((r) => r.status === "fulfilled");
    const refused = both.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].reason).toBeInstanceOf(AppError);
    expect((refused[0].reason as AppError).code).toBe("ADMIN_EXISTS");
    const { id, username } = (created[0] as PromiseFulfilledResult<{ id: string; username: string }>).value;
    const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
    expect(row).toMatchObject({ username, roles: ["admin"], status: "active", totpEnabled: false, totpSecret: null, personId: null });
    expect(row.createdAt).toEqual(t.clock.now());
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await hasActiveAdministrator(t.database.db)).toBe(true);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.create"), eq(auditLog.entityId, id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: null, actorUsername: operator, outcome: "success", at: t.clock.now() });
    expect(rows[0].after).toMatchObject({ username, roles: ["admin"] });
    expect(rows[0].details).toMatchObject({ command: "admin:create", force: false, existingAdmins: [] });
    expect(JSON.stringify(rows[0])).not.toContain(PASSWORD);
  });

  it("refuses a further administrator while one is active, unless forced; never a taken name", async () => {
    const [first] = await t.database.db.select().from(users).orderBy(asc(users.createdAt));
    expect(await refusal(create("second"))).toEqual({ code: "ADMIN_EXISTS", key: "admin_setup.admin_exists" });
    expect(await refusal(create(first.username.toUpperCase(), { force: true }))).toEqual({ code: "DUPLICATE", key: "user.username_taken" });
    const forced = await create("second", { force: true });
    expect(forced.existingAdmins).toEqual([first.username]);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.create"), eq(auditLog.entityId, forced.id)));
    expect(rows[0].details).toMatchObject({ force: true, existingAdmins: [first.username] });
    expect(await userCount()).toBe(2);
  });

  it("signs in, must enrol the authenticator app first, then reaches the administrators' pages", async () => {
    const c = new Client(t, "10.61.0.1");
    const login = await c.login("second", PASSWORD);
    expect(login.body).toMatchObject({ username: "second", roles: ["admin"], mfa: "setup", totpEnabled: false });
    // Nothing but enrolment before the factor is set up.
    const early = await c.get(`${API}/users`);
    expect(early.status).toBe(401);
    expect(early.body.error.code).toBe("MFA_REQUIRED");
    const setup = await c.post(`${API}/auth/totp/setup`, {});
    expect(setup.status).toBe(200);
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/.*second/);
    const verified = await c.post(`${API}/auth/totp/verify`, { code: totpCode(setup.body.secret, t.clock.now()) });
    expect(verified.status).toBe(200);
    expect((await c.get(`${API}/auth/me`)).body).toMatchObject({ mfa: "none", totpEnabled: true });
    const list = await c.get(`${API}/users?pageSize=50`);
    expect(list.status).toBe(200);
    const names = list.body.items.map((u: { username: string }) => u.username);
    expect(names).toHaveLength(2);
    expect(names).toContain("second");
    const audit = await c.get(`${API}/audit?pageSize=5`);
    expect(audit.status).toBe(200);
  });
});
