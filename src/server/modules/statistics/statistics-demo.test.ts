// The demo statistical reporting: the 2025 period with the five forms for the org rep's organisation and five others,
// approved reports that consolidate, the org rep's own reports left to file (with the form's prefill available).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { seedDemoData } from "../../demo/seed.js";
import { DEMO_PASSWORD } from "../../demo/demo-accounts.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.database.db, { scale: 1, now: t.clock.now(), year: false });
});
afterAll(async () => t?.close());

describe(`demo statistics (${testDbMode()})`, () => {
  it("has an open 2025 period whose approved reports consolidate, and the org rep's reports to file", async () => {
    const officer = new Client(t);
    await officer.login("officer", DEMO_PASSWORD);
    const periods = await officer.get("/api/v1/statistics/periods?year=2025");
    expect(periods.body.total).toBe(1);
    const p = periods.body.items[0];
    expect(p).toMatchObject({ status: "open", organisationCount: 6 });
    expect(p.counts.assigned).toBe(30);
    expect(p.counts.approved).toBeGreaterThanOrEqual(10);
    expect(p.counts.submitted).toBeGreaterThanOrEqual(3);
    const cons = await officer.get(`/api/v1/statistics/periods/${p.id}/consolidated/02-KHCN-NL`);
    expect(cons.body.approvedReports).toBe(3);
    expect(cons.body.values["staff.total.total"]).toBeGreaterThan(100);
    const tc = await officer.get(`/api/v1/statistics/periods/${p.id}/consolidated/01-KHCN-TC`);
    expect(Object.keys(tc.body.values).some((k) => k.startsWith("org_type="))).toBe(true);

    const rep = new Client(t);
    await rep.login("org_rep", DEMO_PASSWORD);
    const mine = await rep.get("/api/v1/statistics/reports?mine=true");
    expect(mine.body.total).toBe(5);
    const nl = mine.body.items.find((i: { formKey: string }) => i.formKey === "02-KHCN-NL");
    expect(nl.status).toBe("assigned");
    const report = await rep.get(`/api/v1/statistics/reports/${nl.id}`);
    expect(report.body.abilities).toMatchObject({ edit: true, submit: true });
    const prefill = await rep.get(`/api/v1/statistics/reports/${nl.id}/prefill`);
    expect(prefill.body.values["staff.total.total"]).toBeGreaterThan(0);
  });
});
