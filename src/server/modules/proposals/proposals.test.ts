import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { auditLog } from "../../db/schema/index.js";
import { DAY, Fixture, HOUR, type Actor } from "../../testing/task-journey.js";

let t: TestApp;
let f: Fixture;
let officer: Actor;
let pi: Actor;
let otherPi: Actor;
let callId: string;

beforeAll(async () => {
  t = await createTestApp();
  f = new Fixture(t);
  officer = await f.actor(["officer"]);
  pi = await f.actor(["pi"]);
  otherPi = await f.actor(["pi"]);
  callId = (await f.call(officer.client, "proposal_collection")).id;
});
afterAll(async () => t?.close());

describe(`proposals (${testDbMode()})`, () => {
  it("creates a task at the initial step of the call's template in force, with a generated code, and audits it", async () => {
    const p = await f.propose(pi.client, callId);
    expect(p).toMatchObject({
      state: "proposal",
      templateKey: "baseline-2013",
      templateVersion: 1,
      proposerUserId: pi.userId,
      proposingOrganisationId: pi.organisationId,
      proposalCallId: callId,
      year: 2026,
      version: 1,
      stateEnteredBy: pi.userId,
    });
    expect(p.code).toMatch(/^NV-2026-\d{4}$/);
    expect(p.abilities.edit).toBe(true);
    expect(p.steps.map((s: { key: string }) => s.key)).toContain("call_open");
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, "task.propose")));
    expect(rows).toHaveLength(1);
  });

  it("refuses a proposal before the call opens and after its deadline, with the reason", async () => {
    const later = await f.call(officer.client, "proposal_collection", { opensAt: f.at(2 * DAY), closesAt: f.at(5 * DAY) });
    const early = await pi.client.post("/api/v1/proposals", f.proposal(later.id));
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("CALL_NOT_ACCEPTING");
    expect(early.body.error.message).toMatch(/chưa đến thời gian/);

    const short = await f.call(officer.client, "proposal_collection", { opensAt: f.at(-HOUR), closesAt: f.at(HOUR) });
    expect((await pi.client.post("/api/v1/proposals", f.proposal(short.id))).status).toBe(201);
    t.clock.advance(HOUR);
    await f.relogin();
    const late = await pi.client.post("/api/v1/proposals", f.proposal(short.id));
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/hết hạn/);
    t.clock.advance(-HOUR);
    await f.relogin();
  });

  it("refuses a selection call, and unknown fields (mass assignment)", async () => {
    const sel = await f.call(officer.client, "selection");
    const r = await pi.client.post("/api/v1/proposals", f.proposal(sel.id));
    expect(r.status).toBe(409);
    const mass = await pi.client.post("/api/v1/proposals", { ...f.proposal(callId), state: "approved" });
    expect(mass.status).toBe(400);
    const mass2 = await pi.client.post("/api/v1/proposals", { ...f.proposal(callId), code: "NV-2026-9999" });
    expect(mass2.status).toBe(400);
  });

  it("gives unique codes to 20 proposals created at once", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => pi.client.post("/api/v1/proposals", f.proposal(callId))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const codes = new Set(results.map((r) => r.body.code));
    expect(codes.size).toBe(20);
  });

  it("lets only the proposer edit, with a version check; others do not see it", async () => {
    const p = await f.propose(pi.client, callId);
    const { callId: _c, ...rest } = f.proposal(callId, { titleVi: "Tên đề xuất đã sửa lại" });
    const ok = await pi.client.put(`/api/v1/proposals/${p.id}`, { ...rest, version: p.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ titleVi: "Tên đề xuất đã sửa lại", version: 2 });
    const stale = await pi.client.put(`/api/v1/proposals/${p.id}`, { ...rest, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);
    expect((await otherPi.client.put(`/api/v1/proposals/${p.id}`, { ...rest, version: 2 })).status).toBe(404);
    expect((await otherPi.client.get(`/api/v1/tasks/${p.id}`)).status).toBe(404);
    expect((await officer.client.put(`/api/v1/proposals/${p.id}`, { ...rest, version: 2 })).status).toBe(403);
  });

  it("lists proposals: staff see all, a proposer their own", async () => {
    const mine = await f.propose(otherPi.client, callId, { titleVi: "Đề xuất riêng của người thứ hai" });
    const own = await otherPi.client.get("/api/v1/proposals?pageSize=200");
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const all = await officer.client.get(`/api/v1/proposals?pageSize=200&callId=${callId}`);
    expect(all.body.total).toBeGreaterThan(20);
    const search = await officer.client.get(`/api/v1/proposals?q=${encodeURIComponent("nguoi thu hai")}`);
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
  });
});
