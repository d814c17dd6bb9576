// Statistical reporting through the real app: forms loaded at start-up, periods and bulk assignment, an org rep
// filing a report (draft saved with validation messages, submit refused while errors remain), officer review,
// approval locking (409 LOCKED in the service, the trigger underneath), un-approval only by a leader/admin with a reason,
// consolidation = the sum of approved reports, xlsx template → import (all or nothing), completeness and timeliness,
// prefill from the people registry, IDOR (another organisation's report is 404).
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser } from "../../testing/factories.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { consolidatedCellValues } from "./statistics.consolidation.js";
import { reportingCompleteness } from "./statistics.summary.js";
import { STATISTICS_MAX_ROWS, STATISTICS_SHEET_LIMITS } from "./statistics.xlsx.js";
import { readZipDirectory } from "../../platform/zip.js";

const API = "/api/v1/statistics";
let t: TestApp;
let officer: Client;
let leader: Client;
let admin: Client;
let repA: Client;
let repB: Client;
let enterprise: Client;
let orgA: string;
let orgB: string;
let orgC: string;
let periodId: string;

async function client(username: string, roles: string[], organisationId: string | null = null) {
  await buildUser(t.database.db, { username, roles: roles as never, organisationId });
  const c = new Client(t);
  await c.login(username);
  return c;
}

/** A consistent 02/KHCN-NL: `people` per qualification row, `women` of them women. */
function staffValues(people: number[], women: number[]) {
  const rows = ["tskh", "ts", "ths", "dh", "cd", "other"];
  const v: Record<string, number | string> = { reporter_name: "Trần Thị Lan", prepared_on: "2026-01-20" };
  let total = 0;
  let w = 0;
  rows.forEach((r, i) => {
    v[`staff.${r}.total`] = people[i] ?? 0;
    v[`staff.${r}.women`] = women[i] ?? 0;
    v[`staff.${r}.minority`] = 0;
    v[`staff.${r}.rd`] = 0;
    total += people[i] ?? 0;
    w += women[i] ?? 0;
  });
  Object.assign(v, { "staff.total.total": total, "staff.total.women": w, "staff.total.minority": 0, "staff.total.rd": 0 });
  return v;
}

async function reportOf(c: Client, org: string, formKey: string) {
  const r = await c.get(`${API}/reports?periodId=${periodId}&organisationId=${org}&formKey=${formKey}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items[0] as { id: string; version: number; status: string };
}

/** The database's refusal of a statement (the driver error's own message or its cause's). */
async function dbError(q: ReturnType<typeof sql>): Promise<string> {
  try {
    await t.database.db.execute(q);
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return `${err.message ?? ""} ${err.cause?.message ?? ""}`;
  }
  return "no error";
}

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

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date("2026-01-15T03:00:00Z")); // during the 2025 reporting season (deadline 01/02/2026)
  const db = t.database.db;
  orgA = (await buildOrganisation(db, { nameVi: "Trường Đại học Hàng hải Việt Nam", type: "university" })).id;
  orgB = (await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản" })).id;
  orgC = (await buildOrganisation(db, { nameVi: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường", type: "st_service" })).id;
  for (const [degree, gender] of [
    ["TS", "female"],
    ["TS", "male"],
    ["ThS", "female"],
    ["DH", "male"],
    [null, "female"],
  ] as const)
    await buildPerson(db, { primaryOrganisationId: orgA, degree, gender, title: degree === "TS" && gender === "male" ? "PGS" : null });
  officer = await client("stat_officer", ["officer"]);
  leader = await client("stat_leader", ["leader"]);
  admin = await client("stat_admin", ["admin"]);
  repA = await client("stat_rep_a", ["org_rep"], orgA);
  repB = await client("stat_rep_b", ["org_rep"], orgB);
  enterprise = await client("stat_ent", ["enterprise"]);
});
afterAll(async () => t?.close());

describe(`statistical reporting (${testDbMode()})`, () => {
  it("loads the five TT 15/2018 forms at start-up as immutable versions", async () => {
    const r = await repA.get(`${API}/forms`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((f: { code: string }) => f.code)).toEqual(["01/KHCN-TC", "02/KHCN-NL", "03/KHCN-CP", "04/KHCN-NV", "08/KHCN-SHTT"]);
    expect((await repA.get(`${API}/forms?all=true`)).body.items).toHaveLength(5);
    const one = await repA.get(`${API}/forms/02-KHCN-NL`);
    expect(one.body.definition.sections[0].tables[0].rows.map((x: { key: string }) => x.key)).toContain("ts");
    expect((await repA.get(`${API}/forms/02-khcn-nl/versions/1`)).body.version).toBe(1);
    expect((await repA.get(`${API}/forms/99-KHCN-XX`)).status).toBe(404);
    expect(await dbError(sql`UPDATE statistical_form_versions SET title_vi = 'x'`)).toMatch(/immutable/);
  });

  it("staff create, open and assign a period; others cannot", async () => {
    const body = { year: 2025, nameVi: "Báo cáo thống kê KH&CN năm 2025", formKeys: ["01-KHCN-TC", "02/KHCN-NL", "03-KHCN-CP", "04-KHCN-NV", "08-KHCN-SHTT"] };
    expect((await repA.post(`${API}/periods`, body)).status).toBe(403);
    expect((await leader.post(`${API}/periods`, body)).status).toBe(403);
    const bad = await officer.post(`${API}/periods`, { ...body, formKeys: ["77-KHCN-X"] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("formKeys.0");
    const late = await officer.post(`${API}/periods`, { ...body, deadline: "2025-06-01" });
    expect(late.status).toBe(400);
    const created = await officer.post(`${API}/periods`, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    periodId = created.body.id;
    expect(created.body).toMatchObject({ status: "draft", referenceDate: "2025-12-31", deadline: "2026-02-01" });
    expect(created.body.forms).toHaveLength(5);
    const opened = await officer.post(`${API}/periods/${periodId}/open`, { version: created.body.version });
    expect(opened.status).toBe(200);
    const twice = await officer.post(`${API}/periods/${periodId}/open`, { version: created.body.version });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("INVALID_STATE");
    expect(twice.body.error.details).toMatchObject({ state: "open", command: "open" });
    expect(twice.body.error.details.allowed).toEqual(expect.arrayContaining(["update", "close", "assign"]));
    const assign = await officer.post(`${API}/periods/${periodId}/assignments`, { organisationIds: [orgA, orgB] });
    expect(assign.body).toEqual({ created: 10, existing: 0 });
    expect((await officer.post(`${API}/periods/${periodId}/assignments`, { organisationIds: [orgA, orgB, orgC], formKeys: ["02-KHCN-NL"] })).body).toEqual({
      created: 1,
      existing: 2,
    });
    expect((await officer.post(`${API}/periods/${periodId}/assignments`, { organisationIds: [crypto.randomUUID()] })).status).toBe(400);
    expect((await repA.post(`${API}/periods/${periodId}/assignments`, { organisationIds: [orgA] })).status).toBe(403);
    const p = await leader.get(`${API}/periods/${periodId}`);
    expect(p.body.counts).toMatchObject({ assigned: 11, notStarted: 11, completenessPct: 0 });
    expect(p.body.completeness).toHaveLength(3);
    expect(p.body.abilities).toMatchObject({ assign: false, consolidate: true });
    expect((await repA.get(`${API}/periods/${periodId}`)).status).toBe(403);
  });

  it("an org rep sees only their organisation's reports; another organisation's is 404 (IDOR)", async () => {
    const mine = await repA.get(`${API}/reports?periodId=${periodId}`);
    expect(mine.body.total).toBe(5);
    expect(mine.body.items.every((i: { organisationId: string }) => i.organisationId === orgA)).toBe(true);
    const theirs = await reportOf(officer, orgB, "02-KHCN-NL");
    expect((await repA.get(`${API}/reports/${theirs.id}`)).status).toBe(404);
    expect((await repA.put(`${API}/reports/${theirs.id}`, { values: {}, version: theirs.version })).status).toBe(404);
    expect((await repA.post(`${API}/reports/${theirs.id}/submit`, { version: theirs.version })).status).toBe(404);
    expect((await repA.get(`${API}/reports/${theirs.id}/export.xlsx`)).status).toBe(404);
    expect((await repA.get(`${API}/reports/${theirs.id}/prefill`)).status).toBe(404);
    expect((await enterprise.get(`${API}/reports`)).status).toBe(403);
    const denied = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE a.action = 'access.denied' AND u.username = 'stat_rep_a'`,
    );
    expect(Number(denied.rows[0]!.n)).toBeGreaterThan(0);
  });

  it("prefills 02/KHCN-NL from the people registry", async () => {
    const rep = await reportOf(repA, orgA, "02-KHCN-NL");
    const r = await repA.get(`${API}/reports/${rep.id}/prefill`);
    expect(r.status).toBe(200);
    expect(r.body.values).toMatchObject({
      "staff.total.total": 5,
      "staff.total.women": 3,
      "staff.ts.total": 2,
      "staff.ts.women": 1,
      "staff.ths.total": 1,
      "staff.other.total": 1,
      "titles.pgs.total": 1,
    });
    expect(r.body.sources["staff.ts.total"]).toMatch(/nhân lực/);
    const tc = await reportOf(repA, orgA, "01-KHCN-TC");
    expect((await repA.get(`${API}/reports/${tc.id}/prefill`)).body.values).toMatchObject({ org_name: "Trường Đại học Hàng hải Việt Nam", org_type: "hei" });
  });

  it("a draft with errors is saved with its messages, submit is refused until fixed; stale versions are 409", async () => {
    const rep = await reportOf(repA, orgA, "02-KHCN-NL");
    const wrong = { ...staffValues([1, 10, 20, 30, 5, 0], [0, 4, 12, 10, 2, 0]), "staff.ts.women": 11 };
    const saved = await repA.put(`${API}/reports/${rep.id}`, { values: wrong, version: rep.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.status).toBe("draft");
    const keys = saved.body.messages.map((m: { ruleKey: string }) => m.ruleKey);
    expect(keys).toContain("staff_women_le_total");
    expect(saved.body.errorCount).toBeGreaterThanOrEqual(1);
    expect(saved.body.values["staff.ts.women"]).toBe(11);
    // the Total row is the server's sum of the rows (35 women), not the 28 sent; a warning says so
    expect(saved.body.values["staff.total.women"]).toBe(35);
    const computed = saved.body.messages.find((m: { code: string; cellKey: string }) => m.code === "computed" && m.cellKey === "staff.total.women");
    expect(computed).toMatchObject({ severity: "warning", ruleKey: "staff_rows_sum" });
    const refused = await repA.post(`${API}/reports/${rep.id}/submit`, { version: saved.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("STATISTICS_REPORT_INVALID");
    expect(refused.body.error.details.messages.length).toBeGreaterThan(0);
    const stale = await repA.put(`${API}/reports/${rep.id}`, { values: {}, version: rep.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(saved.body.version);
    const fixed = await repA.put(`${API}/reports/${rep.id}`, { values: staffValues([1, 10, 20, 30, 5, 0], [0, 4, 12, 10, 2, 0]), version: saved.body.version });
    expect(fixed.body.errorCount).toBe(0);
    const submitted = await repA.post(`${API}/reports/${rep.id}/submit`, { version: fixed.body.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", timeliness: "on_time" });
    expect(submitted.body.abilities).toMatchObject({ edit: false, submit: false });
    const late = await repA.put(`${API}/reports/${rep.id}`, { values: {}, version: submitted.body.version });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("INVALID_STATE");
    expect(late.body.error.details).toMatchObject({ state: "submitted", command: "edit", allowed: [] });
  });

  it("officer returns with a comment, the org rep fixes and resubmits, the officer approves: the report is locked", async () => {
    let rep = await reportOf(officer, orgA, "02-KHCN-NL");
    expect((await repA.post(`${API}/reports/${rep.id}/approve`, { version: rep.version })).status).toBe(403);
    expect((await officer.post(`${API}/reports/${rep.id}/return`, { comment: "  ", version: rep.version })).status).toBe(400);
    const returned = await officer.post(`${API}/reports/${rep.id}/return`, { comment: "Kiểm tra lại số thạc sĩ", version: rep.version });
    expect(returned.body).toMatchObject({ status: "returned", reviewComment: "Kiểm tra lại số thạc sĩ" });
    const resaved = await repA.put(`${API}/reports/${rep.id}`, {
      values: staffValues([1, 10, 21, 30, 5, 0], [0, 4, 12, 10, 2, 0]),
      version: returned.body.version,
    });
    const resubmitted = await repA.post(`${API}/reports/${rep.id}/submit`, { version: resaved.body.version });
    expect(resubmitted.status).toBe(200);
    const approved = await officer.post(`${API}/reports/${rep.id}/approve`, { version: resubmitted.body.version });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "approved", approvedByName: "stat_officer" });
    expect(approved.body.history.map((h: { action: string }) => h.action)).toEqual(["save", "save", "submit", "return", "save", "submit", "approve"]);
    rep = await reportOf(repA, orgA, "02-KHCN-NL");
    const edit = await repA.put(`${API}/reports/${rep.id}`, { values: {}, version: rep.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("LOCKED");
    expect(edit.body.error.details.status).toBe("approved");
    const again = await officer.post(`${API}/reports/${rep.id}/approve`, { version: rep.version });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("LOCKED");
    // the database refuses it too
    expect(await dbError(sql`UPDATE statistical_report_cells SET value = 99 WHERE report_id = ${rep.id}`)).toMatch(/locked/);
    expect(await dbError(sql`DELETE FROM statistical_report_cells WHERE report_id = ${rep.id}`)).toMatch(/locked/);
    expect(await dbError(sql`INSERT INTO statistical_report_cells (report_id, cell_key, value) VALUES (${rep.id}, 'rd_fte', 1)`)).toMatch(/locked/);
    expect(await dbError(sql`UPDATE statistical_reports SET review_comment = 'x' WHERE id = ${rep.id}`)).toMatch(/locked/);
    // a restore writes an approved report and then its cells in ONE transaction: allowed (the row is its own)
    const restored = await t.database.db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ id: string }>(sql`
        INSERT INTO statistical_reports (period_id, organisation_id, form_key, form_version, status, approved_at, approved_by, created_at, updated_at)
        SELECT period_id, ${orgC}, '08-KHCN-SHTT', 1, 'approved', ${t.clock.now()}, approved_by, ${t.clock.now()}, ${t.clock.now()}
          FROM statistical_reports WHERE id = ${rep.id} RETURNING id`);
      await tx.execute(sql`INSERT INTO statistical_report_cells (report_id, cell_key, value) VALUES (${rows[0]!.id}, 'licences', 1)`);
      return rows[0]!.id;
    });
    expect(await dbError(sql`INSERT INTO statistical_report_cells (report_id, cell_key, value) VALUES (${restored}, 'licence_revenue', 1)`)).toMatch(/locked/);
    await t.database.db.execute(sql`ALTER TABLE statistical_reports DISABLE TRIGGER statistical_reports_locked`);
    await t.database.db.execute(sql`DELETE FROM statistical_reports WHERE id = ${restored}`);
    await t.database.db.execute(sql`ALTER TABLE statistical_reports ENABLE TRIGGER statistical_reports_locked`);
  });

  it("consolidation sums the approved reports only", async () => {
    const b = await reportOf(repB, orgB, "02-KHCN-NL");
    const saved = await repB.put(`${API}/reports/${b.id}`, { values: staffValues([0, 3, 4, 5, 0, 1], [0, 1, 2, 3, 0, 0]), version: b.version });
    const sub = await repB.post(`${API}/reports/${b.id}/submit`, { version: saved.body.version });
    let cons = await leader.get(`${API}/periods/${periodId}/consolidated/02-KHCN-NL`);
    expect(cons.status).toBe(200);
    expect(cons.body).toMatchObject({ approvedReports: 1, assignedReports: 3 });
    expect(cons.body.values["staff.total.total"]).toBe(67);
    await officer.post(`${API}/reports/${b.id}/approve`, { version: sub.body.version });
    cons = await leader.get(`${API}/periods/${periodId}/consolidated/02-KHCN-NL`);
    expect(cons.body.approvedReports).toBe(2);
    expect(cons.body.values["staff.total.total"]).toBe(67 + 13);
    expect(cons.body.values["staff.ths.total"]).toBe(21 + 4);
    expect(cons.body.values["staff.total.women"]).toBe(28 + 6);
    expect(await consolidatedCellValues(t.database.db, "02/KHCN-NL", "staff.total.total")).toEqual([{ year: 2025, value: 80 }]);
    expect((await repA.get(`${API}/periods/${periodId}/consolidated/02-KHCN-NL`)).status).toBe(403);
    // the official layout, read back
    const x = await leader.get(`${API}/periods/${periodId}/consolidated/02-KHCN-NL/export.xlsx`);
    expect(x.status).toBe(200);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) =>
      texts.push(
        row.values && Array.isArray(row.values)
          ? row.values
              .slice(1)
              .map((v) => String(v ?? ""))
              .join("|")
          : "",
      ),
    );
    expect(texts[0]).toContain("02/KHCN-NL");
    expect(texts.join("\n")).toContain("Sở Khoa học và Công nghệ");
    expect(texts.some((l) => l.startsWith("Tổng số|80|34|"))).toBe(true);
  });

  it("un-approval: only a leader or admin, with a reason, audited; the report leaves the consolidation", async () => {
    const b = await reportOf(officer, orgB, "02-KHCN-NL");
    expect((await officer.post(`${API}/reports/${b.id}/unapprove`, { reason: "Số liệu sai lệch", version: b.version })).status).toBe(403);
    expect((await leader.post(`${API}/reports/${b.id}/unapprove`, { version: b.version })).status).toBe(400);
    const r = await leader.post(`${API}/reports/${b.id}/unapprove`, { reason: "Số liệu nữ chưa khớp hồ sơ", version: b.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "returned", unapproveReason: "Số liệu nữ chưa khớp hồ sơ", abilities: { edit: false } });
    const cons = await leader.get(`${API}/periods/${periodId}/consolidated/02-KHCN-NL`);
    expect(cons.body.values["staff.total.total"]).toBe(67);
    const a = await t.database.db.execute<{ details: { reason: string } }>(
      sql`SELECT details FROM audit_log WHERE action = 'statistics_report.unapprove' AND entity_id = ${b.id}`,
    );
    expect(a.rows[0]!.details.reason).toBe("Số liệu nữ chưa khớp hồ sơ");
    expect((await repB.get(`${API}/reports/${b.id}`)).body.abilities.edit).toBe(true);
    const twice = await admin.post(`${API}/reports/${b.id}/unapprove`, { reason: "lần nữa", version: r.body.version });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("INVALID_STATE");
    expect(twice.body.error.details).toMatchObject({ state: "returned", command: "unapprove" });
  });

  it("03/KHCN-CP: the server computes the totals from the parts; an empty cell is not reported; text in a number cell refuses the save", async () => {
    const rep = await reportOf(repB, orgB, "03-KHCN-CP");
    // nothing entered: one message for the table (15 input cells), one per required field — not one per cell
    const empty = await repB.put(`${API}/reports/${rep.id}`, { values: {}, version: rep.version });
    expect(empty.status, JSON.stringify(empty.body)).toBe(200);
    expect(empty.body.errorCount).toBe(3);
    const tableMsg = empty.body.messages.find((m: { cellKeys: string[] }) => m.cellKeys.length > 1);
    expect(tableMsg).toMatchObject({ code: "required", cellKey: "spend.investment.state_central" });
    expect(tableMsg.cellKeys).toHaveLength(15);
    expect(tableMsg.messageVi).toContain("còn 15 ô chưa nhập");
    expect(empty.body.values).toEqual({});

    // the parts only, with a client's wrong grand total: the stored totals are the server's sums
    const parts = {
      "spend.investment.state_central": 1000.25,
      "spend.investment.state_local": 200,
      "spend.rd_tasks.state_local": 1500.5,
      "spend.rd_tasks.enterprise": 300,
      "spend.recurrent.other": 0,
      reporter_name: "Phạm Thu Hà",
      prepared_on: "2026-01-20",
    };
    const partial = await repB.put(`${API}/reports/${rep.id}`, { values: { ...parts, "spend.total.total": 1 }, version: empty.body.version });
    expect(partial.status, JSON.stringify(partial.body)).toBe(200);
    expect(partial.body.values).toMatchObject({
      "spend.investment.total": 1200.25,
      "spend.rd_tasks.total": 1800.5,
      "spend.recurrent.total": 0,
      "spend.total.state_central": 1000.25,
      "spend.total.state_local": 1700.5,
      "spend.total.enterprise": 300,
      "spend.total.other": 0,
      "spend.total.total": 3000.75,
    });
    // a column nobody reported stays not reported (not 0)
    expect(partial.body.values["spend.total.foreign"]).toBeUndefined();
    expect(partial.body.messages.filter((m: { code: string }) => m.code === "computed").map((m: { cellKey: string }) => m.cellKey)).toEqual([
      "spend.total.total",
    ]);
    // the cells still empty are one message (errors: 1); submitting is refused
    const stillEmpty = partial.body.messages.filter((m: { code: string }) => m.code === "required");
    expect(stillEmpty).toHaveLength(1);
    expect(stillEmpty[0].cellKeys).toHaveLength(10);
    expect((await repB.post(`${API}/reports/${rep.id}/submit`, { version: partial.body.version })).status).toBe(422);

    // "19x5" in a number cell: 422, nothing saved (the draft keeps its figures)
    const typo = await repB.put(`${API}/reports/${rep.id}`, { values: { ...parts, "spend.recurrent.foreign": "19x5" }, version: partial.body.version });
    expect(typo.status).toBe(422);
    expect(typo.body.error.code).toBe("STATISTICS_REPORT_UNREADABLE");
    expect(typo.body.error.message).toContain("không phải là số");
    expect(typo.body.error.details.messages.map((m: { cellKey: string }) => m.cellKey)).toEqual(["spend.recurrent.foreign"]);
    const kept = await repB.get(`${API}/reports/${rep.id}`);
    expect(kept.body.version).toBe(partial.body.version);
    expect(kept.body.values["spend.total.total"]).toBe(3000.75);
    const typoEn = await repB.request(
      "PUT",
      `${API}/reports/${rep.id}`,
      { values: { ...parts, rd_spend: "abc" }, version: partial.body.version },
      { "accept-language": "en" },
    );
    expect(typoEn.status).toBe(422);
    expect(typoEn.body.error.message).toContain("not a number");
  });

  it("xlsx: the template is imported back; a file with one bad cell imports nothing", async () => {
    const rep = await reportOf(repA, orgA, "03-KHCN-CP");
    const tpl = await repA.get(`${API}/reports/${rep.id}/export.xlsx`);
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.raw.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A2").value).toBe("03/KHCN-CP · v1");
    // find cells by the layout: the row whose first cell is the row label, columns by header order
    const find = (label: string) => {
      let at = 0;
      ws.eachRow((row, n) => {
        if (!at && String(row.getCell(1).value ?? "").trim() === label) at = n;
      });
      return at;
    };
    const keyRow = (key: string) => {
      let at = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(4).value === key) at = n;
      });
      return at;
    };
    const total = find("Tổng chi");
    const inv = find("Chi đầu tư phát triển");
    const tasks = find("Chi thực hiện nhiệm vụ KH&CN");
    const rec = find("Chi thường xuyên và chi khác");
    const grid = { [inv]: [1000, 600, 400, 0, 0, 0], [tasks]: [2500.5, 0, 2000.5, 500, 0, 0], [rec]: [300, 0, 300, 0, 0, 0] };
    for (const [r, vals] of Object.entries(grid)) vals.forEach((v, i) => (ws.getRow(Number(r)).getCell(i + 2).value = v));
    [3800.5, 600, 2700.5, 500, 0, 0].forEach((v, i) => (ws.getRow(total).getCell(i + 2).value = v));
    ws.getRow(keyRow("rd_spend")).getCell(2).value = 2500.5;
    ws.getRow(keyRow("reporter_name")).getCell(2).value = "Lê Văn Hùng";
    ws.getRow(keyRow("prepared_on")).getCell(2).value = "2026-01-25";
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    // a bad copy: text in a number cell and a negative amount
    ws.getRow(inv).getCell(3).value = "sáu trăm";
    ws.getRow(rec).getCell(4).value = -5;
    const bad = Buffer.from(await wb.xlsx.writeBuffer());

    const m1 = multipart("03.xlsx", bad);
    const refused = await repA.request("POST", `${API}/reports/${rep.id}/import?version=${rep.version}`, m1.body, m1.headers);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe("STATISTICS_IMPORT_INVALID");
    const addresses = refused.body.error.details.errors.map((e: { address: string }) => e.address).sort();
    expect(addresses).toEqual([`C${inv}`, `D${rec}`].sort());
    const after = await repA.get(`${API}/reports/${rep.id}`);
    expect(after.body.version).toBe(rep.version);
    expect(after.body.values).toEqual({});

    const m2 = multipart("03.xlsx", good);
    const ok = await repA.request("POST", `${API}/reports/${rep.id}/import?version=${rep.version}`, m2.body, m2.headers);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.errorCount).toBe(0);
    expect(ok.body.values).toMatchObject({ "spend.total.total": 3800.5, "spend.rd_tasks.state_local": 2000.5, reporter_name: "Lê Văn Hùng", rd_spend: 2500.5 });
    const wrongForm = multipart(
      "x.xlsx",
      Buffer.from(
        await (async () => {
          const w = new ExcelJS.Workbook();
          w.addWorksheet("a").getCell("A2").value = "02/KHCN-NL · v1";
          return w.xlsx.writeBuffer();
        })(),
      ),
    );
    const wf = await repA.request("POST", `${API}/reports/${rep.id}/import?version=${ok.body.version}`, wrongForm.body, wrongForm.headers);
    expect(wf.status).toBe(422);
    expect(wf.body.error.code).toBe("STATISTICS_IMPORT_WRONG_FORM");
  });

  it("xlsx import limits: a sheet of more than 2,000 rows (400) or over 4 MB unpacked (413) is refused unread; nothing saved", async () => {
    // Every form's template stays far inside both limits.
    for (const formKey of ["01-KHCN-TC", "02-KHCN-NL", "03-KHCN-CP", "04-KHCN-NV", "08-KHCN-SHTT"]) {
      const r = await reportOf(repA, orgA, formKey);
      const tpl = (await repA.get(`${API}/reports/${r.id}/export.xlsx`)).raw.rawPayload;
      const unpacked = readZipDirectory(tpl)
        .filter((e) => /^xl\/(worksheets\/sheet\d+|sharedStrings|styles|workbook)\.xml$/.test(e.name))
        .reduce((n, e) => n + e.uncomp, 0);
      expect(unpacked, formKey).toBeLessThan(STATISTICS_SHEET_LIMITS.maxPartBytes / 10);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tpl as never);
      expect(wb.worksheets[0].rowCount, formKey).toBeLessThan(STATISTICS_MAX_ROWS / 4);
    }
    const rep = await reportOf(repA, orgA, "08-KHCN-SHTT");
    const template = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await repA.get(`${API}/reports/${rep.id}/export.xlsx`)).raw.rawPayload as never);
      return wb;
    };
    const send = (content: Buffer) => {
      const m = multipart("08.xlsx", content);
      return repA.request("POST", `${API}/reports/${rep.id}/import?version=${rep.version}`, m.body, m.headers);
    };
    const long = await template();
    const last = long.worksheets[0].rowCount;
    for (let r = 1; r <= STATISTICS_MAX_ROWS; r++) long.worksheets[0].getCell(`A${last + r}`).value = r;
    const tooLong = await send(Buffer.from(await long.xlsx.writeBuffer()));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error).toMatchObject({
      code: "TOO_MANY_ROWS",
      message: "Trang tính của biểu có hơn 2000 dòng, giới hạn của một biểu báo cáo. Hãy dùng mẫu tải từ báo cáo này.",
    });
    const big = await template();
    big.worksheets[0].getCell("F1").value = "x".repeat(5 * 1024 * 1024);
    const tooBig = await send(Buffer.from(await big.xlsx.writeBuffer()));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: "SHEET_TOO_LARGE", message: expect.stringContaining("4 MB") });
    const after = await repA.get(`${API}/reports/${rep.id}`);
    expect(after.body.version).toBe(rep.version);
    expect(after.body.values).toEqual({});
  });

  it("completeness and timeliness: on time, late and overdue by the Vietnam date of the deadline", async () => {
    let p = await officer.get(`${API}/periods/${periodId}`);
    expect(p.body.counts).toMatchObject({ assigned: 11, approved: 1, returned: 1, onTime: 1, overdue: 0 });
    t.clock.set(new Date("2026-02-01T18:00:00Z")); // 02/02 01:00 in Vietnam: past the deadline
    await repA.login("stat_rep_a"); // (the sessions idled out while the clock moved)
    await officer.login("stat_officer");
    const rep = await reportOf(repA, orgA, "03-KHCN-CP");
    const sub = await repA.post(`${API}/reports/${rep.id}/submit`, { version: rep.version });
    expect(sub.body.timeliness).toBe("late");
    p = await officer.get(`${API}/periods/${periodId}`);
    expect(p.body.counts).toMatchObject({ assigned: 11, submitted: 1, approved: 1, onTime: 1, late: 1, overdue: 9 });
    expect(p.body.formCounts.find((f: { formKey: string }) => f.formKey === "02-KHCN-NL").counts).toMatchObject({ assigned: 3, approved: 1 });
    const line = p.body.completeness.find((l: { organisationId: string }) => l.organisationId === orgA);
    expect(line.reports.find((r: { formKey: string }) => r.formKey === "08-KHCN-SHTT").timeliness).toBe("overdue");
    const s = await reportingCompleteness(t.database.db, { periodId, now: t.clock.now() });
    expect(s).toMatchObject({ periodId, assigned: 11, submitted: 2, approved: 1, onTime: 1, overdue: 9 });
    expect((await reportingCompleteness(t.database.db, { now: t.clock.now() })).periodId).toBe(periodId);
    const overdue = await officer.get(`${API}/reports?periodId=${periodId}&timeliness=overdue`);
    expect(overdue.body.total).toBe(9);
  });

  it("a closed period refuses edits and assignments; the audit chain holds", async () => {
    const p = await officer.get(`${API}/periods/${periodId}`);
    const closed = await officer.post(`${API}/periods/${periodId}/close`, { version: p.body.version });
    expect(closed.body.status).toBe("closed");
    const rep = await reportOf(repA, orgA, "08-KHCN-SHTT");
    expect((await repA.get(`${API}/reports/${rep.id}`)).body.abilities.edit).toBe(false);
    const edit = await repA.put(`${API}/reports/${rep.id}`, { values: {}, version: rep.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("GUARD_FAILED");
    expect(edit.body.error.details).toMatchObject({ periodStatus: "closed" });
    expect(edit.body.error.details.reason.en).toContain("not open");
    const assign = await officer.post(`${API}/periods/${periodId}/assignments`, { organisationIds: [orgC] });
    expect(assign.status).toBe(409);
    expect(assign.body.error.code).toBe("INVALID_STATE");
    expect(assign.body.error.details).toMatchObject({ state: "closed", command: "assign", allowed: [] });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
