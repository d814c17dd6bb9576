// A council's rules called as services (no HTTP), on an identification council of seven (TT 06/2023): a refusal for a
// conflict of interest is kept (the checks and the denied audit row committed, the council unchanged); quorum by 2/3
// with the chair, both reviewers and the secretary; the outcome of each proposal from the ballots (more than 3/4 of
// them); a concluded council locked (409 LOCKED for every write but a leader's re-opening with a reason).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildTask } from "../../testing/factories.js";
import { actorFor, auditRows, refusal, type TestActor } from "../../testing/ctx.js";
import { councilConflictChecks, councilResults, councils, tasks } from "../../db/schema/index.js";
import { attendanceInput, ballotInput, councilInput, councilListQuery, councilUpdate, memberInput } from "../../../common/api/council.js";
import type { Council } from "../../../common/api/council.js";
import { addMember, overrideMemberConflict } from "./councils.members.js";
import { createCouncil, recordAttendance, signDeclaration, transitionCouncil, updateCouncil } from "./councils.commands.js";
import { getCouncil, listCouncils } from "./councils.read.js";
import { saveBallot } from "./councils.ballots.js";
import { councilOutcomeForTask } from "./councils.outcome.js";

let t: TestApp;
let officer: TestActor;
let leader: TestActor;
const experts: TestActor[] = [];
let p1: string;
let p2: string;
let c: Council;
const ROLES = ["chair", "reviewer", "reviewer", "scientific_secretary", "member", "member", "member"] as const;
const CRITERIA = ["urgency", "scope", "no_overlap", "applicability", "resources"];

beforeAll(async () => {
  t = await createTestApp();
  officer = await actorFor(t, ["officer"], { person: false });
  leader = await actorFor(t, ["leader"], { person: false });
  for (let i = 0; i < 8; i++) experts.push(await actorFor(t, ["expert"], { organisationId: null }));
  p1 = (await buildTask(t.database.db, { state: "identification" })).id;
  p2 = (await buildTask(t.database.db, { state: "identification" })).id;
});
afterAll(async () => t?.close());

const reload = async () => (c = await getCouncil(officer.ctx, c.id));
const stored = async () => (await t.database.db.select().from(councils).where(eq(councils.id, c.id)))[0];
const checksOf = async () => (await t.database.db.select().from(councilConflictChecks).where(eq(councilConflictChecks.councilId, c.id))).length;
const memberOf = (a: TestActor) => c.members.find((m) => m.personId === a.personId)!;
const ballot = (a: TestActor, subjectId: string, approve: boolean) =>
  saveBallot(
    a.ctx,
    c.id,
    subjectId,
    ballotInput.parse({ scores: CRITERIA.map((k) => ({ criterionKey: k, met: approve || k !== "no_overlap" })), submit: true }),
  );

describe(`council rules as services (${testDbMode()})`, () => {
  it("a member in conflict is refused when added: the check and the denied audit row are kept, the council unchanged", async () => {
    c = await createCouncil(officer.ctx, councilInput.parse({ kind: "identification", title: "Hội đồng xác định nhiệm vụ 2027", taskIds: [p1, p2] }));
    for (const [i, role] of ROLES.entries())
      c = await addMember(officer.ctx, c.id, memberInput.parse({ version: c.version, personId: experts[i].personId, role }));
    expect(c.members).toHaveLength(7);
    // expert 7 becomes the proposal's principal investigator
    await t.database.db.update(tasks).set({ piPersonId: experts[7].personId }).where(eq(tasks.id, p1));
    const before = { version: c.version, checks: await checksOf() };
    const refused = await refusal(addMember(officer.ctx, c.id, memberInput.parse({ version: c.version, personId: experts[7].personId, role: "member" })));
    expect([refused.code, refused.status]).toEqual(["CONFLICT_OF_INTEREST", 409]);
    expect((refused.details as { lines: { code: string }[] }).lines.map((l) => l.code)).toContain("pi");
    // an officer's reason does not override: only a leader or an administrator may
    const withReason = memberInput.parse({ version: c.version, personId: experts[7].personId, role: "member", overrideReason: "Không có chuyên gia khác" });
    expect((await refusal(addMember(officer.ctx, c.id, withReason))).code).toBe("CONFLICT_OF_INTEREST");
    expect(await stored()).toMatchObject({ version: before.version, status: "draft" });
    expect((await reload()).members).toHaveLength(7);
    expect(await checksOf()).toBe(before.checks + 2);
    const denied = await auditRows(t, c.id, "council.member_refused");
    expect(denied.map((a) => [a.outcome, a.actorId, (a.details as { personId: string }).personId])).toEqual([
      ["denied", officer.userId, experts[7].personId],
      ["denied", officer.userId, experts[7].personId],
    ]);
    await t.database.db.update(tasks).set({ piPersonId: null }).where(eq(tasks.id, p1));
  });

  it("invitation: a sitting member found in conflict since blocks it (every member checked again and kept); a leader's override lets it go", async () => {
    const sitting = experts[6];
    await t.database.db.update(tasks).set({ piPersonId: sitting.personId }).where(eq(tasks.id, p2));
    const before = { version: c.version, checks: await checksOf() };
    const refused = await refusal(transitionCouncil(officer.ctx, c.id, "invite", { version: c.version }));
    expect(refused.code).toBe("CONFLICT_OF_INTEREST");
    const blocked = (refused.details as { members: { personId: string; lines: { code: string }[] }[] }).members;
    expect(blocked.map((m) => [m.personId, m.lines.map((l) => l.code)])).toEqual([[sitting.personId, ["pi"]]]);
    expect(refused.params.members).toContain(memberOf(sitting).fullName);
    expect(await stored()).toMatchObject({ version: before.version, status: "draft", invitedAt: null });
    expect(await checksOf()).toBe(before.checks + 7);
    expect((await auditRows(t, c.id, "council.invite_refused")).map((a) => a.outcome)).toEqual(["denied"]);
    expect(await auditRows(t, c.id, "council.invite")).toHaveLength(0);

    expect((await refusal(overrideMemberConflict(officer.ctx, c.id, memberOf(sitting).id, { version: c.version, reason: "Đã xem xét" }))).code).toBe(
      "FORBIDDEN",
    );
    c = await overrideMemberConflict(leader.ctx, c.id, memberOf(sitting).id, { version: c.version, reason: "Chủ nhiệm đề xuất khác, đã xem xét" });
    c = await transitionCouncil(officer.ctx, c.id, "invite", { version: c.version });
    expect(c.status).toBe("invited");
    const [invite] = await auditRows(t, c.id, "council.invite");
    expect(invite).toMatchObject({
      actorId: officer.userId,
      outcome: "success",
      before: { status: "draft" },
      after: { status: "invited" },
      details: { members: 7 },
    });
  });

  it("quorum: two thirds of the voting members with the chair, both reviewers and the secretary; no conclusion without it", async () => {
    c = await transitionCouncil(officer.ctx, c.id, "open", { version: c.version });
    const attend = async (present: number[]) => {
      c = await recordAttendance(
        officer.ctx,
        c.id,
        attendanceInput.parse({ version: c.version, members: experts.slice(0, 7).map((e, i) => ({ memberId: memberOf(e).id, present: present.includes(i) })) }),
      );
      return c.quorum;
    };
    expect(await attend([1, 2, 3, 4, 5, 6])).toMatchObject({ met: false, present: 6, required: 5, reasons: ["chair_absent"] });
    const noQuorum = await refusal(transitionCouncil(officer.ctx, c.id, "conclude", { version: c.version }));
    expect([noQuorum.code, noQuorum.details]).toEqual(["COUNCIL_NO_QUORUM", { quorum: expect.objectContaining({ met: false, reasons: ["chair_absent"] }) }]);
    expect(await attend([0, 1, 2, 3])).toMatchObject({ met: false, present: 4, reasons: ["too_few_present"] });
    expect(await attend([0, 1, 3, 4, 5])).toMatchObject({ met: false, present: 5, reasons: ["reviewer_absent"] });
    expect(await attend([0, 1, 2, 3, 4])).toMatchObject({ met: true, present: 5, required: 5, reasons: [] });
    expect((await stored()).quorumMet).toBe(true);
    expect(await t.database.db.select().from(councilResults).where(eq(councilResults.councilId, c.id))).toHaveLength(0);
    expect(await auditRows(t, c.id, "council.conclude")).toHaveLength(0);
  });

  it("conclusion: every present member's ballots first; each proposal recommended by more than 3/4 of the ballots", async () => {
    const [s1, s2] = c.subjects.map((s) => s.id);
    const present = experts.slice(0, 5);
    for (const [i, e] of present.entries()) {
      await signDeclaration(e.ctx, c.id, { statement: "Tôi cam kết không có xung đột lợi ích" });
      await ballot(e, s1, i !== 0); // 4 of 5
      if (i < 4) await ballot(e, s2, i >= 2); // 3 of 5 once the last is in
    }
    const missing = await refusal(transitionCouncil(officer.ctx, c.id, "conclude", { version: c.version }));
    expect([missing.code, missing.details]).toEqual(["BALLOTS_MISSING", { missing: 1 }]);
    expect((await stored()).status).toBe("in_session");
    await ballot(present[4], s2, true);

    c = await transitionCouncil(officer.ctx, c.id, "conclude", { version: c.version });
    expect(c.status).toBe("concluded");
    expect(c.results!.map((r) => [r.subjectId, r.approvals, r.ballots, r.passed])).toEqual([
      [s1, 4, 5, true],
      [s2, 3, 5, false],
    ]);
    expect(await councilOutcomeForTask(t.database.db, p1, "identification")).toMatchObject({ concluded: true, quorumMet: true, recommended: true });
    expect(await councilOutcomeForTask(t.database.db, p2, "identification")).toMatchObject({ concluded: true, recommended: false });
    const [conclude] = await auditRows(t, c.id, "council.conclude");
    expect(conclude).toMatchObject({
      actorId: officer.userId,
      before: { status: "in_session" },
      after: { status: "concluded" },
      details: {
        quorum: { met: true, present: 5 },
        results: [
          { subjectId: s1, passed: true },
          { subjectId: s2, passed: false },
        ],
      },
    });
    expect((await stored()).concludedAt).toEqual(t.clock.now());
  });

  it("concluded: every write answers 409 LOCKED (the trigger underneath); only a leader re-opens, with a reason, and the results go", async () => {
    const [s1] = c.subjects.map((s) => s.id);
    const writes: [string, () => Promise<unknown>][] = [
      ["ballot", () => ballot(experts[5], s1, true)],
      [
        "attendance",
        () => recordAttendance(officer.ctx, c.id, attendanceInput.parse({ version: c.version, members: [{ memberId: c.members[0].id, present: false }] })),
      ],
      ["update", () => updateCouncil(officer.ctx, c.id, councilUpdate.parse({ version: c.version, title: "Đổi tên" }))],
      ["member", () => addMember(officer.ctx, c.id, memberInput.parse({ version: c.version, personId: experts[7].personId, role: "member" }))],
      ["conclude", () => transitionCouncil(officer.ctx, c.id, "conclude", { version: c.version })],
      ["cancel", () => transitionCouncil(officer.ctx, c.id, "cancel", { version: c.version, reason: "Huỷ" })],
      ["override", () => overrideMemberConflict(leader.ctx, c.id, memberOf(experts[6]).id, { version: c.version, reason: "Đã xem xét" })],
    ];
    for (const [name, w] of writes) {
      const e = await refusal(w());
      expect([name, e.code, e.status, e.details]).toEqual([name, "LOCKED", 409, { status: "concluded" }]);
    }
    expect(await stored()).toMatchObject({ status: "concluded", version: c.version });
    await expect(t.database.db.execute(sql`UPDATE council_results SET passed = NOT passed WHERE council_id = ${c.id}`)).rejects.toThrow();

    expect((await refusal(transitionCouncil(officer.ctx, c.id, "reopen", { version: c.version, reason: "Sai sót" }))).code).toBe("FORBIDDEN");
    expect((await refusal(transitionCouncil(leader.ctx, c.id, "reopen", { version: c.version, reason: "  " }))).code).toBe("VALIDATION_FAILED");
    expect((await refusal(transitionCouncil(leader.ctx, c.id, "reopen", { version: c.version - 1, reason: "Sai sót" }))).code).toBe("VERSION_CONFLICT");
    c = await transitionCouncil(leader.ctx, c.id, "reopen", { version: c.version, reason: "Sai sót trong phiếu" });
    expect(c.status).toBe("in_session");
    expect(await t.database.db.select().from(councilResults).where(eq(councilResults.councilId, c.id))).toHaveLength(0);
    expect((await auditRows(t, c.id, "council.reopen"))[0]).toMatchObject({
      actorId: leader.userId,
      details: { reason: "Sai sót trong phiếu", resultsRemoved: 2 },
    });
    expect(await councilOutcomeForTask(t.database.db, p1, "identification")).toMatchObject({ concluded: false, recommended: null });
  });

  it("the list: since when each council is at its status, its next step, its deadline (the meeting, while still to meet), most urgent first", async () => {
    const now = t.clock.now();
    const day = 86_400_000;
    const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
    const task = async () => (await buildTask(t.database.db, { state: "identification" })).id;
    const late = await createCouncil(
      officer.ctx,
      councilInput.parse({ kind: "identification", title: "Hội đồng họp đã quá ngày", meetingAt: at(-3), taskIds: [await task()] }),
    );
    const soon = await createCouncil(
      officer.ctx,
      councilInput.parse({ kind: "identification", title: "Hội đồng họp tuần sau", meetingAt: at(7), taskIds: [await task()] }),
    );
    t.clock.advance(2 * day);
    const undated = await createCouncil(
      officer.ctx,
      councilInput.parse({ kind: "identification", title: "Hội đồng chưa định ngày họp", taskIds: [await task()] }),
    );
    const ids = [late.id, soon.id, undated.id, c.id];
    const list = await listCouncils(officer.ctx, councilListQuery.parse({ sort: "urgency", pageSize: 100 }));
    const mine = list.items.filter((x) => ids.includes(x.id));
    // overdue first, then the nearest meeting, then the longest waiting without a deadline (the session re-opened
    // earlier in this file waits since its re-opening, the undated draft since now)
    expect(mine.map((x) => x.id)).toEqual([late.id, soon.id, c.id, undated.id]);
    const vnDay = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect(mine[0]).toMatchObject({ status: "draft", deadline: vnDay(at(-3)), overdue: true, statusSince: now.toISOString() });
    expect(mine[0].nextAction).toMatchObject({ action: "invite", labelVi: "Gửi giấy mời" });
    expect(mine[1]).toMatchObject({ deadline: vnDay(at(7)), overdue: false });
    // a session that has met has no deadline; its next step is the conclusion
    expect(mine[2]).toMatchObject({ status: "in_session", deadline: null, overdue: false });
    expect(mine[2].nextAction?.action).toBe("conclude");
    expect(mine[3]).toMatchObject({ deadline: null, overdue: false, statusSince: t.clock.now().toISOString() });
    // the other way round: the ones without a deadline first, the overdue last
    const reversed = (await listCouncils(officer.ctx, councilListQuery.parse({ sort: "-urgency", pageSize: 100 }))).items.filter((x) => ids.includes(x.id));
    expect(reversed.map((x) => x.id)).toEqual([undated.id, c.id, soon.id, late.id]);
  });
});
