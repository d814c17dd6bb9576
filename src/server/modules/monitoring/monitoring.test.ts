import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildTaskInProgress, signedIn, type TaskInProgress } from "../../testing/factories.js";
import { auditLog, notifications, progressReports } from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { scheduleReports } from "./monitoring.schedule.js";
import { reportsUpToDateGuard } from "./monitoring.guards.js";
import { remindReports } from "./monitoring.jobs.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let pi: Client;
let orgRep: Client;
let otherPi: Client;
let task1: TaskInProgress;
let task2: TaskInProgress;
let piUserId: string;
let inspectorId: string;

const DAY = 86400_000;

async function relogin() {
  for (const [c, u] of [
    [officer, "mon_officer"],
    [leader, "mon_leader"],
    [pi, "mon_pi"],
    [orgRep, "mon_org"],
    [otherPi, "mon_pi2"],
  ] as const)
    await c.login(u);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const org = await buildOrganisation(db);
  const person = await buildPerson(db, { fullName: "Trần Thị Chủ Nhiệm" });
  const person2 = await buildPerson(db);
  inspectorId = (await buildPerson(db, { fullName: "Lê Văn Kiểm Tra" })).id;
  officer = (await signedIn(t, { username: "mon_officer", roles: ["officer"] })).client;
  leader = (await signedIn(t, { username: "mon_leader", roles: ["leader"] })).client;
  const { user: u, client: piClient } = await signedIn(t, { username: "mon_pi", roles: ["pi"], personId: person.id, email: "pi@example.vn" });
  piUserId = u.id;
  pi = piClient;
  orgRep = (await signedIn(t, { username: "mon_org", roles: ["org_rep"], organisationId: org.id })).client;
  otherPi = (await signedIn(t, { username: "mon_pi2", roles: ["pi"], personId: person2.id })).client;
  // Today (test clock) is 2026-11-27 in Vietnam.
  task1 = await buildTaskInProgress(db, {
    piPersonId: person.id,
    leadOrganisationId: org.id,
    ownerUserId: u.id,
    startDate: "2026-01-01",
    endDate: "2027-06-30",
    milestones: [
      ["2026-01-01", "2026-06-30"],
      ["2026-07-01", "2027-06-30"],
    ],
  });
  task2 = await buildTaskInProgress(db, {
    piPersonId: person.id,
    leadOrganisationId: org.id,
    ownerUserId: u.id,
    startDate: "2026-03-01",
    endDate: "2027-01-10",
  });
});
afterAll(async () => t?.close());

const reportsOf = async (taskId: string) =>
  (await officer.get(`/api/v1/monitoring/reports?taskId=${taskId}&pageSize=50`)).body.items as {
    id: string;
    kind: string;
    dueOn: string;
    status: string;
    overdue: boolean;
    sequence: number;
    waitingSince: string | null;
  }[];

describe("report schedule", () => {
  it("generates periodic reports every 6 months from the start and a final report, idempotently", async () => {
    const r = await officer.post(`/api/v1/monitoring/tasks/${task1.taskId}/schedule`, {});
    expect(r.status).toBe(200);
    expect(r.body.created).toBe(3);
    expect(r.body.reports.map((x: { kind: string; dueOn: string }) => `${x.kind}:${x.dueOn}`)).toEqual([
      "periodic:2026-07-01",
      "periodic:2027-01-01",
      "final:2027-06-30",
    ]);
    const again = await officer.post(`/api/v1/monitoring/tasks/${task1.taskId}/schedule`, {});
    expect(again.body.created).toBe(0);
    expect(await t.database.db.transaction((tx) => scheduleReports(tx, task1.taskId, t.clock.now()))).toBe(0);
    expect(await t.database.db.$count(progressReports, eq(progressReports.taskId, task1.taskId))).toBe(3);
    // a report waits for its authors since its due day when that came before it was scheduled, else since scheduled
    const scheduledAt = (await t.database.db.select().from(progressReports).where(eq(progressReports.taskId, task1.taskId)))[0].createdAt;
    expect((await reportsOf(task1.taskId)).map((x) => x.waitingSince)).toEqual([
      "2026-06-30T17:00:00.000Z",
      scheduledAt.toISOString(),
      scheduledAt.toISOString(),
    ]);
    // The PI was told about the schedule, once.
    const n = await pi.get("/api/v1/notifications");
    expect(n.body.items.filter((i: { kind: string }) => i.kind === "report_scheduled")).toHaveLength(1);
  });

  it("scheduleReports follows the interval it is given, and the PI may not schedule", async () => {
    expect(await t.database.db.transaction((tx) => scheduleReports(tx, task2.taskId, t.clock.now(), 4))).toBe(3);
    const list = await reportsOf(task2.taskId);
    expect(list.map((x) => x.dueOn)).toEqual(["2026-07-01", "2026-11-01", "2027-01-10"]);
    expect((await pi.post(`/api/v1/monitoring/tasks/${task1.taskId}/schedule`, {})).status).toBe(403);
  });

  it("an officer adds an extra periodic report; a second final report is refused", async () => {
    const extra = await officer.post("/api/v1/monitoring/reports", {
      taskId: task2.taskId,
      kind: "periodic",
      periodFrom: "2026-11-01",
      periodTo: "2026-12-31",
      dueOn: "2027-01-05",
    });
    expect(extra.status).toBe(201);
    expect(extra.body.sequence).toBe(3);
    const dup = await officer.post("/api/v1/monitoring/reports", {
      taskId: task2.taskId,
      kind: "final",
      periodFrom: "2026-11-01",
      periodTo: "2027-01-10",
      dueOn: "2027-01-10",
    });
    expect(dup.status).toBe(409);
  });
});

describe("overview flags (server clock)", () => {
  it("flags overdue reports and tasks behind their milestones or ending soon", async () => {
    const r = await officer.get("/api/v1/monitoring/overview?pageSize=100");
    expect(r.status).toBe(200);
    const one = r.body.items.find((i: { taskId: string }) => i.taskId === task1.taskId);
    const two = r.body.items.find((i: { taskId: string }) => i.taskId === task2.taskId);
    // 181 + 150 of 546 milestone days have passed by 2026-11-27; nothing reported.
    expect(one.plannedPercent).toBeCloseTo(60.6, 1);
    expect(one.reportedPercent).toBeNull();
    expect(one).toMatchObject({ overdue: true, overdueReports: 1, atRisk: true, atRiskReasons: ["behind"], nextDueOn: "2027-01-01" });
    // Ends 2027-01-10, within 60 days, still in progress; no milestones (no planned %).
    expect(two).toMatchObject({ overdue: true, atRisk: true, atRiskReasons: ["ending"], plannedPercent: null });
    const atRisk = await officer.get("/api/v1/monitoring/overview?flag=at_risk&pageSize=100");
    expect(atRisk.body.items.map((i: { taskId: string }) => i.taskId).sort()).toEqual([task1.taskId, task2.taskId].sort());
  });

  it("moves with the clock: before the first due date nothing is overdue", async () => {
    const saved = t.clock.now();
    t.clock.set(new Date("2026-06-20T03:00:00Z"));
    await relogin();
    const r = await officer.get("/api/v1/monitoring/overview?flag=overdue&pageSize=100");
    expect(r.body.items.map((i: { taskId: string }) => i.taskId)).not.toContain(task1.taskId);
    t.clock.set(saved);
    await relogin();
  });

  it("shows the PI their own tasks only, and another PI none of them", async () => {
    const mine = await pi.get("/api/v1/monitoring/overview?pageSize=100");
    expect(mine.body.total).toBe(2);
    const other = await otherPi.get("/api/v1/monitoring/overview?pageSize=100");
    expect(other.body.total).toBe(0);
    expect((await otherPi.get("/api/v1/monitoring/reports")).body.total).toBe(0);
  });
});

describe("progress reports", () => {
  it("the guard refuses while a report is overdue", async () => {
    const g = await reportsUpToDateGuard(t.database.db, task1.taskId, t.clock.now());
    expect(g).not.toBe(true);
    expect((g as { vi: string }).vi).toContain("quá hạn");
    expect((g as { en: string }).en).toContain("2026-07-01");
  });

  it("the PI saves a draft and submits; a submitted report takes no edits (409 INVALID_STATE, nothing changes)", async () => {
    const [first] = await reportsOf(task1.taskId);
    const got = await pi.get(`/api/v1/monitoring/reports/${first.id}`);
    expect(got.status).toBe(200);
    expect(got.body.abilities).toMatchObject({ edit: true, submit: true, review: false });
    expect(got.body.items).toHaveLength(2);
    expect((await otherPi.get(`/api/v1/monitoring/reports/${first.id}`)).status).toBe(404);
    const body = {
      version: got.body.version,
      items: [
        { milestoneId: task1.milestoneIds[0], percent: 100, note: "Hoàn thành điều tra" },
        { milestoneId: task1.milestoneIds[1], percent: 40 },
      ],
      workDone: "Đã hoàn thành nội dung 1",
      products: "02 báo cáo chuyên đề",
      spendingCity: 350_000_000,
      spendingOther: 20_000_000,
      problems: null,
      proposals: "Không",
    };
    expect((await officer.put(`/api/v1/monitoring/reports/${first.id}`, body)).status).toBe(403);
    const unknown = await pi.put(`/api/v1/monitoring/reports/${first.id}`, { ...body, items: [{ milestoneId: crypto.randomUUID(), percent: 10 }] });
    expect(unknown.status).toBe(400);
    // a draft is not reviewed yet: the officer's decision is refused with the state and what is possible now
    const early = await officer.post(`/api/v1/monitoring/reports/${first.id}/review`, { version: got.body.version, decision: "accepted", comment: null });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("INVALID_STATE");
    expect(early.body.error.details).toMatchObject({ state: "scheduled", command: "accept", allowed: [] });
    const saved = await pi.put(`/api/v1/monitoring/reports/${first.id}`, body);
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe("draft");
    // (181 × 100 + 365 × 40) / 546
    expect(saved.body.overallPercent).toBeCloseTo(59.89, 1);
    const stale = await pi.put(`/api/v1/monitoring/reports/${first.id}`, body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current.version).toBe(saved.body.version);

    const submitted = await orgRep.post(`/api/v1/monitoring/reports/${first.id}/submit`, { version: saved.body.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", overdue: false });
    // from now on it waits for review, since its submission
    expect(submitted.body.waitingSince).toBe(submitted.body.submittedAt);
    expect(submitted.body.abilities.edit).toBe(false);
    // The officers who review are told; the PI who filed it is not.
    const told = (await officer.get("/api/v1/notifications")).body.items.find((i: { kind: string; link: string }) => i.kind === "report_submitted");
    expect(told).toMatchObject({ link: `/monitoring/reports/${first.id}` });
    expect(told.body).toContain("kỳ 1");
    expect((await pi.get("/api/v1/notifications")).body.items.some((i: { kind: string }) => i.kind === "report_submitted")).toBe(false);

    const late = await pi.put(`/api/v1/monitoring/reports/${first.id}`, { ...body, version: submitted.body.version, workDone: "Sửa sau khi nộp" });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("INVALID_STATE");
    expect(late.body.error.details).toMatchObject({ state: "submitted", command: "update", allowed: [] });
    expect(late.body.error.message).toContain("Đã nộp");
    const resubmit = await pi.post(`/api/v1/monitoring/reports/${first.id}/submit`, { version: submitted.body.version });
    expect(resubmit.status).toBe(409);
    expect(resubmit.body.error.code).toBe("INVALID_STATE");
    expect(resubmit.body.error.details).toMatchObject({ state: "submitted", command: "submit" });
    const after = await pi.get(`/api/v1/monitoring/reports/${first.id}`);
    expect(after.body.workDone).toBe("Đã hoàn thành nội dung 1");
    expect(after.body.version).toBe(submitted.body.version);

    const flagged = (await officer.get("/api/v1/monitoring/overview?pageSize=100")).body.items.find((i: { taskId: string }) => i.taskId === task1.taskId);
    expect(flagged).toMatchObject({ overdue: false, atRisk: false, reportedPercent: 59.89 });
    expect(await reportsUpToDateGuard(t.database.db, task1.taskId, t.clock.now())).toBe(true);
  });

  it("an officer asks for revision with a comment, the PI resubmits, the officer accepts", async () => {
    const [first] = await reportsOf(task1.taskId);
    const r = await officer.get(`/api/v1/monitoring/reports/${first.id}`);
    expect(r.body.abilities.review).toBe(true);
    // the officer may not edit a report in any state: 403, not a state error
    expect((await officer.post(`/api/v1/monitoring/reports/${first.id}/submit`, { version: r.body.version })).status).toBe(403);
    expect((await officer.post(`/api/v1/monitoring/reports/${first.id}/review`, { version: r.body.version, decision: "needs_revision" })).status).toBe(400);
    expect((await pi.post(`/api/v1/monitoring/reports/${first.id}/review`, { version: r.body.version, decision: "accepted" })).status).toBe(403);
    const rev = await officer.post(`/api/v1/monitoring/reports/${first.id}/review`, {
      version: r.body.version,
      decision: "needs_revision",
      comment: "Bổ sung chứng từ chi",
    });
    expect(rev.status).toBe(200);
    expect(rev.body).toMatchObject({ status: "needs_revision", reviewComment: "Bổ sung chứng từ chi" });
    const g = await reportsUpToDateGuard(t.database.db, task1.taskId, t.clock.now());
    expect(g).not.toBe(true);

    const notes = await pi.get("/api/v1/notifications");
    const n = notes.body.items.find((i: { kind: string }) => i.kind === "report_needs_revision");
    expect(n.body).toContain("Bổ sung chứng từ chi");
    expect(n.link).toBe(`/monitoring/reports/${first.id}`);

    const again = await pi.post(`/api/v1/monitoring/reports/${first.id}/submit`, { version: rev.body.version });
    expect(again.status).toBe(200);
    const ok = await officer.post(`/api/v1/monitoring/reports/${first.id}/review`, { version: again.body.version, decision: "accepted", comment: null });
    expect(ok.body.status).toBe("accepted");
    expect(ok.body.abilities).toMatchObject({ edit: false, submit: false, review: false });
    // accepted is final: every change answers 409 LOCKED, and nothing changes
    const edit = await pi.put(`/api/v1/monitoring/reports/${first.id}`, { version: ok.body.version, items: [], workDone: "Sửa sau khi chấp nhận" });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe("LOCKED");
    expect(edit.body.error.details.status).toBe("accepted");
    expect(edit.body.error.message).toContain("đã được chấp nhận");
    const reReview = await officer.post(`/api/v1/monitoring/reports/${first.id}/review`, {
      version: ok.body.version,
      decision: "needs_revision",
      comment: "Lại",
    });
    expect(reReview.body.error.code).toBe("LOCKED");
    expect((await otherPi.put(`/api/v1/monitoring/reports/${first.id}`, { version: ok.body.version, items: [], workDone: "x" })).status).toBe(404);
    expect((await pi.get(`/api/v1/monitoring/reports/${first.id}`)).body).toMatchObject({ workDone: "Đã hoàn thành nội dung 1", version: ok.body.version });
    expect(await reportsUpToDateGuard(t.database.db, task1.taskId, t.clock.now())).toBe(true);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "progress_report"), eq(auditLog.entityId, first.id)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["progress_report.update", "progress_report.submit", "progress_report.return", "progress_report.accept"]),
    );
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it("leaders read reports; other PIs get 404; a task not in progress cannot be reported on", async () => {
    const [first] = await reportsOf(task1.taskId);
    expect((await leader.get(`/api/v1/monitoring/reports/${first.id}`)).status).toBe(200);
    expect((await otherPi.post(`/api/v1/monitoring/reports/${first.id}/submit`, { version: 1 })).status).toBe(404);
    expect((await officer.get(`/api/v1/monitoring/reports/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("a task no longer in progress: its reports take no edits and no new reports or inspections (409 GUARD_FAILED)", async () => {
    const [open] = (await reportsOf(task2.taskId)).filter((x) => x.status === "scheduled");
    const db = t.database.db;
    const [{ state }] = (await db.execute<{ state: string }>(sql`SELECT state FROM tasks WHERE id = ${task2.taskId}`)).rows;
    await db.execute(sql`UPDATE tasks SET state = 'internal_acceptance' WHERE id = ${task2.taskId}`);
    try {
      const got = await pi.get(`/api/v1/monitoring/reports/${open.id}`);
      expect(got.body.abilities).toMatchObject({ edit: false, submit: false });
      const r = await pi.post(`/api/v1/monitoring/reports/${open.id}/submit`, { version: got.body.version });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe("GUARD_FAILED");
      expect(r.body.error.details.reason.vi).toContain("đang thực hiện");
      expect(r.body.error.details.reason.en).toContain("in progress");
      expect(r.body.error.details.taskState).toBe("internal_acceptance");
      const add = await officer.post("/api/v1/monitoring/reports", {
        taskId: task2.taskId,
        kind: "periodic",
        periodFrom: "2026-11-01",
        periodTo: "2026-12-31",
        dueOn: "2027-01-06",
      });
      expect(add.body.error.code).toBe("GUARD_FAILED");
      const sched = await officer.post(`/api/v1/monitoring/tasks/${task2.taskId}/schedule`, {});
      expect(sched.body.error.code).toBe("GUARD_FAILED");
      const plan = await officer.post("/api/v1/monitoring/inspections", {
        taskId: task2.taskId,
        plannedOn: "2026-12-10",
        scope: "Kiểm tra",
        inspectorIds: [inspectorId],
      });
      expect(plan.status).toBe(409);
      expect(plan.body.error.code).toBe("GUARD_FAILED");
      expect((await pi.get(`/api/v1/monitoring/reports/${open.id}`)).body.version).toBe(got.body.version);
    } finally {
      await db.execute(sql`UPDATE tasks SET state = ${state} WHERE id = ${task2.taskId}`);
    }
  });
});

describe("inspections", () => {
  it("plans, concludes with findings and follow-up, completes an action, stores the minutes", async () => {
    const bad = await officer.post("/api/v1/monitoring/inspections", {
      taskId: task1.taskId,
      plannedOn: "2026-12-10",
      scope: "Kiểm tra tiến độ",
      inspectorIds: [crypto.randomUUID()],
    });
    expect(bad.status).toBe(400);
    expect(
      (await pi.post("/api/v1/monitoring/inspections", { taskId: task1.taskId, plannedOn: "2026-12-10", scope: "Kiểm tra", inspectorIds: [inspectorId] }))
        .status,
    ).toBe(403);
    const c = await officer.post("/api/v1/monitoring/inspections", {
      taskId: task1.taskId,
      plannedOn: "2026-12-10",
      scope: "Kiểm tra tiến độ và sử dụng kinh phí năm 2026",
      inspectorIds: [inspectorId],
    });
    expect(c.status).toBe(201);
    expect(c.body.inspectors).toEqual([{ personId: inspectorId, fullName: "Lê Văn Kiểm Tra" }]);
    const planned = (await pi.get("/api/v1/notifications")).body.items.find((i: { kind: string }) => i.kind === "inspection_planned");
    expect(planned.body).toContain("10/12/2026");
    expect((await otherPi.get(`/api/v1/monitoring/inspections/${c.body.id}`)).status).toBe(404);
    expect((await pi.get(`/api/v1/monitoring/inspections/${c.body.id}`)).body.abilities.conclude).toBe(false);

    const concluded = await officer.post(`/api/v1/monitoring/inspections/${c.body.id}/conclude`, {
      version: c.body.version,
      inspectedOn: "2026-12-10",
      findings: "Chậm nội dung 2 khoảng 1 tháng",
      conclusion: "behind",
      actions: [{ description: "Bổ sung nhân lực cho nội dung 2", dueOn: "2027-01-15" }],
    });
    expect(concluded.status).toBe(200);
    expect(concluded.body).toMatchObject({ status: "concluded", conclusion: "behind", openActions: 1 });
    const again = await officer.post(`/api/v1/monitoring/inspections/${c.body.id}/conclude`, {
      version: concluded.body.version,
      inspectedOn: "2026-12-10",
      findings: "x x x",
      conclusion: "on_track",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("INVALID_STATE");
    expect(again.body.error.details).toMatchObject({ state: "concluded", command: "conclude" });
    expect(again.body.error.details.allowed).toEqual(["uploadMinutes", "completeAction"]);
    const cancel = await officer.post(`/api/v1/monitoring/inspections/${c.body.id}/cancel`, { version: concluded.body.version });
    expect(cancel.body.error).toMatchObject({ code: "INVALID_STATE", details: { state: "concluded", command: "cancel" } });

    const action = concluded.body.actions[0];
    const done = await pi.post(`/api/v1/monitoring/inspections/${c.body.id}/actions/${action.id}/complete`, {
      version: concluded.body.version,
      note: "Đã bổ sung 2 người",
    });
    expect(done.status).toBe(200);
    expect(done.body.openActions).toBe(0);
    expect(done.body.actions[0].doneNote).toBe("Đã bổ sung 2 người");
    const twice = await pi.post(`/api/v1/monitoring/inspections/${c.body.id}/actions/${action.id}/complete`, { version: done.body.version });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("GUARD_FAILED");
    expect(twice.body.error.details.reason.en).toContain("already done");

    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const m = multipart("Biên bản kiểm tra.pdf", pdf);
    const up = await officer.request("POST", `/api/v1/monitoring/inspections/${c.body.id}/minutes`, m.body, m.headers);
    expect(up.status).toBe(200);
    expect(up.body.minutes).toMatchObject({ fileName: "Biên bản kiểm tra.pdf", sizeBytes: pdf.length });
    const fake = multipart("minutes.pdf", Buffer.from("not a pdf"));
    expect((await officer.request("POST", `/api/v1/monitoring/inspections/${c.body.id}/minutes`, fake.body, fake.headers)).status).toBe(400);
    const byPi = multipart("minutes.pdf", pdf);
    expect((await pi.request("POST", `/api/v1/monitoring/inspections/${c.body.id}/minutes`, byPi.body, byPi.headers)).status).toBe(403);
    const dl = await pi.get(`/api/v1/monitoring/inspections/${c.body.id}/minutes`);
    expect(dl.status).toBe(200);
    expect(dl.headers["content-disposition"]).toContain("attachment");
    expect(dl.raw.rawPayload.equals(pdf)).toBe(true);

    const ov = (await officer.get("/api/v1/monitoring/overview?pageSize=100")).body.items.find((i: { taskId: string }) => i.taskId === task1.taskId);
    expect(ov.lastConclusion).toBe("behind");
  });

  it("a cancelled inspection takes nothing more: 409 INVALID_STATE naming the state, nothing possible", async () => {
    const c = await officer.post("/api/v1/monitoring/inspections", {
      taskId: task1.taskId,
      plannedOn: "2026-12-20",
      scope: "Kiểm tra đột xuất",
      inspectorIds: [inspectorId],
    });
    const cancelled = await officer.post(`/api/v1/monitoring/inspections/${c.body.id}/cancel`, { version: c.body.version });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", version: c.body.version + 1 });
    const m = multipart("minutes.pdf", Buffer.from("%PDF-1.4\n%%EOF\n"));
    const up = await officer.request("POST", `/api/v1/monitoring/inspections/${c.body.id}/minutes`, m.body, m.headers);
    expect(up.status).toBe(409);
    expect(up.body.error.code).toBe("INVALID_STATE");
    expect(up.body.error.details).toMatchObject({ state: "cancelled", command: "uploadMinutes", allowed: [] });
    // the PI may not cancel in any state: a refusal, not a state error
    expect((await pi.post(`/api/v1/monitoring/inspections/${c.body.id}/cancel`, { version: cancelled.body.version })).status).toBe(403);
    const [row] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.body.id), eq(auditLog.action, "inspection.cancel")));
    expect(row.before).toMatchObject({ status: "planned" });
    expect(row.after).toMatchObject({ status: "cancelled" });
  });
});

function multipart(fileName: string, content: Buffer) {
  const boundary = "----khcn" + crypto.randomBytes(8).toString("hex");
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe("calendar", () => {
  it("lists the deadlines that concern each user", async () => {
    const call = await officer.post("/api/v1/calls", {
      code: "DOT-LICH-01",
      titleVi: "Đợt tuyển chọn nhiệm vụ năm 2027",
      kind: "selection",
      opensAt: new Date(t.clock.now().getTime() - DAY).toISOString(),
      closesAt: "2026-12-20T10:00:00Z",
    });
    expect(call.status).toBe(201);
    expect((await officer.post(`/api/v1/calls/${call.body.id}/publish`, { version: call.body.version })).status).toBe(200);

    // A council on task 1 meeting on 2026-12-15 at 08:30 Vietnam time.
    const rs = await t.database.db.execute<{ key: string; version: number }>(sql`SELECT key, version FROM council_rule_sets ORDER BY key, version LIMIT 1`);
    const council = await t.database.db.execute<{ id: string }>(sql`
      INSERT INTO councils (kind, rule_set_key, rule_set_version, title, meeting_at, status, created_at, updated_at)
      VALUES ('acceptance', ${rs.rows[0].key}, ${rs.rows[0].version}, 'Hội đồng nghiệm thu đề tài', '2026-12-15T01:30:00Z', 'invited', ${t.clock.now()}, ${t.clock.now()}) RETURNING id`);
    await t.database.db.execute(sql`INSERT INTO council_subjects (council_id, task_id, position) VALUES (${council.rows[0].id}, ${task1.taskId}, 1)`);

    const mine = await pi.get("/api/v1/calendar?from=2026-12-01&to=2027-01-31");
    expect(mine.status).toBe(200);
    const kinds = mine.body.events.map((e: { kind: string; date: string }) => `${e.kind}:${e.date}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "call_deadline:2026-12-20",
        "inspection:2026-12-10",
        "council_meeting:2026-12-15",
        "report_due:2027-01-01",
        "task_end:2027-01-10",
      ]),
    );
    expect(mine.body.events.find((e: { kind: string }) => e.kind === "council_meeting").at).toBe("2026-12-15T01:30:00.000Z");
    // the follow-up action is done: no longer a deadline
    expect(kinds).not.toContain("action_due:2027-01-15");
    const other = await otherPi.get("/api/v1/calendar?from=2026-12-01&to=2027-01-31");
    expect(other.body.events.map((e: { kind: string }) => e.kind)).toEqual(["call_deadline"]);
    const staff = await leader.get("/api/v1/calendar?from=2026-12-01&to=2027-01-31");
    expect(staff.body.events.length).toBe(mine.body.events.length);
    expect((await pi.get("/api/v1/calendar?from=2027-01-31&to=2026-12-01")).status).toBe(400);
    expect((await pi.get("/api/v1/calendar?from=2026-02-30&to=2026-12-01")).status).toBe(400);
  });
});

describe("notifications", () => {
  it("are their user's own: another user's id answers 404; read one, read all", async () => {
    const mine = await pi.get("/api/v1/notifications");
    expect(mine.body.unread).toBeGreaterThan(0);
    const first = mine.body.items[0];
    expect((await otherPi.post(`/api/v1/notifications/${first.id}/read`, {})).status).toBe(404);
    expect((await otherPi.get("/api/v1/notifications")).body.total).toBe(0);
    const read = await pi.post(`/api/v1/notifications/${first.id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await pi.get("/api/v1/notifications")).body.unread).toBe(mine.body.unread - 1);
    pi.lang = "en";
    const en = await pi.get("/api/v1/notifications");
    expect(en.body.items.find((i: { kind: string }) => i.kind === "inspection_planned").title).toBe("Inspection planned");
    pi.lang = "vi";
    const all = await pi.post("/api/v1/notifications/read-all", {});
    expect(all.body).toMatchObject({ updated: mine.body.unread - 1, unread: 0 });
    // The org rep of the lead organisation has notifications of their own.
    expect((await orgRep.get("/api/v1/notifications")).body.unread).toBeGreaterThan(0);
  });

  it("the periodic job reminds the PI once per report and threshold, however often it runs", async () => {
    const count = () =>
      t.database.db.$count(notifications, and(eq(notifications.userId, piUserId), sql`${notifications.kind} IN ('report_due_soon', 'report_overdue')`));
    const before = await count();
    const first = await remindReports(t.database.db, t.clock);
    expect(first).toBeGreaterThan(0);
    const afterFirst = await count();
    expect(await remindReports(t.database.db, t.clock)).toBe(0);
    expect(await count()).toBe(afterFirst);
    // Task 2 has overdue reports (due 2026-07-01 and 2026-11-01): one overdue notice each for the PI.
    const overdue = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, piUserId), eq(notifications.kind, "report_overdue")));
    expect(overdue).toHaveLength(2);
    expect(afterFirst - before).toBe(2);
    // A week before task 1's second report (due 2027-01-01) the "due soon" notice comes, once.
    t.clock.set(new Date("2026-12-26T03:00:00Z"));
    const soon = await remindReports(t.database.db, t.clock);
    expect(soon).toBeGreaterThan(0);
    expect(await remindReports(t.database.db, t.clock)).toBe(0);
    const dueSoon = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, piUserId), eq(notifications.kind, "report_due_soon")));
    // task 1's report 2 (2027-01-01); task 2's extra report (2027-01-05) is not within 7 days of 2026-12-26
    expect(dueSoon.map((n) => n.params.dueOn)).toEqual(["2027-01-01"]);
    t.clock.set(new Date("2026-11-27T03:00:00Z"));
    await relogin();
  });
});
