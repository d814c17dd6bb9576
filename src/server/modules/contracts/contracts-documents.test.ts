// The contract as an official document through the real app: parties, value by source, products and the schedule
// from the planned tranches; 409 while the plan is missing; 404 for a PI of another contract; each download audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestApp, testDbMode, type Client, type TestApp } from "../../testing/harness.js";
import { buildApprovedTask, buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";
import { auditLog } from "../../db/schema/index.js";
import { readDocx } from "../../documents/docx-reader.js";
import { vnPlaceDateLine } from "../../documents/index.js";
import { templateInForce } from "../../platform/workflow.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let pi: Client;
let otherPi: Client;
let orgRep: Client;
let piPersonId: string;
let orgId: string;
let templateVersion: number;
let seq = 0;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  orgId = (await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản", taxCode: "0200123456", address: "224 Lê Lai, Hải Phòng" })).id;
  piPersonId = (await buildPerson(db, { fullName: "Trần Thị Lan" })).id;
  templateVersion = (await templateInForce(db, "baseline-2013", "2026-11-27"))!.version;
  officer = (await signedIn(t, { roles: ["officer"] })).client;
  leader = (await signedIn(t, { roles: ["leader"] })).client;
  pi = (await signedIn(t, { roles: ["pi"], personId: piPersonId })).client;
  otherPi = (await signedIn(t, { roles: ["pi"], personId: (await buildPerson(db)).id })).client;
  orgRep = (await signedIn(t, { roles: ["org_rep"], organisationId: orgId })).client;
});
afterAll(async () => t?.close());

async function draft() {
  const task = await buildApprovedTask(t.database.db, {
    code: `ĐT.2026.${String(++seq).padStart(3, "0")}`,
    titleVi: `Nghiên cứu nuôi cá song số ${seq}`,
    templateVersion,
    year: 2026,
    piPersonId,
    leadOrganisationId: orgId,
    city: 600_000_000,
    other: 150_000_000,
    decisionNumber: "15/QĐ-SKHCN",
    decisionDate: "2026-11-20",
  });
  const r = await officer.post("/api/v1/contracts", { taskId: task.id });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const u = await officer.put(`/api/v1/contracts/${r.body.id}`, {
    version: r.body.version,
    partyARepresentative: "Nguyễn Văn Bình",
    partyBRepresentative: "Đỗ Văn Khải",
    valueCity: 600_000_000,
    valueOther: 150_000_000,
    startDate: "2027-01-01",
    endDate: "2028-12-31",
    products: [
      { name: "Quy trình nuôi cá song", outputType: "solution", quantity: 1, unit: "quy trình", qualityTarget: "Được hội đồng nghiệm thu đánh giá đạt" },
    ],
  });
  expect(u.status, JSON.stringify(u.body)).toBe(200);
  return { task, c: u.body };
}

async function planned(c: { id: string; version: number }) {
  const p = await officer.put(`/api/v1/contracts/${c.id}/disbursements`, {
    version: c.version,
    tranches: [
      { kind: "advance", label: "Tạm ứng đợt 1", plannedDate: "2027-01-15", amountCity: 300_000_000, amountOther: 0 },
      {
        kind: "tranche",
        label: "Cấp đợt 2",
        plannedDate: "2027-12-15",
        amountCity: 300_000_000,
        amountOther: 150_000_000,
        condition: "Báo cáo tiến độ kỳ 2 được chấp nhận",
      },
    ],
  });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  return p.body;
}
const audits = (id: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "contract.export")));

describe(`contract document (${testDbMode()})`, () => {
  it("409 while the plan is missing (with what is missing, vi and en)", async () => {
    const { c } = await draft();
    const r = await officer.get(`/api/v1/contracts/${c.id}/contract.docx`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("DOCUMENT_NOT_AVAILABLE");
    expect(r.body.error.message).toMatch(/kế hoạch cấp kinh phí/);
    officer.lang = "en";
    expect((await officer.get(`/api/v1/contracts/${c.id}/contract.docx`)).body.error.message).toMatch(/disbursement plan/);
    officer.lang = "vi";
    expect(await audits(c.id)).toHaveLength(0);
  });

  it("a signed contract: parties, value by source, products, schedule; for bên B too; audited", async () => {
    const { task, c } = await draft();
    const p = await planned(c);
    const s = await leader.post(`/api/v1/contracts/${c.id}/sign`, { version: p.version, partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-26" });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    for (const who of [officer, pi, orgRep]) expect((await who.get(`/api/v1/contracts/${c.id}/contract.docx`)).status).toBe(200);
    const r = await pi.get(`/api/v1/contracts/${c.id}/contract.docx`);
    expect(r.headers["content-type"]).toBe(DOCX);
    expect(r.headers["content-disposition"]).toContain(encodeURIComponent(`Hợp đồng ${c.number.replace(/\//g, "-")}.docx`));
    const doc = await readDocx(r.raw.rawPayload);
    const text = doc.paragraphs.map((x) => x.text);
    expect(text).toContain("HỢP ĐỒNG");
    expect(text).toContain(vnPlaceDateLine("Hải Phòng", "2026-11-26"));
    expect(text).toContain(`Số: ${c.number.slice(0, 2)}/HĐ-SKHCN`);
    expect(text).toContain("Bên nhận đặt hàng (bên B): Viện Nghiên cứu Hải sản");
    expect(text).toContain("- Đại diện: Đỗ Văn Khải, chức vụ: Thủ trưởng tổ chức chủ trì");
    expect(text).toContain("- Mã số thuế: 0200123456");
    expect(text).toContain("và chủ nhiệm nhiệm vụ: TS. Trần Thị Lan.");
    expect(text.some((x) => x.includes(`"${task.titleVi}" (mã số: ${task.code}) theo Quyết định số 15/QĐ-SKHCN ngày 20/11/2026`))).toBe(true);
    expect(doc.tables.find((tb) => tb[0]?.[1] === "Tên sản phẩm")!.slice(1)).toEqual([
      ["1", "Quy trình nuôi cá song", "Được hội đồng nghiệm thu đánh giá đạt", "1 quy trình"],
    ]);
    expect(doc.tables.find((tb) => tb[0]?.[1] === "Nguồn kinh phí")!.at(-1)).toEqual(["", "Tổng cộng", "750.000.000 đồng"]);
    expect(doc.tables.find((tb) => tb[0]?.[0] === "Đợt")!.slice(1)).toEqual([
      ["1", "Tạm ứng đợt 1 (15/01/2027)", "300.000.000 đồng", "Sau khi hợp đồng được ký kết"],
      ["2", "Cấp đợt 2 (15/12/2027)", "300.000.000 đồng", "Báo cáo tiến độ kỳ 2 được chấp nhận"],
    ]);
    const rows = await audits(c.id);
    expect(rows).toHaveLength(4);
    expect(rows[0].details).toMatchObject({ format: "docx", document: "contract" });
  });

  it("404 for a PI of another contract and for unknown contracts; 400 for a malformed id", async () => {
    const { c } = await draft();
    await planned(c);
    expect((await otherPi.get(`/api/v1/contracts/${c.id}/contract.docx`)).status).toBe(404);
    expect((await officer.get(`/api/v1/contracts/00000000-0000-4000-8000-000000000000/contract.docx`)).status).toBe(404);
    expect((await officer.get(`/api/v1/contracts/nope/contract.docx`)).status).toBe(400);
    expect(await audits(c.id)).toHaveLength(0);
  });
});
