// Indicators of the plan's targets through the real app: definitions loaded from the plan (every quantitative
// target with its baseline and sources), idempotent start-up sync that keeps users' edits, values with provenance
// and optimistic concurrency, the progress status, computed values from the people registry, publish / unpublish,
// the public routes (only published; /api/v1/public and the /api/public alias), series, csv/xlsx read back.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser, signedIn } from "../../testing/factories.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { LEFT_OUT, PLAN_INDICATORS } from "./plan-indicators.js";
import { syncIndicators, syncPlanIndicators } from "./indicators.sync.js";
import { indicatorStatusSummary } from "./indicators.summary.js";
import { refreshRegistryFigures } from "./registry-figures.js";
import { DEMO_PUBLISHED, insertDemoIndicators } from "./indicators.demo.js";

const API = "/api/v1";
let t: TestApp;
let officer: Client;
let leader: Client;
let finance: Client;
let pi: Client;
let anonymous: Client;
let ids: Record<string, string> = {};

const byCode = async (code: string) => {
  const r = await officer.get(`${API}/indicators?q=${encodeURIComponent(code)}&pageSize=200`);
  return r.body.items.find((i: { code: string }) => i.code === code);
};

beforeAll(async () => {
  t = await createTestApp();
  officer = (await signedIn(t, { username: "ind_officer", roles: ["officer"], ip: "10.4.0.1" })).client;
  leader = (await signedIn(t, { username: "ind_leader", roles: ["leader"], ip: "10.4.0.2" })).client;
  finance = (await signedIn(t, { username: "ind_finance", roles: ["finance"], ip: "10.4.0.3" })).client;
  pi = (await signedIn(t, { username: "ind_pi", roles: ["pi"], ip: "10.4.0.4" })).client;
  anonymous = new Client(t, "10.4.0.5");
  const r = await officer.get(`${API}/indicators?pageSize=200`);
  ids = Object.fromEntries(r.body.items.map((i: { code: string; id: string }) => [i.code, i.id]));
});
afterAll(async () => t?.close());

describe(`indicators (${testDbMode()})`, () => {
  it("loads every quantitative target of the plan as an indicator with its baseline, targets and sources", async () => {
    const r = await officer.get(`${API}/indicators?pageSize=200`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(PLAN_INDICATORS.length);
    const details = new Map<string, any>();
    for (const p of PLAN_INDICATORS) details.set(p.code, (await officer.get(`${API}/indicators/${ids[p.code]}`)).body);
    // every quantitative target of the plan (docs/plan/plan-facts.json) is an indicator with its baseline and targets
    const facts = JSON.parse(fs.readFileSync(new URL("../../../../docs/plan/plan-facts.json", import.meta.url), "utf8")).targets;
    const fromPlan = (id: string) => PLAN_INDICATORS.find((p) => p.seedIds.includes(id));
    {
      const quantitative = facts.specific_targets.filter((s: { qualitative?: boolean }) => !s.qualitative);
      expect(quantitative.length).toBeGreaterThan(15);
      for (const s of quantitative) {
        const plan = fromPlan(s.id);
        expect(plan, s.id).toBeDefined();
        const ind = details.get(plan!.code);
        expect(ind.origin).toBe("seed");
        if (s.baseline) {
          expect(ind.baselineDetail, s.id).toMatchObject({ value: s.baseline.value, sourceLine: s.baseline.source.line, quote: s.baseline.source.quote });
        }
        if (s.target.value !== null || s.target.value_min !== undefined) {
          const year = s.target_year ?? 2020;
          const target = ind.targets.find((x: { year: number; sourceLine: number; original: string }) => x.year === year && x.original === s.target.original);
          expect(target, s.id).toBeDefined();
          expect(target.sourceLine).toBe(s.target.source.line);
          if (s.target.unit_vi === ind.unitVi || s.target.unit_vi === "%") {
            if (s.target.value !== null && s.target.unit_vi === ind.unitVi) expect(target.value, s.id).toBe(s.target.value);
            if (s.target.value_min !== undefined) expect([target.min, target.max], s.id).toEqual([s.target.value_min, s.target.value_max]);
          }
        }
      }
      for (const o of facts.other_quantitative_targets_outside_section_II) {
        expect(!!fromPlan(o.id) || o.id in LEFT_OUT, o.id).toBe(true);
      }
    }
    // a few by hand
    expect(details.get("t6.rd_staff_per_10k")).toMatchObject({
      unitVi: "người/vạn dân",
      direction: "increase",
      valueSource: "computed",
      baselineDetail: { value: 8, year: 2012, sourceLine: 245 },
      targets: [{ year: 2020, value: null, min: 12, max: 13, bound: "range", sourceLine: 410 }],
    });
    expect(details.get("t7.budget_share").targets).toHaveLength(7);
    expect(details.get("t7.budget_share").direction).toBe("at_least");
    expect(details.get("t2.hightech_share_industrial").targets.map((x: { year: number; value: number; bound: string }) => [x.year, x.value, x.bound])).toEqual([
      [2015, 30, "exact"],
      [2020, 40, "lower_bound"],
    ]);
    // the plan's own historical value (2000: 286 per 10,000) and the chart's target path from the baseline
    const grad = details.get("t6.graduates_per_10k");
    expect(grad.values).toMatchObject([{ year: 2000, value: 286, origin: "entered" }]);
    expect(grad.chart.targetPath[0]).toEqual({ year: 2012, value: 734 });
    expect(grad.chart.targetPath.at(-1)).toEqual({ year: 2020, value: 850 });
    expect(grad.chart.targetPath).toHaveLength(9);
    // latest value (2000) is before the baseline (2012): no status, with the reason
    expect(grad.statusDetail).toMatchObject({ status: null, reason: "latest_not_after_baseline" });
  });

  it("start-up sync is idempotent and keeps what users changed", async () => {
    expect(await syncPlanIndicators(t.database.db, t.clock.now())).toEqual({ inserted: 0, updated: 0 });
    const id = ids["t3.tfp_share"]!;
    const before = (await officer.get(`${API}/indicators/${id}`)).body;
    const body = {
      targetNo: before.targetNo,
      nameVi: before.nameVi + " (đã sửa)",
      nameEn: before.nameEn,
      statementVi: before.statementVi,
      unitVi: before.unitVi,
      unitEn: before.unitEn,
      direction: before.direction,
      definitionVi: "Định nghĩa do cán bộ sửa",
      definitionEn: before.definitionEn,
      baseline: before.baselineDetail,
      targets: before.targets,
      valueSource: "entered",
      notes: before.notes,
      version: before.version,
    };
    const u = await officer.put(`${API}/indicators/${id}`, body);
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body).toMatchObject({ version: 2, definitionVi: "Định nghĩa do cán bộ sửa" });
    await syncIndicators(t.database.db, t.clock.now());
    const after = (await officer.get(`${API}/indicators/${id}`)).body;
    expect(after.nameVi).toBe(before.nameVi + " (đã sửa)");
    expect(after.version).toBe(2);
    // a stale definition update
    const stale = await officer.put(`${API}/indicators/${id}`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);
    // a seeded value deleted by a user does not come back at the next start
    const g = (await officer.get(`${API}/indicators/${ids["t6.graduates_per_10k"]}`)).body;
    const del = await officer.delete(`${API}/indicators/${g.id}/values/2000?version=${g.values[0].version}`);
    expect(del.status).toBe(200);
    await syncIndicators(t.database.db, t.clock.now());
    expect((await officer.get(`${API}/indicators/${g.id}`)).body.values).toEqual([]);
  });

  it("values per year with provenance: create, conflict, update, delete, roles", async () => {
    const id = ids["t6.graduates_per_10k"]!;
    const put = (year: number, body: Record<string, unknown>, c = officer) => c.put(`${API}/indicators/${id}/values/${year}`, body);
    const created = await put(2016, { value: 800, source: "Niên giám thống kê Hải Phòng 2016, bảng 12", note: "số sơ bộ" });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const v = created.body.values.find((x: { year: number }) => x.year === 2016);
    expect(v).toMatchObject({
      value: 800,
      origin: "entered",
      source: "Niên giám thống kê Hải Phòng 2016, bảng 12",
      note: "số sơ bộ",
      version: 1,
      enteredBy: { name: "ind_officer" },
    });
    // required growth (850/734)^(1/8) − 1 ≈ 1.85 %/yr; actual (800/734)^(1/4) − 1 ≈ 2.18 %/yr → ratio ≈ 1.18
    expect(created.body.statusDetail).toMatchObject({ status: "substantial", method: "target", target: { year: 2020, value: 850 } });
    expect(created.body.statusDetail.ratio).toBeCloseTo(
      Math.pow(800 / 734, 1 / 4) - 1 === 0 ? 0 : (Math.pow(800 / 734, 1 / 4) - 1) / (Math.pow(850 / 734, 1 / 8) - 1),
      9,
    );
    // the year already has a value: without its version → 409
    const again = await put(2016, { value: 740, source: "x" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("VERSION_CONFLICT");
    // stale version → 409 with the current record
    const stale = await put(2016, { value: 740, source: "x", version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.values.find((x: { year: number }) => x.year === 2016).value).toBe(800);
    const updated = await put(2016, { value: 740, source: "Niên giám thống kê 2016 (chính thức)", version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body.values.find((x: { year: number }) => x.year === 2016)).toMatchObject({ value: 740, version: 2 });
    expect(updated.body.statusDetail.status).toBe("limited");
    const down = await put(2017, { value: 700, source: "Niên giám thống kê 2017" });
    expect(down.body.statusDetail).toMatchObject({ status: "deterioration", latest: { year: 2017, value: 700 } });
    const up = await put(2021, { value: 861.5, source: "Niên giám thống kê 2021" });
    expect(up.body.statusDetail).toMatchObject({ status: "achieved", latest: { year: 2021, value: 861.5 } });
    expect(up.body.chart.actual.map((p: { year: number }) => p.year)).toEqual([2016, 2017, 2021]);
    // bad input → 400 with field errors; unknown indicator → 404
    expect((await put(2018, { value: "nhiều", source: "" })).status).toBe(400);
    expect((await put(2018, { value: 1, source: "x", extra: true })).status).toBe(400);
    expect((await officer.put(`${API}/indicators/00000000-0000-4000-8000-000000000000/values/2018`, { value: 1, source: "x" })).status).toBe(404);
    // delete: stale → 409, right version → gone; missing → 404
    expect((await officer.delete(`${API}/indicators/${id}/values/2021?version=9`)).status).toBe(409);
    const gone = await officer.delete(`${API}/indicators/${id}/values/2021?version=1`);
    expect(gone.status).toBe(200);
    expect(gone.body.values.map((x: { year: number }) => x.year)).toEqual([2016, 2017]);
    expect((await officer.delete(`${API}/indicators/${id}/values/2021?version=1`)).status).toBe(404);
    // leaders read but do not enter; researchers do not see internal indicators
    expect((await leader.get(`${API}/indicators/${id}`)).status).toBe(200);
    expect((await put(2019, { value: 1, source: "x" }, leader)).status).toBe(403);
    expect((await pi.get(`${API}/indicators`)).status).toBe(403);
    expect((await anonymous.get(`${API}/indicators`)).status).toBe(401);
    // every change audited
    const audits = await t.database.db.execute<{ action: string; n: number }>(
      sql`SELECT action, count(*)::int AS n FROM audit_log WHERE entity_id = ${id} GROUP BY action ORDER BY action`,
    );
    expect(Object.fromEntries(audits.rows.map((a) => [a.action, Number(a.n)]))).toMatchObject({ "indicator.value_put": 4, "indicator.value_delete": 2 });
  });

  it("computes R&D staff per 10,000 people, the S&T workforce and the postgraduate share from the people registry", async () => {
    const db = t.database.db;
    const institute = await buildOrganisation(db, { type: "rd_institute", nameVi: "Viện Tài nguyên và Môi trường biển (thử)" });
    const university = await buildOrganisation(db, { type: "university", nameVi: "Trường Đại học (thử)" });
    const company = await buildOrganisation(db, { type: "enterprise", nameVi: "Công ty TNHH (thử)" });
    await buildPerson(db, { degree: "TS", primaryOrganisationId: institute.id });
    const master = await buildPerson(db, { degree: "ThS", primaryOrganisationId: company.id });
    await db.execute(sql`INSERT INTO person_affiliations (person_id, organisation_id, start_date) VALUES (${master.id}, ${university.id}, '2020-01-01')`);
    await buildPerson(db, { degree: "DH", primaryOrganisationId: university.id });
    // not counted: at an enterprise; no degree; an affiliation that ended
    await buildPerson(db, { degree: "TS", primaryOrganisationId: company.id });
    await buildPerson(db, { degree: "KHAC", primaryOrganisationId: institute.id });
    const former = await buildPerson(db, { degree: "ThS", primaryOrganisationId: null });
    await db.execute(
      sql`INSERT INTO person_affiliations (person_id, organisation_id, start_date, end_date) VALUES (${former.id}, ${institute.id}, '2015-01-01', '2020-12-31')`,
    );

    const rd = (await officer.get(`${API}/indicators/${ids["t6.rd_staff_per_10k"]}`)).body;
    // only the plan's 2012 population estimate exists: it is used and said in the source
    expect(rd.values).toHaveLength(1);
    expect(rd.values[0]).toMatchObject({ year: 2026, origin: "computed", version: null });
    expect(rd.values[0].value).toBeCloseTo((3 / 1859264) * 10000, 10);
    expect(rd.values[0].source).toMatch(/2012 \(ước tính\)/);
    expect(rd.statusDetail.status).toBe("deterioration");

    const series = await officer.put(`${API}/indicators/series/population/values/2026`, {
      value: 2_100_000,
      source: "Cục Thống kê Hải Phòng, dân số trung bình 2026 (sơ bộ)",
    });
    expect(series.status, JSON.stringify(series.body)).toBe(200);
    const rd2 = (await officer.get(`${API}/indicators/${ids["t6.rd_staff_per_10k"]}`)).body;
    expect(rd2.values[0].value).toBeCloseTo((3 / 2_100_000) * 10000, 10);
    expect(rd2.values[0].source).toMatch(/dân số 2026/);

    const wf = (await officer.get(`${API}/indicators/${ids["t6.st_workforce"]}`)).body;
    expect(wf.values).toMatchObject([{ year: 2026, value: 3, origin: "computed" }]);
    const pg = (await officer.get(`${API}/indicators/${ids["t6.postgraduate_share"]}`)).body;
    expect(pg.values[0].value).toBeCloseTo(200 / 3, 9);
    expect(pg.statusDetail).toMatchObject({ status: "achieved", target: { year: 2026 < 2020 ? 2015 : 2020, value: 40 } });

    // an entered value of the same year wins over the computed one
    const entered = await officer.put(`${API}/indicators/${ids["t6.st_workforce"]}/values/2026`, {
      value: 5200,
      source: "Báo cáo thống kê 02/KHCN-NL tổng hợp 2026",
    });
    expect(entered.body.values).toMatchObject([{ year: 2026, value: 5200, origin: "entered" }]);
    expect((await officer.get(`${API}/indicators/computations`)).body.map((c: { name: string }) => c.name).sort()).toEqual([
      "budget_share_of_spending",
      "postgraduate_share",
      "rd_staff_per_10k",
      "social_investment_pct_gdp",
      "st_workforce",
    ]);
  });

  it("reads the registry figures the upkeep stored; staff recount them at once (audited)", async () => {
    const db = t.database.db;
    expect((await pi.post(`${API}/indicators/computations/refresh`, {})).status).toBe(403);
    expect((await leader.post(`${API}/indicators/computations/refresh`, {})).status).toBe(403);
    const first = await officer.post(`${API}/indicators/computations/refresh`, {});
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = first.body.workforce as { total: number; postgraduate: number };
    expect(before.total).toBeGreaterThan(0);
    expect(first.body.computedAt).not.toBeNull();
    const share = async () => (await officer.get(`${API}/indicators/${ids["t6.postgraduate_share"]}`)).body.values.at(-1);
    const stored = await share();
    expect(stored.value).toBeCloseTo((before.postgraduate / before.total) * 100, 9);
    expect(stored.source).toMatch(/số liệu lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

    // a researcher added to the registry counts from the next recount (the upkeep's step), not before
    const university = await buildOrganisation(db, { type: "university", nameVi: "Trường Đại học Hàng hải (thử)" });
    await buildPerson(db, { degree: "TSKH", primaryOrganisationId: university.id });
    expect((await share()).value).toBeCloseTo(stored.value, 9);
    const second = await refreshRegistryFigures(db, t.clock);
    expect(second.workforce).toEqual({ total: before.total + 1, postgraduate: before.postgraduate + 1 });
    expect((await share()).value).toBeCloseTo(((before.postgraduate + 1) / (before.total + 1)) * 100, 9);
    const audits = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicator.registry_refresh'`);
    expect(Number(audits.rows[0]!.n)).toBe(1);
  });

  it("consolidates an indicator from approved statistical reports only (sum over organisations, per year)", async () => {
    const db = t.database.db;
    const created = await officer.post(`${API}/indicators`, {
      code: "x.rd_people_reported",
      nameVi: "Nhân lực nghiên cứu theo báo cáo thống kê",
      nameEn: "R&D people from statistical reports",
      unitVi: "người",
      unitEn: "persons",
      direction: "increase",
      baseline: { value: 4900, year: 2012 },
      targets: [{ year: 2030, value: 8000, bound: "exact" }],
      valueSource: "consolidated",
      consolidation: { formCode: "02/KHCN-NL", cellKey: "t.total" },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.values).toEqual([]);
    const form = await db.execute<{ form_key: string; version: number }>(
      sql`SELECT form_key, max(version) AS version FROM statistical_form_versions WHERE form_key = '02-KHCN-NL' GROUP BY form_key`,
    );
    expect(form.rows).toHaveLength(1);
    const fv = Number(form.rows[0]!.version);
    const approver = await buildUser(db, { username: "ind_approver", roles: ["officer"] });
    const period = await db.execute<{
      id: string;
    }>(sql`INSERT INTO statistical_periods (year, name_vi, reference_date, deadline, status, created_at, updated_at)
      VALUES (2025, 'Kỳ báo cáo 2025 (thử)', '2025-12-31', '2026-03-31', 'open', ${t.clock.now()}, ${t.clock.now()}) RETURNING id`);
    const pid = period.rows[0]!.id;
    await db.execute(sql`INSERT INTO statistical_period_forms (period_id, form_key, form_version) VALUES (${pid}, '02-KHCN-NL', ${fv})`);
    const report = async (cells: number, approve: boolean) => {
      const org = await buildOrganisation(db, {});
      const r = await db.execute<{
        id: string;
      }>(sql`INSERT INTO statistical_reports (period_id, organisation_id, form_key, form_version, status, created_at, updated_at)
        VALUES (${pid}, ${org.id}, '02-KHCN-NL', ${fv}, 'submitted', ${t.clock.now()}, ${t.clock.now()}) RETURNING id`);
      const rid = r.rows[0]!.id;
      await db.execute(sql`INSERT INTO statistical_report_cells (report_id, cell_key, value) VALUES (${rid}, 't.total', ${cells}), (${rid}, 't.women', 1)`);
      if (approve)
        await db.execute(
          sql`UPDATE statistical_reports SET status = 'approved', approved_at = ${t.clock.now()}, approved_by = ${approver.id} WHERE id = ${rid}`,
        );
    };
    await report(120, true);
    await report(75, true);
    await report(1000, false); // submitted, not approved: not counted
    const after = (await officer.get(`${API}/indicators/${created.body.id}`)).body;
    expect(after.values).toEqual([
      expect.objectContaining({ year: 2025, value: 195, origin: "consolidated", version: null, source: expect.stringContaining("02/KHCN-NL") }),
    ]);
    expect(after.statusDetail.latest).toEqual({ year: 2025, value: 195 });
  });

  it("computes the S&T share of city spending from the funding plan's actual allocations and the city_spending series", async () => {
    const id = ids["t7.budget_share"]!;
    const before = (await officer.get(`${API}/indicators/${id}`)).body;
    expect(before).toMatchObject({ valueSource: "computed", computation: "budget_share_of_spending" });
    const db = t.database.db;
    const cols = await db.execute<{ column_name: string }>(sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'funding_plan_actuals'`);
    const names = cols.rows.map((c) => c.column_name);
    expect(names).toEqual(expect.arrayContaining(["year", "city_recurrent", "city_development"]));
    const at = `'${t.clock.now().toISOString()}'::timestamptz`;
    await db.execute(
      sql.raw(`INSERT INTO funding_plan_actuals (year, city_recurrent, city_development${names.includes("source") ? ", source" : ""}, created_at, updated_at)
      VALUES (2024, 150000000000, 90000000000${names.includes("source") ? ", 'Quyết toán 2024'" : ""}, ${at}, ${at})`),
    );
    await officer.put(`${API}/indicators/series/city_spending/values/2024`, { value: 24000, source: "Quyết toán ngân sách thành phố 2024" });
    const after = (await officer.get(`${API}/indicators/${id}`)).body;
    const v = after.values.find((x: { year: number }) => x.year === 2024);
    expect(v).toMatchObject({ origin: "computed", value: 1 });
    expect(v.source).toMatch(/240 tỷ đồng ÷ tổng chi ngân sách 24\.000 tỷ đồng/);
    // baseline 0.57 % (2012), floor 2 % every year: 1 % in 2024 → ratio of growth rates, not achieved
    expect(after.statusDetail).toMatchObject({ target: { year: 2020, value: 2 }, latest: { year: 2024, value: 1 } });
    expect(after.statusDetail.status).not.toBe("achieved");
  });

  it("creates indicators with validation: code, value source, computation, ranges", async () => {
    const base = {
      code: "x.enterprises_innovating",
      nameVi: "Số doanh nghiệp có hoạt động đổi mới sáng tạo",
      nameEn: "Enterprises with innovation activities",
      unitVi: "doanh nghiệp",
      unitEn: "enterprises",
      direction: "increase",
      baseline: { value: 120, year: 2024, sourceLine: null, quote: null },
      targets: [{ year: 2030, value: 300, bound: "exact" }],
      valueSource: "entered",
    };
    const ok = await officer.post(`${API}/indicators`, base);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      origin: "custom",
      published: false,
      version: 1,
      abilities: { edit: true, enterValues: true, publish: true, unpublish: false },
    });
    const dup = await officer.post(`${API}/indicators`, base);
    expect(dup.status).toBe(409);
    const bad = await officer.post(`${API}/indicators`, { ...base, code: "Mã có dấu" });
    expect(bad.status).toBe(400);
    const noComp = await officer.post(`${API}/indicators`, { ...base, code: "x.a1", valueSource: "computed" });
    expect(noComp.status).toBe(400);
    expect(noComp.body.error.message).toMatch(/phép tính/);
    officer.lang = "en";
    const unknown = await officer.post(`${API}/indicators`, { ...base, code: "x.a2", valueSource: "computed", computation: "nope" });
    officer.lang = "vi";
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/no computation "nope"/);
    const badRange = await officer.post(`${API}/indicators`, { ...base, code: "x.a3", targets: [{ year: 2030, min: 5, max: 3, bound: "range" }] });
    expect(badRange.status).toBe(400);
    const noCell = await officer.post(`${API}/indicators`, { ...base, code: "x.a4", valueSource: "consolidated" });
    expect(noCell.status).toBe(400);
    expect((await leader.post(`${API}/indicators`, { ...base, code: "x.a5" })).status).toBe(403);
    ids["x.enterprises_innovating"] = ok.body.id;
  });

  it("publishes and unpublishes (audited); the public routes show only published indicators", async () => {
    const id = ids["t6.graduates_per_10k"]!;
    const code = "t6.graduates_per_10k";
    const cur = (await officer.get(`${API}/indicators/${id}`)).body;
    expect((await anonymous.get(`${API}/public/indicators/${code}`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/indicators/${code}`)).status).toBe(404);
    expect((await officer.post(`${API}/indicators/${id}/publish`, { version: cur.version + 5 })).status).toBe(409);
    expect((await leader.post(`${API}/indicators/${id}/publish`, { version: cur.version })).status).toBe(403);
    const pub = await officer.post(`${API}/indicators/${id}/publish`, { version: cur.version });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body).toMatchObject({ published: true, version: cur.version + 1 });
    expect(pub.body.publishedAt).toBeTruthy();
    // The record says which of the two the caller may do now; a leader neither.
    expect(pub.body.abilities).toMatchObject({ publish: false, unpublish: true });
    expect((await leader.get(`${API}/indicators/${id}`)).body.abilities).toMatchObject({ publish: false, unpublish: false });
    expect((await officer.post(`${API}/indicators/${id}/publish`, { version: cur.version + 1 })).status).toBe(409);

    const list = await anonymous.get(`${API}/public/indicators`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { code: string }) => i.code)).toEqual([code]);
    expect(list.body.items[0]).not.toHaveProperty("id");
    const alias = await anonymous.get(`/api/public/indicators?q=${encodeURIComponent("cao đẳng")}`);
    expect(alias.status).toBe(200);
    expect(alias.body.items.map((i: { code: string }) => i.code)).toEqual([code]);
    const one = await anonymous.get(`/api/public/indicators/${code}`);
    expect(one.status).toBe(200);
    expect(one.body.values.map((v: { year: number; value: number }) => [v.year, v.value])).toEqual([
      [2016, 740],
      [2017, 700],
    ]);
    expect(one.body.values[0]).not.toHaveProperty("enteredBy");
    expect(one.body.chart.targetPath.at(-1)).toEqual({ year: 2020, value: 850 });
    const json = await anonymous.get(`${API}/public/indicators/${code}/data.json`);
    expect(json.body).toEqual(one.body);
    const csv = await anonymous.get(`/api/public/indicators/${code}/data.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.raw.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Mã chỉ tiêu,Năm,Loại số liệu,Giá trị,Cận dưới,Cận trên,Dạng chỉ tiêu,Nguyên văn,Nguồn giá trị,Nguồn / xuất xứ,Ghi chú");
    expect(lines).toHaveLength(1 + 1 + 1 + 2); // header, baseline, one target, two values
    expect(lines[1]).toMatch(/^t6\.graduates_per_10k,2012,Giá trị gốc,734,/);
    expect(lines[3]).toMatch(/^t6\.graduates_per_10k,2016,Thực hiện,740,/);
    expect(lines.join("\n")).not.toMatch(/ind_officer/);
    // unpublished and unknown codes are 404 everywhere; a code with a bad shape is 400
    expect((await anonymous.get(`${API}/public/indicators/t6.rd_staff_per_10k`)).status).toBe(404);
    expect((await anonymous.get(`${API}/public/indicators/t6.rd_staff_per_10k/data.csv`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/indicators/khong-co/data.json`)).status).toBe(404);
    expect((await anonymous.get(`${API}/public/indicators/${encodeURIComponent("<script>")}`)).status).toBe(400);

    const un = await officer.post(`${API}/indicators/${id}/unpublish`, { version: cur.version + 1 });
    expect(un.status).toBe(200);
    expect(un.body.published).toBe(false);
    expect((await anonymous.get(`/api/public/indicators/${code}`)).status).toBe(404);
    expect((await anonymous.get(`${API}/public/indicators`)).body.items).toEqual([]);
    const audits = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${id} AND action IN ('indicator.publish', 'indicator.unpublish') ORDER BY id`,
    );
    expect(audits.rows.map((a) => a.action)).toEqual(["indicator.publish", "indicator.unpublish"]);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("downloads one indicator and the list as xlsx and csv that read back", async () => {
    const id = ids["t6.graduates_per_10k"]!;
    const x = await officer.get(`${API}/indicators/${id}/export?format=xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw.rawPayload as unknown as ExcelJS.Buffer);
    const data = wb.getWorksheet("Số liệu")!;
    const rows: unknown[][] = [];
    data.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]!.slice(0, 4)).toEqual(["Mã chỉ tiêu", "Năm", "Loại số liệu", "Giá trị"]);
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      [2012, "Giá trị gốc", 734],
      [2020, "Mục tiêu", 850],
      [2016, "Thực hiện", 740],
      [2017, "Thực hiện", 700],
    ]);
    expect(rows[3]![11]).toBe("ind_officer");
    const meta = wb.getWorksheet("Thông tin chỉ tiêu")!;
    expect(meta.getRow(2).getCell(2).value).toBe("t6.graduates_per_10k");

    officer.lang = "en";
    const list = await officer.get(`${API}/indicators/export?format=csv&valueSource=computed`);
    officer.lang = "vi";
    expect(list.status).toBe(200);
    const lines = list.raw.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Indicator code,Target no\.,Indicator,Unit,/);
    expect(
      lines
        .slice(1)
        .map((l: string) => l.split(",")[0])
        .sort(),
    ).toEqual(["t6.postgraduate_share", "t6.rd_staff_per_10k", "t6.st_workforce", "t7.budget_share", "t7.social_investment"]);
    const lx = await officer.get(`${API}/indicators/export?format=xlsx`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(lx.raw.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb2.getWorksheet("Chỉ tiêu")!.rowCount).toBe(PLAN_INDICATORS.length + 2 + 1);
    const exports = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicator.export'`);
    expect(Number(exports.rows[0]!.n)).toBe(3);
    expect((await pi.get(`${API}/indicators/${id}/export?format=csv`)).status).toBe(403);
  });

  it("lists with filters by status, target number, published and search", async () => {
    const all = (await officer.get(`${API}/indicators?pageSize=200`)).body;
    const six = (await officer.get(`${API}/indicators?targetNo=${encodeURIComponent("(6)")}&pageSize=200`)).body;
    expect(six.items.map((i: { code: string }) => i.code)).toEqual(["t6.graduates_per_10k", "t6.rd_staff_per_10k", "t6.st_workforce", "t6.postgraduate_share"]);
    const achieved = (await officer.get(`${API}/indicators?status=achieved&pageSize=200`)).body;
    expect(achieved.items.map((i: { code: string }) => i.code)).toEqual(["t6.postgraduate_share"]);
    const none = (await officer.get(`${API}/indicators?status=none&pageSize=200`)).body;
    expect(none.total).toBe(all.items.filter((i: { status: string | null }) => i.status === null).length);
    const search = (await officer.get(`${API}/indicators?q=${encodeURIComponent("nghien cuu - phat trien")}`)).body;
    expect(search.items.map((i: { code: string }) => i.code)).toContain("t6.rd_staff_per_10k");
    const page2 = (await officer.get(`${API}/indicators?pageSize=5&page=2`)).body;
    expect(page2.items.map((i: { code: string }) => i.code)).toEqual(all.items.slice(5, 10).map((i: { code: string }) => i.code));
    const byStatus = (await officer.get(`${API}/indicators?sort=status&pageSize=200`)).body.items;
    expect(byStatus[0].status).toBe("achieved");
    expect((await officer.get(`${API}/indicators?status=great`)).status).toBe(400);
    const summary = await indicatorStatusSummary(t.database.db, { publishedOnly: false, now: t.clock.now() });
    expect(summary).toHaveLength(all.total);
    expect(summary.find((s) => s.code === "t6.rd_staff_per_10k")).toMatchObject({ status: "deterioration", target: { year: 2020, value: 12 } });
    expect(await indicatorStatusSummary(t.database.db, { publishedOnly: true, now: t.clock.now() })).toEqual([]);
    expect(await byCode("t6.rd_staff_per_10k")).toBeDefined();
  });

  it("input series: seeded definitions and the plan's implied population; values with provenance and concurrency", async () => {
    const r = await leader.get(`${API}/indicators/series`);
    expect(r.status).toBe(200);
    const keys = r.body.map((s: { key: string }) => s.key);
    expect(keys).toEqual(expect.arrayContaining(["population", "gdp", "city_spending"]));
    const pop = r.body.find((s: { key: string }) => s.key === "population");
    expect(pop.values.find((v: { year: number }) => v.year === 2012)).toMatchObject({ value: 1859264, estimate: true });
    expect(pop.values.find((v: { year: number }) => v.year === 2012).source).toMatch(/136\.470.*734.*10\.000/);
    expect(r.body.find((s: { key: string }) => s.key === "gdp").values).toEqual([]);
    expect(pop.abilities.enterValues).toBe(false);
    const put = await finance.put(`${API}/indicators/series/city_spending/values/2025`, {
      value: 28456.7,
      source: "Quyết toán ngân sách thành phố 2025",
      estimate: false,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.values.find((v: { year: number }) => v.year === 2025)).toMatchObject({ year: 2025, value: 28456.7, version: 1 });
    expect((await finance.put(`${API}/indicators/series/city_spending/values/2025`, { value: 1, source: "x" })).status).toBe(409);
    expect((await finance.put(`${API}/indicators/series/city_spending/values/2025`, { value: 1, source: "x", version: 3 })).status).toBe(409);
    expect(
      (
        await finance.put(`${API}/indicators/series/city_spending/values/2025`, { value: 28500, source: "Quyết toán (điều chỉnh)", version: 1 })
      ).body.values.find((v: { year: number }) => v.year === 2025),
    ).toMatchObject({ value: 28500, version: 2 });
    expect((await leader.put(`${API}/indicators/series/city_spending/values/2024`, { value: 1, source: "x" })).status).toBe(403);
    expect((await finance.put(`${API}/indicators/series/khong_co/values/2024`, { value: 1, source: "x" })).status).toBe(404);
    expect((await finance.delete(`${API}/indicators/series/city_spending/values/2025?version=1`)).status).toBe(409);
    expect((await finance.delete(`${API}/indicators/series/city_spending/values/2025?version=2`)).body.values.map((v: { year: number }) => v.year)).toEqual([
      2024,
    ]);
    expect((await pi.get(`${API}/indicators/series`)).status).toBe(403);
  });

  it("refuses a figure too small for growth rates (a 5e-324 baseline answered 500): 400 with a vi/en field message, nothing stored", async () => {
    const base = {
      code: "x.tiny_figures",
      nameVi: "Chỉ tiêu thử số rất nhỏ",
      nameEn: "Tiny figures",
      unitVi: "%",
      unitEn: "%",
      direction: "increase",
      baseline: { value: 2, year: 2015 },
      targets: [{ year: 2030, value: 30, bound: "exact" }],
      valueSource: "entered",
    };
    const created = await officer.post(`${API}/indicators`, base);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const { code: _code, ...definition } = base;
    // The fuzz suite's counterexample: the definition's baseline replaced by a subnormal number, with targets in place.
    const tiny = { ...definition, baseline: { value: 5e-324, year: 2015 }, version: 1 };
    const vi = await officer.put(`${API}/indicators/${id}`, tiny);
    expect(vi.status, JSON.stringify(vi.body)).toBe(400);
    expect(vi.body.error.details).toEqual([
      expect.objectContaining({ path: "body.baseline.value", message: "Số khác 0 phải có giá trị tuyệt đối từ 0,000000001 trở lên" }),
    ]);
    officer.lang = "en";
    const en = await officer.put(`${API}/indicators/${id}`, tiny);
    officer.lang = "vi";
    expect(en.status).toBe(400);
    expect(en.body.error.details[0].message).toBe("A non-zero number must be at least 0.000000001 in absolute value");
    // the same figure as a target, a new indicator's baseline, a year's value and a series value
    expect(
      (await officer.put(`${API}/indicators/${id}`, { ...tiny, baseline: base.baseline, targets: [{ year: 2030, value: -1e-300, bound: "exact" }] })).body.error
        .details[0].path,
    ).toBe("body.targets.0.value");
    expect((await officer.post(`${API}/indicators`, { ...base, code: "x.tiny_figures_2", baseline: { value: 1e-10, year: 2015 } })).status).toBe(400);
    const value = await officer.put(`${API}/indicators/${id}/values/2020`, { value: 5e-324, source: "x" });
    expect(value.status).toBe(400);
    expect(value.body.error.details[0].path).toBe("body.value");
    const spending = await finance.put(`${API}/indicators/series/city_spending/values/2031`, { value: 5e-324, source: "x" });
    expect(spending.status).toBe(400);
    expect(spending.body.error.details[0].path).toBe("body.value");
    // nothing stored
    const after = await officer.get(`${API}/indicators/${id}`);
    expect(after.body).toMatchObject({ version: 1, baselineDetail: { value: 2 }, values: [] });
    expect(
      (await leader.get(`${API}/indicators/series`)).body.find((x: { key: string }) => x.key === "city_spending").values.map((v: { year: number }) => v.year),
    ).not.toContain(2031);
    expect((await t.database.db.execute(sql`SELECT 1 FROM indicators WHERE code = 'x.tiny_figures_2'`)).rows).toEqual([]);
    // the smallest figure allowed, and zero, still work: the status and the target path stay numbers
    const least = await officer.put(`${API}/indicators/${id}`, { ...tiny, baseline: { value: 1e-9, year: 2015 } });
    expect(least.status, JSON.stringify(least.body)).toBe(200);
    expect(least.body.chart.targetPath.every((p: { value: number }) => Number.isFinite(p.value) && p.value >= 1e-9 && p.value <= 30)).toBe(true);
    const up = await officer.put(`${API}/indicators/${id}/values/2016`, { value: 20, source: "x" });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body.statusDetail).toMatchObject({ status: "substantial", method: "target", latest: { year: 2016, value: 20 } });
    expect(up.body.statusDetail.actualGrowth).toBeCloseTo(20 / 1e-9 - 1, -3);
    const zero = await officer.put(`${API}/indicators/${id}/values/2016`, { value: 0, source: "x", version: 1 });
    expect(zero.status).toBe(200);
    expect(zero.body.statusDetail).toMatchObject({ status: null, reason: "non_positive_value" });
  });

  it("demo data publishes the human-resources and budget indicators, whose values are the plan's or computed", async () => {
    await insertDemoIndicators(t.database.db, t.clock.now());
    const r = await anonymous.get(`/api/public/indicators?pageSize=50`);
    expect(r.body.items.map((i: { code: string }) => i.code).sort()).toEqual([...DEMO_PUBLISHED].sort());
  });
});
