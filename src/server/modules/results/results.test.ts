// Results of S&T tasks through the real app: internal acceptance at its step only and by the task's PI / org rep,
// the result summary public only once the result is registered (by the tasks module's register_result), the public
// catalogue (no sign-in, accent-insensitive search, filters, no confidential fields), application reports with review.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { Fixture, type Actor } from "../../testing/task-journey.js";
import { buildTaskInProgress } from "../../testing/factories.js";
import { REGISTRATION_DOCUMENTS } from "../../../common/processes/baseline-2013.js";
import { verifyAuditChain } from "../../platform/audit.js";

let t: TestApp;
let f: Fixture;
let pi: Actor;
let orgRep: Actor;
let otherPi: Actor;
let officer: Actor;
let anonymous: Client;
let acceptanceTask: string;
let resultTask: string;
let progressTask: string;

const API = "/api/v1";
const TITLE = "Nghiên cứu chế tạo vật liệu composite cho vỏ tàu biển cỡ nhỏ";

async function task(state: string, over: { title?: string; fieldCode?: string } = {}) {
  const db = t.database.db;
  const { taskId } = await buildTaskInProgress(db, {
    piPersonId: pi.personId!,
    leadOrganisationId: pi.organisationId!,
    ownerUserId: pi.userId,
    startDate: "2026-01-01",
    endDate: "2027-12-31",
    state,
  });
  await db.execute(sql`
    UPDATE tasks SET field_code = ${over.fieldCode ?? "205"}, sector_code = 'CN', approved_budget_city = 1200000000, approved_budget_other = 300000000,
      result_grade = ${state === "accepted" ? "pass" : null}, title_vi = coalesce(${over.title ?? null}, title_vi)
    WHERE id = ${taskId}`);
  return taskId;
}

async function doc(c: Client, taskId: string, code: string, stage: string) {
  const r = await f.upload(c, taskId, code, { stage });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

const internalBody = (over: Record<string, unknown> = {}) => ({
  heldOn: "2027-11-20",
  members: [
    { name: "PGS.TS. Trần Thị Bình", position: "Chủ tịch hội đồng" },
    { name: "TS. Lê Văn Cường", position: "Thư ký" },
    { name: "ThS. Phạm Minh Đức", position: null },
  ],
  conclusion: "pass",
  remarks: "Đạt yêu cầu, đề nghị nộp hồ sơ nghiệm thu chính thức.",
  ...over,
});

const summaryBody = (over: Record<string, unknown> = {}) => ({
  abstractVi: "Đề tài chế tạo thành công vật liệu composite sợi thủy tinh cho vỏ tàu cá cỡ nhỏ, bền nước mặn.",
  abstractEn: "A glass-fibre composite for small fishing-boat hulls.",
  keywords: ["composite", "tàu cá", "vật liệu"],
  outputsSummary: "Quy trình công nghệ; 02 mẫu vỏ tàu; 01 bài báo trong nước.",
  applicationField: "Đóng tàu",
  contactOrganisation: "Viện Khoa học vật liệu ứng dụng",
  ...over,
});

const applicationBody = (over: Record<string, unknown> = {}) => ({
  place: "Hợp tác xã đánh cá Đồ Sơn",
  form: "production",
  scale: "12 vỏ tàu",
  startedOn: "2028-03-01",
  economicEffect: "Giảm 18% chi phí bảo dưỡng mỗi năm",
  economicValue: 450_000_000,
  socialEffect: null,
  beneficiaries: 40,
  evidenceDocumentIds: [],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  f = new Fixture(t);
  officer = await f.actor(["officer"]);
  pi = await f.actor(["pi"]);
  orgRep = await f.actor(["org_rep"], { person: false, organisationId: pi.organisationId });
  otherPi = await f.actor(["pi"]);
  anonymous = new Client(t, "10.99.0.1");
  acceptanceTask = await task("internal_acceptance");
  resultTask = await task("accepted", { title: TITLE });
  progressTask = await task("in_progress");
});
afterAll(async () => t.close());

describe("internal acceptance (nghiệm thu cơ sở)", () => {
  it("is recorded only at the internal acceptance step", async () => {
    const r = await pi.client.put(`${API}/tasks/${progressTask}/internal-acceptance`, internalBody());
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("GUARD_FAILED");
    expect(r.body.error.details.taskState).toBe("in_progress");
    expect(r.body.error.details.reason.vi).toContain("nghiệm thu cơ sở");
    expect(r.body.error.details.reason.en).toContain("internal acceptance");
  });

  it("is recorded only by the task's PI / org rep: another PI 404, an officer 403", async () => {
    expect((await otherPi.client.put(`${API}/tasks/${acceptanceTask}/internal-acceptance`, internalBody())).status).toBe(404);
    expect((await otherPi.client.get(`${API}/tasks/${acceptanceTask}/results`)).status).toBe(404);
    expect((await officer.client.put(`${API}/tasks/${acceptanceTask}/internal-acceptance`, internalBody())).status).toBe(403);
  });

  it("keeps the members, the conclusion and the minutes; versions its changes", async () => {
    const minutes = await doc(pi.client, acceptanceTask, "BB-NT-CO-SO", "acceptance");
    const foreign = await doc(pi.client, progressTask, "BB-NT-CO-SO", "acceptance");
    const bad = await pi.client.put(`${API}/tasks/${acceptanceTask}/internal-acceptance`, internalBody({ minutesDocumentId: foreign }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("minutesDocumentId");
    expect((await pi.client.put(`${API}/tasks/${acceptanceTask}/internal-acceptance`, internalBody({ conclusion: "Đạt" }))).status).toBe(400);

    const r = await pi.client.put(`${API}/tasks/${acceptanceTask}/internal-acceptance`, internalBody({ minutesDocumentId: minutes }));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ conclusion: "pass", version: 1, heldOn: "2027-11-20", minutes: { documentId: minutes, code: "BB-NT-CO-SO" } });
    expect(r.body.members).toHaveLength(3);
    expect(r.body.members[2]).toEqual({ name: "ThS. Phạm Minh Đức", position: null });

    const stale = await orgRep.client.put(`${API}/tasks/${acceptanceTask}/internal-acceptance`, internalBody({ conclusion: "fail" }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(1);
    const changed = await orgRep.client.put(`${API}/tasks/${acceptanceTask}/internal-acceptance`, internalBody({ conclusion: "fail", version: 1 }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ conclusion: "fail", version: 2, minutes: null });

    const seen = await officer.client.get(`${API}/tasks/${acceptanceTask}/results`);
    expect(seen.status).toBe(200);
    expect(seen.body.internalAcceptance.conclusion).toBe("fail");
    expect(seen.body.abilities).toEqual({ recordInternalAcceptance: false, editSummary: true, fileApplication: false });
    const own = await pi.client.get(`${API}/tasks/${acceptanceTask}/results`);
    expect(own.body.abilities).toEqual({ recordInternalAcceptance: true, editSummary: true, fileApplication: false });
  });
});

describe("result summary and the public catalogue", () => {
  it("cannot be written before internal acceptance", async () => {
    const r = await pi.client.put(`${API}/tasks/${progressTask}/result-summary`, summaryBody());
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("GUARD_FAILED");
    expect(r.body.error.details.reason.en).toContain("result summary");
  });

  it("is public only after the result is registered", async () => {
    const w = await pi.client.put(`${API}/tasks/${resultTask}/result-summary`, summaryBody());
    expect(w.status, JSON.stringify(w.body)).toBe(200);
    expect(w.body).toMatchObject({ published: false, version: 1, keywords: ["composite", "tàu cá", "vật liệu"] });
    expect((await otherPi.client.put(`${API}/tasks/${resultTask}/result-summary`, summaryBody())).status).toBe(404);

    const before = await anonymous.get(`${API}/public/results?q=vat%20lieu%20composite`);
    expect(before.status).toBe(200);
    expect(before.body.items.map((i: { id: string }) => i.id)).not.toContain(resultTask);
    expect((await anonymous.get(`${API}/public/results/${resultTask}`)).status).toBe(404);

    for (const code of REGISTRATION_DOCUMENTS) await doc(officer.client, resultTask, code, "registration");
    const reg = await f.act(officer.client, resultTask, "register_result");
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    expect(reg.body.state).toBe("registered");

    const mine = await pi.client.get(`${API}/tasks/${resultTask}/results`);
    expect(mine.body.summary.published).toBe(true);
    expect(mine.body.registrationCode).toBe(reg.body.registrationCode);

    // an officer corrects the summary after registration
    const corrected = await officer.client.put(
      `${API}/tasks/${resultTask}/result-summary`,
      summaryBody({ applicationField: "Đóng tàu, thủy sản", version: 1 }),
    );
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ published: true, version: 2 });
  });

  it("lists registered results without sign-in, accent-insensitively, with filters and no confidential field", async () => {
    const list = await anonymous.get(`${API}/public/results?q=vat%20lieu`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const item = list.body.items.find((i: { id: string }) => i.id === resultTask);
    expect(item).toBeDefined();
    expect(Object.keys(item).sort()).toEqual(
      [
        "abstractVi",
        "code",
        "fieldCode",
        "id",
        "keywords",
        "leadOrganisationName",
        "piName",
        "registeredAt",
        "registrationCode",
        "sectorCode",
        "taskType",
        "titleEn",
        "titleVi",
        "year",
      ].sort(),
    );
    expect(item.titleVi).toBe(TITLE);
    expect(item.piName).toBeTruthy();
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(acceptanceTask);

    const found = async (qs: string) => ((await anonymous.get(`${API}/public/results?${qs}`)).body.items as { id: string }[]).some((i) => i.id === resultTask);
    expect(await found("q=V%E1%BA%ACT%20LI%E1%BB%86U")).toBe(true); // "VẬT LIỆU"
    expect(await found("q=tau%20ca")).toBe(true); // a keyword, without accents
    expect(await found("q=khong%20co%20ket%20qua%20nay")).toBe(false);
    expect(await found("fieldCode=2")).toBe(true);
    expect(await found("fieldCode=205")).toBe(true);
    expect(await found("fieldCode=1")).toBe(false);
    expect(await found("sectorCode=CN")).toBe(true);
    expect(await found("sectorCode=NN")).toBe(false);
    expect(await found("year=2026")).toBe(true);
    expect(await found("year=2025")).toBe(false);
    expect((await anonymous.get(`${API}/public/results?page=0`)).status).toBe(400);
    expect((await anonymous.get(`${API}/public/results?budget=1`)).status).toBe(400);

    const one = await anonymous.get(`${API}/public/results/${resultTask}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual(
      [
        ...Object.keys(item),
        "abstractEn",
        "outputsSummary",
        "applicationField",
        "contactOrganisation",
        "startDate",
        "endDate",
        "resultGrade",
        "approvedBudgetCity",
        "approvedBudgetTotal",
        "applications",
      ].sort(),
    );
    expect(one.body).toMatchObject({
      approvedBudgetCity: 1_200_000_000,
      approvedBudgetTotal: 1_500_000_000,
      resultGrade: "pass",
      applicationField: "Đóng tàu, thủy sản",
    });
    expect(JSON.stringify(one.body)).not.toMatch(/email|phone|piPersonId|council|budgetLines/i);
    expect((await anonymous.get(`${API}/public/results/${acceptanceTask}`)).status).toBe(404);
  });
});

describe("application reports (báo cáo ứng dụng kết quả)", () => {
  let reportId: string;

  it("are filed only after registration, by the task's PI / org rep", async () => {
    const early = await pi.client.post(`${API}/tasks/${acceptanceTask}/applications`, applicationBody());
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("GUARD_FAILED");
    expect(early.body.error.details.reason.en).toContain("registered");
    expect((await otherPi.client.post(`${API}/tasks/${resultTask}/applications`, applicationBody())).status).toBe(404);
    expect((await officer.client.post(`${API}/tasks/${resultTask}/applications`, applicationBody())).status).toBe(403);
    const noEffect = await pi.client.post(`${API}/tasks/${resultTask}/applications`, applicationBody({ economicEffect: null, socialEffect: null }));
    expect(noEffect.status).toBe(400);
    expect((await pi.client.post(`${API}/tasks/${resultTask}/applications`, applicationBody({ form: "selling" }))).status).toBe(400);

    const evidence = await doc(pi.client, resultTask, "HD-CHUYEN-GIAO", "application");
    const r = await pi.client.post(`${API}/tasks/${resultTask}/applications`, applicationBody({ evidenceDocumentIds: [evidence] }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      sequence: 1,
      status: "submitted",
      economicValue: 450_000_000,
      beneficiaries: 40,
      abilities: { read: true, edit: true, review: false },
    });
    expect(r.body.evidence.map((e: { documentId: string }) => e.documentId)).toEqual([evidence]);
    reportId = r.body.id;

    const second = await orgRep.client.post(
      `${API}/tasks/${resultTask}/applications`,
      applicationBody({ form: "training", place: "Trường Cao đẳng Hàng hải", economicEffect: null, socialEffect: "Đào tạo 60 thợ đóng tàu" }),
    );
    expect(second.status).toBe(201);
    expect(second.body.sequence).toBe(2);
  });

  it("are reviewed by an officer: returned with a comment, corrected, accepted and then locked", async () => {
    const url = `${API}/tasks/${resultTask}/applications/${reportId}`;
    expect((await pi.client.post(`${url}/review`, { decision: "accepted", version: 1 })).status).toBe(403);
    expect((await otherPi.client.post(`${url}/review`, { decision: "accepted", version: 1 })).status).toBe(403);
    expect((await officer.client.post(`${url}/review`, { decision: "needs_revision", version: 1 })).status).toBe(400);
    const back = await officer.client.post(`${url}/review`, { decision: "needs_revision", comment: "Bổ sung hợp đồng chuyển giao", version: 1 });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: "needs_revision", reviewComment: "Bổ sung hợp đồng chuyển giao", version: 2 });
    const twice = await officer.client.post(`${url}/review`, { decision: "accepted", version: 2 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("INVALID_STATE");
    expect(twice.body.error.details).toMatchObject({ state: "needs_revision", command: "accept", allowed: [] });

    expect((await otherPi.client.put(url, { ...applicationBody(), version: 2 })).status).toBe(404);
    const stale = await pi.client.put(url, { ...applicationBody(), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(2);
    const fixed = await pi.client.put(url, { ...applicationBody({ scale: "15 vỏ tàu" }), version: 2 });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ status: "submitted", scale: "15 vỏ tàu", evidence: [], version: 3 });

    const ok = await officer.client.post(`${url}/review`, { decision: "accepted", version: 3 });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("accepted");
    const edit = await pi.client.put(url, { ...applicationBody(), version: 4 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("LOCKED");
    expect(edit.body.error.details.status).toBe("accepted");
    const again = await officer.client.post(`${url}/review`, { decision: "accepted", version: 4 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("LOCKED");
    const audits = await t.database.db.execute<{ action: string; after: { status: string } }>(
      sql`SELECT action, after FROM audit_log WHERE entity_type = 'application_report' AND entity_id = ${reportId} ORDER BY id`,
    );
    expect(audits.rows.map((a) => `${a.action}:${a.after.status ?? ""}`)).toEqual([
      "application_report.create:",
      "application_report.return:needs_revision",
      "application_report.update:submitted",
      "application_report.accept:accepted",
    ]);

    const pub = await anonymous.get(`${API}/public/results/${resultTask}`);
    expect(pub.body.applications).toEqual([{ place: "Hợp tác xã đánh cá Đồ Sơn", form: "production", startedOn: "2028-03-01", scale: "15 vỏ tàu" }]);
  });

  it("go with the task's report_application step, after which more reports may follow", async () => {
    const moved = await f.act(pi.client, resultTask, "report_application");
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.state).toBe("applied");
    const third = await pi.client.post(`${API}/tasks/${resultTask}/applications`, applicationBody({ form: "commercialisation" }));
    expect(third.status).toBe(201);
    expect(third.body.sequence).toBe(3);
    const all = await pi.client.get(`${API}/tasks/${resultTask}/results`);
    expect(all.body.applications.map((a: { sequence: number }) => a.sequence)).toEqual([1, 2, 3]);
    expect((await anonymous.get(`${API}/public/results/${resultTask}`)).status).toBe(200);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
