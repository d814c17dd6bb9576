// A task's whole life through the API, for each seeded process template: proposal → identification (or ordering)
// council → list → selection call → dossiers of two organisations → opening → selection (or review) council →
// revision → appraisal council → decision → contract → progress reports → acceptance council → registration →
// application → payments and settlement → liquidation. Every step is an HTTP call by a signed-in user with the role
// the process names; the database is only read, to check the audit trail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildPerson } from "../../testing/factories.js";
import { auditLog } from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { TASK_ACTIONS } from "../../../common/api/task.js";
import { ACCEPTANCE_DOCUMENTS, REGISTRATION_DOCUMENTS } from "../../../common/processes/baseline-2013.js";
import { DAY, DOSSIER_DOCS, Fixture, HOUR, type Actor } from "../../testing/task-journey.js";

let t: TestApp;
let f: Fixture;
let officer: Actor;
let officerLeader: Actor;
let leader: Actor;
let leader2: Actor;
let finance: Actor;
let finance2: Actor;
let piA: Actor;
let piB: Actor;
let piC: Actor;
let experts: Actor[] = [];

const COUNCILS = "/api/v1/councils";
const ROLES = ["chair", "vice_chair", "reviewer", "reviewer", "scientific_secretary", "member", "member", "member", "member"] as const;
const SIZE = { identification: 7, selection: 7, appraisal: 5, acceptance: 9 } as const;
const STATEMENT = "Tôi cam kết không có xung đột lợi ích với nhiệm vụ và hồ sơ được xem xét";

beforeAll(async () => {
  t = await createTestApp({ uploadMaxBytes: 200_000 });
  f = new Fixture(t);
  officer = await f.actor(["officer"]);
  officerLeader = await f.actor(["officer", "leader"]);
  leader = await f.actor(["leader"]);
  leader2 = await f.actor(["leader"]);
  finance = await f.actor(["finance"]);
  finance2 = await f.actor(["finance"]);
  piA = await f.actor(["pi"]);
  piB = await f.actor(["pi"]);
  piC = await f.actor(["pi"]);
  experts = [];
  for (let i = 0; i < 9; i++) experts.push(await f.actor(["expert"], { organisationId: null }));
  // Each person signs in from a machine of their own (sign-in attempts are rate-limited per address).
  f.actors.forEach((a, i) => (a.client.ip = `10.77.0.${i + 1}`));
});
afterAll(async () => t?.close());

const today = () => t.clock.now().toISOString().slice(0, 10);

/** Moves the server clock and signs everyone in again (sessions expire after 15 idle minutes). */
async function advance(ms: number) {
  t.clock.advance(ms);
  await f.relogin();
}

async function stateOf(taskId: string) {
  const r = await officer.client.get(`/api/v1/tasks/${taskId}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

async function step(a: Actor, taskId: string, action: string, to: string, extra: Record<string, unknown> = {}) {
  // The record offers the action to the actor who is meant to take it.
  const seen = await a.client.get(`/api/v1/tasks/${taskId}`);
  expect(seen.status, JSON.stringify(seen.body)).toBe(200);
  expect(seen.body.abilities.actions.map((x: { action: string }) => x.action)).toContain(action);
  const body = await f.must(a.client, taskId, action, extra);
  expect(body.state).toBe(to);
  expect((await stateOf(taskId)).state).toBe(to);
  return body;
}

/** Creates a council about the task, composes it from the experts, runs the session and concludes it. */
async function holdCouncil(
  kind: keyof typeof SIZE,
  taskId: string,
  ballot: (subject: { id: string; dossierId: string | null; criteria: { key: string; kind: string; max: number | null }[] }) => Record<string, unknown>,
  before?: (council: { id: string; version: number }) => Promise<void>,
) {
  const created = await officer.client.post(COUNCILS, { kind, title: `Hội đồng ${kind} thử nghiệm`, taskIds: [taskId], place: "Sở KH&CN" });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let c = created.body;
  if (before) {
    await before(c);
    c = (await officer.client.get(`${COUNCILS}/${c.id}`)).body;
  }
  for (let i = 0; i < SIZE[kind]; i++) {
    const check = await officer.client.post(`${COUNCILS}/${c.id}/conflict-check`, { personId: experts[i].personId, role: ROLES[i] });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.conflict).toBe(false);
    const r = await officer.client.post(`${COUNCILS}/${c.id}/members`, { version: c.version, personId: experts[i].personId, role: ROLES[i] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    c = r.body;
  }
  const invited = await officer.client.post(`${COUNCILS}/${c.id}/invite`, { version: c.version });
  expect(invited.status, JSON.stringify(invited.body)).toBe(200);
  c = invited.body;
  for (let i = 0; i < SIZE[kind]; i++) {
    const d = await experts[i].client.post(`${COUNCILS}/${c.id}/declaration`, { statement: STATEMENT, noConflict: true });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
  }
  c = (await officer.client.get(`${COUNCILS}/${c.id}`)).body;
  const opened = await officer.client.post(`${COUNCILS}/${c.id}/open`, { version: c.version });
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  c = opened.body;
  const att = await officer.client.post(`${COUNCILS}/${c.id}/attendance`, {
    version: c.version,
    members: c.members.map((m: { id: string }) => ({ memberId: m.id, present: true })),
  });
  expect(att.status, JSON.stringify(att.body)).toBe(200);
  c = att.body;
  expect(c.quorum.met).toBe(true);
  for (let i = 0; i < SIZE[kind]; i++) {
    for (const s of c.subjects) {
      const r = await experts[i].client.put(`${COUNCILS}/${c.id}/ballots/${s.id}`, { ...ballot(s), submit: true });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  }
  const done = await officer.client.post(`${COUNCILS}/${c.id}/conclude`, { version: c.version });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  expect(done.body.status).toBe("concluded");
  return done.body;
}

const allMet = (s: { criteria: { key: string }[] }) => ({ scores: s.criteria.map((c) => ({ criterionKey: c.key, met: true })) });
const points = (share: number) => (s: { criteria: { key: string; max: number | null }[] }) => ({
  scores: s.criteria.map((c) => ({ criterionKey: c.key, points: Math.round((c.max ?? 0) * share) })),
});

async function createDossier(a: Actor, taskId: string) {
  const d = await a.client.post(
    `/api/v1/tasks/${taskId}/dossiers`,
    f.dossierBody(a, {
      durationMonths: 12,
      budget: [
        { year: 2027, source: "city", category: "labour", amount: 600_000_000 },
        { year: 2027, source: "city", category: "equipment", amount: 400_000_000 },
        { year: 2027, source: "other", category: "materials", amount: 100_000_000 },
      ],
    }),
  );
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  for (const code of DOSSIER_DOCS) {
    const u = await f.upload(a.client, taskId, code, { dossierId: d.body.id });
    expect(u.status, JSON.stringify(u.body)).toBe(201);
  }
  return d.body as { id: string; version: number };
}

async function upload(a: Actor, taskId: string, code: string, stage: string, dossierId?: string) {
  const u = await f.upload(a.client, taskId, code, { stage, dossierId });
  expect(u.status, JSON.stringify(u.body)).toBe(201);
}

interface Path {
  template: "baseline-2013" | "law-2025";
  toCouncil: string;
  council: string;
  approveList: string;
  listed: string;
  method: "selection" | "ordering" | "funding";
  announce: string;
  convene: string;
  councilStep: string;
  select: string;
}

const BASELINE: Path = {
  template: "baseline-2013",
  toCouncil: "send_to_identification",
  council: "identification",
  approveList: "approve_list",
  listed: "list_approved",
  method: "selection",
  announce: "announce_selection",
  convene: "convene_selection",
  councilStep: "selection_council",
  select: "select",
};
const LAW_ORDERING: Path = {
  template: "law-2025",
  toCouncil: "send_to_order_council",
  council: "order_council",
  approveList: "approve_order_list",
  listed: "order_list_approved",
  method: "ordering",
  announce: "announce_order",
  convene: "convene_review",
  councilStep: "review_council",
  select: "recommend",
};

/**
 * From the proposal to the approved list, through the identification (ordering) council; with `direct`, the proposal
 * only (law-2025 funding goes straight to a call). Returns the task and the path taken.
 */
async function proposeAndList(p: Path, direct = false) {
  const trail: [string, string][] = [];
  const proposalCall = await officer.client.post("/api/v1/calls", {
    code: `DX-${p.template.toUpperCase()}-${Date.now() % 100000}`,
    titleVi: "Đợt đề xuất đặt hàng nhiệm vụ năm 2027",
    kind: "proposal_collection",
    opensAt: f.at(-HOUR),
    closesAt: f.at(30 * DAY),
    templateKey: p.template,
  });
  expect(proposalCall.status, JSON.stringify(proposalCall.body)).toBe(201);
  expect(proposalCall.body.templateKey).toBe(p.template);
  const published = await officer.client.post(`/api/v1/calls/${proposalCall.body.id}/publish`, { version: proposalCall.body.version });
  expect(published.status, JSON.stringify(published.body)).toBe(200);

  const proposal = await piA.client.post("/api/v1/proposals", f.proposal(proposalCall.body.id));
  expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
  expect(proposal.body).toMatchObject({ state: "proposal", templateKey: p.template, proposerUserId: piA.userId });
  const taskId: string = proposal.body.id;
  if (direct) return { taskId, trail };

  await step(officerLeader, taskId, p.toCouncil, p.council);
  trail.push([p.toCouncil, p.council]);
  await holdCouncil("identification", taskId, allMet);
  // The leader who sent the proposal to the council may not approve the list.
  const self = await f.act(officerLeader.client, taskId, p.approveList, { method: p.method });
  expect(self.status).toBe(409);
  expect(self.body.error.details.guard).toBe("two_person_rule");
  const listed = await step(leader, taskId, p.approveList, p.listed, { method: p.method });
  expect(listed.method).toBe(p.method);
  trail.push([p.approveList, p.listed]);
  return { taskId, trail };
}

/** From call_open to the approved decision: dossiers, opening, the selection (review) council, revision, appraisal. */
async function selectAndApprove(p: Path, taskId: string, trail: [string, string][], announce: { action: string } | null) {
  const selectionCall = await officer.client.post("/api/v1/calls", {
    code: `TC-${p.template.toUpperCase()}-${(Date.now() + 7) % 100000}`,
    titleVi: "Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ",
    kind: "selection",
    opensAt: f.at(-HOUR),
    closesAt: f.at(5 * DAY),
    templateKey: p.template,
  });
  expect(selectionCall.status, JSON.stringify(selectionCall.body)).toBe(201);
  const published = await officer.client.post(`/api/v1/calls/${selectionCall.body.id}/publish`, { version: selectionCall.body.version });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  const callId: string = published.body.id;
  if (announce) {
    const opened = await step(officer, taskId, announce.action, "call_open", { callId });
    expect(opened).toMatchObject({ selectionCallId: callId, selectionCallAccepting: true });
    trail.push([announce.action, "call_open"]);
  }

  // Two organisations apply; a third PI's draft is still unsent when the deadline passes.
  const dA = await createDossier(piA, taskId);
  const dB = await createDossier(piB, taskId);
  const dC = await createDossier(piC, taskId);
  const subA = await piA.client.post(`/api/v1/tasks/${taskId}/dossiers/${dA.id}/submit`, { version: dA.version });
  expect(subA.status, JSON.stringify(subA.body)).toBe(200);
  expect((await stateOf(taskId)).state).toBe("dossier_submitted");
  trail.push(["submit_dossier", "dossier_submitted"]);
  const subB = await piB.client.post(`/api/v1/tasks/${taskId}/dossiers/${dB.id}/submit`, { version: dB.version });
  expect(subB.status, JSON.stringify(subB.body)).toBe(200);
  expect((await stateOf(taskId)).state).toBe("dossier_submitted");

  await advance(5 * DAY + HOUR);
  const late = await piC.client.post(`/api/v1/tasks/${taskId}/dossiers/${dC.id}/submit`, { version: dC.version });
  expect(late.status).toBe(409);
  expect(late.body.error.code).toBe("CALL_NOT_ACCEPTING");

  const check = (dossierId: string) => ({ dossierId, complete: true, signedAndSealed: true, detailsMatch: true, valid: true, note: "Hồ sơ hợp lệ" });
  await step(officer, taskId, "open_dossier", "dossier_opened", { checks: [check(dA.id), check(dB.id)] });
  trail.push(["open_dossier", "dossier_opened"]);
  await step(officer, taskId, p.convene, p.councilStep);
  trail.push([p.convene, p.councilStep]);

  // Selection (review) council: the applicant's own staff cannot sit on it; dossier B scores best.
  const staffOfB = await buildPerson(t.database.db, { fullName: "Đỗ Văn Nhân Viên", primaryOrganisationId: piB.organisationId });
  const council = await holdCouncil(
    "selection",
    taskId,
    (s) => points(s.dossierId === dB.id ? 1 : 0.75)(s),
    async (c) => {
      const conflict = await officer.client.post(`${COUNCILS}/${c.id}/conflict-check`, { personId: staffOfB.id, role: "member" });
      expect(conflict.status).toBe(200);
      expect(conflict.body.conflict).toBe(true);
      expect(conflict.body.lines.map((l: { code: string }) => l.code)).toContain("works_at");
      const refused = await officer.client.post(`${COUNCILS}/${c.id}/members`, { version: c.version, personId: staffOfB.id, role: "member" });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("CONFLICT_OF_INTEREST");
    },
  );
  const winner = council.results.find((r: { selected: boolean }) => r.selected);
  expect(council.subjects.find((s: { id: string }) => s.id === winner.subjectId).dossierId).toBe(dB.id);

  const selected = await step(officer, taskId, p.select, "revision");
  expect(selected).toMatchObject({ selectedDossierId: dB.id, piPersonId: piB.personId, leadOrganisationId: piB.organisationId });
  trail.push([p.select, "revision"]);

  // Revision by the selected PI, then appraisal.
  await upload(piB, taskId, "B2-8-GTHĐ", "revision", dB.id);
  await step(piB, taskId, "submit_revision", "appraisal");
  trail.push(["submit_revision", "appraisal"]);
  const appraisal = await holdCouncil("appraisal", taskId, (s) => ({ ...allMet(s), recommendedBudget: 1_000_000_000 }));
  expect(appraisal.results[0].passed).toBe(true);

  const decision = {
    decisionNumber: `${Date.now() % 1000}/QĐ-SKHCN`,
    approvedBudgetCity: 1_000_000_000,
    approvedBudgetOther: 100_000_000,
    startDate: "2027-01-01",
    endDate: "2027-12-31",
  };
  await step(officerLeader, taskId, "prepare_decision", "decision_prepared", decision);
  trail.push(["prepare_decision", "decision_prepared"]);
  const self = await f.act(officerLeader.client, taskId, "approve");
  expect(self.status).toBe(409);
  expect(self.body.error.details.guard).toBe("two_person_rule");
  const approved = await step(leader2, taskId, "approve", "approved");
  expect(approved).toMatchObject({ decisionNumber: decision.decisionNumber, decisionDate: today(), approvedBudgetCity: 1_000_000_000 });
  trail.push(["approve", "approved"]);
  return { dossierId: dB.id };
}

/** From the approved decision to liquidation: contract, start, reports, acceptance, registration, money. */
async function carryOutAndClose(taskId: string, trail: [string, string][]) {
  const created = await officer.client.post("/api/v1/contracts", { taskId });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let contract = created.body;
  expect(contract).toMatchObject({ status: "draft", valueCity: 1_000_000_000, valueOther: 100_000_000, piPersonId: piB.personId });
  expect(contract.products.length).toBeGreaterThan(0);
  const plan = await officer.client.put(`/api/v1/contracts/${contract.id}/disbursements`, {
    version: contract.version,
    tranches: [
      { kind: "advance", label: "Tạm ứng đợt 1", plannedDate: "2027-01-15", amountCity: 500_000_000, amountOther: 0 },
      { kind: "tranche", label: "Cấp kinh phí đợt 2", plannedDate: "2027-07-15", amountCity: 500_000_000, amountOther: 100_000_000 },
    ],
  });
  expect(plan.status, JSON.stringify(plan.body)).toBe(200);
  contract = plan.body;
  const signedOn = today();
  const selfSign = await officer.client.post(`/api/v1/contracts/${contract.id}/sign`, {
    version: contract.version,
    partyASignedOn: signedOn,
    partyBSignedOn: signedOn,
  });
  expect(selfSign.status).toBe(409);
  expect(selfSign.body.error.code).toBe("TWO_PERSON_RULE");
  const signed = await leader.client.post(`/api/v1/contracts/${contract.id}/sign`, {
    version: contract.version,
    partyASignedOn: signedOn,
    partyBSignedOn: signedOn,
  });
  expect(signed.status, JSON.stringify(signed.body)).toBe(200);
  contract = signed.body;
  expect(contract.status).toBe("signed");

  await step(officer, taskId, "sign_contract", "contracted");
  trail.push(["sign_contract", "contracted"]);
  await step(finance, taskId, "start", "in_progress");
  trail.push(["start", "in_progress"]);

  const reportsUrl = `/api/v1/monitoring/reports?taskId=${taskId}&pageSize=50`;
  const scheduled = await piB.client.get(reportsUrl);
  expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
  expect(scheduled.body.items.map((r: { kind: string; dueOn: string }) => [r.kind, r.dueOn])).toEqual([
    ["periodic", "2027-07-01"],
    ["final", "2027-12-31"],
  ]);

  // The task runs to its end; the PI files the acceptance documents but the reports are overdue.
  await advance(Date.parse("2028-01-05T03:00:00Z") - t.clock.now().getTime());
  for (const code of ACCEPTANCE_DOCUMENTS) await upload(piB, taskId, code, "acceptance");
  const overdue = await f.act(piB.client, taskId, "submit_for_acceptance");
  expect(overdue.status).toBe(409);
  expect(overdue.body.error.details.guard).toBe("reports_up_to_date");
  for (const item of (await piB.client.get(reportsUrl)).body.items as { id: string }[]) {
    const cur = (await piB.client.get(`/api/v1/monitoring/reports/${item.id}`)).body;
    const saved = await piB.client.put(`/api/v1/monitoring/reports/${item.id}`, {
      version: cur.version,
      workDone: "Đã hoàn thành khảo sát, thiết kế và thử nghiệm hệ thống tại hai điểm quan trắc.",
      products: "Hệ thống giám sát thử nghiệm.",
      spendingCity: 500_000_000,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const sent = await piB.client.post(`/api/v1/monitoring/reports/${item.id}/submit`, { version: saved.body.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  }
  await step(piB, taskId, "submit_for_acceptance", "acceptance_dossier");
  trail.push(["submit_for_acceptance", "acceptance_dossier"]);
  await step(officer, taskId, "convene_acceptance", "acceptance_council");
  trail.push(["convene_acceptance", "acceptance_council"]);

  const acceptance = await holdCouncil("acceptance", taskId, (s) => {
    expect(s.criteria.map((c) => c.kind)).toEqual(expect.arrayContaining(["quantity", "quality", "report"]));
    return { scores: s.criteria.map((c) => ({ criterionKey: c.key, level: "excellent" })) };
  });
  expect(acceptance.results[0].grade).toBe("excellent");
  const passed = await step(officer, taskId, "pass_acceptance", "accepted");
  expect(passed.resultGrade).toBe("excellent");
  trail.push(["pass_acceptance", "accepted"]);

  for (const code of REGISTRATION_DOCUMENTS.filter((c) => !ACCEPTANCE_DOCUMENTS.includes(c))) await upload(officer, taskId, code, "registration");
  const registered = await step(officer, taskId, "register_result", "registered");
  expect(registered.registrationCode).toMatch(/^ĐK-2028-\d{5}-ĐT$/);
  expect(registered.registeredAt).toBeTruthy();
  trail.push(["register_result", "registered"]);
  await step(piB, taskId, "report_application", "applied");
  trail.push(["report_application", "applied"]);

  // Money: every tranche paid (recorded by one finance user, approved by another), then the settlement.
  const paidOn = today();
  const pay = async (trancheId: string | undefined, kind: "payment" | "return", source: "city" | "other", amount: number) => {
    const r = await finance.client.post(`/api/v1/contracts/${contract.id}/payments`, {
      kind,
      trancheId,
      source,
      amount,
      paidOn,
      reference: `UNC-${amount}-${source}`,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const own = await finance.client.post(`/api/v1/contracts/${contract.id}/payments/${r.body.id}/approve`, { version: r.body.version });
    expect(own.status).toBe(409);
    const ok = await finance2.client.post(`/api/v1/contracts/${contract.id}/payments/${r.body.id}/approve`, { version: r.body.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe("approved");
  };
  await pay(contract.tranches[0].id, "payment", "city", 500_000_000);
  await pay(contract.tranches[1].id, "payment", "city", 500_000_000);
  await pay(contract.tranches[1].id, "payment", "other", 100_000_000);
  const unsettled = await f.act(finance.client, taskId, "liquidate");
  expect(unsettled.status).toBe(409);
  expect(unsettled.body.error.details.guard).toBe("payments_settled");
  expect((await stateOf(taskId)).state).toBe("applied");

  let cur = (await finance.client.get(`/api/v1/contracts/${contract.id}`)).body;
  const settled = await finance.client.post(`/api/v1/contracts/${contract.id}/settlement`, { version: cur.version, spentCity: 980_000_000 });
  expect(settled.status, JSON.stringify(settled.body)).toBe(200);
  expect(settled.body.settlement).toMatchObject({ disbursed: 1_000_000_000, spent: 980_000_000, outstanding: 20_000_000, settled: false });
  await pay(undefined, "return", "city", 20_000_000);
  cur = (await finance.client.get(`/api/v1/contracts/${contract.id}`)).body;
  expect(cur.settlement).toMatchObject({ settled: true, outstanding: 0 });

  await step(finance, taskId, "liquidate", "liquidated");
  trail.push(["liquidate", "liquidated"]);
  const closed = await leader.client.post(`/api/v1/contracts/${contract.id}/liquidate`, { version: cur.version });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  expect(closed.body.status).toBe("liquidated");
}

/** The task's audit trail: one row per transition, in order, from each step to the next. */
async function expectTrail(taskId: string, trail: [string, string][]) {
  const actions = new Set<string>(TASK_ACTIONS.map((a) => `task.${a}`));
  const rows = (
    await t.database.db
      .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "task"), eq(auditLog.entityId, taskId)))
      .orderBy(asc(auditLog.id))
  ).filter((r) => actions.has(r.action));
  expect(rows.map((r) => [r.action.slice("task.".length), (r.after as { state: string }).state])).toEqual(trail);
  let from = "proposal";
  for (const r of rows) {
    expect((r.before as { state: string }).state).toBe(from);
    from = (r.after as { state: string }).state;
  }
  expect(from).toBe("liquidated");
  // The task record's history is the same trail, with who did each step.
  const record = await officer.client.get(`/api/v1/tasks/${taskId}`);
  expect(record.status).toBe(200);
  const history = record.body.history as { action: string; to: string; byName: string | null }[];
  expect(history.map((h) => [h.action, h.to])).toEqual(trail);
  expect(history.every((h) => !!h.byName)).toBe(true);
  const chain = await verifyAuditChain(t.database.db);
  expect(chain).toMatchObject({ ok: true, brokenAt: null });
}

describe(`a task's whole lifecycle through the API (${testDbMode()})`, () => {
  const start = new Date("2026-11-27T03:00:00Z").getTime();
  const reset = async () => {
    t.clock.advance(start - t.clock.now().getTime());
    await f.relogin();
  };

  it("baseline-2013: proposal → identification → open selection → … → liquidated", async () => {
    await reset();
    const { taskId, trail } = await proposeAndList(BASELINE);
    await selectAndApprove(BASELINE, taskId, trail, { action: BASELINE.announce });
    await carryOutAndClose(taskId, trail);
    const task = await stateOf(taskId);
    expect(task).toMatchObject({ state: "liquidated", templateKey: "baseline-2013", method: "selection", resultGrade: "excellent" });
    await expectTrail(taskId, trail);
  }, 300_000);

  it("law-2025: proposal → ordering council → order announced → review council → … → liquidated", async () => {
    await reset();
    const { taskId, trail } = await proposeAndList(LAW_ORDERING);
    await selectAndApprove(LAW_ORDERING, taskId, trail, { action: LAW_ORDERING.announce });
    await carryOutAndClose(taskId, trail);
    const task = await stateOf(taskId);
    expect(task).toMatchObject({ state: "liquidated", templateKey: "law-2025", method: "ordering", resultGrade: "excellent" });
    await expectTrail(taskId, trail);
  }, 300_000);

  it("law-2025: proposal → funding call → review council → … → liquidated", async () => {
    await reset();
    const funding: Path = { ...LAW_ORDERING, method: "funding" };
    const { taskId, trail } = await proposeAndList(funding, true);
    await selectAndApprove(funding, taskId, trail, { action: "open_funding_call" });
    await carryOutAndClose(taskId, trail);
    const task = await stateOf(taskId);
    expect(task).toMatchObject({ state: "liquidated", templateKey: "law-2025", method: "funding", resultGrade: "excellent" });
    await expectTrail(taskId, trail);
  }, 300_000);
});
