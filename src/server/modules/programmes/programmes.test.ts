import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, signedIn } from "../../testing/factories.js";
import { auditLog } from "../../db/schema/index.js";

let t: TestApp;
let officer: Client;
let pi: Client;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = (await signedIn(t, { username: "officer1", roles: ["officer"] })).client;
  pi = (await signedIn(t, { username: "pi1", roles: ["pi"] })).client;
  orgId = (await buildOrganisation(t.database.db, { nameVi: "Sở Khoa học và Công nghệ Hải Phòng", type: "state_agency" })).id;
});
afterAll(async () => t?.close());

const valid = () => ({
  code: "CT.KHCN.01",
  nameVi: "Chương trình ứng dụng công nghệ cao trong nông nghiệp",
  nameEn: "High technology in agriculture",
  objectives: "Ứng dụng công nghệ cao vào sản xuất nông nghiệp thành phố.",
  startYear: 2026,
  endYear: 2030,
  managingOrganisationId: orgId,
  totalBudget: 45_000_000_000,
  sectors: ["NN"],
  fields: ["401"],
});

describe(`programmes (${testDbMode()})`, () => {
  it("creates, reads, lists with accent-insensitive search and audits", async () => {
    const c = await officer.post("/api/v1/programmes", valid());
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({
      code: "CT.KHCN.01",
      totalBudget: 45_000_000_000,
      managingOrganisationName: "Sở Khoa học và Công nghệ Hải Phòng",
      status: "active",
      version: 1,
      callCount: 0,
      abilities: { read: true, update: true },
    });
    const list = await pi.get("/api/v1/programmes?q=cong nghe cao trong nong");
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(c.body.id);
    const detail = await pi.get(`/api/v1/programmes/${c.body.id}`);
    expect(detail.body.abilities.update).toBe(false);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "programme.create"), eq(auditLog.entityId, c.body.id)));
    expect(rows).toHaveLength(1);
  });

  it("filters by status, sector and year and sorts by code, name (Vietnamese order) and start year", async () => {
    const base = { ...valid(), managingOrganisationId: null };
    await officer.post("/api/v1/programmes", { ...base, code: "CT.F.03", nameVi: "Đô thị thông minh", startYear: 2021, endYear: 2025, sectors: ["CN"] });
    await officer.post("/api/v1/programmes", { ...base, code: "CT.F.01", nameVi: "Dược liệu biển", startYear: 2024, endYear: 2028, sectors: ["YD"] });
    await officer.post("/api/v1/programmes", {
      ...base,
      code: "CT.F.02",
      nameVi: "Ê kíp khởi nghiệp",
      startYear: 2019,
      endYear: 2022,
      sectors: ["CN"],
      status: "closed",
    });
    const codes = async (qs: string) => (await officer.get(`/api/v1/programmes?q=CT.F&${qs}`)).body.items.map((p: { code: string }) => p.code);
    expect(await codes("sort=code")).toEqual(["CT.F.01", "CT.F.02", "CT.F.03"]);
    expect(await codes("sort=-code")).toEqual(["CT.F.03", "CT.F.02", "CT.F.01"]);
    expect(await codes("sort=name")).toEqual(["CT.F.01", "CT.F.03", "CT.F.02"]);
    expect(await codes("sort=startYear")).toEqual(["CT.F.02", "CT.F.03", "CT.F.01"]);
    expect(await codes("status=closed")).toEqual(["CT.F.02"]);
    expect(await codes("sector=CN&sort=code")).toEqual(["CT.F.02", "CT.F.03"]);
    expect(await codes("year=2025&sort=code")).toEqual(["CT.F.01", "CT.F.03"]);
  });

  it("validates codes, the period, the budget, references and uniqueness", async () => {
    const bad = async (body: object) => (await officer.post("/api/v1/programmes", { ...valid(), code: "CT.V.01", ...body })).status;
    expect(await bad({ code: "ct khcn 01" })).toBe(400);
    expect(await bad({ startYear: 2030, endYear: 2026 })).toBe(400);
    expect(await bad({ totalBudget: -1 })).toBe(400);
    expect(await bad({ totalBudget: 1.5 })).toBe(400);
    expect(await bad({ sectors: ["NOPE"] })).toBe(400);
    expect(await bad({ fields: ["999"] })).toBe(400);
    expect(await bad({ managingOrganisationId: "00000000-0000-4000-8000-000000000000" })).toBe(400);
    expect(await bad({ version: 3 })).toBe(400);
    const dup = await officer.post("/api/v1/programmes", valid());
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe("DUPLICATE");
  });

  it("updates with optimistic concurrency and refuses writes from non-staff", async () => {
    const c = await officer.post("/api/v1/programmes", { ...valid(), code: "CT.U.01" });
    const { id, abilities: _a, managingOrganisationName: _m, callCount: _cc, createdAt: _c, updatedAt: _u, ...body } = c.body;
    const first = await officer.put(`/api/v1/programmes/${id}`, { ...body, totalBudget: 50_000_000_000 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 2, totalBudget: 50_000_000_000 });
    const stale = await officer.put(`/api/v1/programmes/${id}`, { ...body, status: "closed" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({ version: 2 });
    expect((await pi.put(`/api/v1/programmes/${id}`, { ...body, version: 2 })).status).toBe(403);
    expect((await pi.post("/api/v1/programmes", { ...valid(), code: "CT.U.02" })).status).toBe(403);
    expect((await pi.get("/api/v1/auth/me")).body.can.programme).toMatchObject({ list: true, create: false });
    expect((await officer.get("/api/v1/auth/me")).body.can.programme).toMatchObject({ list: true, create: true });
  });
});
