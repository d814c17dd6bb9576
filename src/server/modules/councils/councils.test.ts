// Councils through the real app: composition, conflicts of interest before invitation, declarations, ballots,
// quorum, conclusion with results and lock, re-opening, confidentiality and the outcome the task workflow reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { Client, createTestApp, type TestApp } from "../../testing/harness.js";
import {
  buildConcludedCouncil,
  buildOrganisation,
  buildPerson,
  buildUser,
  buildTask as insertTask,
  buildDossier as insertDossier,
} from "../../testing/factories.js";
import { auditLog, councilBallots, personAffiliations, taskDossierBudget, taskDossierProducts, taskDossierTeam, tasks } from "../../db/schema/index.js";
import { councilOutcomeForTask } from "./councils.outcome.js";
import { SELECTION_RUBRICS } from "../../../common/councils/index.js";

let t: TestApp;
let officer: Client;
let leader: Client;
let piClient: Client;
const experts: { client: Client; personId: string }[] = [];
let orgA: string;
let orgB: string;
let piPerson: string;
let teamPerson: string;
let staffOfA: string;
let formerOfB: string;
let task1: string;
let dossierA: string;
let dossierB: string;
let ip = 10;
let taskSeq = 0;

const API = "/api/v1/councils";

async function client(username: string) {
  const c = new Client(t, `10.9.0.${ip++}`);
  await c.login(username);
  return c;
}

async function buildTask(o: Partial<typeof tasks.$inferInsert> = {}) {
  const row = await insertTask(t.database.db, {
    code: `ĐT.2026.${++taskSeq}`,
    titleVi: `Nhiệm vụ thử ${taskSeq}`,
    taskType: "de_tai",
    templateKey: "baseline-2013",
    templateVersion: 1,
    state: "selection_council",
    year: 2026,
    ...o,
  });
  return row;
}
async function buildDossier(taskId: string, ownerUserId: string, piPersonId: string, leadOrganisationId: string, status: "valid" | "invalid" = "valid") {
  const row = await insertDossier(t.database.db, { taskId, ownerUserId, piPersonId, leadOrganisationId, status });
  return row;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  orgA = (await buildOrganisation(db, { nameVi: "Viện Hải dương học" })).id;
  orgB = (await buildOrganisation(db, { nameVi: "Trường Đại học Hàng hải" })).id;
  piPerson = (await buildPerson(db, { fullName: "Trần Chủ Nhiệm", primaryOrganisationId: orgA })).id;
  teamPerson = (await buildPerson(db, { fullName: "Lê Thành Viên" })).id;
  staffOfA = (await buildPerson(db, { fullName: "Phạm Cán Bộ", primaryOrganisationId: orgA })).id;
  formerOfB = (await buildPerson(db, { fullName: "Hoàng Từng Làm" })).id;
  await db.insert(personAffiliations).values({ personId: formerOfB, organisationId: orgB, startDate: "2015-01-01", endDate: "2025-06-30" });
  await buildUser(db, { username: "officer", roles: ["officer"] });
  await buildUser(db, { username: "leader", roles: ["leader"] });
  const piUser = await buildUser(db, { username: "pi", roles: ["pi"], personId: piPerson, organisationId: orgA });
  const piB = await buildUser(db, { username: "pib", roles: ["pi"] });
  officer = await client("officer");
  leader = await client("leader");
  piClient = await client("pi");
  for (let i = 0; i < 9; i++) {
    const p = await buildPerson(db, { fullName: `Chuyên Gia ${String.fromCharCode(65 + i)}`, primaryOrganisationId: null });
    await buildUser(db, { username: `expert${i}`, roles: ["expert"], personId: p.id });
    experts.push({ client: await client(`expert${i}`), personId: p.id });
  }
  const task = await buildTask({ proposingOrganisationId: orgA });
  task1 = task.id;
  const pB = await buildPerson(db, { fullName: "Vũ Chủ Nhiệm B", primaryOrganisationId: orgB });
  dossierA = (await buildDossier(task1, piUser.id, piPerson, orgA)).id;
  dossierB = (await buildDossier(task1, piB.id, pB.id, orgB)).id;
  await buildDossier(task1, piB.id, pB.id, orgB, "invalid").catch(() => undefined);
  await db.insert(taskDossierTeam).values({ dossierId: dossierA, personId: teamPerson, position: 1, role: "member" } as typeof taskDossierTeam.$inferInsert);
  await db.insert(taskDossierBudget).values([
    { dossierId: dossierA, year: 2026, source: "city", category: "labour", amount: 900_000_000 },
    { dossierId: dossierB, year: 2026, source: "city", category: "labour", amount: 1_200_000_000 },
  ] as (typeof taskDossierBudget.$inferInsert)[]);
});
afterAll(async () => t?.close());

const ROLES = ["chair", "vice_chair", "reviewer", "reviewer", "scientific_secretary", "member", "member", "member", "member"] as const;

async function createSelection() {
  const r = await officer.post(API, { kind: "selection", title: "Hội đồng tuyển chọn ĐT.2026", taskIds: [task1], place: "Sở KH&CN" });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

async function addAll(id: string, count = 9) {
  let c = (await officer.get(`${API}/${id}`)).body;
  for (let i = 0; i < count; i++) {
    const r = await officer.post(`${API}/${id}/members`, { version: c.version, personId: experts[i].personId, role: ROLES[i] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    c = r.body;
  }
  return c;
}

/** Points: each criterion at `share` of its max. */
const scoresAt = (share: number, override: Record<string, number> = {}) =>
  SELECTION_RUBRICS.de_tai.map((c) => ({ criterionKey: c.key, points: override[c.key] ?? Math.round(c.max * share) }));

describe("selection council (TT 20/2023)", () => {
  let c: any;
  it("create: the task's valid dossiers become the subjects; the rule set in force is stored", async () => {
    c = await createSelection();
    expect(c.status).toBe("draft");
    expect(c.ruleSet).toMatchObject({ key: "selection", version: 2, legalBasis: "TT 20/2023/TT-BKHCN" });
    expect(c.subjects.map((s: any) => s.dossierId).sort()).toEqual([dossierA, dossierB].sort());
    expect(c.subjects[0].criteria.map((x: any) => x.max)).toEqual([12, 24, 16, 16, 16, 16]);
  });
  it("one task only; a task without valid dossiers is refused", async () => {
    expect((await officer.post(API, { kind: "selection", title: "Hai nhiệm vụ", taskIds: [task1, (await buildTask()).id] })).status).toBe(400);
    const r = await officer.post(API, { kind: "selection", title: "Không có hồ sơ", taskIds: [(await buildTask()).id] });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("NO_VALID_DOSSIER");
  });
  it("conflict check explains each line (PI, team, works at applicant, recent affiliation) in vi and en, and is kept", async () => {
    const pi = await officer.post(`${API}/${c.id}/conflict-check`, { personId: piPerson, role: "member" });
    expect(pi.status).toBe(200);
    expect(pi.body.conflict).toBe(true);
    expect(pi.body.lines.map((l: any) => l.code)).toEqual(expect.arrayContaining(["pi", "works_at"]));
    const piLine = pi.body.lines.find((l: any) => l.code === "pi");
    expect(piLine.vi).toMatch(/chủ nhiệm/);
    expect(piLine.en).toMatch(/principal investigator/);
    const team = await officer.post(`${API}/${c.id}/conflict-check`, { personId: teamPerson, role: "member" });
    expect(team.body.lines.map((l: any) => l.code)).toEqual(["team"]);
    const former = await officer.post(`${API}/${c.id}/conflict-check`, { personId: formerOfB, role: "reviewer" });
    expect(former.body.lines.map((l: any) => l.code)).toEqual(["affiliation"]);
    expect(former.body.lines[0].vi).toMatch(/3 năm/);
    const clean = await officer.post(`${API}/${c.id}/conflict-check`, { personId: experts[0].personId, role: "chair" });
    expect(clean.body).toMatchObject({ conflict: false, lines: [] });
    const kept = await t.database.db.execute(sql`SELECT count(*)::int AS n FROM council_conflict_checks WHERE council_id = ${c.id}`);
    expect(kept.rows[0].n).toBe(4);
  });
  it("adding a conflicted member: 409 with the lines; an officer cannot override; a leader can, with a reason (audited)", async () => {
    const refused = await officer.post(`${API}/${c.id}/members`, {
      version: c.version,
      personId: teamPerson,
      role: "member",
      overrideReason: "cần chuyên môn",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("CONFLICT_OF_INTEREST");
    expect(refused.body.error.details.lines[0].code).toBe("team");
    const ok = await leader.post(`${API}/${c.id}/members`, {
      version: c.version,
      personId: teamPerson,
      role: "member",
      overrideReason: "Chuyên gia duy nhất về lĩnh vực này",
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const m = ok.body.members.find((x: any) => x.personId === teamPerson);
    expect(m).toMatchObject({ conflictOverridden: true, conflictOverrideReason: "Chuyên gia duy nhất về lĩnh vực này" });
    const a = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "council.member_add_override"), eq(auditLog.entityId, c.id)));
    expect(a).toHaveLength(1);
    const removed = await officer.post(`${API}/${c.id}/members/${m.id}/remove`, { version: ok.body.version });
    expect(removed.status).toBe(200);
    c = removed.body;
  });
  it("invite checks size and roles; then 9 members are invited", async () => {
    c = await addAll(c.id, 6);
    const few = await officer.post(`${API}/${c.id}/invite`, { version: c.version });
    expect(few.status).toBe(409);
    expect(few.body.error.code).toBe("COUNCIL_COMPOSITION");
    c = (await officer.get(`${API}/${c.id}`)).body;
    for (let i = 6; i < 9; i++) {
      c = (await officer.post(`${API}/${c.id}/members`, { version: c.version, personId: experts[i].personId, role: ROLES[i] })).body;
    }
    const stale = await officer.post(`${API}/${c.id}/invite`, { version: c.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(c.version);
    const inv = await officer.post(`${API}/${c.id}/invite`, { version: c.version });
    expect(inv.status, JSON.stringify(inv.body)).toBe(200);
    c = inv.body;
    expect(c.members.every((m: any) => m.invitedAt)).toBe(true);
    const mine = await experts[0].client.get(`${API}/mine`);
    expect(mine.body.items).toEqual([expect.objectContaining({ councilId: c.id, role: "chair", subjects: 2, submitted: 0 })]);
    // Invited, not in session: the member's page says why the ballots wait, as the server decides; staff get no scoring.
    const asMember = (await experts[0].client.get(`${API}/${c.id}`)).body;
    expect(asMember.scoring).toEqual({ allowed: false, reason: { vi: expect.stringContaining("phiên họp"), en: expect.stringContaining("not in session") } });
    expect(c.scoring).toBeNull();
  });
  it("a member scores only after signing the declaration; draft then submit; a submitted ballot is final", async () => {
    c = (await officer.post(`${API}/${c.id}/open`, { version: c.version })).body;
    expect(c.status).toBe("in_session");
    const subjectA = c.subjects.find((s: any) => s.dossierId === dossierA).id;
    const e0 = experts[0].client;
    const early = await e0.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.9) });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("DECLARATION_REQUIRED");
    // The record gives the same answer before the member tries: the message the command refuses with.
    expect((await e0.get(`${API}/${c.id}`)).body.scoring).toEqual({ allowed: false, reason: { vi: early.body.error.message, en: expect.any(String) } });
    expect((await e0.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true })).status).toBe(200);
    expect((await e0.get(`${API}/${c.id}`)).body.scoring).toEqual({ allowed: true, reason: null });
    const over = await e0.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(1, { overview: 13 }) });
    expect(over.status).toBe(400);
    const draft = await e0.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.9).slice(0, 3) });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.status).toBe("draft");
    const incomplete = await e0.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.9).slice(0, 3), submit: true });
    expect(incomplete.status).toBe(400);
    const sub = await e0.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.9), submit: true, version: draft.body.version });
    expect(sub.status).toBe(200);
    expect((await e0.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.5), submit: true })).body.error.code).toBe("BALLOT_SUBMITTED");
    // a non-member expert cannot score
    const outsider = await buildUser(t.database.db, { username: "outsider", roles: ["expert"], personId: (await buildPerson(t.database.db)).id });
    const oc = await client(outsider.username);
    expect((await oc.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(0.9) })).status).toBe(404);
  });
  it("confidentiality before conclusion: a member sees only their own scores; officers see who submitted, not how", async () => {
    const own = await experts[0].client.get(`${API}/${c.id}/ballots`);
    expect(own.status).toBe(200);
    expect(own.body.ballots).toHaveLength(1);
    expect((await experts[1].client.get(`${API}/${c.id}/ballots`)).body.ballots).toHaveLength(0);
    expect((await officer.get(`${API}/${c.id}/ballots`)).status).toBe(403);
    const view = (await officer.get(`${API}/${c.id}`)).body;
    expect(view.members.find((m: any) => m.personId === experts[0].personId).submitted).toBe(1);
    expect(view.results).toBeNull();
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "council.scores_view"), eq(auditLog.entityId, c.id)));
    expect(audits.length).toBeGreaterThanOrEqual(2);
  });
  it("conclude refuses without quorum, with the reasons", async () => {
    const r = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("COUNCIL_NO_QUORUM");
    expect(r.body.error.details.quorum.reasons).toEqual(expect.arrayContaining(["too_few_present", "chair_absent", "reviewer_absent"]));
    expect(r.body.error.message).toMatch(/0\/9/);
    expect(await councilOutcomeForTask(t.database.db, task1, "selection")).toMatchObject({ quorumMet: false, concluded: false, selectedDossierId: null });
  });
  it("members present score, the officer concludes: ranking, invalid ballot, result locked", async () => {
    // 7 present (absent: one member, and expert 8), chair and both reviewers among them
    const presentIdx = [0, 1, 2, 3, 4, 5, 6];
    c = (await officer.get(`${API}/${c.id}`)).body;
    const att = await officer.post(`${API}/${c.id}/attendance`, {
      version: c.version,
      members: c.members.map((m: any) => ({ memberId: m.id, present: presentIdx.some((i) => experts[i].personId === m.personId) })),
    });
    expect(att.status, JSON.stringify(att.body)).toBe(200);
    c = att.body;
    expect(c.quorum).toMatchObject({ met: true, present: 7, required: 6 });
    expect((await councilOutcomeForTask(t.database.db, task1, "selection"))?.quorumMet).toBe(true);
    const subjectA = c.subjects.find((s: any) => s.dossierId === dossierA).id;
    const subjectB = c.subjects.find((s: any) => s.dossierId === dossierB).id;
    for (const i of presentIdx) {
      const e = experts[i].client;
      if (i > 0) await e.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true });
      if (i > 0) {
        // member 6 gives dossier A an outlier ballot (invalid: > 20% from the average)
        const r = await e.put(`${API}/${c.id}/ballots/${subjectA}`, { scores: scoresAt(i === 6 ? 0.3 : 0.85), submit: true });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
    }
    // dossier B: member 4's ballot is a paper ballot entered by the officer
    for (const i of presentIdx) {
      const member = c.members.find((m: any) => m.personId === experts[i].personId);
      const r =
        i === 4
          ? await officer.put(`${API}/${c.id}/ballots/${subjectB}`, { scores: scoresAt(0.75), submit: true, memberId: member.id })
          : await experts[i].client.put(`${API}/${c.id}/ballots/${subjectB}`, { scores: scoresAt(0.75), submit: true });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      if (i === 4) expect(r.body.paper).toBe(true);
    }
    const done = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    c = done.body;
    expect(c.status).toBe("concluded");
    const rA = c.results.find((r: any) => r.subjectId === subjectA);
    const rB = c.results.find((r: any) => r.subjectId === subjectB);
    expect(rA).toMatchObject({ ballots: 7, validCount: 6, invalidCount: 1, rank: 1, passed: true, selected: true });
    expect(rA.bonus).toBeGreaterThan(0); // the applicant organisation proposed the task
    expect(rB).toMatchObject({ rank: 2, passed: false, selected: false, bonus: 0 });
    const outcome = await councilOutcomeForTask(t.database.db, task1, "selection");
    expect(outcome).toMatchObject({ councilId: c.id, concluded: true, quorumMet: true, selectedDossierId: dossierA });
  });
  it("after conclusion writes answer 409 LOCKED and the database is unchanged; the trigger refuses direct writes", async () => {
    const subjectB = c.subjects.find((s: any) => s.dossierId === dossierB).id;
    const before = await t.database.db.select().from(councilBallots).where(eq(councilBallots.councilId, c.id));
    const r = await experts[8].client.put(`${API}/${c.id}/ballots/${subjectB}`, { scores: scoresAt(1), submit: true });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("LOCKED");
    expect((await officer.post(`${API}/${c.id}/attendance`, { version: c.version, members: [{ memberId: c.members[0].id, present: false }] })).status).toBe(
      409,
    );
    expect(await t.database.db.select().from(councilBallots).where(eq(councilBallots.councilId, c.id))).toEqual(before);
    await expect(t.database.db.execute(sql`UPDATE council_ballots SET comment = 'x' WHERE council_id = ${c.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM council_results WHERE council_id = ${c.id}`)).rejects.toThrow();
  });
  it("after conclusion: officers see every ballot (audited); a PI sees only their dossier's aggregate, never members", async () => {
    const all = await officer.get(`${API}/${c.id}/ballots`);
    expect(all.status).toBe(200);
    expect(all.body.ballots).toHaveLength(14);
    const pi = await piClient.get(`${API}/${c.id}`);
    expect(pi.status).toBe(200);
    expect(pi.body.members).toEqual([]);
    expect(pi.body.subjects.map((s: any) => s.dossierId)).toEqual([dossierA]);
    expect(pi.body.results).toHaveLength(1);
    expect(pi.body.results[0].rank).toBeNull();
    expect((await piClient.get(`${API}/${c.id}/ballots`)).status).toBe(403);
    expect((await piClient.get(API)).status).toBe(403);
    const leaderView = await leader.get(`${API}/${c.id}`);
    expect(leaderView.body.results).toHaveLength(2);
    expect((await leader.get(`${API}/${c.id}/ballots`)).status).toBe(403);
  });
  it("re-opening needs a leader (or admin) and a reason; results are removed and the task has no selection until re-concluded", async () => {
    expect((await officer.post(`${API}/${c.id}/reopen`, { version: c.version, reason: "Sai sót khi nhập phiếu" })).status).toBe(403);
    expect((await leader.post(`${API}/${c.id}/reopen`, { version: c.version })).status).toBe(400);
    const r = await leader.post(`${API}/${c.id}/reopen`, { version: c.version, reason: "Sai sót khi nhập phiếu giấy" });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: "in_session", results: null, reopenReason: "Sai sót khi nhập phiếu giấy" });
    expect((await councilOutcomeForTask(t.database.db, task1, "selection"))?.selectedDossierId).toBeNull();
    const again = await officer.post(`${API}/${c.id}/conclude`, { version: r.body.version });
    expect(again.status).toBe(200);
    expect((await councilOutcomeForTask(t.database.db, task1, "selection"))?.selectedDossierId).toBe(dossierA);
  });
  it("another user's council id answers 404 to an outsider", async () => {
    const other = await client("pib");
    expect((await other.get(`${API}/${c.id}`)).status).toBe(200); // the owner of dossier B is a party
    const stranger = await buildUser(t.database.db, { username: "stranger", roles: ["pi"] });
    expect((await (await client(stranger.username)).get(`${API}/${c.id}`)).status).toBe(404);
  });
});

describe("acceptance and identification councils", () => {
  it("acceptance: host-organisation staff only as an ordinary member", async () => {
    const task = await buildTask({ leadOrganisationId: orgA, piPersonId: piPerson, selectedDossierId: dossierA, state: "acceptance_council" });
    const r = await officer.post(API, { kind: "acceptance", title: "Hội đồng nghiệm thu", taskIds: [task.id] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.ruleSet.legalBasis).toBe("TT 11/2014/TT-BKHCN");
    const asChair = await officer.post(`${API}/${r.body.id}/members`, { version: r.body.version, personId: staffOfA, role: "chair" });
    expect(asChair.status).toBe(409);
    const check = await officer.post(`${API}/${r.body.id}/conflict-check`, { personId: staffOfA, role: "member" });
    expect(check.body).toMatchObject({ conflict: false, lines: [expect.objectContaining({ code: "works_at", limit: true })] });
    const asMember = await officer.post(`${API}/${r.body.id}/members`, { version: r.body.version, personId: staffOfA, role: "member" });
    expect(asMember.status).toBe(200);
  });
  it("acceptance: grades per product and for the report; the council's grade from the members' grades", async () => {
    const db = t.database.db;
    const owner = await buildUser(db, { roles: ["pi"] });
    const dossier = await buildDossier((await buildTask()).id, owner.id, piPerson, orgA);
    await db.insert(taskDossierProducts).values([
      { dossierId: dossier.id, position: 1, name: "Quy trình xử lý nước", outputType: "solution", quantity: 1, unit: "quy trình", qualityTarget: "TCVN" },
      { dossierId: dossier.id, position: 2, name: "Bài báo", outputType: "publication", quantity: 2, unit: "bài", qualityTarget: "ISSN" },
    ]);
    const task = await buildTask({ leadOrganisationId: orgA, piPersonId: piPerson, selectedDossierId: dossier.id, state: "acceptance_council" });
    let c = (await officer.post(API, { kind: "acceptance", title: "Nghiệm thu ĐT", taskIds: [task.id] })).body;
    const renamed = await officer.put(`${API}/${c.id}`, { title: "Hội đồng nghiệm thu chính thức", place: "Phòng họp 1", version: c.version });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    c = renamed.body;
    for (let i = 0; i < 8; i++) c = (await officer.post(`${API}/${c.id}/members`, { version: c.version, personId: experts[i].personId, role: ROLES[i] })).body;
    c = (await officer.post(`${API}/${c.id}/members`, { version: c.version, personId: staffOfA, role: "member" })).body;
    c = (await officer.post(`${API}/${c.id}/invite`, { version: c.version })).body;
    expect(c.status).toBe("invited");
    expect((await officer.put(`${API}/${c.id}`, { title: "Đổi tên muộn", version: c.version })).status).toBe(409);
    c = (await officer.post(`${API}/${c.id}/open`, { version: c.version })).body;
    c = (
      await officer.post(`${API}/${c.id}/attendance`, {
        version: c.version,
        members: c.members.map((m: any) => ({ memberId: m.id, present: m.personId !== staffOfA })),
      })
    ).body;
    expect(c.quorum).toMatchObject({ met: true, present: 8, votingMembers: 9 });
    const s = c.subjects[0];
    expect(s.criteria.map((k: any) => k.kind)).toEqual(["quantity", "quality", "quantity", "quality", "report"]);
    for (let i = 0; i < 8; i++) {
      const e = experts[i].client;
      await e.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true });
      // 6 members: everything excellent; 2 members: the publications fall short (80% of the order) — 1 of 2
      // quantity criteria ≥ Đạt is below 3/4, so those 2 members' grade is Không đạt
      const short = i >= 6;
      const scores = s.criteria.map((k: any) =>
        k.kind === "quantity" && short && k.labelVi.startsWith("Bài báo")
          ? { criterionKey: k.key, level: "fail", percent: 80 }
          : { criterionKey: k.key, level: "excellent" },
      );
      const r = await e.put(`${API}/${c.id}/ballots/${s.id}`, { scores, submit: true });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const done = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // 6 of 8 present say Xuất sắc (= 3/4) but 2 say Không đạt (≤ 1/3): never Xuất sắc with a Không đạt → Đạt
    expect(done.body.results[0]).toMatchObject({ grade: "pass", passed: true, gradeCounts: { excellent: 6, pass: 0, fail: 2 } });
    expect((await councilOutcomeForTask(db, task.id, "acceptance"))?.grade).toBe("pass");
  });
  it("identification: several proposals; recommended by > 3/4 of all ballots", async () => {
    const p1 = await buildTask({ state: "identification" });
    const p2 = await buildTask({ state: "identification" });
    let c = (await officer.post(API, { kind: "identification", title: "Hội đồng xác định nhiệm vụ 2027", taskIds: [p1.id, p2.id] })).body;
    expect(c.subjects).toHaveLength(2);
    c = await addAll(c.id, 7);
    c = (await officer.post(`${API}/${c.id}/invite`, { version: c.version })).body;
    c = (await officer.post(`${API}/${c.id}/open`, { version: c.version })).body;
    c = (await officer.post(`${API}/${c.id}/attendance`, { version: c.version, members: c.members.map((m: any) => ({ memberId: m.id, present: true })) })).body;
    const criteria = c.subjects[0].criteria.map((x: any) => x.key);
    for (let i = 0; i < 7; i++) {
      const e = experts[i].client;
      await e.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true });
      for (const [k, s] of c.subjects.entries()) {
        // proposal 1: all 7 say "Thực hiện"; proposal 2: 2 members find an overlap → 5/7 < 3/4
        const met = Object.fromEntries(criteria.map((key: string) => [key, !(k === 1 && i < 2 && key === "no_overlap")]));
        const r = await e.put(`${API}/${c.id}/ballots/${s.id}`, {
          scores: criteria.map((key: string) => ({ criterionKey: key, met: met[key] })),
          submit: true,
        });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
    }
    const done = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.results.map((r: any) => [r.approvals, r.passed])).toEqual([
      [7, true],
      [5, false],
    ]);
    expect((await councilOutcomeForTask(t.database.db, p1.id, "identification"))?.recommended).toBe(true);
    expect((await councilOutcomeForTask(t.database.db, p2.id, "identification"))?.recommended).toBe(false);
    expect(await councilOutcomeForTask(t.database.db, p2.id, "acceptance")).toBeNull();
  });
});

describe("paper declarations and ballots", () => {
  it("a member without an account takes part on paper: the officer records the signed declaration, then the paper ballot", async () => {
    const db = t.database.db;
    const paperPerson = (await buildPerson(db, { fullName: "Đỗ Chấm Giấy", primaryOrganisationId: null })).id;
    const proposal = await buildTask({ state: "identification" });
    let c = (await officer.post(API, { kind: "identification", title: "Hội đồng xác định có phiếu giấy", taskIds: [proposal.id] })).body;
    c = await addAll(c.id, 8);
    c = (await officer.post(`${API}/${c.id}/members`, { version: c.version, personId: paperPerson, role: "member" })).body;
    const paperMember = c.members.find((m: any) => m.personId === paperPerson);
    const absent = c.members.find((m: any) => m.personId === experts[7].personId);
    const path = `${API}/${c.id}/members/${paperMember.id}/paper-declaration`;
    const body = (version: number, signedOn = "2026-01-05") => ({ version, signedOn, statement: "Tôi cam kết không có xung đột lợi ích (bản giấy đã ký)" });
    // not before invitation
    expect((await officer.post(path, body(c.version))).status).toBe(409);
    c = (await officer.post(`${API}/${c.id}/invite`, { version: c.version })).body;
    c = (await officer.post(`${API}/${c.id}/open`, { version: c.version })).body;
    c = (
      await officer.post(`${API}/${c.id}/attendance`, {
        version: c.version,
        members: c.members.map((m: any) => ({ memberId: m.id, present: m.id !== absent.id })),
      })
    ).body;
    expect(c.abilities).toMatchObject({ paperDeclaration: true, paperBallot: true });
    const subject = c.subjects[0];
    const criteria = subject.criteria.map((x: any) => x.key);
    const allMet = { scores: criteria.map((key: string) => ({ criterionKey: key, met: true })), submit: true };

    // nobody but staff records a paper declaration: members, the chair and the proposer's side are refused
    expect((await experts[0].client.post(path, body(c.version))).status).toBe(403);
    expect((await piClient.post(path, body(c.version))).status).toBe(403);
    expect((await leader.post(path, body(c.version))).status).toBe(403);
    expect((await experts[0].client.get(`${API}/${c.id}`)).body.abilities.paperDeclaration).toBe(false);
    // and nobody enters a paper ballot before the declaration is recorded
    const early = await officer.put(`${API}/${c.id}/ballots/${subject.id}`, { ...allMet, memberId: paperMember.id });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("DECLARATION_REQUIRED");
    // an unknown member, a date after today, a stale version
    expect((await officer.post(`${API}/${c.id}/members/${proposal.id}/paper-declaration`, body(c.version))).status).toBe(404);
    const future = await officer.post(path, body(c.version, "2999-01-01"));
    expect(future.status).toBe(400);
    const stale = await officer.post(path, body(c.version - 1));
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.version).toBe(c.version);

    const recorded = await officer.post(path, body(c.version));
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    c = recorded.body;
    const m = c.members.find((x: any) => x.id === paperMember.id);
    expect(m).toMatchObject({ declarationPaper: true, declarationRecordedBy: "officer", declarationSignedAt: "2026-01-04T17:00:00.000Z" });
    expect(m.declarationRecordedAt).toBeTruthy();
    const online = c.members.find((x: any) => x.personId === experts[0].personId);
    expect(online).toMatchObject({ declarationPaper: false, declarationRecordedBy: null });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "council.declaration_paper"), eq(auditLog.entityId, c.id)));
    expect(audits).toHaveLength(1);
    expect(audits[0].after).toMatchObject({ memberId: paperMember.id, paper: true, signedOn: "2026-01-05" });
    const twice = await officer.post(path, body(c.version));
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("DECLARATION_SIGNED");

    // the paper ballot: entered by the officer, marked and audited; a member cannot enter one for someone else
    expect((await experts[0].client.put(`${API}/${c.id}/ballots/${subject.id}`, { ...allMet, memberId: paperMember.id })).status).toBe(403);
    const paper = await officer.put(`${API}/${c.id}/ballots/${subject.id}`, { ...allMet, memberId: paperMember.id });
    expect(paper.status, JSON.stringify(paper.body)).toBe(200);
    expect(paper.body).toMatchObject({ paper: true, status: "submitted", memberId: paperMember.id });
    for (let i = 0; i < 7; i++) {
      const e = experts[i].client;
      await e.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true });
      const r = await e.put(`${API}/${c.id}/ballots/${subject.id}`, allMet);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect((await officer.get(`${API}/${c.id}`)).body.members.find((x: any) => x.id === paperMember.id).submitted).toBe(1);
    const done = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    c = done.body;
    // the paper ballot counts: 8 of 8 ballots say "Thực hiện"
    expect(c.results[0]).toMatchObject({ ballots: 8, approvals: 8, passed: true, meetsThreshold: null });

    // after conclusion: 409 LOCKED and nothing changes
    const membersBefore = (await officer.get(`${API}/${c.id}`)).body.members;
    const lockedDecl = await officer.post(`${API}/${c.id}/members/${absent.id}/paper-declaration`, body(c.version));
    expect(lockedDecl.status).toBe(409);
    expect(lockedDecl.body.error.code).toBe("LOCKED");
    const lockedBallot = await officer.put(`${API}/${c.id}/ballots/${subject.id}`, { ...allMet, memberId: absent.id });
    expect(lockedBallot.status).toBe(409);
    expect(lockedBallot.body.error.code).toBe("LOCKED");
    const after = (await officer.get(`${API}/${c.id}`)).body;
    expect(after.members).toEqual(membersBefore);
    expect(after.version).toBe(c.version);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "council.declaration_paper"), eq(auditLog.entityId, c.id))),
    ).toHaveLength(1);
  });
});

describe("result labels and the councils of a task", () => {
  it("selection: the runner-up that meets the threshold carries meetsThreshold, not a failure", async () => {
    const r = await officer.get(`${API}?taskId=${task1}&kind=selection`);
    const id = r.body.items[0].id;
    const c = (await officer.get(`${API}/${id}`)).body;
    const byDossier = (d: string) => c.results.find((x: any) => x.subjectId === c.subjects.find((s: any) => s.dossierId === d).id);
    expect(byDossier(dossierA)).toMatchObject({ selected: true, passed: true, meetsThreshold: true });
    expect(byDossier(dossierB)).toMatchObject({ selected: false, passed: false, meetsThreshold: true, rank: 2 });
  });
  it("the task page lists the task's councils for staff and for the task's parties, never for outsiders", async () => {
    const path = `${API}/of-task/${task1}`;
    const staffView = await officer.get(path);
    expect(staffView.status).toBe(200);
    expect(staffView.body.items.length).toBeGreaterThanOrEqual(1);
    expect(staffView.body.items[0]).toMatchObject({ kind: "selection", status: "concluded", legalBasis: "TT 20/2023/TT-BKHCN" });
    const pi = await piClient.get(path);
    expect(pi.status).toBe(200);
    expect(pi.body.items.map((x: any) => x.id)).toEqual(staffView.body.items.map((x: any) => x.id));
    expect((await piClient.get(`${API}/${pi.body.items[0].id}`)).status).toBe(200);
    const stranger = await buildUser(t.database.db, { username: "stranger2", roles: ["pi"] });
    const sc = await client(stranger.username);
    expect((await sc.get(path)).body.items).toEqual([]);
    expect((await officer.get(`${API}/of-task/${experts[0].personId}`)).body.items).toEqual([]);
  });
});

describe("selection tie-break: a Xuất sắc record in the past 5 years (TT 08/2017/TT-BKHCN)", () => {
  it("equal score and equal budget: the dossier whose PI had a task graded Xuất sắc within 5 years ranks first", async () => {
    const db = t.database.db;
    const orgC = (await buildOrganisation(db, { nameVi: "Viện Cơ khí" })).id;
    const orgD = (await buildOrganisation(db, { nameVi: "Công ty Thiết bị biển" })).id;
    const piC = (await buildPerson(db, { fullName: "Đỗ Chủ Nhiệm C", primaryOrganisationId: orgC })).id;
    const piD = (await buildPerson(db, { fullName: "Ngô Chủ Nhiệm D", primaryOrganisationId: orgD })).id;
    const owner = await buildUser(db, { username: "pic", roles: ["pi"] });
    /** an earlier task of this PI, graded Xuất sắc by an acceptance council concluded `yearsAgo` years before now */
    const pastExcellent = async (pi: string, org: string, yearsAgo: number) => {
      const old = await buildTask({ state: "accepted", piPersonId: pi, leadOrganisationId: org, resultGrade: "excellent", year: 2015 });
      const at = new Date(t.clock.now());
      at.setUTCFullYear(at.getUTCFullYear() - yearsAgo);
      await buildConcludedCouncil(db, { taskId: old.id, kind: "acceptance", subjects: [{ passed: true, grade: "excellent" }], at });
    };
    await pastExcellent(piD, orgD, 1);
    await pastExcellent(piC, orgC, 6); // too long ago to count
    const task = await buildTask({});
    const dC = (await buildDossier(task.id, owner.id, piC, orgC)).id;
    const dD = (await buildDossier(task.id, owner.id, piD, orgD)).id;
    await db.insert(taskDossierBudget).values([
      { dossierId: dC, year: 2026, source: "city", category: "labour", amount: 1_000_000_000 },
      { dossierId: dD, year: 2026, source: "city", category: "labour", amount: 1_000_000_000 },
    ] as (typeof taskDossierBudget.$inferInsert)[]);

    const created = await officer.post(API, { kind: "selection", title: "Hội đồng tuyển chọn (hoà điểm)", taskIds: [task.id], place: "Sở KH&CN" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    let c = await addAll(created.body.id);
    const inv = await officer.post(`${API}/${c.id}/invite`, { version: c.version });
    expect(inv.status, JSON.stringify(inv.body)).toBe(200);
    c = inv.body;
    c = (await officer.post(`${API}/${c.id}/open`, { version: c.version })).body;
    expect(c.status).toBe("in_session");
    const att = await officer.post(`${API}/${c.id}/attendance`, {
      version: c.version,
      members: c.members.map((m: any) => ({ memberId: m.id, present: true })),
    });
    expect(att.status, JSON.stringify(att.body)).toBe(200);
    c = att.body;
    for (const e of experts) {
      expect((await e.client.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true })).status).toBe(200);
      for (const s of c.subjects) {
        const r = await e.client.put(`${API}/${c.id}/ballots/${s.id}`, { scores: scoresAt(0.8), submit: true });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
    }
    const done = await officer.post(`${API}/${c.id}/conclude`, { version: c.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const byDossier = (d: string) => done.body.results.find((x: any) => x.subjectId === done.body.subjects.find((s: any) => s.dossierId === d).id);
    expect(byDossier(dC).score).toBe(byDossier(dD).score);
    expect(byDossier(dD)).toMatchObject({ rank: 1, selected: true });
    expect(byDossier(dC)).toMatchObject({ rank: 2, selected: false });
  });
});
