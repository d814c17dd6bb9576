import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { desc, eq, sql } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { signedIn } from "../../testing/factories.js";
import { auditLog } from "../../db/schema/index.js";
import { audit } from "../../platform/audit.js";
import type { AuditAction } from "../../platform/audit-actions.js";

let t: TestApp;
let admin: Client;
let adminId: string;
let officer: Client;

type Row = { id: number; action: string; actorUsername: string | null; entityId: string | null; outcome: string; at: string };

/** Writes an audit row the way the application does, stamped at a given instant. */
const auditAt = (at: string, entry: Parameters<typeof audit>[2]) =>
  t.database.db.transaction((tx) => audit(tx, { actor: null, ip: "203.113.0.9", correlationId: "test", clock: { now: () => new Date(at) } }, entry));

beforeAll(async () => {
  t = await createTestApp();
  const signedInAdmin = await signedIn(t, { username: "admin1", roles: ["admin"], ip: "10.2.0.1" });
  adminId = signedInAdmin.user.id;
  admin = signedInAdmin.client;
  officer = (await signedIn(t, { username: "officer1", roles: ["officer"], ip: "10.2.0.2" })).client;
});
afterAll(async () => t?.close());

describe("audit log browser", () => {
  it("is for administrators only", async () => {
    expect((await new Client(t).get("/api/v1/audit")).status).toBe(401);
    expect((await officer.get("/api/v1/audit")).status).toBe(403);
    expect((await officer.get("/api/v1/audit/verify")).status).toBe(403);
  });

  it("lists newest first and filters by action, entity, actor, outcome and text", async () => {
    const created = await admin.post("/api/v1/users", {
      username: "nguyen.thu",
      displayName: "Nguyễn Thu",
      password: "gió mùa đông bắc 2026",
      roles: ["pi"],
    });
    expect(created.status).toBe(201);
    await new Client(t, "10.2.0.3").post("/api/v1/auth/login", { username: "officer1", password: "sai mật khẩu" });

    const all = await admin.get("/api/v1/audit?pageSize=200");
    expect(all.status).toBe(200);
    const ids = all.body.items.map((r: Row) => r.id);
    expect(ids).toEqual([...ids].sort((a: number, b: number) => b - a));
    expect(all.body.total).toBe(await t.database.db.$count(auditLog));

    const byAction = await admin.get("/api/v1/audit?action=user.create");
    expect(byAction.body.items).toHaveLength(1);
    expect(byAction.body.items[0]).toMatchObject({
      action: "user.create",
      entityType: "user",
      entityId: created.body.id,
      actorId: adminId,
      actorUsername: "admin1",
      outcome: "success",
      ip: "10.2.0.1",
      after: { username: "nguyen.thu", roles: ["pi"] },
    });

    const byEntity = await admin.get(`/api/v1/audit?entityType=user&entityId=${created.body.id}`);
    expect(byEntity.body.items.map((r: Row) => r.action)).toEqual(["user.create"]);

    const byActor = await admin.get(`/api/v1/audit?actorId=${adminId}&pageSize=200`);
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((r: { actorId: string }) => r.actorId === adminId)).toBe(true);

    // The officer's attempt above was refused and audited as a denied access.
    const denied = await admin.get("/api/v1/audit?outcome=denied");
    expect(denied.body.items.length).toBeGreaterThan(0);
    expect(denied.body.items.every((r: Row) => r.outcome === "denied")).toBe(true);
    expect(denied.body.items.map((r: Row) => r.action)).toContain("access.denied");

    const failures = await admin.get("/api/v1/audit?outcome=failure&action=auth.login");
    expect(failures.body.items.map((r: Row) => r.actorUsername)).toEqual(["officer1"]);

    // Free text over action, actor, entity; case-insensitive.
    const text = await admin.get("/api/v1/audit?q=OFFICER1");
    expect(text.body.items.length).toBeGreaterThan(0);
    expect(text.body.items.every((r: Row) => r.actorUsername === "officer1")).toBe(true);
    const byEntityText = await admin.get(`/api/v1/audit?q=${created.body.id.slice(0, 13)}`);
    expect(byEntityText.body.items.map((r: Row) => r.action)).toContain("user.create");

    const page2 = await admin.get("/api/v1/audit?pageSize=1&page=2");
    expect(page2.body.items[0].id).toBe(ids[1]);
    const oldest = await admin.get("/api/v1/audit?pageSize=1&sort=at");
    expect(oldest.body.items[0].id).toBe(Math.min(...ids));
  });

  it("filters by calendar days in Vietnam time, both ends inclusive", async () => {
    await auditAt("2026-03-01T16:30:00Z", { action: "test.day" as AuditAction, entityId: "late-on-1-march" }); // 23:30 on 1/3 in Hải Phòng
    await auditAt("2026-03-01T17:30:00Z", { action: "test.day" as AuditAction, entityId: "early-on-2-march" }); // 00:30 on 2/3
    await auditAt("2026-03-03T16:59:59Z", { action: "test.day" as AuditAction, entityId: "end-of-3-march" }); // 23:59:59 on 3/3
    const ids = async (qs: string) => (await admin.get(`/api/v1/audit?action=test.day&${qs}`)).body.items.map((r: Row) => r.entityId);
    expect(await ids("from=2026-03-02&to=2026-03-02")).toEqual(["early-on-2-march"]);
    expect(await ids("to=2026-03-01")).toEqual(["late-on-1-march"]);
    expect(await ids("from=2026-03-02")).toEqual(["end-of-3-march", "early-on-2-march"]);
    expect(await ids("from=2026-03-04")).toEqual([]);

    for (const bad of ["from=2026-02-30", "to=03/02/2026", "outcome=maybe", "actorId=admin1", "unknown=1"]) {
      const r = await admin.get(`/api/v1/audit?${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe("VALIDATION_FAILED");
    }
  });
});

describe("audit log browser: invalid input", () => {
  it("answers 4xx, never 500, to generated query strings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom("q", "action", "entityType", "entityId", "actorId", "outcome", "from", "to", "page", "pageSize", "sort", "zz"),
          fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("2026-02-29", "0001-01-01", "9999-12-31", "%", "\\", "_")),
        ),
        async (query) => {
          const r = await admin.get("/api/v1/audit?" + new URLSearchParams(query).toString());
          expect(r.status, JSON.stringify(query)).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("audit trail integrity", () => {
  it("verifies an intact chain", async () => {
    const r = await admin.get("/api/v1/audit/verify");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, checked: await t.database.db.$count(auditLog), brokenAt: null });
  });

  it("is append-only: UPDATE, DELETE and TRUNCATE through SQL fail", async () => {
    const [last] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    // The database's own error (Drizzle wraps it as the cause).
    const refusal = (q: ReturnType<typeof sql>) =>
      t.database.db.execute(q).then(
        () => null,
        (e: { cause?: { message: string; code: string } }) => ({ message: e.cause?.message, code: e.cause?.code }),
      );
    const expected = { message: "audit_log is append-only", code: "42501" };
    expect(await refusal(sql`UPDATE audit_log SET action = 'x' WHERE id = ${last.id}`)).toEqual(expected);
    expect(await refusal(sql`DELETE FROM audit_log WHERE id = ${last.id}`)).toEqual(expected);
    expect(await refusal(sql`TRUNCATE audit_log`)).toEqual(expected);
    const [after] = await t.database.db.select().from(auditLog).where(eq(auditLog.id, last.id));
    expect(after).toEqual(last);
  });

  it("detects a forged row inserted with a wrong hash", async () => {
    const [last] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const forged = await t.database.db.execute<{ id: number }>(sql`
      INSERT INTO audit_log (action, outcome, actor_username, prev_hash, hash, at)
      VALUES ('user.delete', 'success', 'admin1', ${last.hash}, ${"f".repeat(64)}, ${t.clock.now()}) RETURNING id`);
    const forgedId = Number(forged.rows[0].id);
    // Rows written afterwards chain on normally; the forged one stays the first break.
    await admin.post("/api/v1/users", { username: "after.forgery", displayName: "Sau", password: "gió mùa đông bắc 2026", roles: ["pi"] });
    const r = await admin.get("/api/v1/audit/verify");
    expect(r.body).toMatchObject({ ok: false, brokenAt: forgedId });
  });

  it("detects an edited row even when the trigger was bypassed", async () => {
    const [first] = await t.database.db.select().from(auditLog).orderBy(auditLog.id).limit(1);
    await t.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
    await t.database.db.execute(sql`UPDATE audit_log SET actor_username = 'someone.else' WHERE id = ${first.id}`);
    await t.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
    const r = await admin.get("/api/v1/audit/verify");
    expect(r.body).toMatchObject({ ok: false, brokenAt: first.id });
  });
});
