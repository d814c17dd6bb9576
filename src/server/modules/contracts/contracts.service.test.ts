// The contract commands called as services (no HTTP): the two-person rules of signing, deciding a ledger entry,
// deciding an amendment and terminating; the payment limits against the ledger (pending entries count when recording,
// only approved ones when deciding); an approved amendment applied to the contract, its plan and the task; termination,
// settlement and liquidation. Each refusal leaves the record and its version as they were and writes no audit row of
// the command; each success writes exactly one, by the actor, in the same request as its effects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildApprovedTask, buildContract } from "../../testing/factories.js";
import { actorFor, auditRows, inLang, refusal, type TestActor } from "../../testing/ctx.js";
import { contractAmendments, contracts, contractTranches, tasks } from "../../db/schema/index.js";
import { amendmentInput, paymentInput } from "../../../common/api/contract.js";
import { liquidateContract, recordSettlement, signContract, terminateContract, updateContract } from "./contracts.commands.js";
import { decidePayment, recordPayment } from "./contracts.payments.js";
import { decideAmendment, requestAmendment } from "./contracts.amendments.js";
import { getContract } from "./contracts.read.js";

let t: TestApp;
let officerA: TestActor;
let officerB: TestActor;
let leaderA: TestActor;
let leaderB: TestActor;
let financeA: TestActor;
let financeB: TestActor;
let pi: TestActor;
let otherPi: TestActor;

beforeAll(async () => {
  t = await createTestApp();
  [officerA, officerB, leaderA, leaderB, financeA, financeB, otherPi] = [
    await actorFor(t, ["officer"], { person: false }),
    await actorFor(t, ["officer"], { person: false }),
    await actorFor(t, ["leader"], { person: false }),
    await actorFor(t, ["leader"], { person: false }),
    await actorFor(t, ["finance"], { person: false }),
    await actorFor(t, ["finance"], { person: false }),
    await actorFor(t, ["pi"]),
  ];
  pi = await actorFor(t, ["pi"]);
});
afterAll(async () => t?.close());

/** An approved task of the PI (600 million city, 150 million other) and its contract, half and half in two tranches. */
async function contractOf(
  o: { status?: "draft" | "signed"; preparedBy?: TestActor; valueCity?: number; tranches?: Parameters<typeof buildContract>[1]["tranches"] } = {},
) {
  const task = await buildApprovedTask(t.database.db, { piPersonId: pi.personId, leadOrganisationId: pi.organisationId });
  const { contract, trancheIds } = await buildContract(t.database.db, {
    task,
    preparedBy: (o.preparedBy ?? officerA).userId,
    status: o.status,
    signedBy: leaderB.userId,
    valueCity: o.valueCity,
    tranches: o.tranches,
  });
  return { task, c: contract, advance: trancheIds[0], tranche: trancheIds[1] };
}

const row = async (id: string) => (await t.database.db.select().from(contracts).where(eq(contracts.id, id)))[0];
const pay = (
  a: TestActor,
  id: string,
  trancheId: string | undefined,
  amount: number,
  kind: "payment" | "return" = "payment",
  source: "city" | "other" = "city",
) => recordPayment(a.ctx, id, paymentInput.parse({ kind, trancheId, source, amount, paidOn: "2026-11-27" }));
const approve = (a: TestActor, id: string, p: { id: string; version: number }) => decidePayment(a.ctx, id, p.id, "approve", { version: p.version });
const signedOn = (version: number) => ({ version, partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-26" });

describe(`contract commands as services (${testDbMode()})`, () => {
  it("signing: neither the preparer nor the last editor; a party or a stranger cannot; nothing moves until another signs", async () => {
    const { c } = await contractOf();
    // officer B edits the draft: the last editor
    const edited = await updateContract(officerB.ctx, c.id, {
      version: c.version,
      partyARepresentative: "Giám đốc Sở",
      partyBRepresentative: "Viện trưởng",
      valueCity: c.valueCity,
      valueOther: c.valueOther,
      startDate: c.startDate,
      endDate: c.endDate,
      terms: "Điều khoản đã sửa",
      products: [{ name: "Quy trình", outputType: "solution", quantity: 1, unit: "quy trình", qualityTarget: "Đạt" }],
    });
    const preparer = await refusal(signContract(officerA.ctx, c.id, signedOn(edited.version)));
    expect([preparer.code, preparer.status, preparer.details]).toEqual([
      "TWO_PERSON_RULE",
      409,
      { rule: "sign_preparer", rules: ["sign_preparer"], userId: officerA.userId },
    ]);
    const editor = await refusal(signContract(officerB.ctx, c.id, signedOn(edited.version)));
    expect(editor.details).toMatchObject({ rule: "sign_editor", userId: officerB.userId });
    expect((await refusal(signContract(pi.ctx, c.id, signedOn(edited.version)))).code).toBe("FORBIDDEN");
    expect((await refusal(signContract(otherPi.ctx, c.id, signedOn(edited.version)))).code).toBe("NOT_FOUND");
    const future = await refusal(signContract(leaderA.ctx, c.id, { ...signedOn(edited.version), partyBSignedOn: "2026-11-28" }));
    expect([future.code, future.params]).toEqual(["VALIDATION_FAILED", { today: "2026-11-27" }]);
    const stale = await refusal(signContract(leaderA.ctx, c.id, signedOn(edited.version - 1)));
    expect(stale.code).toBe("VERSION_CONFLICT");
    expect((stale.details as { current: { version: number } }).current.version).toBe(edited.version);
    expect(await row(c.id)).toMatchObject({ status: "draft", version: edited.version, signedBy: null });
    expect(await auditRows(t, c.id, "contract.sign")).toHaveLength(0);

    const signed = await signContract(leaderA.ctx, c.id, signedOn(edited.version));
    expect(signed).toMatchObject({ status: "signed", version: edited.version + 1 });
    expect(await row(c.id)).toMatchObject({ signedBy: leaderA.userId, signedAt: t.clock.now(), partyASignedOn: "2026-11-26" });
    const audits = await auditRows(t, c.id, "contract.sign");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: leaderA.userId,
      outcome: "success",
      at: t.clock.now(),
      before: { status: "draft", version: edited.version },
      after: { status: "signed", version: edited.version + 1 },
      details: { partyASignedOn: "2026-11-26", partyBSignedOn: "2026-11-26", preparedBy: officerA.userId },
    });
    const again = await refusal(signContract(leaderB.ctx, c.id, signedOn(signed.version)));
    expect([again.code, again.details]).toEqual(["INVALID_STATE", expect.objectContaining({ state: "signed", command: "sign" })]);
    expect((await refusal(signContract(inLang(leaderB.ctx, "en"), c.id, signedOn(signed.version)))).params).toMatchObject({ state: "Signed" });
  });

  it("signing: the plan must add up to the city value, and the value stay within the task's approved city budget", async () => {
    const short = await contractOf({
      tranches: [{ kind: "advance", label: "Tạm ứng", plannedDate: "2027-01-15", amountCity: 500_000_000 }],
    });
    const mismatch = await refusal(signContract(leaderA.ctx, short.c.id, signedOn(short.c.version)));
    expect([mismatch.code, mismatch.details]).toEqual(["PLAN_MISMATCH", { sum: 500_000_000, value: 600_000_000 }]);
    const over = await contractOf({ valueCity: 700_000_000 });
    const exceeds = await refusal(signContract(leaderA.ctx, over.c.id, signedOn(over.c.version)));
    expect(exceeds.code).toBe("VALUE_EXCEEDS_APPROVED");
    for (const x of [short, over]) {
      expect((await row(x.c.id)).status).toBe("draft");
      expect(await auditRows(t, x.c.id)).toHaveLength(0);
    }
  });

  it("payments: limits against the ledger (pending counted when recording, approved when deciding); a second person decides", async () => {
    const { c, advance, tranche } = await contractOf({ status: "signed" });
    const first = await pay(financeA, c.id, advance, 200_000_000);
    expect(first.status).toBe("pending");
    // 200 million pending on the 300 million advance: 100 million left to record
    const over = await refusal(pay(financeA, c.id, advance, 150_000_000));
    expect([over.code, over.details]).toEqual(["OVER_PAYMENT", { available: 100_000_000 }]);
    const otherSource = await refusal(pay(financeA, c.id, tranche, 150_000_001, "payment", "other"));
    expect([otherSource.code, otherSource.details]).toEqual(["OVER_PAYMENT", { available: 150_000_000 }]);
    const second = await pay(financeB, c.id, advance, 100_000_000);
    // the recorder never decides their own entry
    const own = await refusal(approve(financeA, c.id, first));
    expect(own.details).toMatchObject({ rule: "payment_recorder", userId: financeA.userId });
    expect((await refusal(approve(pi, c.id, first))).code).toBe("FORBIDDEN");
    expect((await refusal(approve(otherPi, c.id, first))).code).toBe("NOT_FOUND");
    expect((await refusal(decidePayment(financeB.ctx, c.id, first.id, "approve", { version: first.version + 1 }))).code).toBe("VERSION_CONFLICT");
    expect(await auditRows(t, first.id, "contract.payment.approve")).toHaveLength(0);
    await approve(financeA, c.id, second);
    const approved = await approve(leaderA, c.id, first);
    expect(approved).toMatchObject({ status: "approved" });
    const decided = await refusal(approve(financeB, c.id, approved));
    expect([decided.code, decided.status]).toEqual(["ALREADY_DECIDED", 409]);
    // the advance is paid in full: nothing more on it, even pending
    expect((await refusal(pay(financeA, c.id, advance, 1))).details).toEqual({ available: 0 });
    // returns: at most what was disbursed (300 million)
    expect((await refusal(pay(financeA, c.id, undefined, 300_000_001, "return"))).details).toEqual({ available: 300_000_000 });
    const audits = await auditRows(t, first.id);
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([
      ["contract.payment.record", financeA.userId],
      ["contract.payment.approve", leaderA.userId],
    ]);
    expect(audits[1]).toMatchObject({ before: { status: "pending" }, after: { status: "approved", amount: 200_000_000, preparedBy: financeA.userId } });
    // a ledger entry leaves the contract's own version where it was
    expect((await row(c.id)).version).toBe(c.version);
  });

  it("payments: none on a draft contract (INVALID_STATE naming the state); a refused entry writes nothing", async () => {
    const { c, advance } = await contractOf();
    const e = await refusal(pay(financeA, c.id, advance, 1_000_000));
    expect([e.code, e.details]).toEqual(["INVALID_STATE", { state: "draft", command: "pay", allowed: ["plan", "cancelTranche"] }]);
    expect((await getContract(officerA.ctx, c.id)).payments).toHaveLength(0);
  });

  it("amendments: decided by a leader other than the requester; a budget change applies to the contract, its last tranche and the task", async () => {
    const { task, c, tranche } = await contractOf({ status: "signed" });
    const asked = await requestAmendment(pi.ctx, c.id, amendmentInput.parse({ kind: "budget", reason: "Điều chỉnh dự toán", valueCity: 500_000_000 }));
    const a = asked.amendments[0];
    expect(a).toMatchObject({ status: "pending", kind: "budget" });
    expect((await refusal(decideAmendment(pi.ctx, c.id, a.id, "approve", { version: a.version }))).code).toBe("FORBIDDEN");
    const own = await requestAmendment(leaderA.ctx, c.id, amendmentInput.parse({ kind: "schedule", reason: "Gia hạn", endDate: "2029-06-30" }));
    const mine = own.amendments.find((x) => x.kind === "schedule")!;
    expect((await refusal(decideAmendment(leaderA.ctx, c.id, mine.id, "approve", { version: mine.version }))).details).toMatchObject({
      rule: "amendment_requester",
    });
    expect((await refusal(decideAmendment(leaderB.ctx, c.id, a.id, "approve", { version: a.version + 1 }))).code).toBe("VERSION_CONFLICT");
    const taskBefore = (await t.database.db.select().from(tasks).where(eq(tasks.id, task.id)))[0];

    const done = await decideAmendment(leaderB.ctx, c.id, a.id, "approve", { version: a.version, note: "Đồng ý" });
    expect(done).toMatchObject({ status: "amended", valueCity: 500_000_000 });
    const [last] = await t.database.db.select().from(contractTranches).where(eq(contractTranches.id, tranche));
    expect(last.amountCity).toBe(200_000_000); // 300 million less the 100 million the budget lost
    const [taskAfter] = await t.database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(taskAfter).toMatchObject({ approvedBudgetCity: 500_000_000, version: taskBefore.version + 1, updatedAt: t.clock.now() });
    const [stored] = await t.database.db.select().from(contractAmendments).where(eq(contractAmendments.id, a.id));
    expect(stored).toMatchObject({ status: "approved", decidedBy: leaderB.userId, previous: { valueCity: 600_000_000, valueOther: 150_000_000 } });
    // one request: the contract's transition and the task's amendment are audited together
    const [onContract] = await auditRows(t, c.id, "contract.approveAmendment");
    const [onTask] = await auditRows(t, task.id, "task.amend");
    expect(onContract).toMatchObject({ actorId: leaderB.userId, before: { status: "signed" }, after: { status: "amended", valueCity: 500_000_000 } });
    expect(onTask).toMatchObject({ actorId: leaderB.userId, before: { valueCity: 600_000_000 }, after: { approvedBudgetCity: 500_000_000 } });
    expect(onTask.correlationId).toBe(onContract.correlationId);
    expect(onTask.details).toEqual({ contractId: c.id, amendmentId: a.id });
    const twice = await refusal(decideAmendment(leaderB.ctx, c.id, a.id, "approve", { version: a.version + 1 }));
    expect(twice.code).toBe("ALREADY_DECIDED");
  });

  it("amendments: a budget below what was disbursed is refused when asked; a schedule change moves the task's end", async () => {
    const { task, c, advance } = await contractOf({ status: "signed" });
    await approve(leaderA, c.id, await pay(financeA, c.id, advance, 300_000_000));
    const below = await refusal(requestAmendment(pi.ctx, c.id, amendmentInput.parse({ kind: "budget", reason: "Giảm kinh phí", valueCity: 250_000_000 })));
    expect(below.code).toBe("BUDGET_BELOW_DISBURSED");
    expect(await auditRows(t, c.id, "contract.amendment.request")).toHaveLength(0);
    const asked = await requestAmendment(pi.ctx, c.id, amendmentInput.parse({ kind: "schedule", reason: "Gia hạn", endDate: "2029-06-30" }));
    await decideAmendment(leaderA.ctx, c.id, asked.amendments[0].id, "approve", { version: asked.amendments[0].version });
    expect((await t.database.db.select().from(tasks).where(eq(tasks.id, task.id)))[0].endDate).toBe("2029-06-30");
  });

  it("termination: a leader who did not prepare it, never more to return than disbursed; pending amendments withdrawn; then settle and liquidate", async () => {
    const { c, advance, tranche } = await contractOf({ status: "signed", preparedBy: leaderA });
    await approve(financeB, c.id, await pay(financeA, c.id, advance, 300_000_000));
    const pending = (await requestAmendment(pi.ctx, c.id, amendmentInput.parse({ kind: "schedule", reason: "Gia hạn", endDate: "2029-06-30" }))).amendments[0];
    const version = (await row(c.id)).version;
    const terminate = (a: TestActor, amountToReturn: number) => terminateContract(a.ctx, c.id, { version, reason: "Không tiếp tục thực hiện", amountToReturn });
    expect((await refusal(terminate(leaderA, 0))).details).toMatchObject({ rule: "terminate_preparer" });
    expect((await refusal(terminate(officerB, 0))).code).toBe("FORBIDDEN");
    const over = await refusal(terminate(leaderB, 300_000_001));
    expect([over.code, over.params]).toEqual(["OVER_RETURN", { amount: "300.000.001", disbursed: "300.000.000" }]);
    expect((await row(c.id)).status).toBe("signed");

    const ended = await terminate(leaderB, 50_000_000);
    expect(ended).toMatchObject({ status: "terminated" });
    expect(ended.amendments.find((x) => x.id === pending.id)).toMatchObject({ status: "withdrawn" });
    expect((await auditRows(t, c.id, "contract.terminate"))[0]).toMatchObject({
      actorId: leaderB.userId,
      details: { reason: "Không tiếp tục thực hiện", amountToReturn: 50_000_000, disbursed: 300_000_000 },
    });
    // terminated: no further payment (a condition: GUARD_FAILED) and no amendment (a state: INVALID_STATE)
    const noPay = await refusal(pay(financeA, c.id, tranche, 1_000_000));
    expect([noPay.code, (noPay.details as { reason: { en: string } }).reason.en]).toEqual(["GUARD_FAILED", expect.stringMatching(/terminated/i)]);
    expect((await refusal(requestAmendment(pi.ctx, c.id, amendmentInput.parse({ kind: "schedule", reason: "Gia hạn", endDate: "2029-12-31" })))).code).toBe(
      "INVALID_STATE",
    );

    // settlement: never more spent than disbursed
    const v = () => row(c.id).then((r) => r.version);
    const overSpent = await refusal(recordSettlement(financeA.ctx, c.id, { version: await v(), spentCity: 300_000_001 }));
    expect(overSpent.code).toBe("OVER_SPENT");
    await recordSettlement(financeA.ctx, c.id, { version: await v(), spentCity: 250_000_000 });
    const notYet = await refusal(liquidateContract(leaderB.ctx, c.id, { version: await v() }));
    expect(notYet.code).toBe("NOT_SETTLED");
    expect((notYet.details as { reasons: { en: string }[] }).reasons.map((r) => r.en)).toEqual([
      "advances are not settled: disbursed 300,000,000 VND, spent 250,000,000 VND, returned 0 VND",
      "the 50,000,000 VND to return on termination are not all returned",
    ]);
    await approve(financeB, c.id, await pay(financeA, c.id, undefined, 50_000_000, "return"));
    const liquidated = await liquidateContract(officerA.ctx, c.id, { version: await v() });
    expect(liquidated.status).toBe("liquidated");
    expect((await auditRows(t, c.id, "contract.liquidate"))[0]).toMatchObject({
      actorId: officerA.userId,
      details: { disbursed: 300_000_000, spent: 250_000_000, returned: 50_000_000 },
    });
  });
});
