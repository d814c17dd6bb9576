import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildTask, signedIn } from "../../testing/factories.js";
import { SELECTION_RUBRICS } from "../../../common/councils/index.js";
import { auditLog } from "../../db/schema/index.js";
import { readDocx } from "../../documents/docx-reader.js";
import { vnPlaceDateLine } from "../../documents/index.js";
import { loadConfig } from "../../config.js";

let t: TestApp;
let officer: Client;
let pi: Client;
let anonymous: Client;
let seq = 0;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (msFromNow: number) => new Date(t.clock.now().getTime() + msFromNow).toISOString();
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

beforeAll(async () => {
  t = await createTestApp({
    publicUrl: "https://khcn.haiphong.gov.vn",
    documents: {
      ...loadConfig({ NODE_ENV: "test" }).documents,
      contacts: ["Phòng Quản lý khoa học; điện thoại: 0225 3842 123; thư điện tử: qlkh@haiphong.gov.vn"],
    },
  });
  officer = (await signedIn(t, { username: "officer1", roles: ["officer"] })).client;
  pi = (await signedIn(t, { username: "pi1", roles: ["pi"] })).client;
  anonymous = new Client(t);
});
afterAll(async () => t?.close());

async function draft() {
  const r = await officer.post("/api/v1/calls", {
    code: `DOT-2027-${String(++seq).padStart(2, "0")}`,
    titleVi: "Tuyển chọn nhiệm vụ KH&CN phục vụ kinh tế biển năm 2027",
    kind: "selection",
    fields: ["201"],
    description: "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ.",
    opensAt: at(-HOUR),
    closesAt: at(30 * DAY),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const auditRows = (id: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "call.export")));

describe(`call notice .docx (${testDbMode()})`, () => {
  it("answers a published call's notice as a .docx attachment with a sanitised name, and audits the export", async () => {
    const d = await draft();
    const p = await officer.post(`/api/v1/calls/${d.id}/publish`, { version: d.version });
    expect(p.status).toBe(200);
    const r = await pi.get(`/api/v1/calls/${d.id}/notice.docx`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe(DOCX);
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["content-disposition"]).toBe(
      `attachment; filename="thong_bao_${d.code.toLowerCase()}.docx"; filename*=UTF-8''${encodeURIComponent(`Thông báo ${d.code}.docx`)}`,
    );
    const doc = await readDocx(r.raw.rawPayload);
    const text = doc.paragraphs.map((x) => x.text);
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("SỞ KHOA HỌC VÀ CÔNG NGHỆ");
    expect(text).toContain("THÔNG BÁO");
    // Dated on the Vietnam-local day of publication; the number is left for the clerk.
    expect(text).toContain(vnPlaceDateLine("Hải Phòng", new Date(p.body.publishedAt)));
    expect(text.some((x) => /^Số:\s+\/TB-SKHCN$/.test(x))).toBe(true);
    expect(text.some((x) => x.includes(d.code))).toBe(true);
    expect(doc.tables[1][0]).toEqual(["STT", "Mã biểu mẫu", "Tên tài liệu", "Bắt buộc"]);
    expect(doc.tables[1].map((row) => row[1])).toContain("B1-1-ĐON");
    expect(text).toContain("- Lưu: VT, QLKH.");
    expect(doc.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);

    const rows = await auditRows(d.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ format: "docx", document: "notice" });
  });

  it("lists the call's tasks, the selection criteria in force, the online address and whom to ask; no paper submission", async () => {
    const d = await draft();
    const db = t.database.db;
    await buildTask(db, {
      code: "ĐT.2027.02",
      titleVi: "Ứng dụng công nghệ nuôi tôm tuần hoàn",
      taskType: "de_tai",
      selectionCallId: d.id,
      objectives: "Xây dựng mô hình nuôi tôm tuần hoàn quy mô 2 ha",
      expectedResults: "- Quy trình công nghệ\n- Mô hình trình diễn",
      proposedMonths: 18,
      proposedBudget: 900_000_000,
    });
    await buildTask(db, { code: "ĐT.2027.01", titleVi: "Chống xói lở bờ biển Đồ Sơn", taskType: "de_tai", selectionCallId: d.id });
    const r = await officer.get(`/api/v1/calls/${d.id}/notice.docx`);
    expect(r.status).toBe(200);
    const doc = await readDocx(r.raw.rawPayload);
    const text = doc.paragraphs.map((x) => x.text);
    expect(doc.tables[1]).toEqual([
      ["STT", "Tên nhiệm vụ", "Mục tiêu", "Sản phẩm dự kiến", "Thời gian (tháng)", "Kinh phí tối đa (đồng)"],
      ["1", "Chống xói lở bờ biển Đồ Sơn\n(mã số: ĐT.2027.01)", "", "", "Theo hồ sơ", "Theo hồ sơ"],
      [
        "2",
        "Ứng dụng công nghệ nuôi tôm tuần hoàn\n(mã số: ĐT.2027.02)",
        "- Xây dựng mô hình nuôi tôm tuần hoàn quy mô 2 ha",
        "- Quy trình công nghệ\n- Mô hình trình diễn",
        "18",
        "900.000.000",
      ],
    ]);
    // The scoring sheet of the selection rule set in force (TT 20/2023) for the tasks' kind, and its pass rule.
    const criteria = doc.tables.find((x) => x[0]?.[1] === "Tiêu chí đánh giá")!;
    expect(criteria.slice(1).map((row) => [row[1], row[2]])).toEqual(SELECTION_RUBRICS.de_tai.map((c) => [c.labelVi, String(c.max)]));
    expect(
      text.some(
        (x) =>
          x.startsWith("Hồ sơ đạt yêu cầu khi điểm trung bình của các phiếu hợp lệ từ 70/100 điểm") && x.includes("25%") && x.includes("TT 20/2023/TT-BKHCN"),
      ),
    ).toBe(true);
    expect(text.some((x) => x.includes("nộp trực tuyến") && x.includes("tại địa chỉ https://khcn.haiphong.gov.vn"))).toBe(true);
    expect(text).toContain("- Phòng Quản lý khoa học; điện thoại: 0225 3842 123; thư điện tử: qlkh@haiphong.gov.vn");
    expect(text.join("\n")).not.toMatch(/bưu điện|nộp trực tiếp/);
  });

  it("gives a draft's notice to staff only (404 for others), without date or number", async () => {
    const d = await draft();
    const staff = await officer.get(`/api/v1/calls/${d.id}/notice.docx`);
    expect(staff.status).toBe(200);
    const doc = await readDocx(staff.raw.rawPayload);
    expect(doc.paragraphs.some((x) => /^Hải Phòng, ngày\s+tháng\s+năm 2026$/.test(x.text))).toBe(true);
    const other = await pi.get(`/api/v1/calls/${d.id}/notice.docx`);
    expect(other.status).toBe(404);
    expect(other.headers["content-type"]).toMatch(/application\/json/);
    expect(await auditRows(d.id)).toHaveLength(1);
  });

  it("refuses the signed-out (401) and answers 404 for an unknown call and 400 for a malformed id", async () => {
    const d = await draft();
    expect((await anonymous.get(`/api/v1/calls/${d.id}/notice.docx`)).status).toBe(401);
    expect((await officer.get(`/api/v1/calls/00000000-0000-4000-8000-000000000000/notice.docx`)).status).toBe(404);
    expect((await officer.get(`/api/v1/calls/not-a-uuid/notice.docx`)).status).toBe(400);
  });
});
