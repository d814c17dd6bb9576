// A task's results called as services (no HTTP): the internal acceptance written only at its step and only by the
// task's performing side (a 403 stays a 403 at the wrong step, an unseen task is 404), versioned and audited with what
// it replaced; application reports numbered without gaps however many are filed at once, reviewed by an officer (a
// wrong state INVALID_STATE, an accepted report LOCKED before anything else), corrected only while the result is
// registered (GUARD_FAILED). Each refusal writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildTaskInProgress } from "../../testing/factories.js";
import { actorFor, auditRows, refusal, type TestActor } from "../../testing/ctx.js";
import { taskApplicationReports, taskInternalAcceptances, tasks } from "../../db/schema/index.js";
import { applicationInput, applicationReview, applicationUpdate, internalAcceptanceInput } from "../../../common/api/result.js";
import { fileApplication, reviewApplication, saveInternalAcceptance, updateApplication } from "./results.service.js";

let t: TestApp;
let officer: TestActor;
let pi: TestActor;
let orgRep: TestActor;
let otherPi: TestActor;

beforeAll(async () => {
  t = await createTestApp();
  officer = await actorFor(t, ["officer"], { person: false });
  pi = await actorFor(t, ["pi"]);
  orgRep = await actorFor(t, ["org_rep"], { person: false, organisationId: pi.organisationId });
  otherPi = await actorFor(t, ["pi"]);
});
afterAll(async () => t?.close());

const taskAt = async (state: string) =>
  (
    await buildTaskInProgress(t.database.db, {
      piPersonId: pi.personId!,
      leadOrganisationId: pi.organisationId!,
      ownerUserId: pi.userId,
      startDate: "2026-01-01",
      endDate: "2027-12-31",
      state,
    })
  ).taskId;
const moveTask = (id: string, state: string) => t.database.db.update(tasks).set({ state }).where(eq(tasks.id, id));

const internal = (over: Record<string, unknown> = {}) =>
  internalAcceptanceInput.parse({ heldOn: "2027-11-20", members: [{ name: "PGS.TS. Trần Thị Bình", position: "Chủ tịch" }], conclusion: "pass", ...over });
const application = (over: Record<string, unknown> = {}) =>
  applicationInput.parse({
    place: "Hợp tác xã đánh cá Đồ Sơn",
    form: "production",
    scale: "12 vỏ tàu",
    startedOn: "2028-03-01",
    economicEffect: "Giảm 18% chi phí bảo dưỡng",
    economicValue: 450_000_000,
    socialEffect: null,
    beneficiaries: 40,
    evidenceDocumentIds: [],
    ...over,
  });

describe(`task results as services (${testDbMode()})`, () => {
  it("internal acceptance: only at its step (GUARD_FAILED to the performing side, 403 stays 403, unseen 404); nothing written", async () => {
    const early = await taskAt("in_progress");
    const guard = await refusal(saveInternalAcceptance(pi.ctx, early, internal()));
    expect([guard.code, (guard.details as { taskState: string }).taskState]).toEqual(["GUARD_FAILED", "in_progress"]);
    expect((await refusal(saveInternalAcceptance(officer.ctx, early, internal()))).code).toBe("FORBIDDEN");
    expect((await refusal(saveInternalAcceptance(otherPi.ctx, early, internal()))).code).toBe("NOT_FOUND");
    const at = await taskAt("internal_acceptance");
    expect((await refusal(saveInternalAcceptance(officer.ctx, at, internal()))).code).toBe("FORBIDDEN");
    expect((await refusal(saveInternalAcceptance(otherPi.ctx, at, internal()))).code).toBe("NOT_FOUND");
    for (const id of [early, at]) {
      expect(await t.database.db.select().from(taskInternalAcceptances).where(eq(taskInternalAcceptances.taskId, id))).toHaveLength(0);
      expect(await auditRows(t, id)).toHaveLength(0);
    }
  });

  it("internal acceptance: created by the organisation's representative, changed by the PI at the version read, audited with what it replaced", async () => {
    const id = await taskAt("internal_acceptance");
    const created = await saveInternalAcceptance(orgRep.ctx, id, internal());
    expect(created).toMatchObject({ conclusion: "pass", version: 1, updatedAt: t.clock.now().toISOString() });
    const stale = await refusal(saveInternalAcceptance(pi.ctx, id, internal({ conclusion: "fail" })));
    expect([stale.code, (stale.details as { current: { version: number } }).current.version]).toEqual(["VERSION_CONFLICT", 1]);
    t.clock.advance(60_000);
    const changed = await saveInternalAcceptance(pi.ctx, id, internal({ conclusion: "fail", version: 1 }));
    expect(changed).toMatchObject({ conclusion: "fail", version: 2, updatedAt: t.clock.now().toISOString() });
    expect((await auditRows(t, id)).map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ["internal_acceptance.create", orgRep.userId, null, expect.objectContaining({ conclusion: "pass", version: 1 })],
      ["internal_acceptance.update", pi.userId, expect.objectContaining({ conclusion: "pass" }), expect.objectContaining({ conclusion: "fail", version: 2 })],
    ]);
    // the task moves on: the record stays as it was
    await moveTask(id, "acceptance_dossier");
    expect((await refusal(saveInternalAcceptance(pi.ctx, id, internal({ conclusion: "pass", version: 2 })))).code).toBe("GUARD_FAILED");
    expect((await t.database.db.select().from(taskInternalAcceptances).where(eq(taskInternalAcceptances.taskId, id)))[0]).toMatchObject({
      conclusion: "fail",
      version: 2,
    });
  });

  it("application reports: filed at once, numbered 1…n without gaps; only by the performing side of a registered result", async () => {
    const id = await taskAt("registered");
    const filed = await Promise.all(Array.from({ length: 6 }, (_, i) => fileApplication((i % 2 ? orgRep : pi).ctx, id, application({ scale: `${i} vỏ tàu` }))));
    expect(filed.map((r) => r.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await refusal(fileApplication(officer.ctx, id, application()))).code).toBe("FORBIDDEN");
    expect((await refusal(fileApplication(otherPi.ctx, id, application()))).code).toBe("NOT_FOUND");
    const noEffect = await refusal(fileApplication(pi.ctx, id, application({ economicEffect: null, socialEffect: null })));
    expect(noEffect.code).toBe("VALIDATION_FAILED");
    const before = await taskAt("accepted");
    expect((await refusal(fileApplication(pi.ctx, before, application()))).code).toBe("GUARD_FAILED");
    expect(await t.database.db.select().from(taskApplicationReports).where(eq(taskApplicationReports.taskId, id))).toHaveLength(6);
  });

  it("application review: an officer returns or accepts a submitted report; accepted is LOCKED before any other check; corrections need a registered result", async () => {
    const id = await taskAt("registered");
    const a = await fileApplication(pi.ctx, id, application());
    const b = await fileApplication(pi.ctx, id, application({ place: "Trường Cao đẳng Hàng hải" }));
    const review = (who: TestActor, r: { id: string }, body: Record<string, unknown>, taskId = id) =>
      reviewApplication(who.ctx, taskId, r.id, applicationReview.parse(body));
    expect((await refusal(review(pi, a, { decision: "accepted", version: a.version }))).code).toBe("FORBIDDEN");
    expect((await refusal(review(officer, a, { decision: "accepted", version: a.version }, await taskAt("registered")))).code).toBe("NOT_FOUND");
    expect((await refusal(review(officer, a, { decision: "accepted", version: a.version + 1 }))).code).toBe("VERSION_CONFLICT");

    const back = await review(officer, a, { decision: "needs_revision", comment: "Bổ sung hợp đồng chuyển giao", version: a.version });
    expect(back).toMatchObject({ status: "needs_revision", reviewComment: "Bổ sung hợp đồng chuyển giao", reviewedAt: t.clock.now().toISOString() });
    const wrong = await refusal(review(officer, a, { decision: "accepted", version: back.version }));
    expect([wrong.code, wrong.details]).toEqual(["INVALID_STATE", expect.objectContaining({ state: "needs_revision", command: "accept" })]);
    const fixed = await updateApplication(orgRep.ctx, id, a.id, applicationUpdate.parse({ ...application({ scale: "15 vỏ tàu" }), version: back.version }));
    expect(fixed).toMatchObject({ status: "submitted", scale: "15 vỏ tàu" });
    const accepted = await review(officer, a, { decision: "accepted", version: fixed.version });
    expect(accepted.status).toBe("accepted");
    expect((await auditRows(t, a.id)).map((x) => [x.action, x.actorId, x.after])).toEqual([
      ["application_report.create", pi.userId, expect.anything()],
      ["application_report.return", officer.userId, expect.objectContaining({ status: "needs_revision" })],
      ["application_report.update", orgRep.userId, expect.objectContaining({ status: "submitted", scale: "15 vỏ tàu" })],
      ["application_report.accept", officer.userId, expect.objectContaining({ status: "accepted" })],
    ]);

    // accepted: LOCKED whatever the version, the decision or the one asking
    for (const call of [
      () => review(officer, a, { decision: "accepted", version: accepted.version }),
      () => review(officer, a, { decision: "needs_revision", comment: "Lại", version: 1 }),
      () => updateApplication(pi.ctx, id, a.id, applicationUpdate.parse({ ...application(), version: accepted.version })),
    ]) {
      const e = await refusal(call());
      expect([e.code, e.details]).toEqual(["LOCKED", { status: "accepted" }]);
    }
    // a result no longer registered takes no correction (a condition on the task, not the report's state)
    await moveTask(id, "accepted");
    const notRegistered = await refusal(updateApplication(pi.ctx, id, b.id, applicationUpdate.parse({ ...application(), version: b.version })));
    expect([notRegistered.code, (notRegistered.details as { taskState: string }).taskState]).toEqual(["GUARD_FAILED", "accepted"]);
    expect((await t.database.db.select().from(taskApplicationReports).where(eq(taskApplicationReports.id, b.id)))[0]).toMatchObject({
      version: b.version,
      place: "Trường Cao đẳng Hàng hải",
    });
  });
});
