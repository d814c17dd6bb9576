// The task's official documents through the real app: the approval decision once approved and the registration
// certificate once the result is registered; 409 before, 404 for a PI of another task; each download audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestApp, testDbMode, type Client, type TestApp } from "../../testing/harness.js";
import { buildApprovedTask, buildOrganisation, buildPerson, signedIn } from "../../testing/factories.js";
import { auditLog, tasks } from "../../db/schema/index.js";
import { readDocx } from "../../documents/docx-reader.js";
import { vnPlaceDateLine } from "../../documents/index.js";
import { templateInForce } from "../../platform/workflow.js";
import { loadConfig } from "../../config.js";

let t: TestApp;
let officer: Client;
let pi: Client;
let otherPi: Client;
let piPersonId: string;
let orgId: string;
let templateVersion: number;
let seq = 0;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const FUNCTIONS = "Căn cứ Quyết định số 12/2025/QĐ-UBND của Ủy ban nhân dân thành phố quy định chức năng, nhiệm vụ, quyền hạn của Sở Khoa học và Công nghệ";

beforeAll(async () => {
  t = await createTestApp({ documents: { ...loadConfig({ NODE_ENV: "test" }).documents, authorityBases: [FUNCTIONS] } });
  const db = t.database.db;
  orgId = (await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản" })).id;
  piPersonId = (await buildPerson(db, { fullName: "Trần Thị Lan", title: "PGS", degree: "TS" })).id;
  templateVersion = (await templateInForce(db, "baseline-2013", "2026-11-27"))!.version;
  officer = (await signedIn(t, { roles: ["officer"] })).client;
  pi = (await signedIn(t, { roles: ["pi"], personId: piPersonId })).client;
  otherPi = (await signedIn(t, { roles: ["pi"], personId: (await buildPerson(db)).id })).client;
});
afterAll(async () => t?.close());

async function task(over: Partial<typeof tasks.$inferInsert> = {}) {
  const row = await buildApprovedTask(t.database.db, {
    code: `ĐT.2026.${String(++seq).padStart(3, "0")}`,
    titleVi: `Nghiên cứu nuôi trồng hải sản số ${seq}`,
    templateVersion,
    year: 2026,
    piPersonId,
    leadOrganisationId: orgId,
    city: 600_000_000,
    other: 150_000_000,
    decisionNumber: "15/QĐ-SKHCN",
    decisionDate: "2026-11-20",
    ...over,
  });
  return row;
}
const audits = (id: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "task.export")));

describe(`task documents (${testDbMode()})`, () => {
  it("cites the Department's authority (configuration), then the law and texts of the task's own process version", async () => {
    const bases = async (over: Partial<typeof tasks.$inferInsert>) => {
      const x = await task(over);
      const r = await officer.get(`/api/v1/tasks/${x.id}/approval-decision.docx`);
      expect(r.status).toBe(200);
      const doc = await readDocx(r.raw.rawPayload);
      return doc.paragraphs.filter((p) => p.runs.length && p.runs.every((run) => run.italic) && /^(Căn cứ|Theo đề nghị)/.test(p.text)).map((p) => p.text);
    };
    const old = await bases({});
    expect(old[0]).toBe(`${FUNCTIONS};`);
    expect(old.some((b) => b.startsWith("Căn cứ Luật Khoa học và Công nghệ số 29/2013/QH13"))).toBe(true);
    expect(old.some((b) => b.startsWith("Căn cứ Nghị định số 08/2014/NĐ-CP"))).toBe(true);
    expect(old.join("\n")).not.toContain("93/2025/QH15");
    expect(old.at(-1)).toBe("Theo đề nghị của Trưởng phòng Quản lý khoa học.");
    const law2025 = (await templateInForce(t.database.db, "law-2025", "2026-11-27"))!.version;
    const current = await bases({ templateKey: "law-2025", templateVersion: law2025 });
    expect(current[0]).toBe(`${FUNCTIONS};`);
    expect(current.some((b) => b.startsWith("Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15"))).toBe(true);
    expect(current.some((b) => b.startsWith("Căn cứ Nghị định số 262/2025/NĐ-CP"))).toBe(true);
    expect(current.join("\n")).not.toMatch(/29\/2013\/QH13|08\/2014\/NĐ-CP/);
  });

  it("approval decision: number and date, task, lead organisation, PI, budget by source, duration; audited", async () => {
    const x = await task();
    const r = await pi.get(`/api/v1/tasks/${x.id}/approval-decision.docx`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe(DOCX);
    expect(r.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(`Quyết định phê duyệt ${x.code}.docx`)}`);
    const doc = await readDocx(r.raw.rawPayload);
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain("Số: 15/QĐ-SKHCN");
    expect(text).toContain(vnPlaceDateLine("Hải Phòng", "2026-11-20"));
    expect(text).toContain(`1. Tên nhiệm vụ: ${x.titleVi} (mã số: ${x.code}).`);
    expect(text).toContain("2. Tổ chức chủ trì: Viện Nghiên cứu Hải sản.");
    expect(text).toContain("3. Chủ nhiệm nhiệm vụ: PGS.TS. Trần Thị Lan.");
    expect(text.some((p) => p.includes("Thời gian thực hiện: 24 tháng, từ ngày 01/01/2027 đến ngày 31/12/2028"))).toBe(true);
    const budget = doc.tables.find((tb) => tb[0]?.[1] === "Nguồn kinh phí")!;
    expect(budget.slice(1)).toEqual([
      ["1", "Ngân sách nhà nước (sự nghiệp khoa học thành phố)", "600.000.000 đồng"],
      ["2", "Nguồn khác", "150.000.000 đồng"],
      ["", "Tổng cộng", "750.000.000 đồng"],
    ]);
    const rows = await audits(x.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ format: "docx", document: "approval_decision" });
  });

  it("approval decision: 409 before approval (vi and en), 404 for another PI and unknown tasks", async () => {
    const x = await task({ state: "appraisal", decisionDate: null, decisionNumber: null });
    const r = await officer.get(`/api/v1/tasks/${x.id}/approval-decision.docx`);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("DOCUMENT_NOT_AVAILABLE");
    expect(r.body.error.message).toMatch(/chưa được phê duyệt/);
    officer.lang = "en";
    expect((await officer.get(`/api/v1/tasks/${x.id}/approval-decision.docx`)).body.error.message).toMatch(/not been approved/);
    officer.lang = "vi";
    const approved = await task();
    expect((await otherPi.get(`/api/v1/tasks/${approved.id}/approval-decision.docx`)).status).toBe(404);
    expect((await otherPi.get(`/api/v1/tasks/${approved.id}/registration-certificate.docx`)).status).toBe(404);
    expect((await officer.get(`/api/v1/tasks/00000000-0000-4000-8000-000000000000/approval-decision.docx`)).status).toBe(404);
    expect(await audits(x.id)).toHaveLength(0);
  });

  it("registration certificate: 409 before registration; then the registration code and dates", async () => {
    const x = await task({ state: "accepted", resultGrade: "pass" });
    const early = await pi.get(`/api/v1/tasks/${x.id}/registration-certificate.docx`);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/chưa được đăng ký/);
    await t.database.db
      .update(tasks)
      .set({ state: "registered", registrationCode: "ĐK-2026-00007-ĐT", registeredAt: new Date("2026-12-03T02:00:00Z") })
      .where(eq(tasks.id, x.id));
    const r = await officer.get(`/api/v1/tasks/${x.id}/registration-certificate.docx`);
    expect(r.status).toBe(200);
    const doc = await readDocx(r.raw.rawPayload);
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain("GIẤY CHỨNG NHẬN");
    expect(text).toContain("Số đăng ký: ĐK-2026-00007-ĐT");
    expect(text).toContain(`Tên nhiệm vụ: ${x.titleVi} (mã số: ${x.code}).`);
    expect(text).toContain("Chủ nhiệm nhiệm vụ: PGS.TS. Trần Thị Lan.");
    expect(text).toContain("Thời gian thực hiện: từ ngày 01/01/2027 đến ngày 31/12/2028.");
    expect(text.some((p) => p.includes("Ngày đăng ký: 03/12/2026."))).toBe(true);
    expect(text).toContain(vnPlaceDateLine("Hải Phòng", "2026-12-03"));
    const rows = await audits(x.id);
    expect(rows.map((a) => (a.details as any).document)).toEqual(["registration_certificate"]);
  });
});
