// "Việc của tôi" (GET /me/work) per role: which items each role gets from the modules' sources, with the next action
// from the process template or the module's lifecycle, the page where it is taken, the deadline and "overdue"; the
// order (overdue first, then the nearest deadline, then the longest waiting); and that another user's items never
// appear. Service-level, with the test clock; one HTTP call for the route's contract.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestApp, type TestApp } from "../../testing/harness.js";
import { buildApprovedTask, buildContract, buildDossier, buildTask, buildTaskInProgress, signedIn, stamps } from "../../testing/factories.js";
import { actorFor } from "../../testing/ctx.js";
import {
  calls,
  contractPayments,
  councilMembers,
  councils,
  councilSubjects,
  progressReports,
  statisticalPeriods,
  statisticalReports,
} from "../../db/schema/index.js";
import { testClockOf } from "../../testing/test-clock.js";
import { vietnamDate } from "../../platform/clock.js";
import { myWork } from "./me.work.js";
import { myWork as myWorkSchema, WORK_ITEMS_PER_SOURCE, type WorkItem } from "../../../common/api/work.js";

let t: TestApp;
const day = (offset: number) => {
  const now = testClockOf(t.database.db).now();
  return vietnamDate(new Date(now.getTime() + offset * 86_400_000));
};
const at = (offset: number) => new Date(testClockOf(t.database.db).now().getTime() + offset * 86_400_000);
const keys = (items: WorkItem[]) => items.map((i) => i.key);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("officer", () => {
  it("gets the tasks waiting for an officer step with the template's next action, and councils to form", async () => {
    const db = t.database.db;
    const officer = await actorFor(t, ["officer"], { person: false });
    const proposal = await buildTask(db, { state: "proposal", stateEnteredAt: at(-3) });
    const opened = await buildTask(db, { state: "dossier_opened", stateEnteredAt: at(-5) });
    const toForm = await buildTask(db, { state: "selection_council", stateEnteredAt: at(-1) });
    const leaders = await buildTask(db, { state: "decision_prepared" });
    const inProgress = await buildTask(db, { state: "in_progress" });
    const work = await myWork(officer.ctx);
    const byTask = (id: string) => work.items.filter((i) => i.href.includes(id));
    expect(byTask(proposal.id).map((i) => [i.action, i.actionVi, i.role])).toEqual([["send_to_identification", "Đưa ra hội đồng xác định", "officer"]]);
    // the way forward, not the end ("Hồ sơ không hợp lệ" is listed first)
    expect(byTask(opened.id).map((i) => i.action)).toEqual(["convene_selection"]);
    expect(byTask(toForm.id).map((i) => [i.action, i.actionVi, i.href])).toEqual([
      ["form_council", "Lập hội đồng", `/councils?create=selection&task=${toForm.id}&code=${encodeURIComponent(toForm.code)}`],
    ]);
    expect(byTask(leaders.id)).toEqual([]);
    expect(byTask(inProgress.id)).toEqual([]);
    const proposalItem = byTask(proposal.id)[0];
    expect(proposalItem).toMatchObject({ source: "tasks", recordCode: proposal.code, href: `/tasks/${proposal.id}`, waitingSince: at(-3).toISOString() });
    const group = work.groups.find((g) => g.action === "form_council");
    expect(group?.count).toBeGreaterThanOrEqual(1);
    // the longest waiting first among items without a deadline
    expect(keys(work.items).indexOf(`task:${opened.id}:convene_selection`)).toBeLessThan(
      keys(work.items).indexOf(`task:${proposal.id}:send_to_identification`),
    );
  });

  it("a step that waits now is listed behind any number of older tasks in progress far from their end", async () => {
    const db = t.database.db;
    // a university's representative: its tasks in progress (entered long ago, ending next year) outnumber what a
    // source lists; they are not work yet, and the revision that waits now must still be listed
    const rep = await actorFor(t, ["org_rep"], { person: false });
    const org = rep.organisationId!;
    const long = at(-300).toISOString();
    await db.execute(sql`
      INSERT INTO tasks (code, title_vi, task_type, template_key, template_version, state, year, lead_organisation_id,
                         state_entered_at, end_date, created_at, updated_at)
      SELECT 'ĐT.MANY.' || g, 'Nhiệm vụ đang thực hiện ' || g, 'de_tai', 'baseline-2013', 1, 'in_progress', 2026, ${org}::uuid,
             ${long}::timestamptz, ${day(400)}::date, ${long}::timestamptz, ${long}::timestamptz
        FROM generate_series(1, ${WORK_ITEMS_PER_SOURCE + 10}) g`);
    const fresh = await buildTask(db, { state: "revision", leadOrganisationId: org });
    const work = await myWork(rep.ctx);
    expect(work.items.filter((i) => i.href === `/tasks/${fresh.id}`).map((i) => i.action)).toEqual(["submit_revision"]);
    expect(work.items.some((i) => i.recordCode?.startsWith("ĐT.MANY."))).toBe(false);
    await db.execute(sql`DELETE FROM tasks WHERE code LIKE 'ĐT.MANY.%'`);
  });

  it("gets councils to convene and submitted reports to review", async () => {
    const db = t.database.db;
    const officer = await actorFor(t, ["officer"], { person: false });
    const task = await buildTask(db, { state: "selection_council" });
    const council = await insertCouncil(task.id, "draft", at(2));
    const work = await myWork(officer.ctx);
    expect(work.items.find((i) => i.key === `council:${council}:invite`)).toMatchObject({
      actionVi: "Gửi giấy mời",
      deadline: day(2),
      overdue: false,
      href: `/councils/${council}`,
    });
    // the task's council exists: no "Lập hội đồng" for it any more, and the step's own action is the officer's
    expect(work.items.filter((i) => i.href.includes(task.id)).map((i) => i.action)).toEqual(["select"]);
  });
});

describe("leader", () => {
  it("gets the approvals waiting for a leader, not the officers' steps", async () => {
    const db = t.database.db;
    const leader = await actorFor(t, ["leader"], { person: false });
    const decision = await buildTask(db, { state: "decision_prepared" });
    const proposal = await buildTask(db, { state: "proposal" });
    const running = await buildTask(db, { state: "in_progress" });
    const work = await myWork(leader.ctx);
    expect(work.items.filter((i) => i.href === `/tasks/${decision.id}`).map((i) => [i.action, i.actionVi, i.role])).toEqual([
      ["approve", "Ký quyết định phê duyệt", "leader"],
    ]);
    // terminating is possible in progress, but nothing waits for it
    expect(work.items.filter((i) => i.href === `/tasks/${running.id}` || i.href === `/tasks/${proposal.id}`)).toEqual([]);
  });
});

describe("finance", () => {
  it("gets ledger entries to decide that another user recorded, never their own", async () => {
    const db = t.database.db;
    const [financeA, financeB, officer] = [
      await actorFor(t, ["finance"], { person: false }),
      await actorFor(t, ["finance"], { person: false }),
      await actorFor(t, ["officer"], { person: false }),
    ];
    const pi = await actorFor(t, ["pi"]);
    const task = await buildApprovedTask(db, { piPersonId: pi.personId, leadOrganisationId: pi.organisationId });
    const { contract, trancheIds } = await buildContract(db, { task, preparedBy: officer.userId, status: "signed", signedBy: financeB.userId });
    const [mine] = await db
      .insert(contractPayments)
      .values({
        contractId: contract.id,
        trancheId: trancheIds[0],
        kind: "payment",
        source: "city",
        amount: 1_000_000,
        paidOn: day(0),
        preparedBy: financeA.userId,
        preparedAt: at(-2),
      })
      .returning();
    const [theirs] = await db
      .insert(contractPayments)
      .values({
        contractId: contract.id,
        trancheId: trancheIds[0],
        kind: "payment",
        source: "city",
        amount: 2_000_000,
        paidOn: day(0),
        preparedBy: financeB.userId,
        preparedAt: at(-1),
      })
      .returning();
    const a = await myWork(financeA.ctx);
    expect(a.items.find((i) => i.key === `payment:${theirs.id}`)).toMatchObject({
      action: "decidePayment",
      actionVi: "Duyệt khoản chi",
      recordCode: contract.number,
      role: "finance",
    });
    expect(a.items.some((i) => i.key === `payment:${mine.id}`)).toBe(false);
    const b = await myWork(financeB.ctx);
    expect(b.items.some((i) => i.key === `payment:${mine.id}`)).toBe(true);
    // a PI has nothing to decide
    expect((await myWork(pi.ctx)).items.filter((i) => i.source === "contracts")).toEqual([]);
  });
});

describe("contracts to sign and tranches to pay", () => {
  it("a leader gets the drafts someone else prepared, to sign; finance the tranches falling due with nothing recorded", async () => {
    const db = t.database.db;
    const [officer, leader, finance] = [
      await actorFor(t, ["officer"], { person: false }),
      await actorFor(t, ["leader"], { person: false }),
      await actorFor(t, ["finance"], { person: false }),
    ];
    const pi = await actorFor(t, ["pi"]);
    const approved = () => buildApprovedTask(db, { piPersonId: pi.personId, leadOrganisationId: pi.organisationId });
    const { contract: draft } = await buildContract(db, { task: await approved(), preparedBy: officer.userId });
    const { contract: ownDraft } = await buildContract(db, { task: await approved(), preparedBy: leader.userId });
    const l = await myWork(leader.ctx);
    expect(l.items.find((i) => i.key === `sign:${draft.id}`)).toMatchObject({
      source: "contracts",
      action: "sign",
      actionVi: "Ký hợp đồng",
      recordCode: draft.number,
      href: `/contracts/${draft.id}`,
      role: "leader",
    });
    // the two-person rule: never the leader's own draft
    expect(l.items.some((i) => i.key === `sign:${ownDraft.id}`)).toBe(false);
    expect((await myWork(officer.ctx)).items.some((i) => i.key.startsWith("sign:"))).toBe(false);

    const { contract, trancheIds } = await buildContract(db, {
      task: await approved(),
      preparedBy: officer.userId,
      status: "signed",
      signedBy: leader.userId,
      valueCity: 300_000_000,
      valueOther: 0,
      tranches: [
        { kind: "advance", label: "Tạm ứng đợt 1", plannedDate: day(-3), amountCity: 100_000_000, amountOther: 0 },
        { kind: "tranche", label: "Cấp đợt 2", plannedDate: day(10), amountCity: 100_000_000, amountOther: 0 },
        { kind: "tranche", label: "Cấp đợt cuối", plannedDate: day(200), amountCity: 100_000_000, amountOther: 0 },
      ],
    });
    let f = await myWork(finance.ctx);
    expect(f.items.find((i) => i.key === `tranche:${trancheIds[0]}`)).toMatchObject({
      action: "pay",
      actionVi: "Ghi nhận khoản cấp, hoàn trả",
      recordCode: contract.number,
      recordTitle: expect.stringMatching(/^Tạm ứng đợt 1 · /),
      href: `/contracts/${contract.id}`,
      deadline: day(-3),
      overdue: true,
      role: "finance",
    });
    expect(f.items.find((i) => i.key === `tranche:${trancheIds[1]}`)).toMatchObject({ deadline: day(10), overdue: false });
    // beyond the horizon, and a draft's tranches, are not due yet
    expect(f.items.some((i) => i.key === `tranche:${trancheIds[2]}`)).toBe(false);
    expect(f.items.some((i) => i.href === `/contracts/${draft.id}`)).toBe(false);
    // recorded (awaiting its approval): no longer to pay
    await db.insert(contractPayments).values({
      contractId: contract.id,
      trancheId: trancheIds[0],
      kind: "payment",
      source: "city",
      amount: 100_000_000,
      paidOn: day(0),
      preparedBy: finance.userId,
      preparedAt: at(0),
    });
    f = await myWork(finance.ctx);
    expect(f.items.some((i) => i.key === `tranche:${trancheIds[0]}`)).toBe(false);
    expect(f.items.some((i) => i.key === `tranche:${trancheIds[1]}`)).toBe(true);
  });
});

describe("expert", () => {
  it("gets the declaration to sign, then the ballots to score, of their own councils only", async () => {
    const db = t.database.db;
    const expert = await actorFor(t, ["expert"]);
    const other = await actorFor(t, ["expert"]);
    const task = await buildTask(db, { state: "selection_council" });
    const invited = await insertCouncil(task.id, "invited", at(3));
    const sitting = await insertCouncil(task.id, "in_session", at(-1));
    const elsewhere = await insertCouncil(task.id, "invited", at(1));
    await insertMember(invited, expert.personId!, null);
    await insertMember(sitting, expert.personId!, at(-1));
    await insertMember(elsewhere, other.personId!, null);
    const work = await myWork(expert.ctx);
    expect(work.items.map((i) => [i.key, i.actionVi, i.href, i.role])).toEqual([
      // the session's day has passed: overdue, first
      [`council:${sitting}:ballot`, "Chấm phiếu", `/councils/${sitting}/score`, "expert"],
      [`council:${invited}:declare`, "Ký bản cam kết", `/councils/${invited}/score`, "expert"],
    ]);
    expect(work.items[0].overdue).toBe(true);
    expect(work.overdue).toBe(1);
    expect((await myWork(other.ctx)).items.map((i) => i.key)).toEqual([`council:${elsewhere}:declare`]);
  });
});

describe("pi", () => {
  it("gets progress reports due (overdue first), dossiers in draft and open calls; never another PI's", async () => {
    const db = t.database.db;
    const pi = await actorFor(t, ["pi"]);
    const otherPi = await actorFor(t, ["pi"]);
    const mine = await buildTaskInProgress(db, {
      piPersonId: pi.personId!,
      leadOrganisationId: pi.organisationId!,
      ownerUserId: pi.userId,
      startDate: day(-200),
      endDate: day(40),
    });
    const theirs = await buildTaskInProgress(db, {
      piPersonId: otherPi.personId!,
      leadOrganisationId: otherPi.organisationId!,
      ownerUserId: otherPi.userId,
      startDate: day(-200),
      endDate: day(400),
    });
    const late = await insertReport(mine.taskId, 1, day(-5));
    const soon = await insertReport(mine.taskId, 2, day(10));
    const far = await insertReport(mine.taskId, 3, day(200));
    const foreign = await insertReport(theirs.taskId, 1, day(-5));
    const [call] = await db
      .insert(calls)
      .values({
        code: `TC-${late.slice(0, 6)}`,
        titleVi: "Tuyển chọn nhiệm vụ 2027",
        kind: "selection",
        opensAt: at(-10),
        closesAt: at(20),
        status: "published",
        ...stamps(db),
      })
      .returning();
    await db
      .insert(calls)
      .values({ code: `NH-${late.slice(0, 6)}`, titleVi: "Bản nháp", kind: "selection", opensAt: at(-10), closesAt: at(20), status: "draft", ...stamps(db) });
    const open = await buildTask(db, { state: "call_open", selectionCallId: call.id });
    const dossier = await buildDossier(db, {
      taskId: open.id,
      status: "draft",
      ownerUserId: pi.userId,
      piPersonId: pi.personId!,
      leadOrganisationId: pi.organisationId!,
    });

    const work = await myWork(pi.ctx);
    const reports = work.items.filter((i) => i.source === "monitoring");
    expect(reports.map((i) => [i.key, i.overdue, i.deadline, i.actionVi, i.href])).toEqual([
      [`progress_report:${late}`, true, day(-5), "Nộp báo cáo", `/monitoring/reports/${late}`],
      [`progress_report:${soon}`, false, day(10), "Nộp báo cáo", `/monitoring/reports/${soon}`],
    ]);
    expect(keys(work.items)).not.toContain(`progress_report:${far}`);
    expect(keys(work.items)).not.toContain(`progress_report:${foreign}`);
    expect(work.items[0].key).toBe(`progress_report:${late}`);
    expect(work.items.find((i) => i.key === `dossier:${dossier.id}`)).toMatchObject({
      action: "submit_dossier",
      href: `/tasks/${open.id}/dossiers/${dossier.id}`,
      role: "pi",
    });
    expect(work.items.find((i) => i.key === `call:${call.id}`)).toMatchObject({ source: "calls", href: `/calls/${call.id}` });
    expect(work.items.filter((i) => i.source === "calls" && i.recordTitle === "Bản nháp")).toEqual([]);
    // the task in progress waits for its PI's acceptance dossier as its end comes near (not the other's, ending later)
    expect(work.items.find((i) => i.key === `task:${mine.taskId}:submit_for_acceptance`)).toMatchObject({ deadline: day(40), role: "pi" });
    expect((await myWork(otherPi.ctx)).items.some((i) => i.key === `task:${theirs.taskId}:submit_for_acceptance`)).toBe(false);
    // the other PI sees none of it
    const theirWork = keys((await myWork(otherPi.ctx)).items);
    for (const k of [`progress_report:${late}`, `dossier:${dossier.id}`, `task:${mine.taskId}:submit_for_acceptance`]) expect(theirWork).not.toContain(k);
    expect(theirWork).toContain(`progress_report:${foreign}`);
  });
});

describe("org_rep and enterprise", () => {
  it("an organisation's representative gets its statistical reports to file, not another organisation's", async () => {
    const db = t.database.db;
    const rep = await actorFor(t, ["org_rep"], { person: false });
    const otherRep = await actorFor(t, ["org_rep"], { person: false });
    const form = await db.execute<{ form_key: string; version: number }>(
      sql`SELECT form_key, version FROM statistical_form_versions ORDER BY form_key, version LIMIT 1`,
    );
    const { form_key: formKey, version: formVersion } = form.rows[0];
    const [period] = await db
      .insert(statisticalPeriods)
      .values({ year: 2026, nameVi: "Kỳ thống kê năm 2026", referenceDate: day(-30), deadline: day(-2), status: "open", openedAt: at(-20), ...stamps(db) })
      .returning();
    await db.execute(sql`INSERT INTO statistical_period_forms (period_id, form_key, form_version) VALUES (${period.id}, ${formKey}, ${formVersion})`);
    const [own] = await db
      .insert(statisticalReports)
      .values({ periodId: period.id, organisationId: rep.organisationId!, formKey, formVersion, status: "draft", ...stamps(db) })
      .returning();
    const [other] = await db
      .insert(statisticalReports)
      .values({ periodId: period.id, organisationId: otherRep.organisationId!, formKey, formVersion, status: "assigned", ...stamps(db) })
      .returning();
    const work = await myWork(rep.ctx);
    expect(work.items.find((i) => i.key === `statistical_report:${own.id}`)).toMatchObject({
      deadline: day(-2),
      overdue: true,
      role: "org_rep",
      href: `/statistics/reports/${own.id}`,
    });
    expect(keys(work.items)).not.toContain(`statistical_report:${other.id}`);
  });

  it("an enterprise gets the open calls, and the route answers the shared contract", async () => {
    const db = t.database.db;
    const [call] = await db
      .insert(calls)
      .values({
        code: `DN-${Date.UTC(2000, 0, 1)}`,
        titleVi: "Gọi đề xuất đặt hàng",
        kind: "proposal_collection",
        opensAt: at(-1),
        closesAt: at(5),
        status: "published",
        ...stamps(db),
      })
      .returning();
    const ent = await signedIn(t, { roles: ["enterprise"] });
    const res = await ent.client.get("/api/v1/me/work");
    expect(res.status).toBe(200);
    const body = myWorkSchema.parse(res.body);
    expect(body.items.find((i) => i.key === `call:${call.id}`)).toMatchObject({ action: "propose", actionVi: "Gửi đề xuất đặt hàng", role: "enterprise" });
    expect(body.items.every((i) => i.source === "calls")).toBe(true);
    expect(body.roles).toEqual(["enterprise"]);
  });
});

async function insertCouncil(taskId: string, status: "draft" | "invited" | "in_session", meetingAt: Date): Promise<string> {
  const db = t.database.db;
  const rs = await db.execute<{ key: string; version: number }>(
    sql`SELECT key, version FROM council_rule_sets WHERE kind = 'selection' ORDER BY version LIMIT 1`,
  );
  const now = testClockOf(db).now();
  const [c] = await db
    .insert(councils)
    .values({
      kind: "selection",
      ruleSetKey: rs.rows[0].key,
      ruleSetVersion: rs.rows[0].version,
      title: `Hội đồng tuyển chọn ${status}`,
      status,
      meetingAt,
      invitedAt: status === "draft" ? null : now,
      openedAt: status === "in_session" ? now : null,
      ...stamps(db),
    })
    .returning();
  await db.insert(councilSubjects).values({ councilId: c.id, taskId, position: 1 });
  return c.id;
}

async function insertMember(councilId: string, personId: string, signedAt: Date | null) {
  const db = t.database.db;
  await db.insert(councilMembers).values({ councilId, personId, role: "reviewer", invitedAt: at(-4), declarationSignedAt: signedAt, createdAt: at(-4) });
}

async function insertReport(taskId: string, sequence: number, dueOn: string): Promise<string> {
  const db = t.database.db;
  const [r] = await db
    .insert(progressReports)
    .values({ taskId, kind: "periodic", sequence, periodFrom: day(-200), periodTo: dueOn, dueOn, status: "scheduled", ...stamps(db) })
    .returning();
  return r.id;
}
