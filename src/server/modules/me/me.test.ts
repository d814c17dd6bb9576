import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";
import { auditLog, consents, people } from "../../db/schema/index.js";
import { CONSENT_NOTICE_VERSION } from "../../../common/api/person.js";

let t: TestApp;
let me: Client; // pi1, linked to "Hoàng Minh Tuấn"
let neighbour: Client; // pi2, linked to another person
let noPerson: Client; // an account with no person record
let myId: string;
let neighbourId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const org = await buildOrganisation(db, { nameVi: "Trường Đại học Y Dược Hải Phòng" });
  const mine = await buildPerson(db, {
    fullName: "Hoàng Minh Tuấn",
    email: "tuan.hm@example.vn",
    phone: "0913 555 222",
    address: "72A Nguyễn Bỉnh Khiêm",
    keywords: ["dược lý", "dược động học"],
    orcid: "0000-0003-1415-9269",
    primaryOrganisationId: org.id,
    gender: "male",
    degree: "TS",
  });
  myId = mine.id;
  const theirs = await buildPerson(db, { fullName: "Đặng Thu Trang", email: "trang.dt@example.vn", phone: "0988 777 666" });
  neighbourId = theirs.id;
  me = (await signedIn(t, { username: "pi1", roles: ["pi"], personId: myId, displayName: "Hoàng Minh Tuấn" })).client;
  neighbour = (await signedIn(t, { username: "pi2", roles: ["pi"], personId: neighbourId })).client;
  noPerson = (await signedIn(t, { username: "finance1", roles: ["finance"] })).client;
  // The neighbour's own history, which must never appear in pi1's export.
  await neighbour.post("/api/v1/me/consents", { purpose: "expert_pool", granted: true });
  await neighbour.post("/api/v1/me/deletion-requests", { reason: "Tôi đã nghỉ hưu (Đặng Thu Trang)" });
});
afterAll(async () => t?.close());

const auditOf = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe("my person record", () => {
  it("shows my own record with my contact data", async () => {
    const r = await me.get("/api/v1/me/person");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: myId, fullName: "Hoàng Minh Tuấn", contact: { email: "tuan.hm@example.vn" } });
    expect(r.body.abilities).toMatchObject({ update: true, delete: false, viewContact: true });
  });

  it("answers 404 with a clear message when the account has no person", async () => {
    const r = await noPerson.get("/api/v1/me/person");
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("NO_PERSON");
    expect(r.body.error.message).toContain("chưa được liên kết");
    expect((await noPerson.get("/api/v1/me/consents")).status).toBe(404);
    expect((await noPerson.post("/api/v1/me/deletion-requests", {})).status).toBe(404);
    expect((await new Client(t).get("/api/v1/me/person")).status).toBe(401);
  });

  it("corrects only the fields sent, keeps the rest, clears with null or empty text, and audits", async () => {
    const before = (await me.get("/api/v1/me/person")).body;
    const r = await me.put("/api/v1/me/person", { phone: "0913 000 999", address: "", birthYear: 1982, version: before.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      fullName: "Hoàng Minh Tuấn",
      birthYear: 1982,
      orcid: "0000-0003-1415-9269",
      primaryOrganisationId: before.primaryOrganisationId,
      contact: { email: "tuan.hm@example.vn", phone: "0913 000 999", address: null },
      version: before.version + 1,
    });
    const [row] = await auditOf(myId, "person.update_self");
    expect(row.actorUsername).toBe("pi1");
    expect(row.before).toMatchObject({ phone: "0913 555 222" });
    expect(row.after).toMatchObject({ phone: "0913 000 999", address: null });
  });

  it("refuses a stale version with 409 and the current record", async () => {
    const cur = (await me.get("/api/v1/me/person")).body;
    const stale = await me.put("/api/v1/me/person", { keywords: ["dược học"], version: cur.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ id: myId, version: cur.version, contact: { email: "tuan.hm@example.vn" } });
  });

  it("refuses fields a person may not set (expert pool, affiliations, ids, unknown) and bad values", async () => {
    const { version } = (await me.get("/api/v1/me/person")).body;
    for (const extra of [
      { isExpert: true },
      { affiliations: [] },
      { primaryOrganisationId: null },
      { id: neighbourId },
      { personId: neighbourId },
      { contact: {} },
    ]) {
      const r = await me.put("/api/v1/me/person", { ...extra, version });
      expect(r.status, JSON.stringify(extra)).toBe(400);
    }
    const email = await me.put("/api/v1/me/person", { email: "not-an-email", version });
    expect(email.status).toBe(400);
    expect(email.body.error.details[0].path).toBe("body.email");
    const degree = await me.put("/api/v1/me/person", { degree: "XYZ", version });
    expect(degree.status).toBe(400);
    expect(degree.body.error.details[0].path).toBe("degree");
    expect((await me.put("/api/v1/me/person", { fullName: "Hoàng Minh Tuấn" })).status).toBe(400); // no version
    const [row] = await t.database.db.select().from(people).where(eq(people.id, myId));
    expect(row.isExpert).toBe(false);
    expect(row.version).toBe(version);
  });

  it("edits my own CV lists: a list sent replaces mine, a list left out stays, a bad item is refused on its field", async () => {
    const cur = (await me.get("/api/v1/me/person")).body;
    const education = [
      { level: "DH", institution: "Trường Đại học Y Dược Hải Phòng", field: "Dược học", year: 2004 },
      { level: "ThS", institution: "Trường Đại học Dược Hà Nội", field: "Dược lý", year: 2010 },
    ];
    const languages = [{ language: "Tiếng Anh", listening: "fair", speaking: "fair", writing: "good", reading: "good" }];
    const r = await me.put("/api/v1/me/person", { education, languages, version: cur.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ education, languages, awards: [], keywords: cur.keywords, version: cur.version + 1 });

    const awards = [{ name: "Bằng khen của UBND thành phố Hải Phòng", year: 2023, awardedBy: "UBND thành phố Hải Phòng" }];
    const a = await me.put("/api/v1/me/person", { awards, version: r.body.version });
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ education, languages, awards });
    const [row] = (await auditOf(myId, "person.update_self")).filter((x) => (x.after as { awards: unknown[] }).awards.length > 0);
    expect(row.before).toMatchObject({ awards: [], education });
    expect(row.after).toMatchObject({ awards, education, languages });

    const bad = await me.put("/api/v1/me/person", { education: [{ level: "XYZ", institution: "Nơi nào đó" }], version: a.body.version });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ path: "education.0.level", code: "unknown_code" });
    const year = await me.put("/api/v1/me/person", { awards: [{ name: "Giải thưởng", year: 3025 }], version: a.body.version });
    expect(year.status).toBe(400);
    expect(year.body.error.details[0]).toMatchObject({ path: "body.awards.0.year", message: "Không được lớn hơn 2100." });
    expect((await me.get("/api/v1/me/person")).body).toMatchObject({ awards, version: a.body.version });
  });

  it("refuses an ORCID that belongs to someone else", async () => {
    await buildPerson(t.database.db, { fullName: "Người Khác", orcid: "0000-0002-9079-593X" });
    const { version } = (await me.get("/api/v1/me/person")).body;
    const r = await me.put("/api/v1/me/person", { orcid: "0000-0002-9079-593X", version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("DUPLICATE");
  });
});

describe("consent per purpose", () => {
  it("records grants and withdrawals with time and notice version; the latest per purpose is the current state", async () => {
    const g = await me.post("/api/v1/me/consents", { purpose: "registry_publication", granted: true });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ purpose: "registry_publication", granted: true, noticeVersion: CONSENT_NOTICE_VERSION });
    expect(g.body.recordedAt).toBe(t.clock.now().toISOString());
    await me.post("/api/v1/me/consents", { purpose: "contact_sharing", granted: true });
    // Same clock instant: the withdrawal must still count as the latest.
    const w = await me.post("/api/v1/me/consents", { purpose: "registry_publication", granted: false });
    expect(w.status).toBe(201);

    const s = await me.get("/api/v1/me/consents");
    expect(s.status).toBe(200);
    expect(s.body.noticeVersion).toBe(CONSENT_NOTICE_VERSION);
    const current = Object.fromEntries(s.body.current.map((c: { purpose: string; granted: boolean | null }) => [c.purpose, c.granted]));
    expect(current).toEqual({ registry_publication: false, contact_sharing: true, expert_pool: null });
    expect(s.body.history).toHaveLength(3);
    expect(s.body.history[0]).toMatchObject({ purpose: "registry_publication", granted: false });

    const rows = await t.database.db.select().from(consents).where(eq(consents.personId, myId));
    expect(rows).toHaveLength(3);
    expect((await auditOf(myId, "consent.withdraw")).length).toBe(1);
    expect((await auditOf(myId, "consent.grant")).length).toBe(2);
  });

  it("refuses an unknown purpose or extra fields", async () => {
    expect((await me.post("/api/v1/me/consents", { purpose: "marketing", granted: true })).status).toBe(400);
    expect((await me.post("/api/v1/me/consents", { purpose: "expert_pool", granted: true, noticeVersion: "0" })).status).toBe(400);
    expect((await me.post("/api/v1/me/consents", { purpose: "expert_pool", granted: "yes" })).status).toBe(400);
  });

  it("shows me my consents only", async () => {
    const s = await me.get("/api/v1/me/consents");
    expect(s.body.history.some((h: { purpose: string }) => h.purpose === "expert_pool")).toBe(false);
  });
});

describe("export of my own data", () => {
  it("downloads JSON with my account, person, affiliations, consents and requests, and nothing of anyone else", async () => {
    await me.post("/api/v1/me/deletion-requests", { reason: "=SUM(1,1) xin xoá dữ liệu" });
    const r = await me.get("/api/v1/me/export?format=json");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("application/json");
    const disposition = String(r.headers["content-disposition"]);
    expect(disposition).toMatch(/^attachment; filename="khcn-du-lieu-ca-nhan-\d{8}\.json"$/);
    expect(disposition).not.toMatch(/pi1|Tuấn|tuan/i);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    const data = JSON.parse(r.raw.body);
    expect(data.account).toMatchObject({ username: "pi1", roles: ["pi"] });
    expect(data.account.passwordHash).toBeUndefined();
    expect(data.person).toMatchObject({ id: myId, fullName: "Hoàng Minh Tuấn", contact: { email: "tuan.hm@example.vn" } });
    expect(data.person.primaryOrganisationName).toBe("Trường Đại học Y Dược Hải Phòng");
    expect(data.consents.length).toBe(3);
    expect(data.deletionRequests).toHaveLength(1);
    for (const foreign of ["Đặng Thu Trang", "trang.dt@example.vn", "0988 777 666", "pi2", neighbourId, "expert_pool", "password", "totp"]) {
      expect(r.raw.body, foreign).not.toContain(foreign);
    }
    const rows = await auditOf(myId, "person.export_self");
    expect(rows.at(-1)).toMatchObject({ actorUsername: "pi1", details: { format: "json" } });
  });

  it("downloads xlsx with localised sheets and formula injection neutralised", async () => {
    await t.database.db
      .update(people)
      .set({
        education: [{ level: "TS", institution: "Trường Đại học Dược Hà Nội", field: "Dược lý", year: 2012 }],
        languages: [{ language: "Tiếng Anh", listening: "good", speaking: "fair", writing: "good", reading: "average" }],
        awards: [{ name: "Bằng khen của Chủ tịch UBND thành phố", year: 2021, awardedBy: "UBND thành phố Hải Phòng" }],
      })
      .where(eq(people.id, myId));
    const r = await me.get("/api/v1/me/export?format=xlsx");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    expect(String(r.headers["content-disposition"])).toMatch(/filename="khcn-du-lieu-ca-nhan-\d{8}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Tài khoản",
      "Hồ sơ",
      "Quá trình công tác",
      "Quá trình đào tạo",
      "Ngoại ngữ",
      "Giải thưởng",
      "Đồng ý xử lý dữ liệu",
      "Yêu cầu xoá dữ liệu",
    ]);
    const profile = wb.getWorksheet("Hồ sơ")!;
    const values = new Map<string, unknown>();
    profile.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get("Họ và tên")).toBe("Hoàng Minh Tuấn");
    // codes as their labels
    expect(values.get("Giới tính")).toBe("Nam");
    expect(values.get("Học vị")).toBe("Tiến sĩ");
    // the scientific CV's lists, one row each, with labels, not keys
    const rowOf = (sheet: string) => (wb.getWorksheet(sheet)!.getRow(2).values as unknown[]).slice(1);
    expect(rowOf("Quá trình đào tạo")).toEqual(["Tiến sĩ", "Trường Đại học Dược Hà Nội", "Dược lý", 2012]);
    expect(rowOf("Ngoại ngữ")).toEqual(["Tiếng Anh", "Tốt", "Khá", "Tốt", "Trung bình"]);
    expect(rowOf("Giải thưởng")).toEqual(["Bằng khen của Chủ tịch UBND thành phố", 2021, "UBND thành phố Hải Phòng"]);
    expect(values.get("Thư điện tử")).toBe("tuan.hm@example.vn");
    expect(String(values.get("Từ khoá chuyên môn"))).toContain("dược lý");
    const allText = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(allText).not.toContain("Đặng Thu Trang");
    // A text starting with "=" is exported as text, never as a formula.
    const reasonCell = wb.getWorksheet("Yêu cầu xoá dữ liệu")!.getRow(2).getCell(3).value;
    expect(reasonCell).toBe("'=SUM(1,1) xin xoá dữ liệu");
    expect(await auditOf(myId, "person.export_self")).toHaveLength(2);
  });

  it("exports the account alone when no person is linked, and refuses an unknown format", async () => {
    const r = await noPerson.get("/api/v1/me/export");
    expect(r.status).toBe(200);
    const data = JSON.parse(r.raw.body);
    expect(data).toMatchObject({ account: { username: "finance1" }, person: null, consents: [], deletionRequests: [] });
    expect((await me.get("/api/v1/me/export?format=csv")).status).toBe(400);
  });
});

describe("my deletion requests", () => {
  it("opens one request at a time and lists only mine", async () => {
    // One is open already (made in the export test).
    const again = await me.post("/api/v1/me/deletion-requests", { reason: "Lần hai" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("ALREADY_OPEN");
    const list = await me.get("/api/v1/me/deletion-requests");
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ personId: myId, status: "open", reason: "=SUM(1,1) xin xoá dữ liệu" });
    expect(list.body[0].abilities).toEqual({ read: true, complete: false, reject: false });
    expect(await auditOf(list.body[0].id, "deletion_request.create")).toHaveLength(1);
    expect((await me.post("/api/v1/me/deletion-requests", { reason: "x", status: "completed" })).status).toBe(400);
  });
});
