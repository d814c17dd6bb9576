// Funding plans through the real app: the baseline loaded at start-up with the checks of its printed figures (three
// real errors, the rest notes by what rounding explains), scenarios (validation, immutability, the model beside the
// baseline, no printed checks), actual allocations with optimistic concurrency, tracking against the targets from the
// input series, the xlsx export of both read back, and who may do what.
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { signedIn } from "../../testing/factories.js";
import { syncBaselinePlan } from "./funding-plans.service.js";
import { budgetAgainstTargets } from "./funding-plans.summary.js";
import { insertDemoFundingPlans } from "./funding-plans.demo.js";

let t: TestApp;
let officer: Client;
let finance: Client;
let leader: Client;
let pi: Client;
let baselineId: string;

const BILLION = 1_000_000_000;

beforeAll(async () => {
  t = await createTestApp();
  officer = (await signedIn(t, { username: "fp_officer", roles: ["officer"], ip: "10.9.0.1" })).client;
  finance = (await signedIn(t, { username: "fp_finance", roles: ["finance"], ip: "10.9.0.2" })).client;
  leader = (await signedIn(t, { username: "fp_leader", roles: ["leader"], ip: "10.9.0.3" })).client;
  pi = (await signedIn(t, { username: "fp_pi", roles: ["pi"], ip: "10.9.0.4" })).client;
});
afterAll(async () => t?.close());

describe(`funding plans (${testDbMode()})`, () => {
  it("loads the printed plan once as the baseline version (start-up is idempotent)", async () => {
    await syncBaselinePlan(t.database.db, t.clock.now());
    const r = await officer.get("/api/v1/funding-plans");
    expect(r.status).toBe(200);
    const baselines = r.body.items.filter((i: any) => i.kind === "baseline");
    expect(baselines).toHaveLength(1);
    expect(baselines[0]).toMatchObject({ number: 1, planKey: "2014-2020", errorCount: 3 });
    expect(r.body.abilities).toEqual({ createScenario: true, editActuals: true, export: true });
    baselineId = baselines[0].id;
  });

  it("checks the printed figures against each other: three errors beyond any rounding, the rest as classed notes", async () => {
    const r = await officer.get(`/api/v1/funding-plans/${baselineId}`);
    expect(r.status).toBe(200);
    expect(r.body.sourceLines).toEqual([861, 954]);
    const report = r.body.printedCheck;
    expect(report.counts).toEqual({ exact: 43, rounded: 8, decimals: 11, wholes: 6, inconsistent: 3 });
    expect(r.body.errorCount).toBe(3);
    const errors = report.checks.filter((c: any) => c.class === "inconsistent");
    expect(errors.map((c: any) => c.id)).toEqual(["2014:other_total:other", "total:other_pct_of_social:share", "total:other_total:sum"]);
    expect(errors[0]).toMatchObject({
      number: 7,
      rowLabel: "2014",
      relation: "Huy động khác = Đầu tư xã hội − Ngân sách TP",
      arithmetic: "1.223,584 − 304 = 919,584; bản in: 920,5",
      value: 919.584,
      printed: 920.5,
      printedWidenedRange: [920.45, 920.55],
    });
    expect(errors[0].widenedRange[0]).toBeCloseTo(919.0835, 9);
    expect(errors[0].gap).toBeCloseTo(0.3655, 9);
    expect(errors[0].explanation).toContain("Không giải thích được bằng làm tròn");
    const note = report.checks.find((c: any) => c.id === "2016:other_total:other");
    expect(note).toMatchObject({ class: "wholes", arithmetic: "2.092,410 − 388 = 1.704,41; bản in: 1.704,0" });
    // the printed table exactly as printed, each figure with the checks that name it
    expect(report.rows.map((x: any) => x.label)).toEqual(["2014", "2015", "2016", "2017", "2018", "2019", "2020", "Tổng"]);
    const social2014 = report.rows[0].cells.find((c: any) => c.key === "social_total");
    expect(social2014).toMatchObject({ cell: { original: "1.223,584", value: 1223.584, decimals: 3, sourceLine: 877 }, worst: "inconsistent", errors: [7] });
    expect(report.rows[1].cells.find((c: any) => c.key === "social_total").cell.original).toBe("1.382,650");

    // the model, apart: inputs implied from the printed totals, chained recomputation with its own arithmetic
    const y2014 = r.body.rows[0];
    expect(y2014.inputs).toMatchObject({
      year: 2014,
      socialSharePct: 1.5,
      cityBudgetSharePct: 2,
      citySpending: 15200,
      gdpImplied: true,
      citySpendingImplied: true,
    });
    expect(y2014.inputs.explanation.gdp).toBe("1.223,584 ÷ 1,5% = 81.572,267");
    expect(y2014.cells.find((c: any) => c.key === "other_total")).toEqual({
      key: "other_total",
      recomputed: 919.584,
      arithmetic: "1.223,584 − 304 = 919,584",
      baseline: null,
      deltaFromBaseline: null,
    });

    officer.lang = "en";
    const en = await officer.get(`/api/v1/funding-plans/${baselineId}`);
    officer.lang = "vi";
    const enError = en.body.printedCheck.checks.find((c: any) => c.id === "2014:other_total:other");
    expect(enError.arithmetic).toBe("1,223.584 − 304 = 919.584; printed: 920.5");
    expect(enError.relation).toBe("Other sources = social investment − city budget");
    expect(enError.explanation).toContain("Rounding cannot explain it");
    // printed figures stay as printed in either language
    expect(en.body.printedCheck.rows[0].cells[0].cell.original).toBe("1.223,584");
    expect(en.body.printedCheck.rows.at(-1).label).toBe("Total");
    expect(en.body.rows.at(-1).label).toBe("Total");
  });

  it("saves a named scenario as a new immutable version compared with the baseline", async () => {
    const base = (await officer.get(`/api/v1/funding-plans/${baselineId}`)).body;
    const inputs = base.rows
      .filter((r: any) => r.inputs)
      .map((r: any) => ({
        year: r.inputs.year,
        gdp: r.inputs.year === 2020 ? 200_000 : r.inputs.gdp,
        citySpending: r.inputs.citySpending,
        socialSharePct: r.inputs.socialSharePct,
        cityBudgetSharePct: r.inputs.year >= 2019 ? 2.5 : r.inputs.cityBudgetSharePct,
        recurrentSharePct: r.inputs.recurrentSharePct,
      }));
    const r = await leader.post("/api/v1/funding-plans", { name: "GRDP 2020 cao hơn, ngân sách 2,5%", note: "Thử nghiệm", inputs });
    expect(r.status).toBe(201);
    // a scenario is the model recomputed from its inputs: no printed figures, so no checks
    expect(r.body).toMatchObject({ kind: "scenario", number: 2, basedOnId: baselineId, comparedWithId: baselineId, errorCount: null, printedCheck: null });
    const y2020 = r.body.rows.find((x: any) => x.year === 2020);
    expect(y2020.inputs).toMatchObject({ gdp: 200_000, gdpImplied: false, citySpendingImplied: false });
    expect(r.body.rows.find((x: any) => x.year === 2014).inputs).toMatchObject({ gdpImplied: true, citySpendingImplied: true });
    const social2020 = y2020.cells.find((c: any) => c.key === "social_total");
    expect(social2020).toMatchObject({ recomputed: 4000, baseline: 3472.404 });
    expect(social2020.deltaFromBaseline).toBeCloseTo(527.596, 9);
    const city2019 = r.body.rows.find((x: any) => x.year === 2019).cells.find((c: any) => c.key === "city_budget_total");
    expect(city2019.recomputed).toBeCloseTo(707.5, 9);
    expect(city2019.deltaFromBaseline).toBeCloseTo(141.5, 9);
    const total = r.body.rows.at(-1).cells.find((c: any) => c.key === "social_total");
    expect(total.deltaFromBaseline).toBeCloseTo(527.596, 9);

    const audit = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'funding_plan.scenario_create' AND entity_id = ${r.body.id}`,
    );
    expect(audit.rows[0]!.n).toBe(1);

    // immutable once saved: the database refuses changes even from inside the app
    await expect(t.database.db.execute(sql`UPDATE funding_plan_versions SET name = 'x' WHERE id = ${r.body.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM funding_plan_versions WHERE id = ${baselineId}`)).rejects.toThrow();

    // the same name again → 409; wrong years → 400 with a clear message; unknown base → 400
    const dup = await officer.post("/api/v1/funding-plans", { name: "grdp 2020 cao hơn, ngân sách 2,5%", inputs });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toContain("tên này");
    const short = await officer.post("/api/v1/funding-plans", { name: "Thiếu năm", inputs: inputs.slice(1) });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain("2014–2020");
    const twice = await officer.post("/api/v1/funding-plans", { name: "Trùng năm", inputs: [...inputs.slice(1), inputs[1]] });
    expect(twice.status).toBe(400);
    const unknown = await officer.post("/api/v1/funding-plans", { name: "Gốc lạ", basedOnId: "00000000-0000-4000-8000-000000000000", inputs });
    expect(unknown.status).toBe(400);
    const negative = await officer.post("/api/v1/funding-plans", { name: "Âm", inputs: [{ ...inputs[0], gdp: -1 }, ...inputs.slice(1)] });
    expect(negative.status).toBe(400);
    const extra = await officer.post("/api/v1/funding-plans", { name: "Thừa trường", inputs, kind: "baseline" });
    expect(extra.status).toBe(400);

    const list = await officer.get("/api/v1/funding-plans");
    expect(list.body.items.map((i: any) => [i.number, i.errorCount])).toEqual([
      [1, 3],
      [2, null],
    ]);
  });

  it("keeps the funding plan from researchers and organisations", async () => {
    expect((await pi.get("/api/v1/funding-plans")).status).toBe(403);
    expect((await pi.get(`/api/v1/funding-plans/${baselineId}`)).status).toBe(403);
    expect((await pi.get("/api/v1/funding-plans/tracking")).status).toBe(403);
    expect((await pi.post("/api/v1/funding-plans/actuals", {})).status).toBe(403);
    const anon = new Client(t, "10.9.0.9");
    expect((await anon.get("/api/v1/funding-plans")).status).toBe(401);
    expect((await officer.get("/api/v1/funding-plans/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("records actual allocations with provenance and optimistic concurrency", async () => {
    const body = {
      year: 2016,
      cityRecurrent: 180 * BILLION,
      cityDevelopment: 150 * BILLION,
      otherSources: 1200 * BILLION,
      source: "Quyết toán NSĐP 2016, biểu 53",
    };
    expect((await leader.post("/api/v1/funding-plans/actuals", body)).status).toBe(403);
    const created = await finance.post("/api/v1/funding-plans/actuals", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2016, cityTotal: 330 * BILLION, version: 1, abilities: { update: true, delete: true } });
    const again = await officer.post("/api/v1/funding-plans/actuals", body);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("2016");
    const bad = await finance.post("/api/v1/funding-plans/actuals", { ...body, year: 2017, cityRecurrent: -5 });
    expect(bad.status).toBe(400);
    const fraction = await finance.post("/api/v1/funding-plans/actuals", { ...body, year: 2017, cityRecurrent: 1.5 });
    expect(fraction.status).toBe(400);

    const id = created.body.id;
    const upd = { cityRecurrent: 190 * BILLION, cityDevelopment: 150 * BILLION, otherSources: null, source: "Quyết toán NSĐP 2016 (điều chỉnh)", version: 1 };
    const ok = await officer.put(`/api/v1/funding-plans/actuals/${id}`, upd);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, cityTotal: 340 * BILLION, otherSources: null });
    const stale = await finance.put(`/api/v1/funding-plans/actuals/${id}`, { ...upd, cityRecurrent: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ version: 2, cityRecurrent: 190 * BILLION });
    expect((await leader.put(`/api/v1/funding-plans/actuals/${id}`, { ...upd, version: 2 })).status).toBe(403);
    expect((await finance.delete(`/api/v1/funding-plans/actuals/${id}?version=1`)).status).toBe(409);

    // two corrections from the same version: exactly one wins
    const racers = await Promise.all([
      officer.put(`/api/v1/funding-plans/actuals/${id}`, { ...upd, version: 2, note: "A" }),
      finance.put(`/api/v1/funding-plans/actuals/${id}`, { ...upd, version: 2, note: "B" }),
    ]);
    expect(racers.map((r) => r.status).sort()).toEqual([200, 409]);

    const audits = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${id} AND action LIKE 'funding_actual.%' ORDER BY id`,
    );
    expect(audits.rows.map((r) => r.action)).toEqual(["funding_actual.create", "funding_actual.update", "funding_actual.update"]);
  });

  it("tracks actuals against the plan and the 2%-of-spending and %-of-GDP targets from the input series", async () => {
    await t.database.db.execute(sql`
      INSERT INTO statistical_series (key, name_vi, name_en, unit_vi, unit_en, created_at, updated_at)
      VALUES ('gdp', 'GRDP', 'GDP', 'tỷ đồng', 'billion VND', ${t.clock.now()}, ${t.clock.now()}),
             ('city_spending', 'Chi NSĐP', 'City spending', 'tỷ đồng', 'billion VND', ${t.clock.now()}, ${t.clock.now()})
      ON CONFLICT (key) DO NOTHING`);
    await t.database.db.execute(sql`
      INSERT INTO statistical_series_values (series_key, year, value, source, created_at, updated_at)
      VALUES ('gdp', 2017, 100000, 'Niên giám 2017', ${t.clock.now()}, ${t.clock.now()}),
             ('city_spending', 2017, 20000, 'Quyết toán 2017', ${t.clock.now()}, ${t.clock.now()})
      ON CONFLICT (series_key, year) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source`);
    const created = await finance.post("/api/v1/funding-plans/actuals", {
      year: 2017,
      cityRecurrent: 200 * BILLION,
      cityDevelopment: 100 * BILLION,
      otherSources: 1500 * BILLION,
      source: "Quyết toán NSĐP 2017",
    });
    expect(created.status).toBe(201);
    await finance.post("/api/v1/funding-plans/actuals", { year: 2022, cityRecurrent: 400 * BILLION, cityDevelopment: 0, source: "Báo cáo 2022" });

    const r = await leader.get("/api/v1/funding-plans/tracking");
    expect(r.status).toBe(200);
    expect(r.body.abilities).toEqual({ create: false });
    expect(r.body.rows.map((x: any) => x.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022]);
    const y2017 = r.body.rows.find((x: any) => x.year === 2017);
    expect(y2017).toMatchObject({
      cityStBudget: 300,
      citySpending: 20000,
      sharePct: 1.5,
      targetCityStBudget: 400,
      gdp: 100000,
      socialInvestment: 1800,
      socialPctGdp: 1.8,
      targetSocialPctGdp: 2,
      plannedCityStBudget: 440,
      plannedSocialInvestment: 2374.886,
      gdpSource: "Niên giám 2017",
    });
    expect(r.body.rows.find((x: any) => x.year === 2014)).toMatchObject({
      cityStBudget: null,
      plannedCityStBudget: 304,
      targetSocialPctGdp: 1.5,
      sharePct: null,
    });
    expect(r.body.rows.find((x: any) => x.year === 2022)).toMatchObject({ cityStBudget: 400, socialInvestment: null, plannedCityStBudget: null });
    expect(r.body.actuals.map((a: any) => a.year)).toEqual([2016, 2017, 2022]);

    // the dashboard's function gives the same figures
    const summary = await budgetAgainstTargets(t.database.db);
    expect(summary.find((x) => x.year === 2017)).toMatchObject({ cityStBudget: 300, sharePct: 1.5, socialPctGdp: 1.8, plannedCityStBudget: 440 });

    const del = await finance.delete(`/api/v1/funding-plans/actuals/${created.body.id}?version=1`);
    expect(del.status).toBe(204);
    expect((await finance.get(`/api/v1/funding-plans/actuals/${created.body.id}`)).status).toBe(404);
  });

  it("exports the baseline's checks by class, the table as printed and the model's inputs as xlsx (read back), audited", async () => {
    const r = await leader.get(`/api/v1/funding-plans/${baselineId}/export.xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kiểm tra bản in", "Bảng như bản in", "Số liệu đầu vào (mô hình)"]);
    const checks = wb.worksheets[0]!;
    expect(checks.rowCount).toBe(1 + 71);
    const rows = checks.getSheetValues().slice(2) as unknown[][];
    // errors first, then the notes by what rounding explains, each class in table order
    const classes = rows.map((row) => row[2]);
    expect(classes.slice(0, 3)).toEqual(Array(3).fill("Lỗi: không khớp ngoài mọi sai số làm tròn"));
    expect(classes.slice(3, 9)).toEqual(Array(6).fill("Chỉ giải thích được nếu số nguyên cũng đã làm tròn"));
    expect(classes.slice(9, 20)).toEqual(Array(11).fill("Giải thích được bằng làm tròn phần thập phân"));
    expect(classes.slice(20, 28)).toEqual(Array(8).fill("Bằng nhau sau khi làm tròn"));
    expect(classes.slice(28)).toEqual(Array(43).fill("Khớp đúng"));
    expect(rows.slice(0, 3).map((row) => row[1])).toEqual([7, 64, 71]);
    const first = rows[0]!;
    expect(first.slice(3, 6)).toEqual(["2014", "Huy động khác = Đầu tư xã hội − Ngân sách TP", "1.223,584 − 304 = 919,584; bản in: 920,5"]);
    expect(first.slice(7, 10)).toEqual([919.584, 920.5, 0.916]);
    expect(first[14]).toBeCloseTo(0.3655, 9);
    expect(first[15]).toBe("883, 877, 880");
    const printed = wb.worksheets[1]!;
    expect(printed.rowCount).toBe(1 + 8 * 8);
    const p2014 = printed.getRow(2).values as unknown[];
    expect(p2014.slice(1, 10)).toEqual([
      "2014",
      "Đầu tư xã hội – Tổng",
      "1.223,584",
      1223.584,
      3,
      "Lỗi: không khớp ngoài mọi sai số làm tròn",
      "1, 2, 3, 7, 8, 65",
      "7",
      877,
    ]);
    const inputs = wb.worksheets[2]!.getRow(2).values as unknown[];
    expect(inputs[1]).toBe("2014");
    expect(inputs[4]).toBe(15200);
    expect(String(inputs[7])).toContain("1.223,584 ÷ 1,5%");
    const audit = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'funding_plan.export' AND entity_id = ${baselineId}`,
    );
    expect(audit.rows[0]!.n).toBe(1);
    expect((await pi.get(`/api/v1/funding-plans/${baselineId}/export.xlsx`)).status).toBe(403);

    // a scenario exports the model beside the baseline, and no checks
    const scenario = (await leader.get("/api/v1/funding-plans")).body.items.find((i: any) => i.kind === "scenario");
    leader.lang = "en";
    const s = await leader.get(`/api/v1/funding-plans/${scenario.id}/export.xlsx`);
    leader.lang = "vi";
    const swb = new ExcelJS.Workbook();
    await swb.xlsx.load(s.raw.rawPayload as unknown as ArrayBuffer);
    expect(swb.worksheets.map((w) => w.name)).toEqual(["Funding plan (model)", "Inputs (model)"]);
    expect(swb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      "Year",
      "Column",
      "Recomputed (model)",
      "Baseline (model)",
      "Change from baseline",
      "Arithmetic",
    ]);
  });

  it("demo data: illustrative actuals for 2014–2020 and a scenario, marked as such, inserted once", async () => {
    await insertDemoFundingPlans(t.database.db, t.clock.now());
    await insertDemoFundingPlans(t.database.db, t.clock.now());
    const r = await officer.get("/api/v1/funding-plans/tracking");
    const years = r.body.actuals.map((a: any) => a.year);
    expect(years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022]);
    // a year already recorded is left as it was
    expect(r.body.actuals.find((a: any) => a.year === 2016).source).toBe("Quyết toán NSĐP 2016 (điều chỉnh)");
    expect(r.body.actuals.find((a: any) => a.year === 2014).source).toContain("minh hoạ");
    const y2014 = r.body.rows.find((x: any) => x.year === 2014);
    expect(y2014.cityStBudget).toBeCloseTo(304 * 0.92, 6);
    const list = await officer.get("/api/v1/funding-plans");
    const demo = list.body.items.filter((i: any) => i.note === "Kịch bản minh hoạ (chế độ demo)");
    expect(demo).toHaveLength(1);
    expect(demo[0]).toMatchObject({ kind: "scenario", number: 3, basedOnId: baselineId });
  });
});
