import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";

let t: TestApp;
let officer: Client;
let pi: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = (await signedIn(t, { username: "officer1", roles: ["officer"] })).client;
  pi = (await signedIn(t, { username: "pi1", roles: ["pi"] })).client;
});
afterAll(async () => t?.close());

const validOrg = {
  type: "university",
  nameVi: "Trường Đại học Hàng hải Việt Nam",
  nameEn: "Vietnam Maritime University",
  abbreviation: "VMU",
  taxCode: "0200124891",
  district: "NGO_QUYEN",
  governance: "central",
  fields: ["203", "201"],
  laboratories: [{ name: "Phòng thí nghiệm Vật liệu", scheme: "VILAS", accreditationNumber: "VILAS 123", expiresOn: "2028-06-30" }],
};

describe("organisations registry", () => {
  it("refuses bad input with plain messages per field, in Vietnamese and English", async () => {
    const bad = { ...validOrg, foundedYear: 3025, email: "thu@", governance: "city", status: "approved" };
    const vi = await officer.post("/api/v1/organisations", bad);
    expect(vi.status).toBe(400);
    expect(vi.body.error.code).toBe("VALIDATION_FAILED");
    const byPath = (body: { error: { details: { path: string; message: string }[] } }) =>
      Object.fromEntries(body.error.details.map((d) => [d.path, d.message]));
    expect(byPath(vi.body)).toMatchObject({
      "body.foundedYear": "Không được lớn hơn 2100.",
      "body.governance": "Phải là một trong các giá trị: «central», «local».",
      body: "Có trường không được phép: status.",
    });
    const en = await officer.post("/api/v1/organisations", { ...bad, foundedYear: "19x5" }, { "accept-language": "en" });
    expect(byPath(en.body)).toMatchObject({
      "body.foundedYear": "Must be a number.",
      "body.governance": "Must be one of: “central”, “local”.",
      body: "Has a field that is not allowed: status.",
    });
    // no message is zod's own wording
    for (const d of [...vi.body.error.details, ...en.body.error.details]) expect(d.message).not.toMatch(/mong đợi|expected|Invalid input/);
  });

  it("creates, reads and lists with accent-insensitive search", async () => {
    const c = await officer.post("/api/v1/organisations", validOrg);
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ nameVi: validOrg.nameVi, version: 1, laboratories: [{ accreditationNumber: "VILAS 123" }] });
    expect(c.body.abilities).toEqual({ read: true, update: true, delete: false });

    const list = await pi.get("/api/v1/organisations?q=dai hoc hang hai");
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(c.body.id);
    expect(list.body).toMatchObject({ page: 1, pageSize: 20 });
    // The total comes with the page, and on its own for a page past the end.
    const all = await pi.get("/api/v1/organisations?pageSize=1");
    const last = await pi.get(`/api/v1/organisations?pageSize=1&page=${all.body.total}`);
    const past = await pi.get(`/api/v1/organisations?pageSize=1&page=${all.body.total + 1}`);
    expect(all.body.total).toBeGreaterThan(0);
    expect(last.body).toMatchObject({ total: all.body.total, items: [{}] });
    expect(past.body).toMatchObject({ total: all.body.total, items: [] });

    const detail = await pi.get(`/api/v1/organisations/${c.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.abilities.update).toBe(false);
  });

  it("counts laboratories and people, and names the parent", async () => {
    const parent = await buildOrganisation(t.database.db, { nameVi: "Sở Khoa học và Công nghệ Hải Phòng", type: "state_agency" });
    const c = await officer.post("/api/v1/organisations", {
      ...validOrg,
      taxCode: "0200000077",
      nameVi: "Trung tâm Thông tin KH&CN",
      parentId: parent.id,
    });
    expect(c.status).toBe(201);
    await buildPerson(t.database.db, { primaryOrganisationId: c.body.id });
    await buildPerson(t.database.db, { primaryOrganisationId: c.body.id });
    const detail = await officer.get(`/api/v1/organisations/${c.body.id}`);
    expect(detail.body).toMatchObject({ parentName: "Sở Khoa học và Công nghệ Hải Phòng", peopleCount: 2 });
    const list = await officer.get(`/api/v1/organisations?q=trung tam thong tin`);
    expect(list.body.items.find((o: { id: string }) => o.id === c.body.id)).toMatchObject({ labCount: 1, peopleCount: 2 });
    const withLab = await officer.get(`/api/v1/organisations?hasLab=true&pageSize=200`);
    expect(withLab.body.items.map((o: { id: string }) => o.id)).toContain(c.body.id);
    expect(withLab.body.items.map((o: { id: string }) => o.id)).not.toContain(parent.id);
    // Each choice its own statement, whatever was listed before (the unfiltered list above, then "with")
    const withoutLab = await officer.get(`/api/v1/organisations?hasLab=false&pageSize=200`);
    expect(withoutLab.body.items.map((o: { id: string }) => o.id)).not.toContain(c.body.id);
    expect(withoutLab.body.items.map((o: { id: string }) => o.id)).toContain(parent.id);
  });

  it("sorts in Vietnamese alphabetical order (Đ after D, before E)", async () => {
    for (const nameVi of ["Ê-đê Trung tâm", "Đông Á Viện", "Dương Kinh Trung tâm", "An Lão Trung tâm"]) {
      await buildOrganisation(t.database.db, { nameVi, type: "other" });
    }
    const r = await officer.get("/api/v1/organisations?type=other&sort=name");
    expect(r.body.items.map((o: { nameVi: string }) => o.nameVi)).toEqual(["An Lão Trung tâm", "Dương Kinh Trung tâm", "Đông Á Viện", "Ê-đê Trung tâm"]);
  });

  it("refuses a stale version with 409 and the current record", async () => {
    const c = await officer.post("/api/v1/organisations", { ...validOrg, taxCode: "0200000001", nameVi: "Viện Thử nghiệm" });
    const { id, abilities: _a, parentName: _p, peopleCount: _pc, createdAt: _c, updatedAt: _u, ...rest } = c.body;
    const body = { ...rest, laboratories: rest.laboratories.map(({ id: _i, ...l }: { id: string }) => l) };
    delete body.id;
    const first = await officer.put(`/api/v1/organisations/${id}`, { ...body, nameVi: "Viện Thử nghiệm A" });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await officer.put(`/api/v1/organisations/${id}`, { ...body, nameVi: "Viện Thử nghiệm B" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current).toMatchObject({ nameVi: "Viện Thử nghiệm A", version: 2 });
  });

  it("validates codes and answers in the caller's language", async () => {
    const vi = await officer.post("/api/v1/organisations", { ...validOrg, taxCode: null, district: "NOWHERE" });
    expect(vi.status).toBe(400);
    expect(vi.body.error.message).toContain("không có trong danh mục");
    officer.lang = "en";
    const en = await officer.post("/api/v1/organisations", { ...validOrg, taxCode: null, nameVi: "" });
    officer.lang = "vi";
    expect(en.status).toBe(400);
    expect(en.body.error.code).toBe("VALIDATION_FAILED");
    expect(en.body.error.details[0].path).toBe("body.nameVi");
  });

  it("records the commune of 2025 (code list admin_unit), keeps a district as history, and lists those without one", async () => {
    const org = { ...validOrg, taxCode: null, nameVi: "Viện Tài nguyên và Môi trường biển", district: null };
    const bad = await officer.post("/api/v1/organisations", { ...org, commune: "NGO_QUYEN" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject([{ path: "commune" }]);
    const c = await officer.post("/api/v1/organisations", { ...org, commune: "11329" });
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ commune: "11329", district: null });
    // a record made before 1/7/2025 keeps its district beside the commune it is given
    const old = await officer.post("/api/v1/organisations", { ...org, nameVi: "Trung tâm Ứng dụng tiến bộ KH&CN", commune: null, district: "LE_CHAN" });
    expect(old.body).toMatchObject({ commune: null, district: "LE_CHAN" });
    const moved = await officer.put(`/api/v1/organisations/${old.body.id}`, {
      ...org,
      nameVi: old.body.nameVi,
      commune: "11383",
      district: "LE_CHAN",
      version: 1,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ commune: "11383", district: "LE_CHAN" });

    const ids = async (query: string) => ((await officer.get(`/api/v1/organisations?pageSize=100&${query}`)).body.items as { id: string }[]).map((o) => o.id);
    expect(await ids("commune=11329")).toEqual([c.body.id]);
    const none = await ids("commune=none");
    expect(none).not.toContain(c.body.id);
    expect(none).not.toContain(old.body.id);
    const plain = await officer.post("/api/v1/organisations", { ...org, nameVi: "Hội Khoa học kỹ thuật biển" });
    expect(await ids("commune=none")).toContain(plain.body.id);
    // the filter with a code and with "none" are told apart (each its own prepared statement)
    expect(await ids("commune=11329")).toEqual([c.body.id]);
  });

  it("refuses mass assignment of unknown or privileged fields", async () => {
    const r = await officer.post("/api/v1/organisations", { ...validOrg, taxCode: null, version: 7, createdBy: "x" });
    expect(r.status).toBe(400);
  });

  it("lets a PI read but not create, and tells each user what they may do", async () => {
    expect((await pi.post("/api/v1/organisations", validOrg)).status).toBe(403);
    expect((await pi.get("/api/v1/auth/me")).body.can.organisation).toMatchObject({ list: true, create: false, import: false });
    expect((await officer.get("/api/v1/auth/me")).body.can.organisation).toMatchObject({ list: true, create: true, import: true });
  });
});
