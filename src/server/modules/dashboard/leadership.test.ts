// The leadership dashboard through the real app: who may see it, and that each block reflects its module's records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildTask, signedIn } from "../../testing/factories.js";
import { PROGRESS_STATUSES } from "../../../common/indicators/progress.js";

let t: TestApp;
let leader: Client;
let officer: Client;
let pi: Client;
const URL = "/api/v1/dashboard/leadership";

beforeAll(async () => {
  t = await createTestApp();
  leader = (await signedIn(t, { username: "leader", roles: ["leader"], ip: "10.4.0.1" })).client;
  officer = (await signedIn(t, { username: "officer", roles: ["officer"], ip: "10.4.0.2" })).client;
  pi = (await signedIn(t, { username: "pi", roles: ["pi"], ip: "10.4.0.3" })).client;
});
afterAll(async () => t?.close());

describe("leadership dashboard", () => {
  it("leaders and the Department's staff see it; researchers get 403, anonymous 401", async () => {
    expect((await new Client(t).get(URL)).status).toBe(401);
    expect((await pi.get(URL)).status).toBe(403);
    expect((await officer.get(URL)).status).toBe(200);
    const me = await leader.get("/api/v1/auth/me");
    expect(me.body.can.dashboard.leadership).toBe(true);
    expect((await pi.get("/api/v1/auth/me")).body.can.dashboard.leadership).toBe(false);
  });

  it("indicators: every plan indicator with its status; the counts by status add up to them", async () => {
    const r = await leader.get(URL);
    expect(r.status).toBe(200);
    const n = (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM indicators`)).rows[0]!.n;
    expect(n).toBeGreaterThan(15);
    expect(r.body.indicators.items).toHaveLength(n);
    expect(r.body.indicators.byStatus.map((s: { status: string | null }) => s.status)).toEqual([...PROGRESS_STATUSES, null]);
    expect(r.body.indicators.byStatus.reduce((a: number, s: { count: number }) => a + s.count, 0)).toBe(n);
  });

  it("tasks and money: platform tasks by status group with their approved budgets", async () => {
    const before = (await leader.get(URL)).body.tasks;
    await buildTask(t.database.db, {
      code: "NV-2026-9001",
      titleVi: "Nhiệm vụ A",
      state: "in_progress",
      year: 2026,
      approvedBudgetCity: 900_000_000,
      approvedBudgetOther: 100_000_000,
    });
    await buildTask(t.database.db, { code: "NV-2026-9002", titleVi: "Nhiệm vụ B", taskType: "de_an", state: "proposal", year: 2026 });
    const after = (await leader.get(URL)).body.tasks;
    expect(after.total).toBe(before.total + 2);
    expect(after.approvedCity).toBe(before.approvedCity + 900_000_000);
    expect(after.approvedOther).toBe(before.approvedOther + 100_000_000);
    const sum = (x: { byStatusGroup: { count: number }[] }) => x.byStatusGroup.reduce((a, g) => a + g.count, 0);
    expect(sum(after)).toBe(after.total);
    expect(after.disbursedCity).toBe(0);
  });

  it("budget: the plan's years with the planned city budget, and an actual year's share of spending against 2%", async () => {
    const db = t.database.db;
    await db.execute(sql`INSERT INTO statistical_series_values (series_key, year, value, source, created_at, updated_at)
                         VALUES ('city_spending', 2016, 20000, 'Quyết toán ngân sách 2016', ${t.clock.now()}, ${t.clock.now()})`);
    await db.execute(sql`INSERT INTO funding_plan_actuals (year, city_recurrent, city_development, other_sources, source, created_at, updated_at)
                         VALUES (2016, 150000000000, 100000000000, NULL, 'Quyết định giao dự toán 2016', ${t.clock.now()}, ${t.clock.now()})`);
    const r = await leader.get(URL);
    expect(r.body.budget.targetSharePct).toBe(2);
    const y2014 = r.body.budget.years.find((y: { year: number }) => y.year === 2014);
    expect(y2014.plannedCityStBudget).toBe(304);
    const y2016 = r.body.budget.years.find((y: { year: number }) => y.year === 2016);
    expect(y2016).toMatchObject({ cityStBudget: 250, citySpending: 20000, sharePct: 1.25, targetCityStBudget: 400 });
  });

  it("reporting: completeness of the latest open period", async () => {
    const db = t.database.db;
    const empty = (await leader.get(URL)).body.reporting;
    expect(empty).toMatchObject({ periodId: null, assigned: 0 });
    const officerId = (await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'officer'`)).rows[0]!.id;
    const period = (
      await db.execute<{ id: string }>(sql`
        INSERT INTO statistical_periods (year, name_vi, reference_date, deadline, status, opened_at, created_at, updated_at)
        VALUES (2025, 'Báo cáo thống kê năm 2025', '2025-12-31', '2026-02-01', 'open', ${t.clock.now()}, ${t.clock.now()}, ${t.clock.now()}) RETURNING id`)
    ).rows[0]!.id;
    const form = (
      await db.execute<{ form_key: string; version: number }>(sql`SELECT form_key, version FROM statistical_form_versions ORDER BY form_key LIMIT 1`)
    ).rows[0]!;
    await db.execute(sql`INSERT INTO statistical_period_forms (period_id, form_key, form_version) VALUES (${period}, ${form.form_key}, ${form.version})`);
    const statuses = ["approved", "submitted", "assigned"] as const;
    for (const [i, status] of statuses.entries()) {
      const org = await buildOrganisation(db, { nameVi: `Đơn vị báo cáo ${i + 1}` });
      await db.execute(sql`
        INSERT INTO statistical_reports (period_id, organisation_id, form_key, form_version, status, submitted_at, approved_at, approved_by, created_at, updated_at)
        VALUES (${period}, ${org.id}, ${form.form_key}, ${form.version}, ${status},
                ${status === "assigned" ? null : "2026-01-20T03:00:00Z"}::timestamptz,
                ${status === "approved" ? "2026-01-25T03:00:00Z" : null}::timestamptz, ${status === "approved" ? officerId : null}::uuid, ${t.clock.now()}, ${t.clock.now()})`);
    }
    const r = (await leader.get(URL)).body.reporting;
    // the test clock is 2026-11-27: the deadline has passed, so the report never submitted is overdue
    expect(r).toMatchObject({ periodId: period, periodName: "Báo cáo thống kê năm 2025", assigned: 3, submitted: 2, approved: 1, onTime: 2, overdue: 1 });
  });
});
