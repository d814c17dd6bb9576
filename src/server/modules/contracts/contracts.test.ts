import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser } from "../../testing/factories.js";
import { auditLog, contracts, tasks } from "../../db/schema/index.js";
import { verifyAuditChain } from "../../platform/audit.js";
import { templateInForce } from "../../platform/workflow.js";
import { contractSignedGuard, paymentsSettledGuard } from "./contracts.read.js";
import { approvedPayment, approvedTask as approvedTaskFixture, CONTRACT_PRODUCT, draftContract, signContract } from "./contracts.fixtures.js";

let t: TestApp;
let officer: Client;
let officer2: Client;
let leader: Client;
let leader2: Client;
let finance: Client;
let finance2: Client;
let pi: Client;
let otherPi: Client;
let orgRep: Client;
let enterprise: Client;
let piPersonId: string;
let orgId: string;
let otherPersonId: string;
let templateVersion: number;
let seq = 0;

const CITY = 600_000_000;
const OTHER = 150_000_000;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const org = await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản" });
  orgId = org.id;
  const person = await buildPerson(db, { fullName: "Trần Thị Lan" });
  piPersonId = person.id;
  const other = await buildPerson(db, { fullName: "Lê Văn Minh" });
  otherPersonId = other.id;
  const tv = await templateInForce(db, "baseline-2013", "2026-11-27");
  templateVersion = tv!.version;
  await buildUser(db, { username: "officer1", roles: ["officer"] });
  await buildUser(db, { username: "officer2", roles: ["officer"] });
  await buildUser(db, { username: "leader1", roles: ["leader"] });
  await buildUser(db, { username: "leader2", roles: ["leader"] });
  await buildUser(db, { username: "finance1", roles: ["finance"] });
  await buildUser(db, { username: "finance2", roles: ["finance"] });
  await buildUser(db, { username: "pi1", roles: ["pi"], personId: piPersonId });
  await buildUser(db, { username: "pi2", roles: ["pi"], personId: otherPersonId });
  await buildUser(db, { username: "rep1", roles: ["org_rep"], organisationId: orgId });
  await buildUser(db, { username: "ent1", roles: ["enterprise"] });
  const mk = async (u: string) => {
    const c = new Client(t);
    await c.login(u);
    return c;
  };
  [officer, officer2, leader, leader2, finance, finance2, pi, otherPi, orgRep, enterprise] = await Promise.all(
    ["officer1", "officer2", "leader1", "leader2", "finance1", "finance2", "pi1", "pi2", "rep1", "ent1"].map(mk),
  );
});
afterAll(async () => t?.close());

const approvedTask = (over: Partial<typeof tasks.$inferInsert> = {}) =>
  approvedTaskFixture(t.database.db, {
    code: `ĐT.2026.${String(++seq).padStart(3, "0")}`,
    titleVi: `Nghiên cứu nuôi trồng hải sản số ${seq}`,
    year: 2026,
    piPersonId,
    leadOrganisationId: orgId,
    city: CITY,
    other: OTHER,
    templateVersion,
    ...over,
  });

const product = CONTRACT_PRODUCT;

async function draft(by = officer) {
  const task = await approvedTask();
  return { task, c: await draftContract(by, task.id, { city: CITY, other: OTHER }) };
}

async function signed() {
  const { task, c } = await draft();
  return { task, c: await signContract(leader, c) };
}

const paid = (contractId: string, trancheId: string, amount: number, source: "city" | "other" = "city") =>
  approvedPayment(finance, finance2, contractId, trancheId, amount, source, `UNC-${++seq}`);

describe(`contracts (${testDbMode()})`, () => {
  it("drafts a contract from an approved task with a generated number, parties and value; audits it", async () => {
    const { task, c } = await draft();
    expect(c.number).toMatch(/^\d{2}\/2026\/HĐ-KHCN$/);
    expect(c).toMatchObject({
      status: "draft",
      taskId: task.id,
      partyBOrganisationName: "Viện Nghiên cứu Hải sản",
      piName: "Trần Thị Lan",
      valueCity: CITY,
      valueOther: OTHER,
    });
    expect(c.tranches).toHaveLength(2);
    expect(c.abilities).toMatchObject({ read: true, update: true, sign: true });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, "contract.create")));
    expect(rows).toHaveLength(1);
  });

  it("refuses a task not at `approved`, and a second contract for the same task", async () => {
    const proposed = await approvedTask({ state: "proposed" });
    const r = await officer.post("/api/v1/contracts", { taskId: proposed.id });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: "GUARD_FAILED", details: { state: "proposed", reason: { vi: expect.any(String), en: expect.any(String) } } });
    const { task } = await draft();
    const again = await officer.post("/api/v1/contracts", { taskId: task.id });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("DUPLICATE");
  });

  it("gives unique numbers to contracts created in parallel", async () => {
    const taskList = await Promise.all(Array.from({ length: 12 }, () => approvedTask()));
    const res = await Promise.all(taskList.map((x, i) => (i % 2 ? officer : officer2).post("/api/v1/contracts", { taskId: x.id })));
    expect(res.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = res.map((r) => r.body.number);
    expect(new Set(numbers).size).toBe(12);
  });

  it("keeps the city part within the approved budget and the plan equal to it", async () => {
    const { c } = await draft();
    const over = await officer.put(`/api/v1/contracts/${c.id}`, {
      version: c.version,
      valueCity: CITY + 1,
      valueOther: OTHER,
      startDate: "2027-01-01",
      endDate: "2028-12-31",
      products: [product],
    });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("VALUE_EXCEEDS_APPROVED");
    const plan = await officer.put(`/api/v1/contracts/${c.id}/disbursements`, {
      version: c.version,
      tranches: [{ kind: "advance", label: "Tạm ứng", plannedDate: "2027-01-15", amountCity: CITY - 1, amountOther: 0 }],
    });
    expect(plan.status).toBe(409);
    expect(plan.body.error.code).toBe("PLAN_MISMATCH");
    officer.lang = "en";
    const en = await officer.put(`/api/v1/contracts/${c.id}/disbursements`, {
      version: c.version,
      tranches: [{ kind: "advance", label: "Tạm ứng", plannedDate: "2027-01-15", amountCity: 1, amountOther: 0 }],
    });
    officer.lang = "vi";
    expect(en.body.error.message).toMatch(/must equal/);
    const stale = await officer.put(`/api/v1/contracts/${c.id}/disbursements`, {
      version: c.version - 1,
      tranches: [{ kind: "advance", label: "Tạm ứng", plannedDate: "2027-01-15", amountCity: CITY, amountOther: 0 }],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current.version).toBe(c.version);
  });

  it("two-person rule for signing: the preparer cannot sign (409), another officer or leader can", async () => {
    const { c } = await draft();
    const self = await officer.post(`/api/v1/contracts/${c.id}/sign`, { version: c.version, partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-26" });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe("TWO_PERSON_RULE");
    const future = await officer2.post(`/api/v1/contracts/${c.id}/sign`, { version: c.version, partyASignedOn: "2026-12-26", partyBSignedOn: "2026-11-26" });
    expect(future.status).toBe(400);
    const ok = await officer2.post(`/api/v1/contracts/${c.id}/sign`, { version: c.version, partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-25" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: "signed", partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-25" });
    const edit = await officer.put(`/api/v1/contracts/${c.id}`, {
      version: ok.body.version,
      valueCity: CITY,
      valueOther: OTHER,
      startDate: "2027-01-01",
      endDate: "2028-12-31",
      products: [product],
    });
    expect(edit.status).toBe(409);
    // a signed contract is no longer edited or signed: the state, the command and what is possible now
    expect(edit.body.error).toMatchObject({ code: "INVALID_STATE", details: { state: "signed", command: "update" } });
    expect(edit.body.error.details.allowed).toEqual(expect.arrayContaining(["plan", "requestAmendment"]));
    expect(edit.body.error.details.allowed).not.toContain("sign");
    expect(edit.body.error.message).toMatch(/Đã ký/);
    const again = await leader.post(`/api/v1/contracts/${c.id}/sign`, { version: ok.body.version, partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-26" });
    expect(again.body.error).toMatchObject({ code: "INVALID_STATE", details: { state: "signed", command: "sign" } });
    // the same command by a role that may never run it: 403
    expect((await finance.post(`/api/v1/contracts/${c.id}/terminate`, { version: ok.body.version, reason: "Không đảm bảo", amountToReturn: 0 })).status).toBe(
      403,
    );
  });

  it("tells the two-person rule in advance: the record's refusals name the role the user had", async () => {
    const { c } = await draft();
    // officer1 prepared and last edited it: may sign by role and state, but not as the same person
    const mine = (await officer.get(`/api/v1/contracts/${c.id}`)).body;
    expect(mine.abilities.sign).toBe(true);
    expect(mine.refusals.sign).toMatchObject({ code: "TWO_PERSON_RULE" });
    expect(mine.refusals.sign.message).toMatch(/người đã lập hợp đồng \(officer1\)/);
    const theirs = (await officer2.get(`/api/v1/contracts/${c.id}`)).body;
    expect(theirs.refusals).toEqual({});
    const signedC = (await officer2.post(`/api/v1/contracts/${c.id}/sign`, { version: c.version, partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-26" }))
      .body;
    // a pending entry: its recorder is told, another finance user is not
    const p = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: signedC.tranches[0].id,
      source: "city",
      amount: 1_000_000,
      paidOn: "2026-11-27",
    });
    expect(p.body.refusals.decide).toMatchObject({ code: "TWO_PERSON_RULE" });
    const seen = (await finance2.get(`/api/v1/contracts/${c.id}`)).body.payments.find((x: { id: string }) => x.id === p.body.id);
    expect(seen.refusals).toEqual({});
    const queue = (await finance.get(`/api/v1/contracts/payments?status=pending&pageSize=100`)).body.items.find((x: { id: string }) => x.id === p.body.id);
    expect(queue.refusals.decide.code).toBe("TWO_PERSON_RULE");
    // an amendment: its requester (a leader) is told, another leader is not
    await leader.post(`/api/v1/contracts/${c.id}/amendments`, { kind: "schedule", endDate: "2029-03-31", reason: "Kéo dài do thời tiết" });
    const byRequester = (await leader.get(`/api/v1/contracts/${c.id}`)).body.amendments[0];
    expect(byRequester.refusals.decide.message).toMatch(/đã đề nghị điều chỉnh/);
    expect((await leader2.get(`/api/v1/contracts/${c.id}`)).body.amendments[0].refusals).toEqual({});
  });

  it("contract_signed guard: false for a draft, true once signed", async () => {
    const { task, c } = await draft();
    const before = await contractSignedGuard(t.database.db, task.id);
    expect(before).not.toBe(true);
    await leader.post(`/api/v1/contracts/${c.id}/sign`, { version: c.version, partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-26" });
    expect(await contractSignedGuard(t.database.db, task.id)).toBe(true);
    const none = await approvedTask();
    expect(await contractSignedGuard(t.database.db, none.id)).toMatchObject({ vi: expect.any(String), en: expect.any(String) });
  });

  it("payments: prepared by finance, approved by another (same user 409); over-payment refused; reversal by a negative entry", async () => {
    const { c } = await signed();
    const advance = c.tranches[0];
    const r = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: advance.id,
      source: "city",
      amount: 200_000_000,
      paidOn: "2026-11-27",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.status).toBe("pending");
    const self = await finance.post(`/api/v1/contracts/${c.id}/payments/${r.body.id}/approve`, { version: r.body.version });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe("TWO_PERSON_RULE");
    // pending amounts count against the plan
    const over = await finance2.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: advance.id,
      source: "city",
      amount: 100_000_001,
      paidOn: "2026-11-27",
    });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe("OVER_PAYMENT");
    const byLeader = await leader.post(`/api/v1/contracts/${c.id}/payments/${r.body.id}/approve`, { version: r.body.version });
    expect(byLeader.status, JSON.stringify(byLeader.body)).toBe(200);
    expect(byLeader.body).toMatchObject({ status: "approved", amount: 200_000_000 });
    const twice = await finance2.post(`/api/v1/contracts/${c.id}/payments/${r.body.id}/approve`, { version: r.body.version });
    expect(twice.status).toBe(409);
    // a PI may not record payments
    const byPi = await pi.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: advance.id,
      source: "city",
      amount: 1,
      paidOn: "2026-11-27",
    });
    expect(byPi.status).toBe(403);
    // reversal: a new negative entry, the original unchanged
    const rev = await finance2.post(`/api/v1/contracts/${c.id}/payments/${r.body.id}/reverse`, {
      amount: 50_000_000,
      paidOn: "2026-11-27",
      reason: "Chuyển khoản nhầm số tiền",
    });
    expect(rev.status, JSON.stringify(rev.body)).toBe(201);
    expect(rev.body).toMatchObject({ kind: "reversal", amount: -50_000_000, reversesId: r.body.id, status: "pending" });
    const tooMuch = await finance2.post(`/api/v1/contracts/${c.id}/payments/${r.body.id}/reverse`, {
      amount: 150_000_001,
      paidOn: "2026-11-27",
      reason: "Quá số",
    });
    expect(tooMuch.status).toBe(409);
    const ok = await finance.post(`/api/v1/contracts/${c.id}/payments/${rev.body.id}/approve`, { version: rev.body.version });
    expect(ok.status).toBe(200);
    const after = await officer.get(`/api/v1/contracts/${c.id}`);
    const entries = after.body.payments;
    expect(entries.find((p: { id: string }) => p.id === r.body.id)).toMatchObject({ amount: 200_000_000, status: "approved" });
    expect(after.body.tranches[0]).toMatchObject({ paidCity: 150_000_000, pendingCity: 0 });
    expect(after.body.settlement).toMatchObject({ disbursed: 150_000_000, advanced: 150_000_000 });
    // the total never exceeds the contract value
    const overValue = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: c.tranches[1].id,
      source: "city",
      amount: 300_000_001,
      paidOn: "2026-11-27",
    });
    expect(overValue.status).toBe(409);
    // the finance queue shows pending entries
    const p2 = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: c.tranches[1].id,
      source: "other",
      amount: 10_000_000,
      paidOn: "2026-11-27",
    });
    const queue = await finance2.get(`/api/v1/contracts/payments?pageSize=200`);
    expect(queue.status).toBe(200);
    expect(queue.body.items.some((x: { id: string }) => x.id === p2.body.id)).toBe(true);
    const queueByPi = await pi.get(`/api/v1/contracts/payments`);
    expect(queueByPi.status).toBe(403);
  });

  it("50 parallel identical approvals of one payment → exactly one success", async () => {
    const { c } = await signed();
    const r = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: c.tranches[0].id,
      source: "city",
      amount: 1_000_000,
      paidOn: "2026-11-27",
    });
    const res = await Promise.all(
      Array.from({ length: 50 }, () => finance2.post(`/api/v1/contracts/${c.id}/payments/${r.body.id}/approve`, { version: r.body.version })),
    );
    const codes = res.map((x) => x.status);
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(49);
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.body.id), eq(auditLog.action, "contract.payment.approve")));
    expect(rows).toHaveLength(1);
  });

  it("settlement guard: false until every tranche is paid, spending recorded and advances settled; then liquidation", async () => {
    const { task, c } = await signed();
    const g0 = await paymentsSettledGuard(t.database.db, task.id);
    expect(g0).not.toBe(true);
    await paid(c.id, c.tranches[0].id, 300_000_000);
    await paid(c.id, c.tranches[1].id, 300_000_000);
    await paid(c.id, c.tranches[1].id, OTHER, "other");
    const g1 = await paymentsSettledGuard(t.database.db, task.id);
    expect(g1).not.toBe(true);
    expect((g1 as { en: string }).en).toMatch(/settled expenditure/);
    const cur = (await finance.get(`/api/v1/contracts/${c.id}`)).body;
    const early = await leader.post(`/api/v1/contracts/${c.id}/liquidate`, { version: cur.version });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("NOT_SETTLED");
    const s = await finance.post(`/api/v1/contracts/${c.id}/settlement`, { version: cur.version, spentCity: 590_000_000 });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expect(s.body.settlement).toMatchObject({ disbursed: 600_000_000, spent: 590_000_000, returned: 0, outstanding: 10_000_000, settled: false });
    expect(await paymentsSettledGuard(t.database.db, task.id)).not.toBe(true);
    const ret = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "return",
      source: "city",
      amount: 10_000_000,
      paidOn: "2026-11-27",
      reference: "GNT-01",
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(201);
    expect(await paymentsSettledGuard(t.database.db, task.id)).not.toBe(true);
    await finance2.post(`/api/v1/contracts/${c.id}/payments/${ret.body.id}/approve`, { version: ret.body.version });
    expect(await paymentsSettledGuard(t.database.db, task.id)).toBe(true);
    const v = (await leader.get(`/api/v1/contracts/${c.id}`)).body;
    expect(v.settlement).toMatchObject({ settled: true, returned: 10_000_000, outstanding: 0 });
    const liq = await leader.post(`/api/v1/contracts/${c.id}/liquidate`, { version: v.version });
    expect(liq.status, JSON.stringify(liq.body)).toBe(200);
    expect(liq.body.status).toBe("liquidated");
  });

  it("amendments: requested by the PI, decided by a leader other than the requester, applied to contract and task with history", async () => {
    const { task, c } = await signed();
    const req = await pi.post(`/api/v1/contracts/${c.id}/amendments`, { kind: "schedule", reason: "Thời tiết bất lợi kéo dài", endDate: "2029-06-30" });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    const a = req.body.amendments[0];
    expect(a).toMatchObject({ kind: "schedule", status: "pending", proposed: { endDate: "2029-06-30" } });
    // a leader who asked for a change may not approve it
    const own = await leader.post(`/api/v1/contracts/${c.id}/amendments`, { kind: "budget", reason: "Bổ sung kinh phí", valueCity: 650_000_000 });
    expect(own.status).toBe(201);
    const budget = own.body.amendments.find((x: { kind: string }) => x.kind === "budget");
    const self = await leader.post(`/api/v1/contracts/${c.id}/amendments/${budget.id}/approve`, { version: budget.version });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe("TWO_PERSON_RULE");
    // the PI cannot decide
    const byPi = await pi.post(`/api/v1/contracts/${c.id}/amendments/${a.id}/approve`, { version: a.version });
    expect(byPi.status).toBe(403);
    const ok = await leader.post(`/api/v1/contracts/${c.id}/amendments/${a.id}/approve`, { version: a.version, note: "Đồng ý" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: "amended", endDate: "2029-06-30" });
    const ok2 = await leader2.post(`/api/v1/contracts/${c.id}/amendments/${budget.id}/approve`, { version: budget.version });
    expect(ok2.status, JSON.stringify(ok2.body)).toBe(200);
    expect(ok2.body.valueCity).toBe(650_000_000);
    expect(ok2.body.tranches.reduce((s: number, x: { amountCity: number }) => s + x.amountCity, 0)).toBe(650_000_000);
    const approved = ok2.body.amendments.filter((x: { status: string }) => x.status === "approved");
    expect(approved).toHaveLength(2);
    expect(approved.find((x: { kind: string }) => x.kind === "schedule").previous).toEqual({ endDate: "2028-12-31" });
    const [row] = await t.database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ endDate: "2029-06-30", approvedBudgetCity: 650_000_000 });
    // PI change by the org representative
    const piReq = await orgRep.post(`/api/v1/contracts/${c.id}/amendments`, { kind: "pi", reason: "Chủ nhiệm nghỉ hưu", piPersonId: otherPersonId });
    expect(piReq.status).toBe(201);
    const pa = piReq.body.amendments.find((x: { kind: string; status: string }) => x.kind === "pi" && x.status === "pending");
    const ok3 = await leader.post(`/api/v1/contracts/${c.id}/amendments/${pa.id}/approve`, { version: pa.version });
    expect(ok3.status).toBe(200);
    expect(ok3.body.piPersonId).toBe(otherPersonId);
    // the new PI sees it, the old one no longer does
    expect((await otherPi.get(`/api/v1/contracts/${c.id}`)).status).toBe(200);
    expect((await pi.get(`/api/v1/contracts/${c.id}`)).status).toBe(404);
  });

  it("termination with a reason and the amount to return; the guard then wants that amount back", async () => {
    const { task, c } = await signed();
    await paid(c.id, c.tranches[0].id, 300_000_000);
    const cur = (await leader.get(`/api/v1/contracts/${c.id}`)).body;
    const tooMuch = await leader.post(`/api/v1/contracts/${c.id}/terminate`, {
      version: cur.version,
      reason: "Không đảm bảo tiến độ",
      amountToReturn: 300_000_001,
    });
    expect(tooMuch.status).toBe(409);
    const byOfficer = await officer2.post(`/api/v1/contracts/${c.id}/terminate`, { version: cur.version, reason: "x x x", amountToReturn: 0 });
    expect(byOfficer.status).toBe(403);
    const ok = await leader.post(`/api/v1/contracts/${c.id}/terminate`, { version: cur.version, reason: "Không đảm bảo tiến độ", amountToReturn: 120_000_000 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: "terminated", amountToReturn: 120_000_000, terminationReason: "Không đảm bảo tiến độ" });
    expect(await contractSignedGuard(t.database.db, task.id)).not.toBe(true);
    // after termination: returns and reversals only, no further payment
    const more = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: c.tranches[1].id,
      source: "city",
      amount: 1,
      paidOn: "2026-11-27",
    });
    expect(more.body.error).toMatchObject({ code: "GUARD_FAILED", message: expect.stringMatching(/đã chấm dứt/) });
    const s = await finance.post(`/api/v1/contracts/${c.id}/settlement`, { version: ok.body.version, spentCity: 180_000_000 });
    expect(s.status).toBe(200);
    const g = await paymentsSettledGuard(t.database.db, task.id);
    expect(g).not.toBe(true);
    const ret = await finance.post(`/api/v1/contracts/${c.id}/payments`, { kind: "return", source: "city", amount: 120_000_000, paidOn: "2026-11-27" });
    await finance2.post(`/api/v1/contracts/${c.id}/payments/${ret.body.id}/approve`, { version: ret.body.version });
    expect(await paymentsSettledGuard(t.database.db, task.id)).toBe(true);
    const morePay = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: c.tranches[1].id,
      source: "city",
      amount: 1,
      paidOn: "2026-11-27",
    });
    expect(morePay.status).toBe(409);
  });

  it("content amendment replaces products with history; rejection leaves the contract as it was; tranche cancellation", async () => {
    const { c } = await signed();
    const newProduct = { ...product, name: "Mô hình nuôi thử nghiệm 2 ha", outputType: "model" };
    const r1 = await orgRep.post(`/api/v1/contracts/${c.id}/amendments`, { kind: "content", reason: "Bổ sung mô hình", products: [product, newProduct] });
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    const a1 = r1.body.amendments[0];
    const r2 = await pi.post(`/api/v1/contracts/${c.id}/amendments`, { kind: "schedule", reason: "Lùi tiến độ", endDate: "2029-01-31" });
    const a2 = r2.body.amendments.find((x: { kind: string }) => x.kind === "schedule");
    const rej = await leader.post(`/api/v1/contracts/${c.id}/amendments/${a2.id}/reject`, { version: a2.version, note: "Không đủ căn cứ" });
    expect(rej.status).toBe(200);
    expect(rej.body.endDate).toBe("2028-12-31");
    const ok = await leader.post(`/api/v1/contracts/${c.id}/amendments/${a1.id}/approve`, { version: a1.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.products.map((p: { name: string }) => p.name)).toEqual([product.name, newProduct.name]);
    const hist = ok.body.amendments.find((x: { id: string }) => x.id === a1.id);
    expect(hist).toMatchObject({ status: "approved", previous: { products: [expect.objectContaining({ name: product.name })] } });
    const again = await leader2.post(`/api/v1/contracts/${c.id}/amendments/${a1.id}/approve`, { version: a1.version });
    expect(again.status).toBe(409);
    // cancel the second tranche: it no longer counts as open
    const second = ok.body.tranches[1];
    const cancel = await finance.post(`/api/v1/contracts/${c.id}/disbursements/${second.id}/cancel`, {
      version: ok.body.version,
      reason: "Chấm dứt phần việc còn lại",
    });
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    expect(cancel.body.tranches.find((x: { id: string }) => x.id === second.id).status).toBe("cancelled");
    const pay = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: second.id,
      source: "city",
      amount: 1,
      paidOn: "2026-11-27",
    });
    expect(pay.status).toBe(409);
  });

  it("a two-person refusal names the role that matched (preparer, last editor, recorder, requester), in the caller's language", async () => {
    const signBody = (version: number) => ({ version, partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-26" });
    const asEn = async <T>(c: Client, run: () => Promise<T>) => {
      c.lang = "en";
      try {
        return await run();
      } finally {
        c.lang = "vi";
      }
    };
    // The officer prepared the contract and edited it last: the first rule that matched is named, both are listed.
    const { c } = await draft();
    const r = await asEn(officer, () => officer.post(`/api/v1/contracts/${c.id}/sign`, signBody(c.version)));
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: "TWO_PERSON_RULE", details: { rule: "sign_preparer", rules: ["sign_preparer", "sign_editor"] } });
    expect(r.body.error.message).toBe("Two-person rule: the signer must not be the person who prepared the contract (officer1)");
    const vi = await officer.post(`/api/v1/contracts/${c.id}/sign`, signBody(c.version));
    expect(vi.body.error.message).toBe("Nguyên tắc hai người: người ký không được là người đã lập hợp đồng (officer1)");

    // Another officer edits it: that officer is now the last editor, and the refusal says so (not "prepared").
    const edited = await officer2.put(`/api/v1/contracts/${c.id}`, {
      version: c.version,
      valueCity: CITY,
      valueOther: OTHER,
      startDate: "2027-01-01",
      endDate: "2028-12-31",
      products: [product],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const byEditor = await asEn(officer2, () => officer2.post(`/api/v1/contracts/${c.id}/sign`, signBody(edited.body.version)));
    expect(byEditor.status).toBe(409);
    expect(byEditor.body.error.details).toMatchObject({ rule: "sign_editor", rules: ["sign_editor"] });
    expect(byEditor.body.error.message).toBe("Two-person rule: the signer must not be the person who last edited the contract (officer2)");
    const byEditorVi = await officer2.post(`/api/v1/contracts/${c.id}/sign`, signBody(edited.body.version));
    expect(byEditorVi.body.error.message).toBe("Nguyên tắc hai người: người ký không được là người sửa hợp đồng lần cuối (officer2)");
    const signedC = await leader.post(`/api/v1/contracts/${c.id}/sign`, signBody(edited.body.version));
    expect(signedC.status, JSON.stringify(signedC.body)).toBe(200);

    // A ledger entry: who recorded it.
    const entry = await finance.post(`/api/v1/contracts/${c.id}/payments`, {
      kind: "payment",
      trancheId: signedC.body.tranches[0].id,
      source: "city",
      amount: 1_000_000,
      paidOn: "2026-11-27",
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    const selfApprove = await asEn(finance, () => finance.post(`/api/v1/contracts/${c.id}/payments/${entry.body.id}/approve`, { version: entry.body.version }));
    expect(selfApprove.body.error).toMatchObject({ code: "TWO_PERSON_RULE", details: { rule: "payment_recorder" } });
    expect(selfApprove.body.error.message).toBe("Two-person rule: the person approving or rejecting must not be the one who recorded this entry (finance1)");

    // An amendment: who requested it.
    const asked = await leader.post(`/api/v1/contracts/${c.id}/amendments`, { kind: "schedule", reason: "Lùi thời hạn", endDate: "2029-03-31" });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const amendment = asked.body.amendments.find((x: { status: string }) => x.status === "pending");
    const selfDecide = await asEn(leader, () => leader.post(`/api/v1/contracts/${c.id}/amendments/${amendment.id}/approve`, { version: amendment.version }));
    expect(selfDecide.body.error).toMatchObject({ code: "TWO_PERSON_RULE", details: { rule: "amendment_requester" } });
    expect(selfDecide.body.error.message).toBe("Two-person rule: the person deciding must not be the one who requested the change (leader1)");

    // Termination: a leader who also prepared the contract (an officer and leader) may not terminate it.
    await buildUser(t.database.db, { username: "offlead1", roles: ["officer", "leader"] });
    const officerLeader = new Client(t);
    await officerLeader.login("offlead1");
    const own = await draft(officerLeader);
    const ownSigned = await leader.post(`/api/v1/contracts/${own.c.id}/sign`, signBody(own.c.version));
    expect(ownSigned.status, JSON.stringify(ownSigned.body)).toBe(200);
    const selfTerminate = await asEn(officerLeader, () =>
      officerLeader.post(`/api/v1/contracts/${own.c.id}/terminate`, { version: ownSigned.body.version, reason: "Không đảm bảo tiến độ", amountToReturn: 0 }),
    );
    expect(selfTerminate.body.error).toMatchObject({ code: "TWO_PERSON_RULE", details: { rule: "terminate_preparer" } });
    expect(selfTerminate.body.error.message).toBe("Two-person rule: the person terminating the contract must not be the one who prepared it (offlead1)");
  });

  it("the task's guard names what is missing about the contract: none yet, or still a draft", async () => {
    const none = await approvedTask();
    expect(await contractSignedGuard(t.database.db, none.id)).toMatchObject({
      en: expect.stringContaining("The task has no contract yet: an officer draws one up"),
    });
    const { task, c } = await draft();
    expect(await contractSignedGuard(t.database.db, task.id)).toMatchObject({
      en: expect.stringContaining(`Contract ${c.number} is still a draft, not signed`),
    });
    expect(await paymentsSettledGuard(t.database.db, none.id)).toMatchObject({ vi: expect.stringContaining("Nhiệm vụ chưa có hợp đồng") });
  });

  it("the task page shows 'sign the contract' blocked until the contract is signed, with the next step: draft it, then open it", async () => {
    const signStep = async (taskId: string) => {
      const r = await officer.get(`/api/v1/tasks/${taskId}`);
      expect(r.status).toBe(200);
      return r.body.abilities.actions.find((a: { action: string }) => a.action === "sign_contract");
    };
    const task = await approvedTask();
    expect(await signStep(task.id)).toMatchObject({
      blocked: { code: "CONTRACT_NOT_SIGNED", message: expect.stringContaining("Nhiệm vụ chưa có hợp đồng"), next: { kind: "draft_contract" } },
    });
    const c = await draftContract(officer, task.id, { city: CITY, other: OTHER });
    expect(await signStep(task.id)).toMatchObject({
      blocked: {
        code: "CONTRACT_NOT_SIGNED",
        message: expect.stringContaining(`Hợp đồng ${c.number} còn là dự thảo`),
        next: { kind: "open_contract", contractId: c.id, number: c.number },
      },
    });
    // the command refuses the same way the page said
    const early = await officer.post(`/api/v1/tasks/${task.id}/sign_contract`, { version: (await officer.get(`/api/v1/tasks/${task.id}`)).body.version });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("CONTRACT_NOT_SIGNED");
    await signContract(leader, c);
    expect((await signStep(task.id)).blocked).toBeNull();
    const done = await officer.post(`/api/v1/tasks/${task.id}/sign_contract`, { version: (await officer.get(`/api/v1/tasks/${task.id}`)).body.version });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe("contracted");
  });

  it("visibility: staff see all; the PI and org rep their own; another PI and outsiders get 404", async () => {
    const { c } = await draft();
    for (const u of [officer, leader, finance, pi, orgRep]) expect((await u.get(`/api/v1/contracts/${c.id}`)).status).toBe(200);
    for (const u of [otherPi, enterprise]) {
      const r = await u.get(`/api/v1/contracts/${c.id}`);
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain(c.number);
    }
    const asPi = await pi.get(`/api/v1/contracts/${c.id}`);
    expect(asPi.body.abilities).toMatchObject({ read: true, update: false, sign: false, pay: false });
    const listOther = await otherPi.get(`/api/v1/contracts?pageSize=200`);
    expect(listOther.body.items.some((x: { id: string }) => x.id === c.id)).toBe(false);
    const listOwn = await pi.get(`/api/v1/contracts?pageSize=200`);
    expect(listOwn.body.items.some((x: { id: string }) => x.id === c.id)).toBe(true);
    const listEnt = await enterprise.get(`/api/v1/contracts`);
    expect(listEnt.body.total).toBe(0);
    const search = await officer.get(`/api/v1/contracts?q=${encodeURIComponent(c.number)}`);
    expect(search.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    // another PI cannot request an amendment on it either
    const amend = await otherPi.post(`/api/v1/contracts/${c.id}/amendments`, { kind: "schedule", reason: "abc", endDate: "2029-01-01" });
    expect(amend.status).toBe(404);
  });

  it("keeps the audit chain intact and the ledger rows never edited", async () => {
    const v = await verifyAuditChain(t.database.db);
    expect(v.ok).toBe(true);
    const all = await t.database.db.select().from(contracts);
    expect(all.every((c) => c.signedBy === null || c.signedBy !== c.preparedBy)).toBe(true);
  });
});
