// Registry exports through the real app: files opened back with exceljs / read as CSV (SECURITY.md 14, 19, 27).
import crypto from "node:crypto";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";
import { laboratories, personAffiliations } from "../../db/schema/index.js";
import { canGeneral } from "../../platform/policy.js";
import { personPolicy } from "../people/people.policy.js";
import { vietnamDate } from "../../platform/clock.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let pi: Client;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = (await signedIn(t, { username: "exp_officer", roles: ["officer"], ip: "10.8.0.1" })).client;
  leader = (await signedIn(t, { username: "exp_leader", roles: ["leader"], ip: "10.8.0.2" })).client;
  pi = (await signedIn(t, { username: "exp_pi", roles: ["pi"], ip: "10.8.0.3" })).client;

  const db = t.database.db;
  const parent = await buildOrganisation(db, { nameVi: "Sở Y tế Hải Phòng", type: "state_agency" });
  orgId = (
    await buildOrganisation(db, {
      nameVi: "Bệnh viện Việt Tiệp",
      type: "hospital",
      district: "LE_CHAN",
      fields: ["302", "303"],
      taxCode: "0200111222",
      parentId: parent.id,
    })
  ).id;
  await db.insert(laboratories).values([
    { organisationId: orgId, name: "Khoa Xét nghiệm", scheme: "ISO17025", accreditationNumber: "VILAS 999" },
    { organisationId: orgId, name: "Khoa Vi sinh", scheme: "VILAS", accreditationNumber: "VILAS 998" },
  ]);
  await buildOrganisation(db, { nameVi: "=1+1 Bệnh viện Công Thức", type: "hospital", governance: "central", foundedYear: 1906 });
  await buildOrganisation(db, { nameVi: 'Bệnh viện "Trẻ em", Hải Phòng', type: "hospital", phone: "+84 225 3777 777" });
  await buildOrganisation(db, { nameVi: "Trường Đại học Không Lọc", type: "university" });
  const xuat = await buildPerson(db, {
    fullName: "Nguyễn Văn Xuất",
    degree: "TS",
    email: "xuat@viettiep.vn",
    phone: "0912000111",
    primaryOrganisationId: orgId,
    keywords: ["tim mạch", "nội soi"],
  });
  await db.insert(personAffiliations).values({ personId: xuat.id, organisationId: orgId, position: "Trưởng khoa Tim mạch" });
  await buildPerson(db, {
    fullName: "@Trần Thị Khẩu",
    degree: "ThS",
    gender: "female",
    email: "khau@viettiep.vn",
    primaryOrganisationId: orgId,
    isExpert: true,
    expertSince: "2025-03-01",
  });
  await buildPerson(db, { fullName: "Lê Văn Ngoài", degree: "TS", email: "ngoai@example.vn" });
});
afterAll(async () => t?.close());

async function openXlsx(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, ExcelJS.Cell>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return { ws, header, rows };
}

const exportAudits = (action: string) =>
  t.database.db.execute<{ actor_username: string; details: { format: string; rows: number; filters: Record<string, unknown>; contact?: boolean } }>(
    sql`SELECT actor_username, details FROM audit_log WHERE action = ${action} ORDER BY id`,
  );

describe("organisations export", () => {
  it("xlsx: the filtered rows with Vietnamese headers, labels, dates; opens back with exceljs; audited", async () => {
    const r = await leader.get("/api/v1/organisations/export?type=hospital&format=xlsx");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(r.headers["content-disposition"]).toBe(
      `attachment; filename="danh_sach_to_chuc_2026-11-27.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20t%E1%BB%95%20ch%E1%BB%A9c%202026-11-27.xlsx`,
    );
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["cache-control"]).toBe("no-store");

    const { ws, header, rows } = await openXlsx(r.raw.rawPayload);
    expect(ws.name).toBe("Danh sách tổ chức");
    expect(header).toEqual(expect.arrayContaining(["Tên tổ chức", "Loại hình", "Mã số thuế", "Quận/huyện", "Lĩnh vực KH&CN", "Cập nhật lần cuối"]));
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(rows.map((x) => x["Tên tổ chức"].value).sort()).toEqual(
      ["'=1+1 Bệnh viện Công Thức", 'Bệnh viện "Trẻ em", Hải Phòng', "Bệnh viện Việt Tiệp"].sort(),
    );
    const vt = rows.find((x) => x["Tên tổ chức"].value === "Bệnh viện Việt Tiệp")!;
    expect(vt["Loại hình"].value).toBe("Bệnh viện, cơ sở y tế");
    expect(vt["Quận/huyện"].value).toBe("Quận Lê Chân");
    expect(vt["Cấp quản lý"].value).toBe("Địa phương");
    expect(vt["Lĩnh vực KH&CN"].value).toBe("302; 303");
    expect(vt["Mã số thuế"].value).toBe("0200111222");
    expect(vt["Cơ quan chủ quản"].value).toBe("Sở Y tế Hải Phòng");
    expect(vt["Số phòng thí nghiệm"].value).toBe(2);
    expect(vt["Cập nhật lần cuối"].value).toBeInstanceOf(Date);
    expect(vt["Cập nhật lần cuối"].numFmt).toBe("dd/mm/yyyy hh:mm");
    const phone = rows.find((x) => String(x["Tên tổ chức"].value).includes("Trẻ em"))!;
    expect(phone["Điện thoại"].value).toBe("'+84 225 3777 777");

    const audits = await exportAudits("organisation.export");
    expect(audits.rows.at(-1)).toMatchObject({ actor_username: "exp_leader", details: { format: "xlsx", rows: 3, filters: { type: "hospital" } } });
  });

  it("csv: UTF-8 BOM, RFC 4180 quoting, CRLF, formula cells neutralised (“=1+1” → “'=1+1”)", async () => {
    const r = await officer.get("/api/v1/organisations/export?type=hospital&format=csv&sort=name");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(r.headers["content-disposition"]).toMatch(/^attachment; filename="danh_sach_to_chuc_2026-11-27\.csv"/);
    const bytes = r.raw.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0].startsWith("Tên tổ chức,Tên tiếng Anh,Tên viết tắt,Loại hình,Mã số thuế")).toBe(true);
    expect(lines).toHaveLength(5);
    expect(text).toContain("\r\n'=1+1 Bệnh viện Công Thức,");
    expect(text).toContain('\r\n"Bệnh viện ""Trẻ em"", Hải Phòng",');
    expect(text).toContain(",'+84 225 3777 777,");
    expect(text).not.toMatch(/(^|,|\r\n)[=+\-@]/);
    expect(text).toContain('Bệnh viện Việt Tiệp,,,"Bệnh viện, cơ sở y tế",0200111222');
    // "last updated" is the row's own time (written from the test clock), shown as a Vietnam-local date and time
    const vnToday = vietnamDate(t.clock.now()).split("-").reverse().join("/");
    expect(text).toContain(`,${vnToday} `);
    expect(text).toMatch(/,\d\d\/\d\d\/\d{4} \d\d:\d\d\r\n/);
  });

  it("exports import back: the same headers and labels are understood by the importer", async () => {
    const r = await officer.get("/api/v1/organisations/export?type=hospital");
    const boundary = "----khcn" + crypto.randomBytes(6).toString("hex");
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="xuat.xlsx"\r\n\r\n`),
      r.raw.rawPayload,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const imp = await officer.post("/api/v1/imports/organisations", body, { "content-type": `multipart/form-data; boundary=${boundary}` });
    expect(imp.status).toBe(200);
    expect(imp.body.totalRows).toBe(3);
    // Every row is already registered — and nothing else is wrong (codes, labels, the neutralised formula).
    expect(new Set(imp.body.errors.map((e: { message: string }) => e.message))).toEqual(new Set(["Đã có trong hệ thống"]));
    expect(imp.body.preview.find((p: { nameVi: string }) => p.nameVi.startsWith("=1+1"))).toMatchObject({
      governance: "central",
      foundedYear: 1906,
      type: "hospital",
    });
  });

  it("refuses an unknown format or filter (400) and roles without the export ability (403)", async () => {
    expect((await officer.get("/api/v1/organisations/export?format=pdf")).status).toBe(400);
    expect((await officer.get("/api/v1/organisations/export?colour=red")).status).toBe(400);
    expect((await pi.get("/api/v1/organisations/export")).status).toBe(403);
  });
});

describe("people export", () => {
  it("staff get contact data; the filters of the list apply; audited with the row count", async () => {
    const r = await officer.get(`/api/v1/people/export?organisationId=${orgId}&format=xlsx`);
    expect(r.status).toBe(200);
    expect(r.headers["content-disposition"]).toMatch(/^attachment; filename="danh_sach_nhan_luc_2026-11-27\.xlsx"/);
    const { header, rows } = await openXlsx(r.raw.rawPayload);
    expect(header).toEqual(expect.arrayContaining(["Họ và tên", "Học vị", "Thư điện tử", "Điện thoại", "Đơn vị công tác", "Chuyên gia"]));
    expect(rows).toHaveLength(2);
    const x = rows.find((p) => p["Họ và tên"].value === "Nguyễn Văn Xuất")!;
    expect(x["Thư điện tử"].value).toBe("xuat@viettiep.vn");
    expect(x["Học vị"].value).toBe("Tiến sĩ");
    expect(x["Đơn vị công tác"].value).toBe("Bệnh viện Việt Tiệp");
    expect(x["Từ khoá chuyên môn"].value).toBe("tim mạch; nội soi");
    expect(x["Chuyên gia"].value).toBe("Không");
    expect(x["Chức vụ"].value).toBe("Trưởng khoa Tim mạch");
    const k = rows.find((p) => String(p["Họ và tên"].value).includes("Khẩu"))!;
    expect(k["Họ và tên"].value).toBe("'@Trần Thị Khẩu");
    expect(k["Chuyên gia"].value).toBe("Có");
    expect(k["Ngày vào mạng lưới chuyên gia"].value).toEqual(new Date("2025-03-01T00:00:00Z"));
    expect(k["Ngày vào mạng lưới chuyên gia"].numFmt).toBe("dd/mm/yyyy");

    const csv = await officer.get("/api/v1/people/export?degree=TS&q=ngoai&format=csv");
    const text = csv.raw.rawPayload.subarray(3).toString("utf8");
    expect(text.split("\r\n")).toHaveLength(3);
    expect(text).toContain("Lê Văn Ngoài,1980,Nam,Tiến sĩ,,102,,,ngoai@example.vn");

    const audits = await exportAudits("person.export");
    expect(audits.rows.map((a) => a.details)).toEqual([
      expect.objectContaining({ format: "xlsx", rows: 2, contact: true, filters: expect.objectContaining({ organisationId: orgId }) }),
      expect.objectContaining({ format: "csv", rows: 1, contact: true, filters: expect.objectContaining({ degree: "TS", q: "ngoai" }) }),
    ]);
  });

  it("contact data never leaves for other roles; roles without the export ability get 403", async () => {
    expect((await pi.get("/api/v1/people/export")).status).toBe(403);
    const r = await leader.get(`/api/v1/people/export?organisationId=${orgId}&format=csv`);
    const allowed = canGeneral(
      { userId: "x", username: "l", roles: ["leader"], personId: null, organisationId: null, sessionId: "" },
      personPolicy as never,
      "export",
    );
    if (!allowed) {
      expect(r.status).toBe(403);
      return;
    }
    expect(r.status).toBe(200);
    const text = r.raw.rawPayload.toString("utf8");
    expect(text).toContain("Nguyễn Văn Xuất");
    expect(text).not.toContain("Thư điện tử");
    expect(text).not.toContain("xuat@viettiep.vn");
    expect(text).not.toContain("0912000111");
  });
});

describe("exports larger than one page of rows", () => {
  const TRANG = 2150; // more than one page (EXPORT_PAGE = 2,000) of rows read for the file

  /** The first column of every data line of a CSV export (names here hold no comma or quote). */
  const csvNames = (payload: Buffer) =>
    payload
      .subarray(3)
      .toString("utf8")
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[0]);

  /** The names of every row of the list, page after page, in the list's order. */
  async function listed(url: string, field: "fullName" | "nameVi") {
    const names: string[] = [];
    for (let page = 1; ; page++) {
      const r = await officer.get(`${url}&pageSize=200&page=${page}`);
      expect(r.status).toBe(200);
      names.push(...r.body.items.map((i: Record<string, string>) => i[field]));
      if (names.length >= r.body.total) return names;
    }
  }

  it("people: every row once, in the list's order, for each sort; the position of a row read in a later page", async () => {
    const db = t.database.db;
    const trang = await buildOrganisation(db, { nameVi: "Viện Trang Rộng", type: "rd_institute" });
    const other = await buildOrganisation(db, { nameVi: "Bệnh viện Trang Hẹp", type: "hospital" });
    await db.execute(sql`
      INSERT INTO people (full_name, birth_year, degree, primary_organisation_id, created_at, updated_at)
      SELECT 'Đào Trang ' || lpad(g::text, 4, '0'), 1950 + g % 40, (ARRAY['TS', 'ThS', 'DH', NULL])[1 + g % 4],
             CASE g % 3 WHEN 0 THEN ${trang.id}::uuid WHEN 1 THEN ${other.id}::uuid END, ${t.clock.now()}, ${t.clock.now()}
        FROM generate_series(1, ${TRANG}::int) AS g`);
    await db.execute(sql`
      INSERT INTO person_affiliations (person_id, organisation_id, position)
      SELECT id, primary_organisation_id, 'Nghiên cứu viên ' || right(full_name, 4)
        FROM people WHERE full_name LIKE 'Đào Trang %' AND primary_organisation_id = ${trang.id}`);

    for (const sort of ["name", "-birthYear", "degree", "organisation", "-organisation", "updatedAt"]) {
      const r = await officer.get(`/api/v1/people/export?q=dao%20trang&sort=${sort}&format=csv`);
      expect(r.status).toBe(200);
      const exported = csvNames(r.raw.rawPayload);
      expect(exported).toHaveLength(TRANG);
      expect(exported, sort).toEqual(await listed(`/api/v1/people?q=dao%20trang&sort=${sort}`, "fullName"));
    }

    // xlsx through the same pages; the position comes from the row's own page (the 2,100th row, in the second).
    const x = await officer.get("/api/v1/people/export?q=dao%20trang&sort=name&format=xlsx");
    const { rows } = await openXlsx(x.raw.rawPayload);
    expect(rows.map((r) => r["Họ và tên"].value)).toEqual(Array.from({ length: TRANG }, (_, i) => `Đào Trang ${String(i + 1).padStart(4, "0")}`));
    expect(rows[2099]["Chức vụ"].value).toBe("Nghiên cứu viên 2100");
    expect(rows[2099]["Đơn vị công tác"].value).toBe("Viện Trang Rộng");
    expect(rows[2098]["Chức vụ"].value).toBeNull();
    const audits = await exportAudits("person.export");
    expect(audits.rows.at(-1)!.details).toMatchObject({ format: "xlsx", rows: TRANG });
  });

  it("organisations: every row once, in the list's order, for each sort", async () => {
    await t.database.db.execute(sql`
      INSERT INTO organisations (name_vi, type, district, created_at, updated_at)
      SELECT 'Tổ chức Trang ' || lpad(g::text, 4, '0'), (ARRAY['rd_institute', 'university', 'hospital'])[1 + g % 3],
             (ARRAY['LE_CHAN', 'NGO_QUYEN', NULL])[1 + g % 3], ${t.clock.now()}, ${t.clock.now()}
        FROM generate_series(1, ${TRANG}::int) AS g`);
    for (const sort of ["-name", "type", "district", "peopleCount"]) {
      const r = await officer.get(`/api/v1/organisations/export?q=to%20chuc%20trang&sort=${sort}&format=csv`);
      expect(r.status).toBe(200);
      const exported = csvNames(r.raw.rawPayload);
      expect(exported).toHaveLength(TRANG);
      expect(exported, sort).toEqual(await listed(`/api/v1/organisations?q=to%20chuc%20trang&sort=${sort}`, "nameVi"));
    }
  });
});
