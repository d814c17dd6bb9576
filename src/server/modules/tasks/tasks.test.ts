import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { auditLog, taskDossiers } from "../../db/schema/index.js";
import { DAY, DOSSIER_DOCS, Fixture, type Actor } from "../../testing/task-journey.js";

let t: TestApp;
let f: Fixture;
let officer: Actor;
let leader: Actor;
let leader2: Actor;
let officerLeader: Actor;
let piA: Actor;
let piB: Actor;
let piC: Actor;
let stranger: Actor;
let proposalCallId: string;

beforeAll(async () => {
  t = await createTestApp({ uploadMaxBytes: 200_000 });
  f = new Fixture(t);
  officer = await f.actor(["officer"]);
  leader = await f.actor(["leader"]);
  leader2 = await f.actor(["leader"]);
  officerLeader = await f.actor(["officer", "leader"]);
  piA = await f.actor(["pi"]);
  piB = await f.actor(["pi"]);
  piC = await f.actor(["pi"]);
  stranger = await f.actor(["pi"]);
  proposalCallId = (await f.call(officer.client, "proposal_collection", { closesAt: f.at(60 * DAY) })).id;
});
afterAll(async () => t?.close());

/** A task proposed by piA, recommended by an identification council, listed and announced for open selection. */
async function taskAtCallOpen(selectionCallId: string) {
  const p = await f.propose(piA.client, proposalCallId);
  await f.must(officer.client, p.id, "send_to_identification");
  await f.council(p.id, "identification", [{ passed: true }]);
  await f.must(leader.client, p.id, "approve_list", { method: "selection" });
  return f.must(officer.client, p.id, "announce_selection", { callId: selectionCallId });
}

async function completeDossier(a: Actor, taskId: string, over: Record<string, unknown> = {}) {
  const d = await a.client.post(`/api/v1/tasks/${taskId}/dossiers`, f.dossierBody(a, over));
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  for (const code of DOSSIER_DOCS) {
    const u = await f.upload(a.client, taskId, code, { dossierId: d.body.id });
    expect(u.status, JSON.stringify(u.body)).toBe(201);
  }
  return d.body;
}

describe(`tasks (${testDbMode()})`, () => {
  it("approve_list needs a concluded council that recommended the task, and refuses foreign fields", async () => {
    const p = await f.propose(piA.client, proposalCallId);
    await f.must(officer.client, p.id, "send_to_identification");
    const noCouncil = await f.act(leader.client, p.id, "approve_list", { method: "selection" });
    expect(noCouncil.status).toBe(409);
    expect(noCouncil.body.error.code).toBe("COUNCIL_NOT_FORMED");
    expect(noCouncil.body.error.details.guard).toBe("council_quorum");
    await f.council(p.id, "identification", [{ passed: false }]);
    const notRecommended = await f.act(leader.client, p.id, "approve_list", { method: "selection" });
    expect(notRecommended.status).toBe(409);
    expect(notRecommended.body.error.code).toBe("NOT_RECOMMENDED");
    const foreign = await f.act(leader.client, p.id, "approve_list", { method: "selection", callId: proposalCallId });
    expect(foreign.status).toBe(400);
    const wrongMethod = await f.act(leader.client, p.id, "approve_list", { method: "funding" });
    expect(wrongMethod.status).toBe(400);
    const mass = await leader.client.post(`/api/v1/tasks/${p.id}/approve_list`, { version: 2, method: "selection", state: "approved" });
    expect(mass.status).toBe(400);
    expect((await f.act(piA.client, p.id, "approve_list", { method: "selection" })).status).toBe(403);
    const task = await officer.client.get(`/api/v1/tasks/${p.id}`);
    expect(task.body).toMatchObject({ state: "identification", method: null });
  });

  it("a council guard names the real cause: no council formed yet (with the next step), a council not met, no quorum, not concluded", async () => {
    const en = { "accept-language": "en" };
    const actEn = async (a: Actor, id: string, action: string, extra: Record<string, unknown> = {}) => {
      const cur = await a.client.get(`/api/v1/tasks/${id}`);
      return a.client.post(`/api/v1/tasks/${id}/${action}`, { version: cur.body.version, ...extra }, en);
    };
    const p = await f.propose(piA.client, proposalCallId);
    await f.must(officer.client, p.id, "send_to_identification");

    // No council yet: neither the quorum guard (approve_list) nor the conclusion guard (not_recommended) is the cause.
    for (const [who, action, guard] of [
      [leader, "approve_list", "council_quorum"],
      [officer, "not_recommended", "council_concluded"],
    ] as const) {
      const vi = await f.act(who.client, p.id, action, action === "approve_list" ? { method: "selection" } : {});
      expect(vi.status).toBe(409);
      expect(vi.body.error).toMatchObject({
        code: "COUNCIL_NOT_FORMED",
        details: { guard, councilKind: "identification", taskId: p.id, next: "POST /api/v1/councils" },
      });
      expect(vi.body.error.message).toMatch(/^Chưa thành lập hội đồng xác định nhiệm vụ cho nhiệm vụ này/);
      expect(vi.body.error.message).toContain("lập hội đồng");
      expect(vi.body.error.message).not.toMatch(/số thành viên/);
      const inEn = await actEn(who, p.id, action, action === "approve_list" ? { method: "selection" } : {});
      expect(inEn.body.error.message).toMatch(/^No identification council has been formed for this task yet/);
      expect(inEn.body.error.message).toContain("Next step: an officer forms one for the task");
      expect(inEn.body.error.message).not.toMatch(/quorum/i);
    }

    // A council that has not met: its quorum is not known yet, and the reason says so.
    const councilId = await f.council(p.id, "identification", [{ passed: true }], { quorumMet: false, concluded: false });
    await t.database.db.execute(sql`UPDATE councils SET status = 'invited' WHERE id = ${councilId}`);
    const notMet = await actEn(leader, p.id, "approve_list", { method: "selection" });
    expect(notMet.status).toBe(409);
    expect(notMet.body.error).toMatchObject({ code: "GUARD_FAILED", details: { guard: "council_quorum" } });
    expect(notMet.body.error.details.reason.en).toBe("The council has not met yet (status: invited); attendance is recorded at its session");
    expect(notMet.body.error.details.reason.vi).toContain("Hội đồng chưa họp (trạng thái: đã gửi giấy mời)");

    // In session without its quorum.
    await t.database.db.execute(sql`UPDATE councils SET status = 'in_session' WHERE id = ${councilId}`);
    const noQuorum = await actEn(leader, p.id, "approve_list", { method: "selection" });
    expect(noQuorum.body.error.details).toMatchObject({
      guard: "council_quorum",
      reason: { en: "The members recorded present do not make the council's quorum" },
    });

    // Quorum met, not concluded: the conclusion guard answers, naming the council's status.
    await t.database.db.execute(sql`UPDATE councils SET quorum_met = true WHERE id = ${councilId}`);
    const open = await actEn(leader, p.id, "approve_list", { method: "selection" });
    expect(open.body.error.details).toMatchObject({ guard: "council_concluded", reason: { en: "The council has not concluded yet (status: in session)" } });

    // Concluded: the action goes through.
    await t.database.db.execute(
      sql`UPDATE councils SET status = 'concluded', concluded_at = ${t.clock.now().toISOString()}::timestamptz WHERE id = ${councilId}`,
    );
    expect(await f.must(leader.client, p.id, "approve_list", { method: "selection" })).toMatchObject({ state: "list_approved" });
  });

  it("acceptance: no council yet, then a grade that does not fit the action, each named", async () => {
    const p = await f.propose(piA.client, proposalCallId);
    // The path to the acceptance council is walked in lifecycle.test.ts; here the task is placed at that step.
    await t.database.db.execute(sql`UPDATE tasks SET state = 'acceptance_council', state_entered_by = NULL WHERE id = ${p.id}`);
    const none = await f.act(officer.client, p.id, "pass_acceptance");
    expect(none.status).toBe(409);
    expect(none.body.error).toMatchObject({ code: "COUNCIL_NOT_FORMED", details: { councilKind: "acceptance", guard: "council_quorum" } });
    expect(none.body.error.message).toMatch(/^Chưa thành lập hội đồng đánh giá, nghiệm thu cho nhiệm vụ này/);

    await f.council(p.id, "acceptance", [{ passed: false, grade: "fail" }]);
    const cur = await officer.client.get(`/api/v1/tasks/${p.id}`);
    const wrong = await officer.client.post(`/api/v1/tasks/${p.id}/pass_acceptance`, { version: cur.body.version }, { "accept-language": "en" });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toMatchObject({ code: "GRADE_MISMATCH", details: { grade: "fail" } });
    expect(wrong.body.error.message).toBe("The council graded the task “fail”: take “Not accepted” instead");
    expect(await f.must(officer.client, p.id, "fail_acceptance")).toMatchObject({ state: "acceptance_failed", resultGrade: "fail" });
  });

  it("follows a task's own template: law-2025 orders through its council, or opens a funding call directly", async () => {
    const lawCall = await f.call(officer.client, "proposal_collection", {}, "law-2025");
    const p = await f.propose(piA.client, lawCall.id);
    expect(p).toMatchObject({ templateKey: "law-2025", state: "proposal" });
    expect((await f.act(officer.client, p.id, "send_to_identification")).status).toBe(409);
    await f.must(officer.client, p.id, "send_to_order_council");
    await f.council(p.id, "identification", [{ passed: true }]);
    expect((await f.act(leader.client, p.id, "approve_order_list", { method: "selection" })).status).toBe(400);
    expect(await f.must(leader.client, p.id, "approve_order_list", { method: "ordering" })).toMatchObject({ state: "order_list_approved", method: "ordering" });
    const selection = await f.call(officer.client, "selection");
    expect((await f.act(officer.client, p.id, "announce_order", { callId: lawCall.id })).status).toBe(400);
    expect(await f.must(officer.client, p.id, "announce_order", { callId: selection.id })).toMatchObject({ state: "call_open", selectionCallId: selection.id });

    const q = await f.propose(piA.client, lawCall.id);
    expect(await f.must(officer.client, q.id, "open_funding_call", { callId: selection.id })).toMatchObject({ state: "call_open", method: "funding" });
    // The pi is not this task's PI: no action of theirs is offered or allowed.
    const seen = await piA.client.get(`/api/v1/tasks/${q.id}`);
    expect(seen.body.abilities.actions).toEqual([]);
    // submit_dossier is the dossier's own route: the action's name answers 404 naming that route.
    const elsewhere = await f.act(piA.client, q.id, "submit_dossier");
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.error).toMatchObject({
      code: "PERFORMED_ELSEWHERE",
      details: { action: "submit_dossier", route: "POST /api/v1/tasks/{id}/dossiers/{dossierId}/submit" },
    });
    expect(elsewhere.body.error.message).toContain("POST /api/v1/tasks/{id}/dossiers/{dossierId}/submit");
  });

  it("of 50 identical transitions at once exactly one succeeds", async () => {
    const p = await f.propose(piA.client, proposalCallId);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => officer.client.post(`/api/v1/tasks/${p.id}/send_to_identification`, { version: p.version })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), eq(auditLog.action, "task.send_to_identification")));
    expect(rows).toHaveLength(1);
  });

  it("runs open selection: dossiers, locking, deadline, opening, council selection, revision, decision and approval", async () => {
    const selection = await f.call(officer.client, "selection", { closesAt: f.at(5 * DAY) });
    const task = await taskAtCallOpen(selection.id);
    expect(task).toMatchObject({ state: "call_open", method: "selection", selectionCallId: selection.id, selectionCallAccepting: true });

    // Any pi sees a task whose call is open, and may apply once per organisation.
    const seen = await piB.client.get(`/api/v1/tasks/${task.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities.createDossier).toBe(true);
    expect(seen.body.dossiers).toEqual([]);

    const dA = await piA.client.post(`/api/v1/tasks/${task.id}/dossiers`, f.dossierBody(piA, { products: [] }));
    expect(dA.status, JSON.stringify(dA.body)).toBe(201);
    expect(dA.body).toMatchObject({ status: "draft", piPersonId: piA.personId, leadOrganisationId: piA.organisationId });
    expect(dA.body.totals).toEqual({
      total: 1_100_000_000,
      bySource: { city: 1_000_000_000, other: 100_000_000 },
      byYear: [
        { year: 2027, city: 600_000_000, other: 0, total: 600_000_000 },
        { year: 2028, city: 400_000_000, other: 100_000_000, total: 500_000_000 },
      ],
    });
    const dup = await piA.client.post(`/api/v1/tasks/${task.id}/dossiers`, f.dossierBody(piA));
    expect(dup.status).toBe(409);
    const badYear = await piA.client.put(`/api/v1/tasks/${task.id}/dossiers/${dA.body.id}`, {
      ...f.dossierBody(piA, { budget: [{ year: 2031, source: "city", category: "labour", amount: 1 }] }),
      version: dA.body.version,
    });
    expect(badYear.status).toBe(400);

    // Incomplete: no product, no documents.
    const incomplete = await piA.client.post(`/api/v1/tasks/${task.id}/dossiers/${dA.body.id}/submit`, { version: dA.body.version });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.error.code).toBe("DOSSIER_INCOMPLETE");
    // each language lists the problems in its own words
    const incompleteEn = await piA.client.post(
      `/api/v1/tasks/${task.id}/dossiers/${dA.body.id}/submit`,
      { version: dA.body.version },
      { "accept-language": "en" },
    );
    const problems = incomplete.body.error.details.problems as { vi: string; en: string }[];
    expect(incomplete.body.error.message).toBe(`Hồ sơ chưa đầy đủ: ${problems.map((p) => p.vi).join("; ")}`);
    expect(incompleteEn.body.error.message).toBe(`The dossier is incomplete: ${problems.map((p) => p.en).join("; ")}`);
    const edited = await piA.client.put(`/api/v1/tasks/${task.id}/dossiers/${dA.body.id}`, { ...f.dossierBody(piA), version: dA.body.version });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.products).toHaveLength(1);
    for (const code of DOSSIER_DOCS) expect((await f.upload(piA.client, task.id, code, { dossierId: dA.body.id })).status).toBe(201);
    const submitted = await piA.client.post(`/api/v1/tasks/${task.id}/dossiers/${dA.body.id}/submit`, { version: edited.body.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe("submitted");
    expect(submitted.body.submissionHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await officer.client.get(`/api/v1/tasks/${task.id}`)).body.state).toBe("dossier_submitted");

    // Locked: nothing changes.
    const locked = await piA.client.put(`/api/v1/tasks/${task.id}/dossiers/${dA.body.id}`, {
      ...f.dossierBody(piA, { objectives: "Đổi mục tiêu sau khi nộp" }),
      version: submitted.body.version,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe("LOCKED");
    expect(locked.body.error.message).toMatch(/^Hồ sơ đang ở trạng thái “đã nộp” nên không sửa được/);
    const after = await piA.client.get(`/api/v1/tasks/${task.id}/dossiers/${dA.body.id}`);
    expect(after.body).toMatchObject({ objectives: submitted.body.objectives, version: submitted.body.version, submissionHash: submitted.body.submissionHash });
    expect((await f.upload(piA.client, task.id, "KHAC", { dossierId: dA.body.id })).status).toBe(409);

    // A second organisation applies while the call still accepts; applicants see only their own dossier.
    const dB = await completeDossier(piB, task.id, { objectives: "Mục tiêu của tổ chức thứ hai" });
    const subB = await piB.client.post(`/api/v1/tasks/${task.id}/dossiers/${dB.id}/submit`, { version: dB.version });
    expect(subB.status, JSON.stringify(subB.body)).toBe(200);
    expect((await piB.client.get(`/api/v1/tasks/${task.id}`)).body.dossiers.map((d: { id: string }) => d.id)).toEqual([dB.id]);
    expect((await piB.client.get(`/api/v1/tasks/${task.id}/dossiers/${dA.body.id}`)).status).toBe(404);
    expect((await officer.client.get(`/api/v1/tasks/${task.id}`)).body.dossiers).toHaveLength(2);
    expect((await stranger.client.get(`/api/v1/tasks/${task.id}`)).status).toBe(200);

    // A late draft cannot be submitted after the deadline (server time); opening waits for the deadline.
    const dC = await completeDossier(piC, task.id);
    expect((await f.act(officer.client, task.id, "open_dossier", { checks: [] })).status).toBe(400);
    const early = await f.act(officer.client, task.id, "open_dossier", {
      checks: [dA.body.id, dB.id].map((dossierId) => ({ dossierId, complete: true, signedAndSealed: true, detailsMatch: true, valid: true })),
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("CALL_STILL_ACCEPTING");
    t.clock.advance(5 * DAY);
    await f.relogin();
    // Once the call has closed, a task the actor is not linked to is hidden again.
    expect((await stranger.client.get(`/api/v1/tasks/${task.id}`)).status).toBe(404);
    const late = await piC.client.post(`/api/v1/tasks/${task.id}/dossiers/${dC.id}/submit`, { version: dC.version });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("CALL_NOT_ACCEPTING");

    const opened = await f.must(officer.client, task.id, "open_dossier", {
      checks: [
        { dossierId: dA.body.id, complete: true, signedAndSealed: true, detailsMatch: true, valid: true, note: "Hợp lệ" },
        { dossierId: dB.id, complete: true, signedAndSealed: true, detailsMatch: true, valid: true },
      ],
    });
    expect(opened.state).toBe("dossier_opened");
    const checkedA = await officer.client.get(`/api/v1/tasks/${task.id}/dossiers/${dA.body.id}`);
    expect(checkedA.body).toMatchObject({ status: "valid", validityNote: "Hợp lệ", validityCheck: { complete: true, valid: true } });
    await f.must(officer.client, task.id, "convene_selection");

    // Selection follows the council's outcome.
    const noOutcome = await f.act(officer.client, task.id, "select");
    expect(noOutcome.status).toBe(409);
    await f.council(task.id, "selection", [
      { dossierId: dA.body.id, passed: true, selected: false },
      { dossierId: dB.id, passed: true, selected: true },
    ]);
    const selected = await f.must(officer.client, task.id, "select");
    expect(selected).toMatchObject({
      state: "revision",
      selectedDossierId: dB.id,
      piPersonId: piB.personId,
      leadOrganisationId: piB.organisationId,
      startDate: "2027-01-01",
      endDate: "2028-12-31",
      approvedBudgetCity: 1_000_000_000,
      approvedBudgetOther: 100_000_000,
    });
    const statuses = await t.database.db
      .select({ id: taskDossiers.id, status: taskDossiers.status })
      .from(taskDossiers)
      .where(eq(taskDossiers.taskId, task.id));
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toMatchObject({ [dA.body.id]: "not_selected", [dB.id]: "selected", [dC.id]: "draft" });

    // Revision: the selected dossier is editable again, then re-locked with a new hash. The council asked for a
    // shorter period and a smaller city share: the revised terms are what the decision is drafted from.
    const cur = await piB.client.get(`/api/v1/tasks/${task.id}/dossiers/${dB.id}`);
    expect(cur.body.abilities.update).toBe(true);
    const revised = await piB.client.put(`/api/v1/tasks/${task.id}/dossiers/${dB.id}`, {
      ...f.dossierBody(piB, {
        objectives: "Mục tiêu đã hoàn thiện theo ý kiến hội đồng",
        startDate: "2027-03-01",
        durationMonths: 18,
        budget: [
          { year: 2027, source: "city", category: "labour", amount: 550_000_000 },
          { year: 2028, source: "city", category: "equipment", amount: 400_000_000 },
          { year: 2028, source: "other", category: "materials", amount: 120_000_000 },
        ],
      }),
      version: cur.body.version,
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect((await f.act(piA.client, task.id, "submit_revision")).status).toBe(403);
    const missing = await f.act(piB.client, task.id, "submit_revision");
    expect(missing.status).toBe(409);
    expect(missing.body.error.code).toBe("DOCUMENTS_MISSING");
    // the document belongs in the selected dossier: one filed among the task's general documents does not count,
    // and the refusal says where it goes
    expect(missing.body.error.message).toBe("Hồ sơ còn thiếu tài liệu bắt buộc: B2-8-GTHĐ (tải lên trong hồ sơ, không phải ở tài liệu chung của nhiệm vụ)");
    expect((await f.upload(piB.client, task.id, "B2-8-GTHĐ", { stage: "revision" })).status).toBe(201);
    expect((await f.act(piB.client, task.id, "submit_revision")).body.error.code).toBe("DOCUMENTS_MISSING");
    expect((await f.upload(piB.client, task.id, "B2-8-GTHĐ", { dossierId: dB.id, stage: "revision" })).status).toBe(201);
    const inAppraisal = await f.must(piB.client, task.id, "submit_revision");
    expect(inAppraisal).toMatchObject({
      state: "appraisal",
      startDate: "2027-03-01",
      endDate: "2028-08-31",
      approvedBudgetCity: 950_000_000,
      approvedBudgetOther: 120_000_000,
    });
    const relocked = await piB.client.get(`/api/v1/tasks/${task.id}/dossiers/${dB.id}`);
    expect(relocked.body.revision).toBe(1);
    expect(relocked.body.submissionHash).not.toBe(subB.body.submissionHash);
    expect(relocked.body.abilities.update).toBe(false);
    expect((await piB.client.put(`/api/v1/tasks/${task.id}/dossiers/${dB.id}`, { ...f.dossierBody(piB), version: relocked.body.version })).status).toBe(409);

    // Decision: prepared and approved by two different people.
    const prepared = await f.must(officerLeader.client, task.id, "prepare_decision", {
      decisionNumber: "123/QĐ-SKHCN",
      approvedBudgetCity: 950_000_000,
      approvedBudgetOther: 100_000_000,
      startDate: "2027-01-01",
      endDate: "2028-12-31",
    });
    expect(prepared).toMatchObject({ state: "decision_prepared", decisionNumber: "123/QĐ-SKHCN", approvedBudgetCity: 950_000_000 });
    const self = await f.act(officerLeader.client, task.id, "approve");
    expect(self.status).toBe(409);
    expect(self.body.error.details.guard).toBe("two_person_rule");
    // the reason names the step the actor took and the one someone else must take
    expect(self.body.error.details.reason.en).toBe(
      "You took the previous step (“Draft the approval decision”), so someone else must take “Sign the approval decision”",
    );
    expect(self.body.error.message).toContain("Bạn đã thực hiện bước trước (“Dự thảo quyết định phê duyệt”)");
    const approved = await f.must(leader2.client, task.id, "approve");
    expect(approved).toMatchObject({ state: "approved", decisionDate: "2026-12-02" });

    t.clock.advance(-5 * DAY);
    await f.relogin();
  });

  it("lists tasks with views, search and visibility", async () => {
    const selection = await f.call(officer.client, "selection", { closesAt: f.at(5 * DAY) });
    const task = await taskAtCallOpen(selection.id);
    const mine = await piA.client.get("/api/v1/tasks?view=mine&pageSize=200");
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(task.id);
    expect((await stranger.client.get("/api/v1/tasks?view=mine")).body.total).toBe(0);
    const action = await officer.client.get("/api/v1/tasks?view=action&pageSize=200");
    expect(action.body.items.map((i: { id: string }) => i.id)).toContain(task.id);
    const proposalsOnly = await officer.client.get("/api/v1/tasks?view=action&state=proposal&pageSize=200");
    expect(proposalsOnly.body.items.every((i: { state: string }) => i.state === "proposal")).toBe(true);
    expect((await leader.client.get("/api/v1/tasks?view=action&state=call_open")).body.total).toBe(0);
    const everything = await leader.client.get("/api/v1/tasks?sort=title&pageSize=200");
    expect(everything.body.total).toBeGreaterThan(3);
    const q = await officer.client.get(`/api/v1/tasks?q=${encodeURIComponent(task.code.toLowerCase())}`);
    expect(q.body.items.map((i: { id: string }) => i.id)).toEqual([task.id]);
    const strangerAll = await stranger.client.get("/api/v1/tasks?pageSize=200");
    expect(strangerAll.body.items.length).toBeGreaterThan(0);
    expect(strangerAll.body.items.every((i: { state: string }) => ["call_open", "dossier_submitted"].includes(i.state))).toBe(true);
  });

  it("answers each actor and filter of a list shape with its own rows, the total beside any page (prepared statements)", async () => {
    const selection = await f.call(officer.client, "selection", { closesAt: f.at(5 * DAY) });
    const task = await taskAtCallOpen(selection.id);
    const ownB = await f.propose(piB.client, proposalCallId);
    const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);
    // the same statement shape for two PIs: each gets their own tasks only
    const mineA = await piA.client.get("/api/v1/tasks?view=mine&pageSize=200");
    const mineB = await piB.client.get("/api/v1/tasks?view=mine&pageSize=200");
    expect(ids(mineA)).toContain(task.id);
    expect(ids(mineA)).not.toContain(ownB.id);
    expect(ids(mineB)).toContain(ownB.id);
    expect(ids(mineB)).not.toContain(task.id);
    expect(mineA.body.total).toBe(mineA.body.items.length);
    // every filter, each value answered by its own rows
    const base = `/api/v1/tasks?view=all&pageSize=200`;
    const byCall = await officer.client.get(`${base}&callId=${selection.id}`);
    expect(ids(byCall)).toEqual([task.id]);
    const byOtherCall = await officer.client.get(`${base}&callId=${proposalCallId}`);
    expect(ids(byOtherCall)).toContain(ownB.id);
    expect(ids(byOtherCall)).toContain(task.id); // proposed under that call
    const byState = await officer.client.get(`${base}&state=call_open&callId=${selection.id}&year=${task.year}&templateKey=${task.templateKey}`);
    expect(ids(byState)).toEqual([task.id]);
    expect((await officer.client.get(`${base}&state=proposal&callId=${selection.id}`)).body.total).toBe(0);
    expect((await officer.client.get(`${base}&callId=${selection.id}&year=${task.year + 1}`)).body.total).toBe(0);
    const byType = await officer.client.get(`${base}&taskType=${task.taskType}&callId=${selection.id}`);
    expect(ids(byType)).toEqual([task.id]);
    // a page past the end still tells the total
    const all = await officer.client.get("/api/v1/tasks?pageSize=1");
    expect(all.body.total).toBeGreaterThan(1);
    expect(all.body.items).toHaveLength(1);
    const past = await officer.client.get(`/api/v1/tasks?pageSize=1&page=${all.body.total + 1}`);
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ items: [], total: all.body.total });
    const proposals = await officer.client.get(`/api/v1/proposals?pageSize=200`);
    expect(ids(proposals)).toContain(ownB.id);
    expect(ids(proposals)).not.toContain(task.id);
  });

  it("stores documents safely: types by content, size limit, download headers, audit, deletion while draft", async () => {
    const selection = await f.call(officer.client, "selection", { closesAt: f.at(5 * DAY) });
    const task = await taskAtCallOpen(selection.id);
    const d = await piC.client.post(`/api/v1/tasks/${task.id}/dossiers`, f.dossierBody(piC));
    expect(d.status).toBe(201);
    const fake = await f.upload(piC.client, task.id, "B1-1-ĐON", { dossierId: d.body.id, content: Buffer.from("MZ not a pdf") });
    expect(fake.status).toBe(400);
    const exe = await f.upload(piC.client, task.id, "B1-1-ĐON", { dossierId: d.body.id, fileName: "x.exe" });
    expect(exe.status).toBe(400);
    // a bad form field other than code or stage is named as such, field by field
    const badField = await f.upload(piC.client, task.id, "B1-1-ĐON", { dossierId: "not-a-uuid" });
    expect(badField.status).toBe(400);
    expect(badField.body.error.message).toContain("(code, stage, dossierId, note)");
    expect(badField.body.error.details.map((d: { path: string }) => d.path)).toEqual(["dossierId"]);
    const big = await f.upload(piC.client, task.id, "B1-1-ĐON", {
      dossierId: d.body.id,
      content: Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(300_000)]),
    });
    expect(big.status).toBe(413);
    const ok = await f.upload(piC.client, task.id, "B1-1-ĐON", { dossierId: d.body.id, fileName: "Đơn đăng ký.pdf" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ code: "B1-1-ĐON", canDelete: true, contentType: "application/pdf" });
    expect((await stranger.client.get(`/api/v1/tasks/${task.id}/documents/${ok.body.id}/download`)).status).toBe(404);
    expect((await piB.client.get(`/api/v1/tasks/${task.id}/documents`)).body.map((x: { id: string }) => x.id)).not.toContain(ok.body.id);
    const dl = await officer.client.get(`/api/v1/tasks/${task.id}/documents/${ok.body.id}/download`);
    expect(dl.status).toBe(200);
    expect(dl.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(dl.headers["content-disposition"])).toMatch(/^attachment; filename="don_dang_ky.pdf"/);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ok.body.id), eq(auditLog.action, "task_document.download")));
    expect(audits).toHaveLength(1);
    expect((await officer.client.delete(`/api/v1/tasks/${task.id}/documents/${ok.body.id}`)).status).toBe(403);
    expect((await piC.client.delete(`/api/v1/tasks/${task.id}/documents/${ok.body.id}`)).status).toBe(204);
    expect((await piC.client.get(`/api/v1/tasks/${task.id}/documents`)).body).toEqual([]);

    // Bodies cannot set status or ownership; the owner withdraws before the deadline and may start again.
    const mass = await piC.client.put(`/api/v1/tasks/${task.id}/dossiers/${d.body.id}`, { ...f.dossierBody(piC), version: d.body.version, status: "selected" });
    expect(mass.status).toBe(400);
    const massCreate = await piB.client.post(`/api/v1/tasks/${task.id}/dossiers`, { ...f.dossierBody(piB), ownerUserId: piC.userId });
    expect(massCreate.status).toBe(400);
    expect((await piB.client.post(`/api/v1/tasks/${task.id}/dossiers/${d.body.id}/withdraw`, { version: d.body.version })).status).toBe(404);
    const withdrawn = await piC.client.post(`/api/v1/tasks/${task.id}/dossiers/${d.body.id}/withdraw`, { version: d.body.version });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.status).toBe("withdrawn");
    expect((await piC.client.post(`/api/v1/tasks/${task.id}/dossiers`, f.dossierBody(piC))).status).toBe(201);
  });
});
