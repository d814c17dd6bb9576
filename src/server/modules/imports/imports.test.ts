// Excel import through the real app, with real .xlsx files written by exceljs (SECURITY.md 15, 24).
import crypto from "node:crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";

let t: TestApp;
let officer: Client;
let officer2: Client;
let pi: Client;
let leader: Client;
let officerId: string;

beforeAll(async () => {
  t = await createTestApp({ uploadMaxBytes: 1024 * 1024 });
  const signedInOfficer = await signedIn(t, { username: "imp_officer", roles: ["officer"], ip: "10.9.0.1" });
  officerId = signedInOfficer.user.id;
  officer = signedInOfficer.client;
  officer2 = (await signedIn(t, { username: "imp_officer2", roles: ["officer"], ip: "10.9.0.2" })).client;
  pi = (await signedIn(t, { username: "imp_pi", roles: ["pi"], ip: "10.9.0.3" })).client;
  leader = (await signedIn(t, { username: "imp_leader", roles: ["leader"], ip: "10.9.0.4" })).client;
});
afterAll(async () => t?.close());

// ─── helpers ───

async function xlsx(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Dữ liệu");
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook with its first sheet's XML changed by `edit`. */
async function editSheet(content: Buffer, edit: (xml: string) => string) {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", edit(xml));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function multipart(fileName: string, content: Buffer, field = "file") {
  const boundary = "----khcn" + crypto.randomBytes(8).toString("hex");
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` + `Content-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(c: Client, kind: string, content: Buffer, fileName = "du-lieu.xlsx", headers: Record<string, string> = {}) {
  const m = multipart(fileName, content);
  return c.post(`/api/v1/imports/${kind}`, m.body, { ...m.headers, ...headers });
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const r = await t.database.db.execute<{ n: number }>(query);
  return Number(r.rows[0].n);
}
const orgsNamed = (prefix: string) => count(sql`SELECT count(*) AS n FROM organisations WHERE name_vi LIKE ${prefix + "%"}`);
const auditCount = (action: string, entityId: string, outcome = "success") =>
  count(sql`SELECT count(*) AS n FROM audit_log WHERE action = ${action} AND entity_id = ${entityId} AND outcome = ${outcome}`);

const ORG_HEADERS = ["Tên tổ chức", "Tên tiếng Anh", "Loại hình", "Mã số thuế", "Quận/huyện", "Cấp quản lý", "Lĩnh vực KH&CN", "Năm thành lập"];
let taxSeq = 300000000;
const taxCode = () => "0" + String(taxSeq++);
const orgRow = (name: string, o: Partial<Record<"type" | "tax" | "district" | "gov" | "fields" | "year", unknown>> = {}) => [
  name,
  null,
  o.type ?? "Tổ chức nghiên cứu và phát triển",
  o.tax === undefined ? taxCode() : o.tax,
  o.district ?? "Ngô Quyền",
  o.gov ?? null,
  o.fields ?? "102; 202",
  o.year ?? 1990,
];
const orgFile = (prefix: string, n: number, last?: unknown[]) =>
  xlsx(ORG_HEADERS, [...Array.from({ length: n }, (_, i) => orgRow(`${prefix} ${String(i + 1).padStart(3, "0")}`)), ...(last ? [last] : [])]);

const PEOPLE_HEADERS = [
  "Họ và tên",
  "Năm sinh",
  "Giới tính",
  "Học vị",
  "Chức danh",
  "Lĩnh vực KH&CN",
  "Từ khoá chuyên môn",
  "Thư điện tử",
  "Chuyên gia",
  "Đơn vị công tác",
  "Chức vụ",
];

// ─── tests ───

describe("templates", () => {
  it("gives an xlsx with Vietnamese headers, a sample row and a “Danh mục” sheet — and the template imports as is", async () => {
    const r = await officer.get("/api/v1/imports/templates/organisations");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    expect(r.headers["content-disposition"]).toMatch(/^attachment; filename="mau_nhap_-_to_chuc_kh_cn\.xlsx"; filename\*=UTF-8''M%E1%BA%ABu%20nh%E1%BA%ADp/);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    const content = r.raw.rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
    const [data, codes] = wb.worksheets;
    expect(data.getRow(1).values).toEqual(expect.arrayContaining(["Tên tổ chức *", "Loại hình *", "Mã số thuế", "Quận/huyện", "Lĩnh vực KH&CN"]));
    expect(data.getCell("A2").value).toBe("Viện Nghiên cứu Hải sản");
    expect(codes.name).toBe("Danh mục");
    const codeRows = codes
      .getSheetValues()
      .slice(2)
      .map((v) => (v as unknown[]).slice(1, 4));
    expect(codeRows).toContainEqual(["Quận/huyện", "NGO_QUYEN", "Quận Ngô Quyền"]);
    // the communes, wards and special zones of 2025, beside the former districts
    expect(codeRows).toContainEqual(["Xã/phường/đặc khu", "11329", "Phường Ngô Quyền"]);
    expect(codeRows).toContainEqual(["Lĩnh vực KH&CN", "102", "Khoa học máy tính và thông tin"]);

    const imp = await upload(officer, "organisations", content, "mau.xlsx");
    expect(imp.status).toBe(200);
    expect(imp.body).toMatchObject({ kind: "organisations", status: "ready", totalRows: 1, errorCount: 0, fileName: "mau.xlsx" });
    expect(imp.body.preview[0]).toMatchObject({
      row: 2,
      nameVi: "Viện Nghiên cứu Hải sản",
      type: "rd_institute",
      taxCode: "0200578541",
      commune: "11329",
      district: null,
      governance: "central",
      fields: ["405", "106"],
      foundedYear: 1961,
    });

    const people = await officer.get("/api/v1/imports/templates/people");
    const pwb = new ExcelJS.Workbook();
    await pwb.xlsx.load(people.raw.rawPayload as unknown as ExcelJS.Buffer);
    expect(pwb.worksheets[0].getRow(1).values).toEqual(expect.arrayContaining(["Họ và tên *", "Học vị", "Đơn vị công tác"]));
    const pimp = await upload(officer, "people", people.raw.rawPayload, "mau-nhan-luc.xlsx");
    expect(pimp.body).toMatchObject({ status: "ready", totalRows: 1 });
    expect(pimp.body.preview[0]).toMatchObject({
      fullName: "Nguyễn Thị Thu Hà",
      gender: "female",
      degree: "TS",
      title: "PGS",
      isExpert: true,
      fields: ["102", "202"],
    });
  });
});

describe("validation", () => {
  it("a file with one bad row is invalid, names the row and column in Vietnamese (or English), and commits nothing", async () => {
    const file = await xlsx(ORG_HEADERS, [
      orgRow("Viện Hỏng 1"),
      orgRow("Viện Hỏng 2"),
      orgRow("Viện Hỏng 3", { type: "", district: "Quận Không Tồn Tại", year: "năm ngoái" }),
      orgRow("Viện Hỏng 4"),
    ]);
    const r = await upload(officer, "organisations", file);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "invalid", totalRows: 4, errorCount: 3 });
    expect(r.body.errors).toEqual([
      { row: 4, column: "type", columnLabel: "Loại hình", value: null, message: "Bắt buộc nhập" },
      { row: 4, column: "district", columnLabel: "Quận/huyện", value: "Quận Không Tồn Tại", message: "“Quận Không Tồn Tại” không có trong danh mục" },
      { row: 4, column: "foundedYear", columnLabel: "Năm thành lập", value: "năm ngoái", message: "Phải là số nguyên" },
    ]);
    expect(r.body.abilities).toEqual({ read: true, commit: true });

    const commit = await officer.post(`/api/v1/imports/${r.body.id}/commit`);
    expect(commit.status).toBe(409);
    expect(commit.body.error).toMatchObject({ code: "IMPORT_INVALID", message: "Tệp còn 3 lỗi; không có dòng nào được nhập" });
    expect(await orgsNamed("Viện Hỏng")).toBe(0);

    officer.lang = "en";
    const en = await officer.get(`/api/v1/imports/${r.body.id}`);
    officer.lang = "vi";
    expect(en.body.errors[0]).toMatchObject({ row: 4, columnLabel: "Type", message: "Required" });
    expect(en.body.errors[1].message).toBe("“Quận Không Tồn Tại” is not in the code list");
  });

  it("reports duplicates inside the file and against the registry", async () => {
    await buildOrganisation(t.database.db, { nameVi: "Viện Đã Có Sẵn", taxCode: "0200999999" });
    const file = await xlsx(ORG_HEADERS, [
      orgRow("Viện Trùng A", { tax: "0200999999" }),
      orgRow("VIỆN ĐÃ CÓ SẴN"),
      orgRow("Viện Trùng B", { tax: "0200888888" }),
      orgRow("Viện Trùng C", { tax: "0200888888" }),
      orgRow("viện trùng b"),
    ]);
    const r = await upload(officer, "organisations", file);
    expect(r.body.status).toBe("invalid");
    expect(r.body.errors.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message])).toEqual([
      [2, "taxCode", "Đã có trong hệ thống"],
      [3, "nameVi", "Đã có trong hệ thống"],
      [5, "taxCode", "Trùng với dòng 4 trong tệp"],
      [6, "nameVi", "Trùng với dòng 4 trong tệp"],
    ]);
  });

  it("refuses a sheet without the required columns, an empty sheet, and too many rows (400)", async () => {
    const noCols = await upload(officer, "organisations", await xlsx(["Tên", "Ghi chú"], [["a", "b"]]));
    expect(noCols.status).toBe(400);
    expect(noCols.body.error.message).toBe("Thiếu cột bắt buộc: Tên tổ chức, Loại hình");
    const empty = await upload(officer, "organisations", await xlsx(ORG_HEADERS, []));
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("Tệp không có dòng dữ liệu nào");
  });

  it("stops reading at the row limit: 20,001 data rows answer 400 naming the limit, rows past it are never parsed", async () => {
    const rows = Array.from({ length: 23000 }, (_, i) => [`Viện ${i}`, "Khác"]);
    const broken = (xml: string) => xml.replace("</sheetData>", '<row r="30000"><c r="A30000"><v>1</c></row></sheetData>');
    // 23,000 data rows, then XML no parser accepts, far past the limit: reading stops before it.
    const file = await editSheet(await xlsx(["Tên tổ chức", "Loại hình"], rows), broken);
    const before = await count(sql`SELECT count(*) AS n FROM imports`);
    const many = await upload(officer, "organisations", file);
    expect(many.status).toBe(400);
    expect(many.body.error).toMatchObject({
      code: "TOO_MANY_ROWS",
      message: "Tệp có hơn 20000 dòng dữ liệu: mỗi lần nhập tối đa 20000 dòng. Hãy chia thành nhiều tệp.",
    });
    officer.lang = "en";
    const en = await upload(officer, "organisations", file);
    officer.lang = "vi";
    expect(en.body.error.message).toBe("The file has more than 20000 data rows: an import takes at most 20000 rows. Split it into several files.");
    // The same file cut to 20,000 rows reaches the broken XML: the limit, not the end of the file, stopped the read.
    const cut = await upload(officer, "organisations", await editSheet(await xlsx(["Tên tổ chức", "Loại hình"], rows.slice(0, 20000)), broken));
    expect(cut.status).toBe(400);
    expect(cut.body.error.message).toMatch(/^Không đọc được tệp Excel: .*unexpected close tag/);
    expect(await count(sql`SELECT count(*) AS n FROM imports`)).toBe(before);
  });

  it("refuses a workbook whose sheet data unpack to more than 40 MB (413) before parsing it", async () => {
    const huge = await xlsx(ORG_HEADERS, [orgRow("x".repeat(41 * 1024 * 1024))]);
    expect(huge.length).toBeLessThan(1024 * 1024);
    const r = await upload(officer, "organisations", huge);
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({
      code: "SHEET_TOO_LARGE",
      message: "Dữ liệu bảng tính khi giải nén lớn hơn 40 MB, giới hạn của một tệp nhập. Hãy chia thành nhiều tệp nhỏ hơn.",
    });
  });
});

describe("commit", () => {
  it("creates every row once; the same file again gives the same import; a second commit creates nothing", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => {
      const variants = [
        { type: "Trường đại học", district: "Ngô Quyền", gov: "Trung ương", fields: "102; 202" },
        { type: "rd_institute", district: "LE_CHAN", gov: "local", fields: "Khoa học máy tính và thông tin" },
        { type: "tổ chức dịch vụ kh&cn", district: "quận hải an", gov: null, fields: "405,106" },
      ];
      return orgRow(`Viện Tốt ${String(i + 1).padStart(2, "0")}`, variants[i % 3]);
    });
    const file = await xlsx(ORG_HEADERS, rows);
    const first = await upload(officer, "organisations", file);
    expect(first.body).toMatchObject({ status: "ready", totalRows: 30, errorCount: 0, errors: [], created: null });
    expect(first.body.preview).toHaveLength(20);
    expect(first.body.preview[2]).toMatchObject({ row: 4, type: "st_service", district: "HAI_AN", governance: "local", fields: ["405", "106"] });
    const importsBefore = await count(sql`SELECT count(*) AS n FROM imports`);
    const filesBefore = await count(sql`SELECT count(*) AS n FROM files`);

    const again = await upload(officer, "organisations", file, "ten-khac.xlsx");
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await count(sql`SELECT count(*) AS n FROM imports`)).toBe(importsBefore);
    expect(await count(sql`SELECT count(*) AS n FROM files`)).toBe(filesBefore);

    const c1 = await officer.post(`/api/v1/imports/${first.body.id}/commit`);
    expect(c1.status).toBe(200);
    expect(c1.body).toEqual({ id: first.body.id, status: "committed", created: 30 });
    expect(await orgsNamed("Viện Tốt")).toBe(30);
    const one = await t.database.db.execute<{ type: string; district: string; governance: string; fields: string[]; created_by: string; founded_year: number }>(
      sql`SELECT type, district, governance, fields, created_by, founded_year FROM organisations WHERE name_vi = 'Viện Tốt 01'`,
    );
    expect(one.rows[0]).toEqual({
      type: "university",
      district: "NGO_QUYEN",
      governance: "central",
      fields: ["102", "202"],
      created_by: officerId,
      founded_year: 1990,
    });

    const c2 = await officer.post(`/api/v1/imports/${first.body.id}/commit`);
    expect(c2.status).toBe(200);
    expect(c2.body).toEqual({ id: first.body.id, status: "committed", created: 30 });
    expect(await orgsNamed("Viện Tốt")).toBe(30);
    expect(await auditCount("import.commit", first.body.id)).toBe(1);
    const audit = await t.database.db.execute<{ details: { created: number; kind: string } }>(
      sql`SELECT details FROM audit_log WHERE action = 'import.commit' AND entity_id = ${first.body.id}`,
    );
    expect(audit.rows[0].details).toMatchObject({ kind: "organisations", created: 30 });

    const after = await upload(officer, "organisations", file);
    expect(after.body).toMatchObject({ id: first.body.id, status: "committed", created: 30 });
    expect((await officer.get(`/api/v1/imports/${first.body.id}`)).body.committedAt).toBeTruthy();
  });

  it("imports people: degree by code or label, organisation by tax code or exact name, fields “102; 202”", async () => {
    const org = await buildOrganisation(t.database.db, { nameVi: "Trường Đại học Hải Phòng", taxCode: "0200100001" });
    const file = await xlsx(PEOPLE_HEADERS, [
      ["Trần Thị Bình", 1985, "Nữ", "ĐH", null, "102; 202", "trí tuệ nhân tạo; dữ liệu lớn", "binh@dhhp.edu.vn", "Có", "0200100001", "Giảng viên"],
      ["Lê Văn Cường", 1970, "nam", "Đại học", "PGS", "Khoa học máy tính và thông tin", null, null, "Không", "TRƯỜNG ĐẠI HỌC HẢI PHÒNG", null],
      ["Phạm Thu Dung", 1990, "female", "ThS", null, null, null, null, null, null, null],
    ]);
    const r = await upload(officer, "people", file);
    expect(r.body).toMatchObject({ status: "ready", totalRows: 3 });
    expect(r.body.preview[0]).toMatchObject({ organisation: "Trường Đại học Hải Phòng", degree: "DH", keywords: ["trí tuệ nhân tạo", "dữ liệu lớn"] });
    const c = await officer.post(`/api/v1/imports/${r.body.id}/commit`);
    expect(c.body.created).toBe(3);
    const rows = await t.database.db.execute<Record<string, unknown>>(sql`
      SELECT full_name, degree, title, gender, fields, is_expert, expert_since, primary_organisation_id,
             (SELECT position FROM person_affiliations a WHERE a.person_id = p.id) AS position
        FROM people p WHERE full_name IN ('Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thu Dung') ORDER BY birth_year`);
    expect(rows.rows).toEqual([
      {
        full_name: "Lê Văn Cường",
        degree: "DH",
        title: "PGS",
        gender: "male",
        fields: ["102"],
        is_expert: false,
        expert_since: null,
        primary_organisation_id: org.id,
        position: null,
      },
      {
        full_name: "Trần Thị Bình",
        degree: "DH",
        title: null,
        gender: "female",
        fields: ["102", "202"],
        is_expert: true,
        expert_since: "2026-11-27",
        primary_organisation_id: org.id,
        position: "Giảng viên",
      },
      {
        full_name: "Phạm Thu Dung",
        degree: "ThS",
        title: null,
        gender: "female",
        fields: [],
        is_expert: false,
        expert_since: null,
        primary_organisation_id: null,
        position: null,
      },
    ]);
  });

  it("names unknown and ambiguous organisations; an invalid file uploaded again is checked again (same import)", async () => {
    await buildOrganisation(t.database.db, { nameVi: "Trung tâm Trùng Tên" });
    await buildOrganisation(t.database.db, { nameVi: "Trung tâm Trùng Tên" });
    const file = await xlsx(PEOPLE_HEADERS, [
      ["Đỗ Văn Em", 1980, null, null, null, null, null, null, null, "Viện Sẽ Có Sau", null],
      ["Đỗ Văn Giang", 1981, null, null, null, null, null, null, null, "Trung tâm Trùng Tên", null],
      ["Đỗ Văn Hải", 1982, null, null, null, null, null, null, null, null, "Trưởng khoa"],
    ]);
    const r = await upload(officer, "people", file);
    expect(r.body.errors.map((e: { row: number; columnLabel: string; message: string }) => [e.row, e.columnLabel, e.message])).toEqual([
      [2, "Đơn vị công tác", "Không tìm thấy tổ chức “Viện Sẽ Có Sau”"],
      [3, "Đơn vị công tác", "Có nhiều tổ chức tên “Trung tâm Trùng Tên”; hãy ghi mã số thuế"],
      [4, "Chức vụ", "Cần nhập cả cột “Đơn vị công tác”"],
    ]);
    await buildOrganisation(t.database.db, { nameVi: "Viện Sẽ Có Sau" });
    const again = await upload(officer, "people", file);
    expect(again.body.id).toBe(r.body.id);
    expect(again.body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
  });

  it("an Idempotency-Key retried with the same key returns the same import", async () => {
    const key = "retry-" + crypto.randomUUID();
    const a = await upload(officer, "organisations", await orgFile("Viện Khoá", 2), "a.xlsx", { "idempotency-key": key });
    const b = await upload(officer, "organisations", await orgFile("Viện Khoá Khác", 3), "b.xlsx", { "idempotency-key": key });
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(b.body.totalRows).toBe(2);
    const bad = await upload(officer, "organisations", await orgFile("Viện X", 1), "c.xlsx", { "idempotency-key": "khóa" });
    expect(bad.status).toBe(400);
  });

  it("is one transaction: a row the database refuses at the end leaves zero rows", async () => {
    // A rule only the database knows (validation cannot see it): the last row breaks it mid-insert.
    await t.database.db.execute(sql`ALTER TABLE organisations ADD CONSTRAINT import_test_refuse CHECK (name_vi <> 'Viện Cuối Bị Từ Chối')`);
    try {
      const r = await upload(officer, "organisations", await orgFile("Viện Giao Dịch", 40, orgRow("Viện Cuối Bị Từ Chối")));
      expect(r.body).toMatchObject({ status: "ready", totalRows: 41 });
      const c = await officer.post(`/api/v1/imports/${r.body.id}/commit`);
      expect(c.status).toBe(409);
      expect(c.body.error).toMatchObject({ code: "IMPORT_FAILED", message: "Cơ sở dữ liệu từ chối một dòng của tệp; không có dòng nào được nhập" });
      expect(await orgsNamed("Viện Giao Dịch")).toBe(0);
      expect(await orgsNamed("Viện Cuối")).toBe(0);
      expect((await officer.get(`/api/v1/imports/${r.body.id}`)).body.status).toBe("ready");
      expect(await auditCount("import.commit", r.body.id)).toBe(0);
      expect(await auditCount("import.commit", r.body.id, "failure")).toBe(1);

      await t.database.db.execute(sql`ALTER TABLE organisations DROP CONSTRAINT import_test_refuse`);
      const retry = await officer.post(`/api/v1/imports/${r.body.id}/commit`);
      expect(retry.body).toMatchObject({ status: "committed", created: 41 });
      expect(await orgsNamed("Viện Giao Dịch")).toBe(40);
    } finally {
      await t.database.db.execute(sql`ALTER TABLE organisations DROP CONSTRAINT IF EXISTS import_test_refuse`);
    }
  });

  it("parallel commits of one import insert once and all answer the same result", async () => {
    const r = await upload(officer, "organisations", await orgFile("Viện Song Song", 25));
    const results = await Promise.all(Array.from({ length: 6 }, () => officer.post(`/api/v1/imports/${r.body.id}/commit`)));
    expect(results.map((x) => x.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const x of results) expect(x.body).toEqual({ id: r.body.id, status: "committed", created: 25 });
    expect(await orgsNamed("Viện Song Song")).toBe(25);
    expect(await auditCount("import.commit", r.body.id)).toBe(1);
  });

  it("re-checks the registry at commit: a tax code registered meanwhile makes it invalid, nothing inserted", async () => {
    const tax = taxCode();
    const r = await upload(officer, "organisations", await xlsx(ORG_HEADERS, [orgRow("Viện Chậm Chân 1"), orgRow("Viện Chậm Chân 2", { tax })]));
    expect(r.body.status).toBe("ready");
    await buildOrganisation(t.database.db, { nameVi: "Viện Nhanh Tay", taxCode: tax });
    const c = await officer.post(`/api/v1/imports/${r.body.id}/commit`);
    expect(c.status).toBe(409);
    expect(c.body.error.code).toBe("IMPORT_STALE");
    expect(await orgsNamed("Viện Chậm Chân")).toBe(0);
    const now = await officer.get(`/api/v1/imports/${r.body.id}`);
    expect(now.body).toMatchObject({ status: "invalid", errorCount: 1 });
    expect(now.body.errors[0]).toMatchObject({ row: 3, column: "taxCode", message: "Đã có trong hệ thống" });
  });

  it("commits a few thousand rows with set-based statements", async () => {
    const r = await upload(officer, "organisations", await orgFile("Viện Số Lượng", 3000));
    expect(r.body).toMatchObject({ status: "ready", totalRows: 3000 });
    const c = await officer.post(`/api/v1/imports/${r.body.id}/commit`);
    expect(c.body.created).toBe(3000);
    expect(await orgsNamed("Viện Số Lượng")).toBe(3000);
  });
});

describe("people: the duplicate rule", () => {
  // Same person = the same name with accents and case ignored, the same birth year (both empty counts as the same) and
  // the same primary organisation (both empty counts as the same); or the same ORCID.
  const HEADERS = ["Họ và tên", "Năm sinh", "ORCID", "Đơn vị công tác", "Chức vụ"];
  const peopleNamed = (names: string[]) =>
    count(
      sql`SELECT count(*) AS n FROM people WHERE f_fold(full_name) IN (${sql.join(
        names.map((n) => sql`f_fold(${n})`),
        sql`, `,
      )})`,
    );
  const messages = (body: { errors: { row: number; column: string; message: string }[] }) => body.errors.map((e) => [e.row, e.column, e.message]);

  it("finds duplicates inside the file and against the registry: accents and case ignored, birth year and organisation kept apart", async () => {
    const org = await buildOrganisation(t.database.db, { nameVi: "Viện Trùng Người", taxCode: "0200777001" });
    await buildPerson(t.database.db, { fullName: "Vũ Thị Ánh Tuyết", birthYear: 1979, primaryOrganisationId: org.id });
    await buildPerson(t.database.db, { fullName: "Lý Văn Khôi", birthYear: null, primaryOrganisationId: null });
    await buildPerson(t.database.db, { fullName: "Đặng Quốc Bảo", birthYear: 1988, orcid: "0000-0001-5109-3700" });
    const file = await xlsx(HEADERS, [
      ["VŨ THỊ ÁNH TUYẾT", 1979, null, "0200777001", null], // 2: in the registry (case)
      ["vu thi anh tuyet", 1979, null, "Viện Trùng Người", null], // 3: same as row 2 (and the registry)
      ["Vũ Thị Ánh Tuyết", 1980, null, "0200777001", null], // 4: another birth year
      ["Vũ Thị Ánh Tuyết", 1979, null, null, null], // 5: no organisation, the registry's has one
      ["LÝ VĂN KHÔI", null, null, null, null], // 6: in the registry (no year, no organisation on both)
      ["Lý Văn Khôi", 1970, null, null, null], // 7: another birth year
      ["Hồ Minh Trí", 1985, "0000-0001-5109-3700", null, null], // 8: ORCID in the registry
      ["Hồ Minh Tâm", 1985, "https://orcid.org/0000-0002-9079-593X", null, null], // 9
      ["Hồ Minh Tín", 1986, "0000-0002-9079-593x", null, null], // 10: the ORCID of row 9
      ["hồ minh tâm", 1985, null, null, "Nghiên cứu viên"], // 11: row 9 again (and a position without organisation)
      ["Ho Minh Tam", 1985, null, "0200777001", null], // 12: row 9's name and year, another organisation
    ]);
    const r = await upload(officer, "people", file);
    expect(r.body).toMatchObject({ status: "invalid", totalRows: 11 });
    expect(messages(r.body)).toEqual([
      [2, "fullName", "Đã có trong hệ thống"],
      [3, "fullName", "Trùng với dòng 2 trong tệp"],
      [6, "fullName", "Đã có trong hệ thống"],
      [8, "orcid", "Đã có trong hệ thống"],
      [10, "orcid", "Trùng với dòng 9 trong tệp"],
      [11, "fullName", "Trùng với dòng 9 trong tệp"],
      [11, "position", "Cần nhập cả cột “Đơn vị công tác”"],
    ]);
    officer.lang = "en";
    const en = await officer.get(`/api/v1/imports/${r.body.id}`);
    officer.lang = "vi";
    expect(en.body.errors.slice(0, 2).map((e: { message: string }) => e.message)).toEqual(["Already in the system", "Duplicates row 2 of the file"]);

    expect((await officer.post(`/api/v1/imports/${r.body.id}/commit`)).status).toBe(409);
    expect(await peopleNamed(["Vũ Thị Ánh Tuyết", "Lý Văn Khôi", "Hồ Minh Tâm", "Hồ Minh Trí", "Hồ Minh Tín"])).toBe(2);

    // Without the duplicates the same people import, and the registry check sees them afterwards.
    const clean = await xlsx(HEADERS, [
      ["Vũ Thị Ánh Tuyết", 1980, null, "0200777001", null],
      ["Vũ Thị Ánh Tuyết", 1979, null, null, null],
      ["Lý Văn Khôi", 1970, null, null, null],
      ["Hồ Minh Tâm", 1985, "0000-0002-9079-593X", null, null],
      ["Ho Minh Tam", 1985, null, "0200777001", "Nghiên cứu viên"],
    ]);
    const ok = await upload(officer, "people", clean);
    expect(ok.body).toMatchObject({ status: "ready", errorCount: 0 });
    expect((await officer.post(`/api/v1/imports/${ok.body.id}/commit`)).body).toMatchObject({ status: "committed", created: 5 });
    const again = await upload(
      officer,
      "people",
      await xlsx(HEADERS, [
        ["VŨ THỊ ÁNH TUYẾT", 1980, null, "Viện Trùng Người", null],
        ["Hồ Minh Tâm", 1990, "0000-0002-9079-593X", null, null],
      ]),
    );
    expect(messages(again.body)).toEqual([
      [2, "fullName", "Đã có trong hệ thống"],
      [3, "orcid", "Đã có trong hệ thống"],
    ]);
  });

  it("checks the registry again at commit: the same person registered meanwhile (written otherwise) stops the whole file", async () => {
    const r = await upload(
      officer,
      "people",
      await xlsx(HEADERS, [
        ["Tạ Văn Mới", 1990, null, null, null],
        ["Tạ Thị Sau", 1991, null, null, null],
      ]),
    );
    expect(r.body.status).toBe("ready");
    await buildPerson(t.database.db, { fullName: "TẠ THỊ SAU", birthYear: 1991 });
    const c = await officer.post(`/api/v1/imports/${r.body.id}/commit`);
    expect(c.status).toBe(409);
    expect(c.body.error.code).toBe("IMPORT_STALE");
    expect(await peopleNamed(["Tạ Văn Mới", "Tạ Thị Sau"])).toBe(1);
    const now = await officer.get(`/api/v1/imports/${r.body.id}`);
    expect(now.body).toMatchObject({ status: "invalid", errorCount: 1 });
    expect(messages(now.body)).toEqual([[3, "fullName", "Đã có trong hệ thống"]]);
  });

  it("commits people and their affiliations in one transaction: a refused affiliation leaves no person; retried, it commits once", async () => {
    const org = await buildOrganisation(t.database.db, { nameVi: "Viện Một Giao Dịch", taxCode: "0200777002" });
    const rows = Array.from({ length: 30 }, (_, i) => [`Quách Văn Giao ${String(i + 1).padStart(2, "0")}`, 1970 + i, null, "0200777002", "Nghiên cứu viên"]);
    rows.push(["Quách Văn Cuối", 1999, null, "0200777002", "Chức vụ bị từ chối"]);
    await t.database.db.execute(sql`ALTER TABLE person_affiliations ADD CONSTRAINT import_test_refuse CHECK (position <> 'Chức vụ bị từ chối')`);
    try {
      const r = await upload(officer, "people", await xlsx(HEADERS, rows));
      expect(r.body).toMatchObject({ status: "ready", totalRows: 31 });
      const c = await officer.post(`/api/v1/imports/${r.body.id}/commit`);
      expect(c.status).toBe(409);
      expect(c.body.error.code).toBe("IMPORT_FAILED");
      expect(await count(sql`SELECT count(*) AS n FROM people WHERE full_name LIKE 'Quách Văn%'`)).toBe(0);
      expect(await count(sql`SELECT count(*) AS n FROM person_affiliations WHERE organisation_id = ${org.id}`)).toBe(0);

      await t.database.db.execute(sql`ALTER TABLE person_affiliations DROP CONSTRAINT import_test_refuse`);
      const results = await Promise.all([0, 1, 2].map(() => officer.post(`/api/v1/imports/${r.body.id}/commit`)));
      for (const x of results) expect(x.body).toEqual({ id: r.body.id, status: "committed", created: 31 });
      expect(await count(sql`SELECT count(*) AS n FROM people WHERE full_name LIKE 'Quách Văn%' AND primary_organisation_id = ${org.id}`)).toBe(31);
      expect(await count(sql`SELECT count(*) AS n FROM person_affiliations WHERE organisation_id = ${org.id}`)).toBe(31);
      expect(await auditCount("import.commit", r.body.id)).toBe(1);
    } finally {
      await t.database.db.execute(sql`ALTER TABLE person_affiliations DROP CONSTRAINT IF EXISTS import_test_refuse`);
    }
  });
});

describe("upload safety (SECURITY.md 15)", () => {
  it("refuses a non-xlsx file renamed .xlsx, a wrong extension, a zip bomb (400) and an oversize upload (413); stores nothing", async () => {
    const before = await count(sql`SELECT count(*) AS n FROM files`);

    const text = await upload(officer, "organisations", Buffer.from("Tên tổ chức,Loại hình\nViện A,Khác\n"), "danh-sach.xlsx");
    expect(text.status).toBe(400);
    expect(text.body.error).toMatchObject({ code: "UNSUPPORTED_FILE", message: "Tệp phải là bảng tính Excel (.xlsx)" });

    const wrongExt = await upload(officer, "organisations", await orgFile("Viện Đuôi", 1), "danh-sach.csv");
    expect(wrongExt.status).toBe(400);
    expect(wrongExt.body.error.code).toBe("UNSUPPORTED_FILE");

    // A real workbook with more parts than any spreadsheet needs (1,100 sheets → over 1,000 zip entries).
    const wb = new ExcelJS.Workbook();
    for (let i = 0; i < 1100; i++) wb.addWorksheet(`S${i}`);
    const bomb = await upload(officer, "organisations", Buffer.from(await wb.xlsx.writeBuffer()), "bom.xlsx");
    expect(bomb.status).toBe(400);
    expect(bomb.body.error.code).toBe("SUSPICIOUS_ARCHIVE");

    // Over the limit by Content-Length: refused before the body is read.
    const big = await upload(officer, "organisations", crypto.randomBytes(1536 * 1024), "lon.xlsx");
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "Tệp hoặc dữ liệu gửi lên quá lớn" });
    // Just over the limit (inside the multipart allowance): the stream stops at the limit.
    const justOver = await upload(officer, "organisations", crypto.randomBytes(1024 * 1024 + 10), "lon.xlsx");
    expect(justOver.status).toBe(413);

    const json = await officer.post("/api/v1/imports/organisations", { file: "x" });
    expect(json.status).toBe(415);
    const m = multipart("a.xlsx", await orgFile("Viện Trường Sai", 1), "attachment");
    const wrongField = await officer.post("/api/v1/imports/organisations", m.body, m.headers);
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.message).toBe("Chưa chọn tệp");

    expect(await count(sql`SELECT count(*) AS n FROM files`)).toBe(before);
  });
});

describe("who may import", () => {
  it("organisations and people by admin/officer only; another user's import answers 404", async () => {
    const file = await orgFile("Viện Quyền", 1);
    for (const c of [pi, leader]) {
      expect((await upload(c, "organisations", file)).status).toBe(403);
      expect((await upload(c, "people", file)).status).toBe(403);
      expect((await c.get("/api/v1/imports/templates/people")).status).toBe(403);
    }
    const mine = await upload(officer, "organisations", file);
    expect(mine.status).toBe(200);
    expect((await officer2.get(`/api/v1/imports/${mine.body.id}`)).status).toBe(404);
    expect((await officer2.post(`/api/v1/imports/${mine.body.id}/commit`)).status).toBe(404);
    expect((await pi.get(`/api/v1/imports/${mine.body.id}`)).status).toBe(404);
    expect((await officer.get(`/api/v1/imports/${crypto.randomUUID()}`)).status).toBe(404);
    expect(await orgsNamed("Viện Quyền")).toBe(0);
    // The same file uploaded by another officer is their own import.
    const theirs = await upload(officer2, "organisations", file);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect((await officer.get("/api/v1/imports/templates/nothing")).status).toBe(400);
  });
});
