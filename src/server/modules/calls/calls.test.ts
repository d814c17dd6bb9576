import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { signedIn } from "../../testing/factories.js";
import { auditLog } from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { assertCallAccepting } from "./calls.service.js";

let t: TestApp;
let officer: Client;
let admin: Client;
let pi: Client;
let enterprise: Client;
let programmeId: string;
let seq = 0;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (msFromNow: number) => new Date(t.clock.now().getTime() + msFromNow).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  officer = (await signedIn(t, { username: "officer1", roles: ["officer"] })).client;
  admin = (await signedIn(t, { username: "admin1", roles: ["admin"] })).client;
  pi = (await signedIn(t, { username: "pi1", roles: ["pi"] })).client;
  enterprise = (await signedIn(t, { username: "ent1", roles: ["enterprise"] })).client;
  const p = await officer.post("/api/v1/programmes", { code: "CT.BIEN.01", nameVi: "Chương trình kinh tế biển", startYear: 2026, endYear: 2030 });
  programmeId = p.body.id;
});
afterAll(async () => t?.close());

/** Keeps the clients signed in across clock moves (idle timeout). */
async function relogin() {
  await officer.login("officer1");
  await admin.login("admin1");
  await pi.login("pi1");
  await enterprise.login("ent1");
}

const valid = (over: Record<string, unknown> = {}) => ({
  code: `DOT-2027-${String(++seq).padStart(2, "0")}`,
  titleVi: "Đợt tuyển chọn nhiệm vụ KH&CN năm 2027",
  titleEn: "2027 selection call",
  kind: "selection",
  programmeId,
  fields: ["201"],
  sectors: ["CN"],
  description: "Tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ.",
  opensAt: at(-HOUR),
  closesAt: at(30 * DAY),
  ...over,
});

async function draft(over: Record<string, unknown> = {}) {
  const r = await officer.post("/api/v1/calls", valid(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}
async function published(over: Record<string, unknown> = {}) {
  const d = await draft(over);
  const r = await officer.post(`/api/v1/calls/${d.id}/publish`, { version: d.version });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}
const auditRows = (id: string, action: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));

describe(`calls (${testDbMode()})`, () => {
  it("creates a draft with the default documents of its kind, and audits it", async () => {
    const c = await draft();
    expect(c).toMatchObject({ status: "draft", version: 1, programmeCode: "CT.BIEN.01", acceptingSubmissions: false, secondsToDeadline: null });
    expect(c.requiredDocuments.map((d: { code: string }) => d.code)).toEqual(
      expect.arrayContaining(["B1-1-ĐON", "B1-2a-TMĐTCN", "B1-2b-TMĐTXH", "B1-3-LLTC", "B1-4-LLCN", "B1-5-PHNC", "DU-TOAN"]),
    );
    expect(c.abilities).toEqual({ read: true, update: true, publish: true, close: false, cancel: true });
    const p = await draft({ kind: "proposal_collection" });
    expect(p.requiredDocuments[0]).toMatchObject({ code: "A1-ĐXNV", required: true });
    expect(await auditRows(c.id, "call.create")).toHaveLength(1);
    const prog = await officer.get(`/api/v1/programmes/${programmeId}`);
    expect(prog.body.callCount).toBeGreaterThanOrEqual(2);
  });

  it("validates codes, the window order, documents and references", async () => {
    const bad = async (over: Record<string, unknown>) => (await officer.post("/api/v1/calls", valid(over))).status;
    expect(await bad({ code: "dot 1" })).toBe(400);
    expect(await bad({ opensAt: at(2 * DAY), closesAt: at(DAY) })).toBe(400);
    expect(await bad({ opensAt: at(DAY), closesAt: at(DAY) })).toBe(400);
    expect(await bad({ closesAt: "2027-02-30T10:00:00+07:00" })).toBe(400);
    expect(await bad({ closesAt: "2027-01-10" })).toBe(400);
    expect(await bad({ kind: "auction" })).toBe(400);
    expect(await bad({ fields: ["999"] })).toBe(400);
    expect(await bad({ programmeId: "00000000-0000-4000-8000-000000000000" })).toBe(400);
    expect(await bad({ status: "published" })).toBe(400);
    const doc = { code: "X-1", labelVi: "Tài liệu", labelEn: "Document", required: true };
    expect(await bad({ requiredDocuments: [doc, doc] })).toBe(400);
    expect(await bad({ requiredDocuments: [{ ...doc, code: "bad code" }] })).toBe(400);
    const c = await draft();
    const dup = await officer.post("/api/v1/calls", valid({ code: c.code }));
    expect(dup.status).toBe(409);
  });

  it("shows drafts to staff only; published calls to every signed-in user", async () => {
    const d = await draft({ titleVi: "Đợt nháp bí mật" });
    const p = await published({ titleVi: "Đợt công khai Hải Phòng" });
    for (const c of [pi, enterprise]) {
      expect((await c.get(`/api/v1/calls/${d.id}`)).status).toBe(404);
      const seen = await c.get(`/api/v1/calls/${p.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.abilities).toEqual({ read: true, update: false, publish: false, close: false, cancel: false });
      const ids = (await c.get("/api/v1/calls?pageSize=200")).body.items.map((x: { id: string }) => x.id);
      expect(ids).toContain(p.id);
      expect(ids).not.toContain(d.id);
      expect((await c.get("/api/v1/calls?status=draft")).body.total).toBe(0);
    }
    for (const c of [officer, admin]) {
      expect((await c.get(`/api/v1/calls/${d.id}`)).status).toBe(200);
      const ids = (await c.get("/api/v1/calls?pageSize=200&q=dot nhap bi mat")).body.items.map((x: { id: string }) => x.id);
      expect(ids).toEqual([d.id]);
    }
    // A call cancelled while still a draft never becomes public.
    const cancelled = await officer.post(`/api/v1/calls/${d.id}/cancel`, { version: d.version, reason: "Trùng đợt khác" });
    expect(cancelled.status).toBe(200);
    expect((await pi.get(`/api/v1/calls/${d.id}`)).status).toBe(404);
    expect((await pi.post(`/api/v1/calls/${p.id}/close`, { version: p.version, reason: "x" })).status).toBe(403);
    expect((await pi.post("/api/v1/calls", valid())).status).toBe(403);
  });

  it("edits drafts only, with optimistic concurrency", async () => {
    const d = await draft();
    const body = (c: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
      ...valid({ code: c.code }),
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      version: c.version,
      ...over,
    });
    const ok = await officer.put(`/api/v1/calls/${d.id}`, body(d, { titleVi: "Đợt đã sửa" }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ titleVi: "Đợt đã sửa", version: 2 });
    const stale = await officer.put(`/api/v1/calls/${d.id}`, body(d, { titleVi: "Cũ" }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current.version).toBe(2);
    const pub = await officer.post(`/api/v1/calls/${d.id}/publish`, { version: 2 });
    const refused = await officer.put(`/api/v1/calls/${d.id}`, body(pub.body));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: "INVALID_STATE",
      message: "Không thể sửa đợt khi đợt đang ở trạng thái “Đã công bố”. Ở trạng thái này có thể: đóng đợt, huỷ đợt.",
      details: { state: "published", command: "update", allowed: ["close", "cancel"] },
    });
    expect(await auditRows(d.id, "call.update")).toHaveLength(1);
  });

  it("names the process its tasks follow: baseline-2013 by default, another seeded template by key, unknown keys refused", async () => {
    const d = await draft();
    expect(d.templateKey).toBe("baseline-2013");
    const law = await officer.post("/api/v1/calls", valid({ templateKey: "law-2025" }));
    expect(law.status, JSON.stringify(law.body)).toBe(201);
    expect(law.body.templateKey).toBe("law-2025");
    const unknown = await officer.post("/api/v1/calls", valid({ templateKey: "no-such-process" }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].path).toBe("templateKey");
    expect((await officer.post("/api/v1/calls", valid({ templateKey: "Law 2025!" }))).status).toBe(400);
    // An edit without the key keeps it; with a key, changes it.
    const kept = await officer.put(`/api/v1/calls/${law.body.id}`, {
      ...valid({ code: law.body.code, titleVi: "Đợt theo Luật 2025" }),
      version: law.body.version,
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.templateKey).toBe("law-2025");
    const changed = await officer.put(`/api/v1/calls/${law.body.id}`, {
      ...valid({ code: law.body.code }),
      templateKey: "baseline-2013",
      version: kept.body.version,
    });
    expect(changed.body.templateKey).toBe("baseline-2013");
  });

  it("publishes, closes early with a reason, and refuses illegal transitions with 409 and the reason in vi/en", async () => {
    const p = await published();
    expect(p).toMatchObject({ status: "published", version: 2, acceptingSubmissions: true });
    expect(p.secondsToDeadline).toBe(30 * 24 * 3600);
    expect(p.abilities).toMatchObject({ publish: false, close: true, cancel: true, update: false });
    const again = await officer.post(`/api/v1/calls/${p.id}/publish`, { version: p.version });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "INVALID_STATE",
      message: "Không thể công bố đợt khi đợt đang ở trạng thái “Đã công bố”. Ở trạng thái này có thể: đóng đợt, huỷ đợt.",
      details: { state: "published", command: "publish", allowed: ["close", "cancel"] },
    });
    const noReason = await officer.post(`/api/v1/calls/${p.id}/close`, { version: p.version });
    expect(noReason.status).toBe(409);
    expect(noReason.body.error).toMatchObject({
      code: "GUARD_FAILED",
      message: "Đóng đợt trước hạn nộp cần nêu lý do",
      details: {
        action: "close",
        status: "published",
        reason: { vi: "Đóng đợt trước hạn nộp cần nêu lý do", en: "Closing a call before its deadline needs a reason" },
      },
    });
    officer.lang = "en";
    const en = await officer.post(`/api/v1/calls/${p.id}/close`, { version: p.version });
    officer.lang = "vi";
    expect(en.body.error.message).toBe("Closing a call before its deadline needs a reason");
    const closed = await officer.post(`/api/v1/calls/${p.id}/close`, { version: p.version, reason: "Đủ số đề xuất" });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", closeReason: "Đủ số đề xuất", acceptingSubmissions: false, secondsToDeadline: null });
    expect(closed.body.abilities).toMatchObject({ publish: false, close: false, cancel: false });
    const cancel = await officer.post(`/api/v1/calls/${p.id}/cancel`, { version: closed.body.version, reason: "Thử huỷ" });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toBe("Không thể huỷ đợt khi đợt đang ở trạng thái “Đã đóng”. Ở trạng thái này có thể: không có thao tác nào.");
    officer.lang = "en";
    expect((await officer.post(`/api/v1/calls/${p.id}/cancel`, { version: closed.body.version, reason: "Thử huỷ" })).body.error.message).toBe(
      "Cannot cancel the call while the call is “Closed”. Possible now: nothing.",
    );
    officer.lang = "vi";
    const stale = await officer.post(`/api/v1/calls/${p.id}/close`, { version: 1, reason: "x" });
    expect(stale.status).toBe(409);
    const [pubRow] = await auditRows(p.id, "call.publish");
    expect(pubRow).toMatchObject({ before: { status: "draft" }, after: { status: "published" } });
    const [closeRow] = await auditRows(p.id, "call.close");
    expect(closeRow.details).toEqual({ reason: "Đủ số đề xuất" });
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("guards publication: a window that has ended, no required document", async () => {
    const ended = await draft({ opensAt: at(-3 * DAY), closesAt: at(-DAY) });
    const r1 = await officer.post(`/api/v1/calls/${ended.id}/publish`, { version: 1 });
    expect(r1.status).toBe(409);
    expect(r1.body.error.message).toContain("Hạn nộp của đợt đã qua");
    const noDocs = await draft({ requiredDocuments: [{ code: "B1-5-PHNC", labelVi: "Phối hợp", labelEn: "Partners", required: false }] });
    const r2 = await officer.post(`/api/v1/calls/${noDocs.id}/publish`, { version: 1 });
    expect(r2.status).toBe(409);
    expect(r2.body.error.message).toContain("ít nhất một tài liệu bắt buộc");
    expect(await auditRows(ended.id, "call.publish")).toHaveLength(0);
    // Cancelling needs a reason.
    expect((await officer.post(`/api/v1/calls/${noDocs.id}/cancel`, { version: 1 })).status).toBe(400);
    const c = await officer.post(`/api/v1/calls/${noDocs.id}/cancel`, { version: 1, reason: "Không còn nhu cầu" });
    expect(c.body).toMatchObject({ status: "cancelled", cancelReason: "Không còn nhu cầu" });
    expect(await auditRows(noDocs.id, "call.cancel")).toHaveLength(1);
  });

  it("20 parallel identical publish requests: exactly one succeeds, the others answer 409", async () => {
    const d = await draft();
    const results = await Promise.all(Array.from({ length: 20 }, () => officer.post(`/api/v1/calls/${d.id}/publish`, { version: d.version })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409)) expect(["INVALID_STATE", "VERSION_CONFLICT"]).toContain(r.body.error.code);
    expect(await auditRows(d.id, "call.publish")).toHaveLength(1);
    expect((await officer.get(`/api/v1/calls/${d.id}`)).body).toMatchObject({ status: "published", version: 2 });
  });

  it("decides acceptance from the server's clock: before opening, open, after the deadline", async () => {
    const p = await published({ opensAt: at(2 * HOUR), closesAt: at(2 * HOUR + 10 * DAY) });
    expect(p).toMatchObject({ acceptingSubmissions: false, secondsToOpen: 7200, secondsToDeadline: 7200 + 10 * 86400 });
    const openIds = async () => (await pi.get("/api/v1/calls?open=true&pageSize=200")).body.items.map((x: { id: string }) => x.id);
    expect(await openIds()).not.toContain(p.id);
    await expect(assertCallAccepting(t.database.db, p.id, t.clock.now())).rejects.toMatchObject({ status: 409, messageKey: "call.not_accepting.not_open_yet" });

    t.clock.advance(2 * HOUR);
    await relogin();
    const open = await pi.get(`/api/v1/calls/${p.id}`);
    expect(open.body).toMatchObject({ acceptingSubmissions: true, secondsToOpen: null, secondsToDeadline: 10 * 86400 });
    expect(await openIds()).toContain(p.id);
    await expect(assertCallAccepting(t.database.db, p.id, t.clock.now())).resolves.toMatchObject({ id: p.id });

    t.clock.advance(10 * DAY - 1000);
    await relogin();
    expect((await pi.get(`/api/v1/calls/${p.id}`)).body).toMatchObject({ acceptingSubmissions: true, secondsToDeadline: 1 });
    t.clock.advance(1000);
    await relogin();
    const late = await pi.get(`/api/v1/calls/${p.id}`);
    expect(late.body).toMatchObject({ status: "published", acceptingSubmissions: false, secondsToDeadline: null });
    expect(await openIds()).not.toContain(p.id);
    await expect(assertCallAccepting(t.database.db, p.id, t.clock.now())).rejects.toMatchObject({
      status: 409,
      messageKey: "call.not_accepting.deadline_passed",
    });

    // After the deadline an officer closes without a reason.
    const closed = await officer.post(`/api/v1/calls/${p.id}/close`, { version: late.body.version });
    expect(closed.status).toBe(200);
    expect(closed.body.closeReason).toBeNull();
    await expect(assertCallAccepting(t.database.db, p.id, t.clock.now())).rejects.toMatchObject({ messageKey: "call.not_accepting.not_published" });
  });

  it("filters by kind, programme and status", async () => {
    const other = await officer.post("/api/v1/programmes", { code: "CT.KHAC.01", nameVi: "Chương trình khác", startYear: 2026, endYear: 2027 });
    const a = await draft({ kind: "proposal_collection", programmeId: other.body.id });
    const ids = async (qs: string) => (await officer.get(`/api/v1/calls?pageSize=200&${qs}`)).body.items.map((x: { id: string }) => x.id);
    expect(await ids(`programmeId=${other.body.id}`)).toEqual([a.id]);
    expect(await ids(`programmeId=${other.body.id}&kind=selection`)).toEqual([]);
    expect(await ids(`programmeId=${other.body.id}&status=draft&kind=proposal_collection`)).toEqual([a.id]);
    const sorted = (await officer.get("/api/v1/calls?pageSize=200&sort=code")).body.items.map((x: { code: string }) => x.code);
    expect(sorted).toEqual([...sorted].sort());
  });
});
