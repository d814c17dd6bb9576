// The demo tasks: both templates, varied steps, and the open task the demo "pi" account can apply to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { seedDemoData } from "../../demo/seed.js";
import { DEMO_PASSWORD } from "../../demo/demo-accounts.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.database.db, { scale: 1, now: t.clock.now() });
});
afterAll(async () => t?.close());

describe(`demo tasks (${testDbMode()})`, () => {
  it("seeds tasks on both templates at varied steps, with approved budgets once approved", async () => {
    const r = await t.database.db.execute<{ template_key: string; state: string; approved: boolean; code: string }>(
      sql`SELECT template_key, state, code, (approved_budget_city IS NOT NULL) AS approved FROM tasks ORDER BY code`,
    );
    expect(r.rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(r.rows.map((x) => x.template_key))).toEqual(new Set(["baseline-2013", "law-2025"]));
    for (const s of ["proposal", "identification", "call_open", "dossier_opened", "in_progress", "accepted", "registered"]) {
      expect(r.rows.map((x) => x.state)).toContain(s);
    }
    expect(r.rows.filter((x) => ["in_progress", "accepted", "registered", "approved"].includes(x.state)).every((x) => x.approved)).toBe(true);
    expect(new Set(r.rows.map((x) => x.code)).size).toBe(r.rows.length);
  });

  it("lets the demo pi apply to the open task, and shows the opened task's two valid dossiers to the officer", async () => {
    const pi = new Client(t);
    await pi.login("pi", DEMO_PASSWORD);
    const list = await pi.get("/api/v1/tasks?state=call_open");
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const task = await pi.get(`/api/v1/tasks/${list.body.items[0].id}`);
    expect(task.body).toMatchObject({ selectionCallAccepting: true });
    expect(task.body.abilities.createDossier).toBe(true);
    const d = await pi.post(`/api/v1/tasks/${task.body.id}/dossiers`, { objectives: "Mục tiêu của hồ sơ thử" });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body.piName).toBe("Nguyễn Văn An");

    const officer = new Client(t);
    await officer.login("officer", DEMO_PASSWORD);
    const opened = await officer.get("/api/v1/tasks?state=dossier_opened");
    const full = await officer.get(`/api/v1/tasks/${opened.body.items[0].id}`);
    expect(full.body.dossiers).toHaveLength(2);
    expect(full.body.dossiers.every((x: { status: string }) => x.status === "valid")).toBe(true);
    expect(new Set(full.body.dossiers.map((x: { leadOrganisationId: string }) => x.leadOrganisationId)).size).toBe(2);
    expect(full.body.abilities.actions.map((a: { action: string }) => a.action)).toContain("convene_selection");
    const mine = await pi.get("/api/v1/tasks?view=mine");
    expect(mine.body.total).toBeGreaterThan(2);
  });
});
