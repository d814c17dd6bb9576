// The next step where the user is: the tasks of a call with whether the actor may start a dossier now (and why not),
// and a task's offered actions with the reason they cannot run yet — checked as the command itself would check them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/harness.js";
import { buildCall, buildDossier, buildTask, signedIn } from "../../testing/factories.js";
import { actorFor, inLang, refusal, type TestActor } from "../../testing/ctx.js";
import { tasksOfCall } from "./tasks.call.js";
import { getTask, runTaskAction } from "./tasks.service.js";

let t: TestApp;
let officer: TestActor;
let officer2: TestActor;
let leader: TestActor;
let pi: TestActor;
let otherPi: TestActor;
let expert: TestActor;

beforeAll(async () => {
  t = await createTestApp();
  officer = await actorFor(t, ["officer"], { person: false });
  officer2 = await actorFor(t, ["officer"], { person: false });
  leader = await actorFor(t, ["leader"], { person: false });
  pi = await actorFor(t, ["pi"]);
  otherPi = await actorFor(t, ["pi"]);
  expert = await actorFor(t, ["expert"]);
});
afterAll(async () => t?.close());

describe("the tasks of a call", () => {
  it("lists a selection call's tasks with the actor's own dossier, the staff's dossier count and who may apply", async () => {
    const db = t.database.db;
    const call = await buildCall(db);
    const a = await buildTask(db, { state: "call_open", selectionCallId: call.id, objectives: "Mục tiêu A", proposedBudget: 900_000_000, proposedMonths: 24 });
    const b = await buildTask(db, { state: "call_open", selectionCallId: call.id });
    await buildTask(db, { state: "call_open" }); // another call's task
    await buildDossier(db, { taskId: a.id, status: "submitted", ownerUserId: pi.userId, piPersonId: pi.personId!, leadOrganisationId: pi.organisationId! });
    await buildDossier(db, {
      taskId: a.id,
      status: "draft",
      ownerUserId: otherPi.userId,
      piPersonId: otherPi.personId!,
      leadOrganisationId: otherPi.organisationId!,
    });

    const forPi = await tasksOfCall(pi.ctx, call.id);
    expect(forPi.items.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const piA = forPi.items.find((x) => x.id === a.id)!;
    expect(piA).toMatchObject({
      objectives: "Mục tiêu A",
      proposedBudget: 900_000_000,
      proposedMonths: 24,
      dossierCount: null,
      stateLabelVi: expect.any(String),
    });
    expect(piA.stateLabelVi).not.toBe("call_open");
    expect(piA.myDossier).toMatchObject({ status: "submitted" });
    expect(piA.abilities).toEqual({ createDossier: false, createDossierRefusal: "Bạn đã có hồ sơ đăng ký cho nhiệm vụ này: mở hồ sơ để tiếp tục" });
    expect(forPi.items.find((x) => x.id === b.id)!.abilities).toEqual({ createDossier: true, createDossierRefusal: null });

    // The staff see how many dossiers came in (drafts are the applicants' own business); they do not apply.
    const forOfficer = await tasksOfCall(officer.ctx, call.id);
    expect(forOfficer.items.find((x) => x.id === a.id)).toMatchObject({
      dossierCount: 1,
      myDossier: null,
      abilities: { createDossier: false, createDossierRefusal: null },
    });
    // Someone who cannot apply is not told why not.
    const forExpert = await tasksOfCall(expert.ctx, call.id);
    expect(forExpert.items.every((x) => !x.abilities.createDossier && x.abilities.createDossierRefusal === null && x.dossierCount === null)).toBe(true);
  });

  it("says why nobody may apply once the call no longer takes dossiers, in the caller's language", async () => {
    const db = t.database.db;
    const call = await buildCall(db);
    const task = await buildTask(db, { state: "call_open", selectionCallId: call.id, proposerUserId: pi.userId });
    await buildDossier(db, {
      taskId: task.id,
      status: "draft",
      ownerUserId: otherPi.userId,
      piPersonId: otherPi.personId!,
      leadOrganisationId: otherPi.organisationId!,
    });
    const saved = t.clock.now();
    t.clock.set(new Date(call.closesAt.getTime() + 1000));
    try {
      // The proposer still sees the task (linked to it); the window has closed.
      const [item] = (await tasksOfCall(pi.ctx, call.id)).items;
      expect(item.abilities).toEqual({ createDossier: false, createDossierRefusal: "Đợt này hiện không nhận hồ sơ (ngoài thời hạn nhận hoặc chưa công bố)" });
      const [en] = (await tasksOfCall(inLang(pi.ctx, "en"), call.id)).items;
      expect(en.abilities.createDossierRefusal).toBe("This call is not taking dossiers now (outside its window or not published)");
      // The same rule as the task's own page.
      expect((await getTask(pi.ctx, task.id)).abilities.createDossier).toBe(false);
      // An unlinked applicant no longer sees the task at all.
      expect((await tasksOfCall(otherPi.ctx, call.id)).items.map((x) => x.id)).toEqual([task.id]);
      const stranger = await actorFor(t, ["pi"]);
      expect((await tasksOfCall(stranger.ctx, call.id)).items).toEqual([]);
    } finally {
      t.clock.set(saved);
    }
  });

  it("lists a proposal-collection call's proposals as far as the actor may see them, with no dossier to start", async () => {
    const db = t.database.db;
    const call = await buildCall(db, { kind: "proposal_collection" });
    const mine = await buildTask(db, { state: "proposal", proposalCallId: call.id, proposerUserId: pi.userId });
    await buildTask(db, { state: "proposal", proposalCallId: call.id, proposerUserId: otherPi.userId });
    const forPi = await tasksOfCall(pi.ctx, call.id);
    expect(forPi.items.map((x) => x.id)).toEqual([mine.id]);
    expect(forPi.items[0].abilities).toEqual({ createDossier: false, createDossierRefusal: null });
    expect((await tasksOfCall(officer.ctx, call.id)).items).toHaveLength(2);
  });

  it("answers 404 for a call the actor may not read, and over HTTP only to a signed-in user", async () => {
    const db = t.database.db;
    const draft = await buildCall(db, { status: "draft", publishedAt: null });
    expect((await refusal(tasksOfCall(pi.ctx, draft.id))).status).toBe(404);
    expect((await tasksOfCall(officer.ctx, draft.id)).items).toEqual([]);
    const { client } = await signedIn(t, { roles: ["pi"] });
    expect((await client.get(`/api/v1/calls/${draft.id}/tasks`)).status).toBe(404);
    const open = await buildCall(db);
    const r = await client.get(`/api/v1/calls/${open.id}/tasks`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ items: [] });
    const anonymous = await t.app.inject({ method: "GET", url: `/api/v1/calls/${open.id}/tasks` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("a task's actions say why they cannot run yet", () => {
  it("at the selection council step without a council: the decisions are blocked, naming the council to form", async () => {
    const db = t.database.db;
    const task = await buildTask(db, { state: "selection_council", method: "selection" });
    const { abilities } = await getTask(officer.ctx, task.id);
    const select = abilities.actions.find((a) => a.action === "select")!;
    expect(select.blocked).toMatchObject({ code: "COUNCIL_NOT_FORMED", next: { kind: "form_council", councilKind: "selection" } });
    expect(select.blocked!.message).toContain("Chưa thành lập hội đồng tuyển chọn");
    // The command refuses with the same code.
    const refused = await refusal(runTaskAction(officer.ctx, task.id, "select", { version: task.version, comment: null }));
    expect(refused.code).toBe("COUNCIL_NOT_FORMED");
    const en = await getTask(inLang(officer.ctx, "en"), task.id);
    expect(en.abilities.actions.find((a) => a.action === "select")!.blocked!.message).toContain("No selection (review) council has been formed");
  });

  it("the two-person rule: the leader who took the previous step sees the approval blocked with the reason; another may sign", async () => {
    const db = t.database.db;
    const task = await buildTask(db, { state: "appraisal" });
    await runTaskAction(officer.ctx, task.id, "prepare_decision", { version: task.version, comment: null });
    // The officer who prepared the decision holds no leader role: a leader who did not is free to sign.
    const free = await getTask(leader.ctx, task.id);
    expect(free.abilities.actions.find((a) => a.action === "approve")!.blocked).toBeNull();
    // A person holding both roles who prepared it is blocked, with the step named.
    const both = await actorFor(t, ["officer", "leader"], { person: false });
    const task2 = await buildTask(db, { state: "appraisal" });
    await runTaskAction(both.ctx, task2.id, "prepare_decision", { version: task2.version, comment: null });
    const blocked = (await getTask(both.ctx, task2.id)).abilities.actions.find((a) => a.action === "approve")!.blocked!;
    expect(blocked).toMatchObject({ code: "GUARD_FAILED", next: null });
    expect(blocked.message).toContain("Dự thảo quyết định phê duyệt");
    expect((await getTask(officer2.ctx, task2.id)).abilities.actions.find((a) => a.action === "approve")).toBeUndefined();
  });
});
