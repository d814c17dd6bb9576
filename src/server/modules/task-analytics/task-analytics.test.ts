// Task analytics and the historical-tasks import through the real app, on tasks inserted by the test.
import crypto from "node:crypto";
import fs from "node:fs";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";
import { PROCESS_TEMPLATES } from "../../../common/processes/index.js";
import { LIQUIDATED_WITHOUT_PASS, STATUS_GROUPS, STEP_STATUS_GROUP, statusGroupOf, type TaskAnalyticsQuery } from "../../../common/api/task-analytics.js";
import { analyticsGroups, analyticsOutputs, type GroupRow, type OutputRow } from "./task-analytics.service.js";
import { statusGroupRows, syncTaskStatusGroups } from "./task-stats.js";
import { HISTORICAL_TASK_FIGURES } from "./historical-data.js";
import { syncHistoricalTaskStats } from "./historical.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let pi: Client;
let officerId: string;
let orgA: string;
let orgB: string;
let orgAName: string;
let programmeId: string;
const P = "TA" + crypto.randomBytes(3).toString("hex").toUpperCase();

interface TaskRow {
  code: string;
  state: string;
  year: number;
  field?: string | null;
  sector?: string | null;
  type?: string;
  org?: string | null;
  programme?: string | null;
  city?: number | null;
  other?: number | null;
  proposed?: number | null;
  grade?: string | null;
  origin?: string;
}

async function insertTask(r: TaskRow): Promise<string> {
  const res = await t.database.db.execute<{ id: string }>(sql`
    INSERT INTO tasks (code, title_vi, task_type, template_key, template_version, state, origin, year, field_code, sector_code,
                       lead_organisation_id, programme_id, approved_budget_city, approved_budget_other, proposed_budget, result_grade,
                       created_at, updated_at, state_entered_at)
    VALUES (${`${P}-${r.code}`}, ${"Nhiệm vụ " + r.code}, ${r.type ?? "de_tai"}, 'baseline-2013', 1, ${r.state}, ${r.origin ?? "platform"},
            ${r.year}, ${r.field ?? null}, ${r.sector ?? null}, ${r.org ?? null}::uuid, ${r.programme ?? null}::uuid,
            ${r.city ?? null}, ${r.other ?? null}, ${r.proposed ?? null}, ${r.grade ?? null}, ${t.clock.now()}, ${t.clock.now()}, ${t.clock.now()})
    RETURNING id`);
  return res.rows[0].id;
}

async function addSelectedDossier(taskId: string, products: { type: string; quantity: number }[]) {
  const person = await buildPerson(t.database.db);
  const d = await t.database.db.execute<{ id: string }>(sql`
    INSERT INTO task_dossiers (task_id, status, owner_user_id, pi_person_id, lead_organisation_id, created_at, updated_at)
    VALUES (${taskId}, 'selected', ${officerId}, ${person.id}, ${orgA}, ${t.clock.now()}, ${t.clock.now()}) RETURNING id`);
  const dossierId = d.rows[0].id;
  let pos = 0;
  for (const p of products) {
    await t.database.db.execute(sql`
      INSERT INTO task_dossier_products (dossier_id, position, name, output_type, quantity, unit, quality_target)
      VALUES (${dossierId}, ${++pos}, 'Sản phẩm', ${p.type}, ${p.quantity}, 'cái', 'Đạt tiêu chuẩn')`);
  }
  await t.database.db.execute(sql`UPDATE tasks SET selected_dossier_id = ${dossierId} WHERE id = ${taskId}`);
}

beforeAll(async () => {
  t = await createTestApp({ uploadMaxBytes: 1024 * 1024 });
  const signedInOfficer = await signedIn(t, { username: "ta_officer", roles: ["officer"], ip: "10.8.0.1" });
  officerId = signedInOfficer.user.id;
  officer = signedInOfficer.client;
  leader = (await signedIn(t, { username: "ta_leader", roles: ["leader"], ip: "10.8.0.2" })).client;
  pi = (await signedIn(t, { username: "ta_pi", roles: ["pi"], ip: "10.8.0.3" })).client;
  const a = await buildOrganisation(t.database.db, { nameVi: `Viện Thống kê ${P} A`, taxCode: "0" + String(Date.now()).slice(-9) });
  const b = await buildOrganisation(t.database.db, { nameVi: `Viện Thống kê ${P} B` });
  orgA = a.id;
  orgAName = a.nameVi;
  orgB = b.id;
  const p = await t.database.db.execute<{ id: string }>(
    sql`INSERT INTO programmes (code, name_vi, start_year, end_year, created_at, updated_at)
        VALUES (${`CT.${P}`}, 'Chương trình thống kê', 2026, 2030, ${t.clock.now()}, ${t.clock.now()}) RETURNING id`,
  );
  programmeId = p.rows[0].id;

  // Live tasks in years 2091–2093 (no other test uses them), so the year filter isolates this file's data.
  await insertTask({ code: "1", state: "proposal", year: 2091, field: "401", sector: "NN", org: orgA, proposed: 300_000_000 });
  await insertTask({ code: "2", state: "selection_council", year: 2091, field: "402", sector: "NN", org: orgA, proposed: 200_000_000, type: "du_an_sxtn" });
  const t3 = await insertTask({
    code: "3",
    state: "in_progress",
    year: 2092,
    field: "201",
    sector: "CN",
    org: orgB,
    programme: programmeId,
    city: 900_000_000,
    other: 100_000_000,
    proposed: 5,
  });
  const t4 = await insertTask({
    code: "4",
    state: "liquidated",
    year: 2092,
    field: "201",
    sector: "CN",
    org: orgA,
    programme: programmeId,
    city: 500_000_000,
    grade: "pass",
  });
  await insertTask({ code: "5", state: "liquidated", year: 2093, field: "301", sector: "YD", org: orgB, city: 50_000_000, grade: null });
  await insertTask({ code: "6", state: "review_council", year: 2093, field: null, sector: null, org: null, proposed: 70_000_000, type: "de_an" });
  await insertTask({
    code: "H1",
    state: "accepted",
    year: 2093,
    field: "401",
    sector: "NN",
    org: orgA,
    city: 10_000_000,
    origin: "historical",
    grade: "excellent",
  });
  await addSelectedDossier(t3, [
    { type: "model", quantity: 2 },
    { type: "solution", quantity: 1.5 },
  ]);
  await addSelectedDossier(t4, [{ type: "model", quantity: 3 }]);
});
afterAll(async () => t?.close());

const Q = "yearFrom=2091&yearTo=2093";

describe("status groups", () => {
  it("maps every step of every seeded template to a group", () => {
    for (const tpl of PROCESS_TEMPLATES) {
      for (const step of tpl.steps) expect(STATUS_GROUPS, `${tpl.key}.${step.key}`).toContain(STEP_STATUS_GROUP[step.key]);
    }
    expect(statusGroupOf("liquidated", "pass")).toBe("completed");
    expect(statusGroupOf("liquidated", null)).toBe("rejected_terminated");
  });
});

describe("GET /task-analytics", () => {
  it("counts, sums and groups the tasks that match the filters", async () => {
    const r = await officer.get(`/api/v1/task-analytics?${Q}`);
    expect(r.status).toBe(200);
    const b = r.body;
    expect(b.totals).toEqual({ tasks: 7, approvedCity: 1_460_000_000, approvedOther: 100_000_000, proposed: 570_000_000 });
    expect(b.byField1).toEqual([
      { code: "2", labelVi: expect.any(String), labelEn: "Engineering and technology", count: 2 },
      { code: "3", labelVi: expect.any(String), labelEn: expect.any(String), count: 1 },
      { code: "4", labelVi: expect.any(String), labelEn: "Agricultural sciences", count: 3 },
      { code: null, labelVi: null, labelEn: null, count: 1 },
    ]);
    expect(b.byField2.find((x: { code: string }) => x.code === "201").count).toBe(2);
    expect(b.bySector.map((x: { code: string; count: number }) => [x.code, x.count])).toEqual([
      ["CN", 2],
      ["NN", 3],
      ["YD", 1],
      [null, 1],
    ]);
    expect(b.bySector[0].labelVi).toBe("Công nghiệp");
    expect(Object.fromEntries(b.byStatusGroup.map((g: { group: string; count: number }) => [g.group, g.count]))).toEqual({
      proposal: 1,
      selection: 2,
      approved: 0,
      in_progress: 1,
      acceptance: 0,
      completed: 2,
      rejected_terminated: 1,
    });
    expect(b.byYear).toEqual([
      { year: 2091, count: 2, approvedCity: 0, approvedOther: 0, proposed: 500_000_000 },
      { year: 2092, count: 2, approvedCity: 1_400_000_000, approvedOther: 100_000_000, proposed: 0 },
      { year: 2093, count: 3, approvedCity: 60_000_000, approvedOther: 0, proposed: 70_000_000 },
    ]);
    expect(b.byProgramme).toEqual(
      [
        { programmeId, code: `CT.${P}`, nameVi: "Chương trình thống kê", count: 2 },
        { programmeId: null, code: null, nameVi: null, count: 5 },
      ].sort((x, y) => y.count - x.count),
    );
    expect(b.byOrganisation[0]).toEqual({ organisationId: orgA, nameVi: orgAName, count: 4, approvedCity: 510_000_000, approvedOther: 0 });
    expect(b.byTaskType).toEqual([
      { taskType: "de_tai", count: 5 },
      { taskType: "du_an_sxtn", count: 1 },
      { taskType: "de_an", count: 1 },
    ]);
    expect(b.outputs).toEqual([
      { outputType: "model", quantity: 5, tasks: 2 },
      { outputType: "solution", quantity: 1.5, tasks: 1 },
    ]);
  });

  it("filters change the numbers", async () => {
    const platform = await leader.get(`/api/v1/task-analytics?${Q}&origin=platform`);
    expect(platform.body.totals.tasks).toBe(6);
    const historical = await leader.get(`/api/v1/task-analytics?${Q}&origin=historical`);
    expect(historical.body.totals).toEqual({ tasks: 1, approvedCity: 10_000_000, approvedOther: 0, proposed: 0 });
    const field = await officer.get(`/api/v1/task-analytics?${Q}&field=4`);
    expect(field.body.totals.tasks).toBe(3);
    const field2 = await officer.get(`/api/v1/task-analytics?${Q}&field=402`);
    expect(field2.body.totals.tasks).toBe(1);
    const sector = await officer.get(`/api/v1/task-analytics?${Q}&sector=CN`);
    expect(sector.body.outputs).toEqual([
      { outputType: "model", quantity: 5, tasks: 2 },
      { outputType: "solution", quantity: 1.5, tasks: 1 },
    ]);
    const org = await officer.get(`/api/v1/task-analytics?${Q}&organisationId=${orgB}`);
    expect(org.body.totals.approvedCity).toBe(950_000_000);
    const prog = await officer.get(`/api/v1/task-analytics?${Q}&programmeId=${programmeId}&taskType=de_tai`);
    expect(prog.body.totals.tasks).toBe(2);
    const year = await officer.get(`/api/v1/task-analytics?yearFrom=2093&yearTo=2093`);
    expect(year.body.byYear.map((y: { year: number }) => y.year)).toEqual([2093]);
    const top = await officer.get(`/api/v1/task-analytics?${Q}&top=1`);
    expect(top.body.byOrganisation).toHaveLength(1);
    expect((await officer.get(`/api/v1/task-analytics?yearFrom=abc`)).status).toBe(400);
    expect((await officer.get(`/api/v1/task-analytics?extra=1`)).status).toBe(400);
  });

  it("is refused to non-staff roles", async () => {
    expect((await pi.get(`/api/v1/task-analytics`)).status).toBe(403);
    expect((await pi.get(`/api/v1/task-analytics/export.xlsx`)).status).toBe(403);
    const me = await pi.get("/api/v1/auth/me");
    expect(me.body.can?.taskAnalytics?.read).toBe(false);
  });

  it("returns the plan's 1996–2012 figures exactly as the seed facts give them", async () => {
    const r = await officer.get(`/api/v1/task-analytics?${Q}`);
    const figures = r.body.historical.figures as { metricId: string; value: number | null; sourceLine: number; sourceQuote: string; original: string }[];
    expect(r.body.historical.period).toBe("1996-2012");
    expect(r.body.historical.notesEn.byField).toMatch(/exactly six fields/);
    expect(figures).toHaveLength(HISTORICAL_TASK_FIGURES.length);
    const by = new Map(figures.map((f) => [f.metricId, f]));
    expect(by.get("tasks.total")).toMatchObject({ value: 551, sourceLine: 41 });
    expect(by.get("tasks.budget")?.value).toBe(91_327_853_000);
    expect(["scientific_arguments", "models", "solutions", "new_products", "varieties"].map((k) => by.get(`tasks.outputs.${k}`)?.value)).toEqual([
      20, 80, 357, 48, 11,
    ]);
    expect(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"].map((s) => by.get(`tasks.by_field.${s}.count`)?.value)).toEqual([99, 51, 88, 164, 77, 72]);
    // every 1996–2012 figure of the plan (docs/plan/plan-facts.json), as printed and with its line
    const facts = JSON.parse(fs.readFileSync(new URL("../../../../docs/plan/plan-facts.json", import.meta.url), "utf8")).tasks_1996_2012;
    {
      const all = [
        ...facts.summary,
        ...facts.outputs,
        ...facts.by_field.flatMap((b: { tasks: unknown; share_pct: unknown }) => [b.tasks, b.share_pct]),
        ...Object.values(facts.field_results).filter(Array.isArray).flat(),
      ] as { id: string; value: number | null; original: string; source: { line: number; quote: string } }[];
      expect(all).toHaveLength(figures.length);
      for (const f of all)
        expect(by.get(f.id), f.id).toMatchObject({ value: f.value, original: f.original, sourceLine: f.source.line, sourceQuote: f.source.quote });
    }
    // Loading again changes nothing (start-up runs it every time).
    expect(await syncHistoricalTaskStats(t.database.db, t.clock.now())).toBe(0);
  });

  it("exports the same tables as an audited xlsx that opens again with the same numbers", async () => {
    const r = await officer.get(`/api/v1/task-analytics/export.xlsx?${Q}`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ExcelJS.Buffer);
    const totals = wb.getWorksheet("Tổng hợp")!;
    expect(totals.getRow(2).getCell(2).value).toBe(7);
    expect(totals.getRow(3).getCell(2).value).toBe(1_460_000_000);
    const years = wb.getWorksheet("Theo năm")!;
    expect(years.getRow(3).values).toEqual([undefined, 2092, 2, 1_400_000_000, 100_000_000, 0]);
    const outputs = wb.getWorksheet("Sản phẩm")!;
    expect(outputs.getRow(2).getCell(3).value).toBe(5);
    const hist = wb.getWorksheet("Giai đoạn 1996–2012")!;
    expect(hist.rowCount).toBe(HISTORICAL_TASK_FIGURES.length + 1);
    expect(hist.getRow(2).getCell(3).value).toBe(551);
    const audit = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'task_analytics.export'`);
    expect(Number(audit.rows[0].n)).toBeGreaterThanOrEqual(1);
  });
});

// ─── historical-tasks import ───

function multipart(fileName: string, content: Buffer) {
  const boundary = "----khcn" + crypto.randomBytes(8).toString("hex");
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (c: Client, content: Buffer) => {
  const m = multipart("lich-su.xlsx", content);
  return c.post(`/api/v1/imports/historical-tasks`, m.body, m.headers);
};
const HEADERS = [
  "Mã nhiệm vụ",
  "Tên nhiệm vụ",
  "Loại nhiệm vụ",
  "Lĩnh vực KH&CN",
  "Lĩnh vực quản lý",
  "Năm bắt đầu",
  "Năm kết thúc",
  "Tổ chức chủ trì",
  "Chủ nhiệm nhiệm vụ",
  "Kinh phí ngân sách thành phố (đồng)",
  "Kinh phí nguồn khác (đồng)",
  "Kết quả nghiệm thu",
  "Trạng thái cuối",
];
async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dữ liệu");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const historicalCount = async (prefix: string) =>
  Number((await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tasks WHERE code LIKE ${prefix + "%"}`)).rows[0].n);

describe("historical-tasks import", () => {
  it("imports every row of a good file as historical tasks at baseline-2013's earliest version; the same file again is the same import", async () => {
    const piPerson = await buildPerson(t.database.db, { fullName: `Trần Lịch Sử ${P}` });
    const pre = `LS${P}-`;
    const file = await xlsx([
      [
        `${pre}01`,
        "Nghiên cứu giống lúa lai hai dòng",
        "Đề tài",
        "401",
        "Nông nghiệp",
        2005,
        2007,
        orgAName,
        `Trần Lịch Sử ${P}`,
        450000000,
        0,
        "Đạt",
        "Đã nghiệm thu",
      ],
      [
        `${pre}02`,
        "Ứng dụng cân điện tử 60 tấn",
        "Dự án SXTN",
        "201",
        "CN",
        2001,
        2003,
        orgAName,
        "Người Không Có",
        1200000000,
        300000000,
        "Xuất sắc",
        "liquidated",
      ],
      [`${pre}03`, "Lịch sử Hải Phòng tập 2", "de_tai", "601", "KHXHNV", 1998, null, orgAName, null, null, null, null, "Đã chấm dứt"],
    ]);
    const up = await upload(officer, file);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ kind: "historical-tasks", status: "ready", totalRows: 3, errorCount: 0 });
    const c = await officer.post(`/api/v1/imports/${up.body.id}/commit`);
    expect(c.body).toEqual({ id: up.body.id, status: "committed", created: 3 });
    const rows = await t.database.db.execute<Record<string, unknown>>(sql`
      SELECT code, origin, template_key, template_version, state, year, pi_person_id, approved_budget_city, approved_budget_other, result_grade, task_type, sector_code
        FROM tasks WHERE code LIKE ${pre + "%"} ORDER BY code`);
    const min = await t.database.db.execute<{ v: number }>(sql`SELECT min(version) AS v FROM process_template_versions WHERE template_key = 'baseline-2013'`);
    expect(rows.rows.map((r) => [r.code, r.origin, r.template_key, r.template_version, r.state, r.year, r.result_grade, r.task_type])).toEqual([
      [`${pre}01`, "historical", "baseline-2013", min.rows[0].v, "accepted", 2005, "pass", "de_tai"],
      [`${pre}02`, "historical", "baseline-2013", min.rows[0].v, "liquidated", 2001, "excellent", "du_an_sxtn"],
      [`${pre}03`, "historical", "baseline-2013", min.rows[0].v, "terminated", 1998, null, "de_tai"],
    ]);
    expect(rows.rows[0].pi_person_id).toBe(piPerson.id);
    expect(rows.rows[1].pi_person_id).toBeNull();
    expect(Number(rows.rows[1].approved_budget_other)).toBe(300_000_000);

    const again = await upload(officer, file);
    expect(again.body).toMatchObject({ id: up.body.id, status: "committed" });
    expect((await officer.post(`/api/v1/imports/${up.body.id}/commit`)).body.created).toBe(3);
    expect(await historicalCount(pre)).toBe(3);

    // Historical tasks count in the analytics' historical origin.
    const a = await officer.get(`/api/v1/task-analytics?origin=historical&yearFrom=1998&yearTo=2007&organisationId=${orgA}`);
    expect(a.body.totals.tasks).toBeGreaterThanOrEqual(3);
  });

  it("names the row and column of each bad cell and writes nothing; codes already in the database or twice in the file are refused", async () => {
    const pre = `LX${P}-`;
    const file = await xlsx([
      [`${pre}01`, "Nhiệm vụ tốt", "Đề tài", "401", "NN", 2005, 2006, orgAName, null, 1000, 0, "Đạt", "Đã nghiệm thu"],
      [`${pre}02`, "Nhiệm vụ sai", "Đề tài", "401", "NN", 2005, 2004, orgAName, null, 1000, 0, "Tốt", "Đã nghiệm thu"],
      [`${pre}01`, "Trùng mã", "Đề tài", "401", "NN", 2005, 2006, orgAName, null, 1000, 0, "Đạt", "Đã nghiệm thu"],
      [`${P}-1`, "Mã đã có", "Đề tài", "401", "NN", 2005, 2006, "Tổ chức không tồn tại", null, -5, 0, "Đạt", "đang làm"],
    ]);
    const up = await upload(officer, file);
    expect(up.body.status).toBe("invalid");
    const errs = up.body.errors.map((e: { row: number; column: string }) => [e.row, e.column]);
    expect(errs).toEqual([
      [3, "endYear"],
      [3, "resultGrade"],
      [4, "code"],
      [5, "code"],
      [5, "leadOrganisation"],
      [5, "budgetCity"],
      [5, "finalState"],
    ]);
    expect(up.body.errors[0].columnLabel).toBe("Năm kết thúc");
    expect((await officer.post(`/api/v1/imports/${up.body.id}/commit`)).status).toBe(409);
    expect(await historicalCount(pre)).toBe(0);
  });

  it("offers a template that imports as is, and only to those who may import", async () => {
    const r = await officer.get("/api/v1/imports/templates/historical-tasks");
    expect(r.status).toBe(200);
    expect((await pi.get("/api/v1/imports/templates/historical-tasks")).status).toBe(403);
    expect(
      (await leader.post(`/api/v1/imports/historical-tasks`, multipart("a.xlsx", await xlsx([])).body, multipart("a.xlsx", Buffer.alloc(0)).headers)).status,
    ).toBe(403);
  });
});

describe("the trigger-kept summary (migration 0016)", () => {
  const norm = (rows: GroupRow[]) =>
    rows
      .filter((r) => r.dim !== "total" || r.n !== 0)
      .map((r) => `${r.dim}|${r.key}|${r.n}|${Number(r.city)}|${Number(r.other)}|${Number(r.proposed)}`)
      .sort();
  const query = (extra: Partial<TaskAnalyticsQuery> = {}): TaskAnalyticsQuery => ({ yearFrom: 2091, yearTo: 2093, origin: "all", top: 10, ...extra });
  const outs = (rows: OutputRow[]) => rows.map((r) => `${r.output_type}|${Number(r.quantity)}|${r.tasks}`).sort();
  const same = async (q: TaskAnalyticsQuery) => {
    expect(norm(await analyticsGroups(t.database.db, q, "summary"))).toEqual(norm(await analyticsGroups(t.database.db, q, "scan")));
    expect(outs(await analyticsOutputs(t.database.db, q, "summary"))).toEqual(outs(await analyticsOutputs(t.database.db, q, "scan")));
    // only some dimensions (the leadership dashboard's): the same rows of those dimensions, from either source
    const dims = ["total", "status"] as const;
    const some = norm(await analyticsGroups(t.database.db, q, "summary", dims));
    expect(some).toEqual(norm(await analyticsGroups(t.database.db, q, "scan", dims)));
    expect(some).toEqual(norm((await analyticsGroups(t.database.db, q, "scan")).filter((r) => (dims as readonly string[]).includes(r.dim))));
    expect(some.some((r) => r.startsWith("status|"))).toBe(true);
  };

  it("stores the contract's status mapping, with the passing grades the SQL names", async () => {
    expect(LIQUIDATED_WITHOUT_PASS.passingGrades).toEqual(["excellent", "pass"]);
    const r = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM task_status_groups`);
    expect(r.rows[0].n).toBe(statusGroupRows().length);
    expect(await syncTaskStatusGroups(t.database.db)).toBe(false);
  });

  it("equals a scan of the tasks after inserts, transitions, budget changes, deletions and folding", async () => {
    await same(query());
    await same(query({ origin: "platform", yearFrom: 2092 }));
    // A deterministic walk of writes on this file's tasks (years 2091–2093).
    const ids = (await t.database.db.execute<{ id: string }>(sql`SELECT id FROM tasks WHERE code LIKE ${P + "-%"} ORDER BY code`)).rows.map((r) => r.id);
    const steps = Object.keys(STEP_STATUS_GROUP);
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 30; i++) {
      const id = ids[next(ids.length)];
      const kind = next(4);
      if (kind === 0) await t.database.db.execute(sql`UPDATE tasks SET state = ${steps[next(steps.length)]} WHERE id = ${id}`);
      else if (kind === 1)
        await t.database.db.execute(
          sql`UPDATE tasks SET approved_budget_city = ${next(1000) * 1_000_000}, result_grade = ${["pass", null, "fail"][next(3)]} WHERE id = ${id}`,
        );
      else if (kind === 2)
        await t.database.db.execute(sql`UPDATE tasks SET year = ${2091 + next(3)}, field_code = ${["101", "201", null][next(3)]} WHERE id = ${id}`);
      else
        await t.database.db.execute(
          sql`UPDATE tasks SET proposed_budget = ${next(50) * 10_000_000}, sector_code = ${["NN", "CN", null][next(3)]} WHERE id = ${id}`,
        );
      if (i % 10 === 9) await same(query());
    }
    // Outputs: products added to and removed from a selected dossier, another dossier selected, none selected.
    const withDossier = ids[0];
    await addSelectedDossier(withDossier, [
      { type: "variety", quantity: 4 },
      { type: "model", quantity: 1 },
    ]);
    await same(query());
    const dossier = (await t.database.db.execute<{ id: string }>(sql`SELECT selected_dossier_id AS id FROM tasks WHERE id = ${withDossier}`)).rows[0].id;
    await t.database.db.execute(sql`
      INSERT INTO task_dossier_products (dossier_id, position, name, output_type, quantity, unit, quality_target)
      VALUES (${dossier}, 99, 'Thêm', 'variety', 2.5, 'giống', 'Đạt')`);
    await t.database.db.execute(sql`UPDATE task_dossier_products SET quantity = quantity + 1 WHERE dossier_id = ${dossier} AND output_type = 'model'`);
    await same(query());
    await t.database.db.execute(sql`DELETE FROM task_dossier_products WHERE dossier_id = ${dossier} AND output_type = 'variety'`);
    await same(query());
    await t.database.db.execute(sql`UPDATE tasks SET selected_dossier_id = NULL WHERE id = ${withDossier}`);
    await same(query());
    await t.database.db.execute(sql`UPDATE tasks SET selected_dossier_id = ${dossier}, year = 2093 WHERE id = ${withDossier}`);
    await same(query());
    // Several rows in one statement (one trigger run for all of them).
    await t.database.db.execute(sql`UPDATE tasks SET state = 'in_progress' WHERE code LIKE ${P + "-%"} AND year = 2092`);
    await same(query());
    const extra = await insertTask({ code: "X1", state: "proposal", year: 2093, field: "101", sector: "NN", proposed: 42_000_000 });
    await same(query());
    await t.database.db.execute(sql`DELETE FROM tasks WHERE id = ${extra}`);
    await same(query());
    await t.database.db.execute(sql`SELECT task_stats_compact()`);
    await same(query());
    await same(query({ origin: "historical" }));
    const deltas = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM task_stat_deltas WHERE year BETWEEN 2091 AND 2093`);
    const distinct = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT DISTINCT dim, key, year, origin FROM task_stat_deltas WHERE year BETWEEN 2091 AND 2093) d`,
    );
    expect(deltas.rows[0].n).toBe(distinct.rows[0].n);
  });
});
