import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";
import { auditLog, people, personAffiliations } from "../../db/schema/index.js";

let t: TestApp;
let admin: Client;
let officer: Client;
let pi: Client; // a PI linked to their own person record
let other: Client; // a signed-in user with no special role over people
let orgA: { id: string; nameVi: string };
let orgB: { id: string; nameVi: string };
let piPersonId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  orgA = await buildOrganisation(db, { nameVi: "Trường Đại học Hải Phòng" });
  orgB = await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản" });
  const me = await buildPerson(db, { fullName: "Vũ Thị Hoa", email: "hoa@example.vn", phone: "0912000111", primaryOrganisationId: orgA.id });
  piPersonId = me.id;
  admin = (await signedIn(t, { username: "admin1", roles: ["admin"] })).client;
  officer = (await signedIn(t, { username: "officer1", roles: ["officer"] })).client;
  pi = (await signedIn(t, { username: "pi1", roles: ["pi"], personId: piPersonId })).client;
  other = (await signedIn(t, { username: "ent1", roles: ["enterprise"] })).client;
});
afterAll(async () => t?.close());

const validPerson = () => ({
  fullName: "Nguyễn Văn An",
  birthYear: 1975,
  gender: "male",
  degree: "TS",
  title: "PGS",
  fields: ["201", "202"],
  keywords: ["cơ khí tàu thuỷ", "vật liệu"],
  orcid: "0000-0002-1825-0097",
  email: "an.nv@example.vn",
  phone: "0225 3829 111",
  address: "484 Lạch Tray, Ngô Quyền",
  isExpert: true,
  expertSince: "2020-01-01",
  primaryOrganisationId: orgA.id,
  affiliations: [
    { organisationId: orgA.id, position: "Giảng viên", startDate: "2001-09-01" },
    { organisationId: orgB.id, position: "Cộng tác viên", startDate: "2010-01-01", endDate: "2015-12-31" },
  ],
});

/** The body of a PUT built from a record as read (drops read-only fields). */
function editable(p: Record<string, any>) {
  const { id: _i, givenName: _g, contact, primaryOrganisationName: _pn, abilities: _a, createdAt: _c, updatedAt: _u, ...rest } = p;
  return {
    ...rest,
    email: contact?.email ?? null,
    phone: contact?.phone ?? null,
    address: contact?.address ?? null,
    affiliations: p.affiliations.map(({ id: _id, organisationName: _on, ...a }: Record<string, unknown>) => a),
  };
}

const auditRows = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe("people registry: create, read, update, delete", () => {
  it("creates a person with affiliations and reads it back with organisation names", async () => {
    const c = await officer.post("/api/v1/people", validPerson());
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({
      fullName: "Nguyễn Văn An",
      givenName: "An",
      version: 1,
      primaryOrganisationName: orgA.nameVi,
      contact: { email: "an.nv@example.vn", phone: "0225 3829 111", address: "484 Lạch Tray, Ngô Quyền" },
      abilities: { read: true, update: true, delete: false, viewContact: true },
    });
    expect(c.body.affiliations.map((a: { organisationName: string }) => a.organisationName)).toEqual([orgA.nameVi, orgB.nameVi]);
    const [row] = await auditRows(c.body.id, "person.create");
    expect(row).toMatchObject({ entityType: "person", outcome: "success", actorUsername: "officer1" });

    const asAdmin = await admin.get(`/api/v1/people/${c.body.id}`);
    expect(asAdmin.body.abilities).toEqual({ read: true, update: true, delete: true, viewContact: true });
  });

  it("updates with the version read, refuses a stale version with 409 and the current record", async () => {
    const c = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, fullName: "Trần Thị Bích" });
    const body = editable(c.body);
    const first = await officer.put(`/api/v1/people/${c.body.id}`, { ...body, fullName: "Trần Thị Bích Ngọc", affiliations: [] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ fullName: "Trần Thị Bích Ngọc", givenName: "Ngọc", version: 2, affiliations: [] });
    const stale = await officer.put(`/api/v1/people/${c.body.id}`, { ...body, fullName: "Trần Thị Bích Hà" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current).toMatchObject({ fullName: "Trần Thị Bích Ngọc", version: 2 });
    const [row] = await t.database.db.select().from(people).where(eq(people.id, c.body.id));
    expect(row.fullName).toBe("Trần Thị Bích Ngọc");
    const [u] = await auditRows(c.body.id, "person.update");
    expect(u.before).toMatchObject({ fullName: "Trần Thị Bích" });
    expect(u.after).toMatchObject({ fullName: "Trần Thị Bích Ngọc" });
  });

  it("of two concurrent writers with the same version exactly one wins", async () => {
    const c = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, fullName: "Đỗ Văn Song" });
    const body = editable(c.body);
    const results = await Promise.all(["Một", "Hai", "Ba", "Bốn"].map((n) => officer.put(`/api/v1/people/${c.body.id}`, { ...body, fullName: `Đỗ Văn ${n}` })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
  });

  it("deletes (admin only) with the version, and audits it", async () => {
    const c = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, fullName: "Lý Văn Xoá" });
    expect((await officer.delete(`/api/v1/people/${c.body.id}?version=1`)).status).toBe(403);
    expect((await admin.delete(`/api/v1/people/${c.body.id}?version=9`)).status).toBe(409);
    expect((await admin.delete(`/api/v1/people/${c.body.id}?version=1`)).status).toBe(204);
    expect((await officer.get(`/api/v1/people/${c.body.id}`)).status).toBe(404);
    expect(await t.database.db.select().from(personAffiliations).where(eq(personAffiliations.personId, c.body.id))).toHaveLength(0);
    const [row] = await auditRows(c.body.id, "person.delete");
    expect(row.before).toMatchObject({ fullName: "Lý Văn Xoá" });
  });

  it("refuses a duplicate ORCID with 409 DUPLICATE and a clear message", async () => {
    const orcid = "0000-0001-5109-3700";
    expect((await officer.post("/api/v1/people", { ...validPerson(), orcid, fullName: "Phan Văn Một" })).status).toBe(201);
    const dup = await officer.post("/api/v1/people", { ...validPerson(), orcid, fullName: "Phan Văn Hai" });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("DUPLICATE");
    expect(dup.body.error.message).toContain("ORCID 0000-0001-5109-3700");
    expect(dup.body.error.details[0].path).toBe("orcid");
  });

  it("validates codes and organisations with 400 and the field named", async () => {
    const degree = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, degree: "PHD" });
    expect(degree.status).toBe(400);
    expect(degree.body.error.message).toContain("PHD");
    expect(degree.body.error.details[0].path).toBe("degree");
    const field = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, fields: ["999"] });
    expect(field.body.error.details[0].path).toBe("fields");
    const org = await officer.post("/api/v1/people", {
      ...validPerson(),
      orcid: null,
      affiliations: [{ organisationId: "00000000-0000-4000-8000-000000000000" }],
    });
    expect(org.status).toBe(400);
    expect(org.body.error.details[0]).toMatchObject({ path: "affiliations.0.organisationId", code: "not_found" });
    officer.lang = "en";
    const en = await officer.post("/api/v1/people", { ...validPerson(), orcid: "1234", fullName: "" });
    officer.lang = "vi";
    expect(en.status).toBe(400);
    expect(en.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(["body.fullName", "body.orcid"]));
  });

  it("refuses mass assignment of unknown or privileged fields", async () => {
    for (const extra of [{ version: 3 }, { createdBy: "x" }, { id: piPersonId }, { contact: { email: "a@b.vn" } }, { searchText: "x" }]) {
      const r = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, ...extra });
      expect(r.status, JSON.stringify(extra)).toBe(400);
    }
  });

  it("lets any signed-in user read, only staff create, and answers 404 for an unknown id", async () => {
    expect((await other.post("/api/v1/people", validPerson())).status).toBe(403);
    expect((await pi.post("/api/v1/people", validPerson())).status).toBe(403);
    expect((await other.get("/api/v1/people")).status).toBe(200);
    expect((await other.get("/api/v1/people/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await other.get("/api/v1/people/not-a-uuid")).status).toBe(400);
    expect((await new Client(t).get("/api/v1/people")).status).toBe(401);
  });
});

describe("the scientific CV's lists: training, languages, awards", () => {
  const cv = {
    education: [
      { level: "DH", institution: "Trường Đại học Hàng hải Việt Nam", field: "Máy tàu thủy", year: 1997 },
      { level: "TS", institution: "Trường Đại học Bách khoa Hà Nội", field: null, year: 2009 },
    ],
    languages: [{ language: "Tiếng Anh", listening: "good", speaking: "fair", writing: "good", reading: "good" }],
    awards: [
      { name: "Giải thưởng Sáng tạo khoa học công nghệ Việt Nam", year: 2019, awardedBy: "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam" },
      { name: "Bằng khen của UBND thành phố Hải Phòng", year: null, awardedBy: null },
    ],
  };

  it("are stored on create and update, read back as sent, and carried by the audit rows", async () => {
    const c = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, fullName: "Mạc Văn Học", ...cv });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body).toMatchObject({ ...cv, version: 1 });
    const [created] = await auditRows(c.body.id, "person.create");
    expect(created.after).toMatchObject(cv);

    // Omitted in a create: empty lists.
    const bare = await officer.post("/api/v1/people", { fullName: "Mạc Thị Trống" });
    expect(bare.body).toMatchObject({ education: [], languages: [], awards: [] });

    const changed = {
      education: [...cv.education, { level: "TSKH", institution: "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", year: 2015 }],
      languages: [...cv.languages, { language: "Tiếng Nga", listening: "average", speaking: "average", writing: "average", reading: "fair" }],
      awards: [],
    };
    const u = await officer.put(`/api/v1/people/${c.body.id}`, { ...editable(c.body), ...changed });
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body.version).toBe(2);
    expect(u.body.education[2]).toEqual({ level: "TSKH", institution: "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", field: null, year: 2015 });
    expect(u.body.languages.map((l: { language: string }) => l.language)).toEqual(["Tiếng Anh", "Tiếng Nga"]);
    expect(u.body.awards).toEqual([]);
    expect((await officer.get(`/api/v1/people/${c.body.id}`)).body).toMatchObject({ education: u.body.education, languages: u.body.languages, awards: [] });
    const [row] = await t.database.db.select().from(people).where(eq(people.id, c.body.id));
    expect(row.education).toHaveLength(3);
    const [audited] = await auditRows(c.body.id, "person.update");
    expect(audited.before).toMatchObject({ awards: cv.awards, education: cv.education });
    expect(audited.after).toMatchObject({ awards: [], education: u.body.education, languages: u.body.languages });
  });

  it("refuses bad items with 400 and a plain message on each field, in Vietnamese and in English", async () => {
    const bad = {
      ...validPerson(),
      orcid: null,
      education: [{ level: "TS", institution: " ", year: 3025 }],
      languages: Array.from({ length: 11 }, () => ({ ...cv.languages[0] })),
      awards: [{ name: "Bằng khen", year: 1800 }],
    };
    const r = await officer.post("/api/v1/people", bad);
    expect(r.status).toBe(400);
    const by = Object.fromEntries(r.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(by).toMatchObject({
      "body.education.0.institution": "Không được để trống.",
      "body.education.0.year": "Không được lớn hơn 2100.",
      "body.languages": "Chỉ được có tối đa 10 mục.",
      "body.awards.0.year": "Không được nhỏ hơn 1900.",
    });

    const level = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, languages: [{ ...cv.languages[0], speaking: "excellent" }] });
    expect(level.status).toBe(400);
    expect(level.body.error.details[0]).toMatchObject({ path: "body.languages.0.speaking", code: "invalid_value" });
    expect(level.body.error.details[0].message).toMatch(/^Phải là một trong các giá trị: «good», «fair», «average»/);

    // A level outside the degree code list is refused like the current degree, on the row's field.
    const code = await officer.post("/api/v1/people", { ...validPerson(), orcid: null, education: [cv.education[0], { level: "PHD", institution: "MIT" }] });
    expect(code.status).toBe(400);
    expect(code.body.error.message).toContain("PHD");
    expect(code.body.error.details[0]).toMatchObject({ path: "education.1.level", code: "unknown_code" });

    officer.lang = "en";
    const en = await officer.post("/api/v1/people", bad);
    officer.lang = "vi";
    const byEn = Object.fromEntries(en.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(byEn).toMatchObject({
      "body.education.0.institution": "Must not be empty.",
      "body.education.0.year": "Must not be greater than 2100.",
      "body.languages": "Must not have more than 10 items.",
    });
  });
});

describe("contact data is shown only to staff and the person", () => {
  it("hides contact from other users in the detail and from everyone in list items", async () => {
    const viaOther = await other.get(`/api/v1/people/${piPersonId}`);
    expect(viaOther.status).toBe(200);
    expect(viaOther.body.contact).toBeNull();
    expect(viaOther.body.abilities).toMatchObject({ update: false, viewContact: false });
    expect(JSON.stringify(viaOther.body)).not.toContain("hoa@example.vn");

    const self = await pi.get(`/api/v1/people/${piPersonId}`);
    expect(self.body.contact).toEqual({ email: "hoa@example.vn", phone: "0912000111", address: null });
    expect(self.body.abilities).toMatchObject({ update: true, delete: false, viewContact: true });

    expect((await officer.get(`/api/v1/people/${piPersonId}`)).body.contact.email).toBe("hoa@example.vn");

    for (const c of [officer, admin, pi]) {
      const list = await c.get("/api/v1/people?q=vu thi hoa");
      expect(list.body.items).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toContain("hoa@example.vn");
      expect(JSON.stringify(list.body)).not.toContain("0912000111");
    }
  });

  it("a stale-version answer to a non-staff caller carries no one else's contact data", async () => {
    const p = await buildPerson(t.database.db, { fullName: "Hồ Văn Kín", email: "kin@example.vn" });
    const r = await other.put(`/api/v1/people/${p.id}`, { fullName: "Hồ Văn Lộ", version: 1 });
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.body)).not.toContain("kin@example.vn");
  });
});

describe("a person edits their own record in the registry", () => {
  it("may correct their own data but not their expert-pool membership, and not another person's", async () => {
    const before = (await pi.get(`/api/v1/people/${piPersonId}`)).body;
    const ok = await pi.put(`/api/v1/people/${piPersonId}`, { ...editable(before), keywords: ["nuôi trồng thuỷ sản"] });
    expect(ok.status).toBe(200);
    expect(ok.body.keywords).toEqual(["nuôi trồng thuỷ sản"]);

    const expert = await pi.put(`/api/v1/people/${piPersonId}`, { ...editable(ok.body), isExpert: true });
    expect(expert.status).toBe(403);
    expect(expert.body.error.details[0]).toMatchObject({ path: "isExpert", code: "staff_managed" });
    const [row] = await t.database.db.select().from(people).where(eq(people.id, piPersonId));
    expect(row.isExpert).toBe(false);

    const someone = await buildPerson(t.database.db, { fullName: "Bùi Văn Khác" });
    const notMine = await pi.put(`/api/v1/people/${someone.id}`, {
      ...editable({ ...(await pi.get(`/api/v1/people/${someone.id}`)).body }),
      fullName: "Bùi Văn Sửa",
    });
    expect(notMine.status).toBe(403);
  });
});

describe("list: search, Vietnamese sort, filters, pagination", () => {
  let org: { id: string };
  beforeAll(async () => {
    const db = t.database.db;
    org = await buildOrganisation(db, { nameVi: "Viện Danh sách" });
    const rows = [
      { fullName: "Lê Văn Dũng", birthYear: 1960, degree: "ThS", gender: "male" as const, fields: ["201"], isExpert: true },
      { fullName: "Nguyễn Thành Đạt", birthYear: 1990, degree: "TS", gender: "male" as const, fields: ["2"], title: "PGS" },
      { fullName: "Trần Thị Anh", birthYear: 1985, degree: "TSKH", gender: "female" as const, fields: ["301"] },
      { fullName: "Phạm Văn Ơn", birthYear: 1970, degree: "DH", gender: "male" as const, fields: ["102"], title: "GS" },
      { fullName: "Đinh Thị Ê", birthYear: 1999, degree: null, gender: "female" as const, fields: ["202", "301"] },
    ];
    for (const r of rows) await buildPerson(db, { title: null, ...r, primaryOrganisationId: org.id });
  });
  const names = (r: { body: { items: { fullName: string }[] } }) => r.body.items.map((i) => i.fullName);

  it('finds "Nguyễn Văn An" by typing "nguyen van"', async () => {
    const r = await other.get("/api/v1/people?q=nguyen%20van");
    expect(r.status).toBe(200);
    expect(names(r)).toContain("Nguyễn Văn An");
    expect(names(await other.get("/api/v1/people?q=NGUYEN VAN AN"))).toContain("Nguyễn Văn An");
    expect(names(await other.get(`/api/v1/people?organisationId=${org.id}&q=dat`))).toEqual(["Nguyễn Thành Đạt"]);
    expect((await other.get("/api/v1/people?q=%25")).body.total).toBe(0);
  });

  it("sorts by given name in Vietnamese order (Đạt after Dũng, Ơn after Ê), then by full name", async () => {
    const asc = await other.get(`/api/v1/people?organisationId=${org.id}&sort=name`);
    expect(names(asc)).toEqual(["Trần Thị Anh", "Lê Văn Dũng", "Nguyễn Thành Đạt", "Đinh Thị Ê", "Phạm Văn Ơn"]);
    const desc = await other.get(`/api/v1/people?organisationId=${org.id}&sort=-name`);
    expect(names(desc)).toEqual(["Phạm Văn Ơn", "Đinh Thị Ê", "Nguyễn Thành Đạt", "Lê Văn Dũng", "Trần Thị Anh"]);
  });

  it("sorts by birth year and by degree rank", async () => {
    expect(names(await other.get(`/api/v1/people?organisationId=${org.id}&sort=-birthYear`))[0]).toBe("Đinh Thị Ê");
    expect(names(await other.get(`/api/v1/people?organisationId=${org.id}&sort=degree`))).toEqual([
      "Trần Thị Anh",
      "Nguyễn Thành Đạt",
      "Lê Văn Dũng",
      "Phạm Văn Ơn",
      "Đinh Thị Ê",
    ]);
  });

  it("sorts by organisation name", async () => {
    const r = await officer.get(`/api/v1/people?sort=organisation&pageSize=200`);
    const orgs = r.body.items.map((i: { primaryOrganisationName: string | null }) => i.primaryOrganisationName);
    const named = orgs.filter((o: string | null) => o !== null);
    expect(named).toEqual([...named].sort((a: string, b: string) => a.localeCompare(b, "vi")));
    expect(named[0]).toBe("Trường Đại học Hải Phòng");
    expect(orgs.slice(named.length).every((o: string | null) => o === null)).toBe(true); // no organisation: last
  });

  it("filters by degree, title, gender, field (level 1 and 2), expert, birth years and organisation", async () => {
    const base = `/api/v1/people?organisationId=${org.id}&sort=name`;
    expect(names(await other.get(`${base}&degree=TS`))).toEqual(["Nguyễn Thành Đạt"]);
    expect(names(await other.get(`${base}&title=GS`))).toEqual(["Phạm Văn Ơn"]);
    expect(names(await other.get(`${base}&gender=female`))).toEqual(["Trần Thị Anh", "Đinh Thị Ê"]);
    expect(names(await other.get(`${base}&field=2`))).toEqual(["Lê Văn Dũng", "Nguyễn Thành Đạt", "Đinh Thị Ê"]);
    expect(names(await other.get(`${base}&field=201`))).toEqual(["Lê Văn Dũng"]);
    expect(names(await other.get(`${base}&isExpert=true`))).toEqual(["Lê Văn Dũng"]);
    expect(names(await other.get(`${base}&birthYearFrom=1970&birthYearTo=1989`))).toEqual(["Trần Thị Anh", "Phạm Văn Ơn"]);
    // An affiliation counts as belonging to the organisation too.
    const viaAffiliation = await other.get(`/api/v1/people?organisationId=${orgB.id}`);
    expect(names(viaAffiliation)).toContain("Nguyễn Văn An");
  });

  it("pages on the server and reports the total", async () => {
    const p1 = await other.get(`/api/v1/people?organisationId=${org.id}&sort=name&pageSize=2&page=1`);
    const p3 = await other.get(`/api/v1/people?organisationId=${org.id}&sort=name&pageSize=2&page=3`);
    expect(p1.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(names(p1)).toEqual(["Trần Thị Anh", "Lê Văn Dũng"]);
    expect(names(p3)).toEqual(["Phạm Văn Ơn"]);
    expect(p3.body.total).toBe(5);
    // Past the end: no item to carry the total, which is counted on its own.
    const p4 = await other.get(`/api/v1/people?organisationId=${org.id}&sort=name&pageSize=2&page=4`);
    expect(p4.body).toMatchObject({ items: [], total: 5, page: 4 });
    const none = await other.get(`/api/v1/people?q=khong-co-ai-ten-nay&page=1`);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    expect(p1.body.items[0]).not.toHaveProperty("total");
  });

  it("answers 400, never 500, for bad list parameters", async () => {
    for (const qs of ["pageSize=1000", "page=0", "birthYearFrom=abc", "gender=x", "isExpert=yes", "organisationId=1", "sort=a;b", "foo=1"]) {
      const r = await other.get(`/api/v1/people?${qs}`);
      expect(r.status, qs).toBe(400);
    }
    expect((await other.get("/api/v1/people?sort=unknown")).status).toBe(200);
  });
});
