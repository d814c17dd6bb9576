// Council confidentiality through the real app (ARCHITECTURE.md, Councils): a sweep of every role over every route
// that can reveal a selection council's results — the council, the councils of a task, the council list, the ballots,
// the minutes and the establishment decision, the task page and its dossiers — before and after conclusion, and after
// the decision names the winner. An applicant sees only their own dossier's aggregated result; nobody outside the
// council and the Department's staff sees another dossier's scores, rank or pass/fail.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildOrganisation, buildPerson, buildUser, buildTask, buildDossier } from "../../testing/factories.js";
import { taskDossierBudget, taskDossiers, tasks, users as usersTable } from "../../db/schema/index.js";
import { SELECTION_RUBRICS } from "../../../common/councils/index.js";

let t: TestApp;
let ip = 10;
const API = "/api/v1/councils";
const ROLES = ["chair", "vice_chair", "reviewer", "reviewer", "scientific_secretary", "member", "member", "member", "member"] as const;
const scoresAt = (share: number) => SELECTION_RUBRICS.de_tai.map((c) => ({ criterionKey: c.key, points: Math.round(c.max * share) }));

async function client(username: string) {
  const c = new Client(t, `10.29.0.${ip++}`);
  await c.login(username);
  return c;
}

/** One applicant: their dossier, its organisation and PI (names are what a leak would show). */
interface Applicant {
  dossierId: string;
  subjectId: string;
  orgName: string;
  piName: string;
}
const applicants: Record<"A" | "B" | "C", Applicant> = {} as never;
let taskId: string;
let councilId: string;
const experts: { client: Client; personId: string }[] = [];

/** What one viewer may see. `own`: the dossiers they applied with (an applicant); "all": inside the council. */
interface Viewer {
  name: string;
  client: Client;
  /** GET /councils/:id */
  council: "all" | (keyof typeof applicants)[] | 404 | 401;
  /** GET /councils (the list) */
  list: 200 | 403 | 401;
  /** GET /councils/:id/ballots after conclusion: every ballot, the member's own, or refused */
  ballots: "all" | "own" | 403 | 404 | 401;
  minutes: 200 | 403 | 404 | 401;
  establishment: 200 | 403 | 404 | 401;
  /** GET /tasks/:id: its dossiers ("all", the viewer's own, or the task is not theirs to read) */
  task: "all" | (keyof typeof applicants)[] | 404 | 401;
}
const viewers: Viewer[] = [];
const viewer = (name: string) => viewers.find((v) => v.name === name)!;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const orgA = await buildOrganisation(db, { nameVi: "Viện Nghiên cứu Hải sản" });
  const orgB = await buildOrganisation(db, { nameVi: "Trường Đại học Hàng hải Việt Nam" });
  const orgC = await buildOrganisation(db, { nameVi: "Công ty Cổ phần Thiết bị Biển" });
  const orgP = await buildOrganisation(db, { nameVi: "Hội Nghề cá thành phố" });
  const piA = await buildPerson(db, { fullName: "Trần Chủ Nhiệm A", primaryOrganisationId: orgA.id });
  const piB = await buildPerson(db, { fullName: "Vũ Chủ Nhiệm B", primaryOrganisationId: orgB.id });
  const piC = await buildPerson(db, { fullName: "Lê Chủ Nhiệm C", primaryOrganisationId: orgC.id });
  for (const [username, roles, extra] of [
    ["admin", ["admin"], {}],
    ["officer", ["officer"], {}],
    ["leader", ["leader"], {}],
    ["finance", ["finance"], {}],
    ["pia", ["pi"], { personId: piA.id, organisationId: orgA.id }],
    ["pib", ["pi"], { personId: piB.id, organisationId: orgB.id }],
    ["enterprise", ["enterprise"], { organisationId: orgC.id }],
    ["repa", ["org_rep"], { organisationId: orgA.id }],
    ["repb", ["org_rep"], { organisationId: orgB.id }],
    ["proposer", ["pi"], { personId: (await buildPerson(db, { fullName: "Phạm Người Đề Xuất", primaryOrganisationId: orgP.id })).id, organisationId: orgP.id }],
  ] as const) {
    await buildUser(db, { username, roles: [...roles], ...extra });
  }
  for (let i = 0; i < 10; i++) {
    const p = await buildPerson(db, { fullName: `Chuyên Gia ${String.fromCharCode(65 + i)}`, primaryOrganisationId: null });
    await buildUser(db, { username: `expert${i}`, roles: ["expert"], personId: p.id });
    experts.push({ client: await client(`expert${i}`), personId: p.id });
  }
  const users = new Map((await db.select().from(usersTable)).map((u) => [u.username, u]));
  // The task was proposed by "proposer"; the organisation A proposed it too (its dossier earns the +10% bonus).
  const task = await buildTask(db, {
    code: "ĐT.2026.BM",
    titleVi: "Nghiên cứu giám sát môi trường nuôi biển",
    taskType: "de_tai",
    templateKey: "baseline-2013",
    templateVersion: 1,
    state: "selection_council",
    year: 2026,
    proposerUserId: users.get("proposer")!.id,
    proposingOrganisationId: orgA.id,
  });
  taskId = task.id;
  const dossier = async (owner: string, pi: string, org: string, budget: number) => {
    const d = await buildDossier(db, { taskId, ownerUserId: users.get(owner)!.id, piPersonId: pi, leadOrganisationId: org, status: "valid" });
    await db
      .insert(taskDossierBudget)
      .values({ dossierId: d.id, year: 2026, source: "city", category: "labour", amount: budget } as typeof taskDossierBudget.$inferInsert);
    return d.id;
  };
  const dA = await dossier("pia", piA.id, orgA.id, 900_000_000);
  const dB = await dossier("pib", piB.id, orgB.id, 1_000_000_000);
  // The enterprise applied with a dossier that scores far below the pass mark.
  const dC = await dossier("enterprise", piC.id, orgC.id, 500_000_000);
  applicants.A = { dossierId: dA, subjectId: "", orgName: orgA.nameVi, piName: piA.fullName };
  applicants.B = { dossierId: dB, subjectId: "", orgName: orgB.nameVi, piName: piB.fullName };
  applicants.C = { dossierId: dC, subjectId: "", orgName: orgC.nameVi, piName: piC.fullName };

  const v = (name: string, client: Client, rest: Omit<Viewer, "name" | "client">) => viewers.push({ name, client, ...rest });
  const insider = { list: 403, minutes: 403, establishment: 200 } as const;
  v("admin", await client("admin"), { council: "all", list: 200, ballots: "all", minutes: 200, establishment: 200, task: "all" });
  v("officer", await client("officer"), { council: "all", list: 200, ballots: "all", minutes: 200, establishment: 200, task: "all" });
  v("leader", await client("leader"), { council: "all", list: 200, ballots: 403, minutes: 403, establishment: 200, task: "all" });
  v("finance", await client("finance"), { council: 404, list: 403, ballots: 404, minutes: 404, establishment: 404, task: "all" });
  v("council member", experts[1].client, { council: "all", ballots: "own", task: 404, ...insider });
  v("non-member expert", experts[9].client, { council: 404, list: 403, ballots: 404, minutes: 404, establishment: 404, task: 404 });
  const applicant = (own: (keyof typeof applicants)[], task: Viewer["task"]) =>
    ({ council: own, list: 403, ballots: 403, minutes: 403, establishment: 403, task }) as const;
  v("PI of dossier A (the winner)", await client("pia"), applicant(["A"], ["A"]));
  v("PI of dossier B", await client("pib"), applicant(["B"], ["B"]));
  v("enterprise that applied (dossier C)", await client("enterprise"), applicant(["C"], ["C"]));
  v("org_rep of applicant B", await client("repb"), applicant(["B"], 404));
  // The representative of organisation A (proposing organisation, then the winner's): the task is theirs to read, but
  // its dossiers list holds only dossiers they own or lead as PI (none).
  v("org_rep of applicant A", await client("repa"), applicant(["A"], []));
  // The task's proposer did not apply: no party to the selection council at all.
  v("proposer without a dossier", await client("proposer"), { council: 404, list: 403, ballots: 404, minutes: 404, establishment: 404, task: [] });
  v("anonymous", new Client(t, "10.29.1.1"), { council: 401, list: 401, ballots: 401, minutes: 401, establishment: 401, task: 401 });
});
afterAll(async () => t?.close());

/** Everything a viewer gets from the routes that can reveal the council's results, and the checks that apply. */
async function sweep(v: Viewer, phase: "in_session" | "concluded") {
  const bodies: unknown[] = [];
  const get = async (url: string) => {
    const r = await v.client.get(url);
    if (r.status === 200 && r.body) bodies.push(r.body);
    return r;
  };
  const own = Array.isArray(v.council) ? v.council : null;

  const c = await get(`${API}/${councilId}`);
  if (typeof v.council === "number") expect(c.status, `${v.name}: council`).toBe(v.council);
  else {
    expect(c.status, `${v.name}: council`).toBe(200);
    const subjects = c.body.subjects.map((s: any) => s.dossierId).sort();
    if (v.council === "all") {
      expect(subjects, v.name).toEqual([applicants.A.dossierId, applicants.B.dossierId, applicants.C.dossierId].sort());
      expect(c.body.members, v.name).toHaveLength(9);
      if (phase === "concluded") {
        expect(c.body.results, v.name).toHaveLength(3);
        expect(c.body.results.map((r: any) => r.rank).sort(), v.name).toEqual([1, 2, 3]);
      } else expect(c.body.results, v.name).toBeNull();
    } else {
      // An applicant: their own dossier and its aggregated result only — no other subject, no rank, no members.
      expect(subjects, v.name).toEqual(own!.map((k) => applicants[k].dossierId).sort());
      expect(c.body.members, v.name).toEqual([]);
      expect(c.body.myMemberId, v.name).toBeNull();
      if (phase === "concluded") {
        expect(
          c.body.results.map((r: any) => r.subjectId),
          v.name,
        ).toEqual(own!.map((k) => applicants[k].subjectId));
        for (const r of c.body.results) {
          expect(r.rank, v.name).toBeNull();
          expect(typeof r.score, v.name).toBe("number");
          expect(typeof r.passed, v.name).toBe("boolean");
        }
      } else expect(c.body.results, v.name).toBeNull();
    }
  }

  const ofTask = await get(`${API}/of-task/${taskId}`);
  if (v.council === 401) expect(ofTask.status).toBe(401);
  else {
    expect(ofTask.status, `${v.name}: of-task`).toBe(200);
    expect(
      ofTask.body.items.map((x: any) => x.id),
      `${v.name}: of-task`,
    ).toEqual(typeof v.council === "number" ? [] : [councilId]);
  }

  const list = await get(`${API}?taskId=${taskId}`);
  expect(list.status, `${v.name}: list`).toBe(v.list);

  // Individual ballots: a member's own at any time; every ballot for officers and administrators after conclusion.
  const ballots = await get(`${API}/${councilId}/ballots`);
  const expected = v.ballots === "all" ? (phase === "concluded" ? 200 : 403) : v.ballots === "own" ? 200 : v.ballots;
  expect(ballots.status, `${v.name}: ballots`).toBe(expected);
  if (expected === 200 && v.ballots === "all") expect(ballots.body.ballots, v.name).toHaveLength(27);
  if (v.ballots === "own") {
    expect(ballots.body.ballots.length, v.name).toBeGreaterThan(0);
    expect(
      ballots.body.ballots.every((b: any) => b.memberId === c.body.myMemberId),
      v.name,
    ).toBe(true);
  }

  const minutes = await v.client.get(`${API}/${councilId}/minutes.docx`);
  expect(minutes.status, `${v.name}: minutes`).toBe(phase === "in_session" && v.minutes === 200 ? 409 : v.minutes);
  expect((await v.client.get(`${API}/${councilId}/establishment.docx`)).status, `${v.name}: establishment`).toBe(v.establishment);

  const task = await v.client.get(`/api/v1/tasks/${taskId}`);
  // The task's proposing organisation (organisation A here) is the task's own record, shown to whoever reads the task:
  // it says who proposed the task, not who applied or how a dossier scored.
  if (task.status === 200) bodies.push({ ...task.body, proposingOrganisationName: null });
  if (typeof v.task === "number") expect(task.status, `${v.name}: task`).toBe(v.task);
  else {
    expect(task.status, `${v.name}: task`).toBe(200);
    const ids = task.body.dossiers.map((d: any) => d.id).sort();
    expect(ids, `${v.name}: task dossiers`).toEqual(
      v.task === "all"
        ? Object.values(applicants)
            .map((a) => a.dossierId)
            .sort()
        : v.task.map((k) => applicants[k].dossierId).sort(),
    );
  }
  // Another applicant's dossier: 404 to an applicant.
  if (own) {
    for (const [k, a] of Object.entries(applicants)) {
      if (own.includes(k as never)) continue;
      expect((await v.client.get(`/api/v1/tasks/${taskId}/dossiers/${a.dossierId}`)).status, `${v.name}: dossier ${k}`).toBe(404);
    }
  }

  // Nothing any route gave an applicant or an outsider names another dossier: its council subject, its id, its
  // organisation or its PI — save the winner's, which the published decision names (the task's fields), never its scores.
  if (v.council !== "all" && v.task !== "all") {
    const text = JSON.stringify(bodies);
    for (const [k, a] of Object.entries(applicants)) {
      if (own?.includes(k as never)) continue;
      expect(text.includes(a.subjectId), `${v.name} sees the council subject of dossier ${k}`).toBe(false);
      const decided = phase === "concluded" && k === "A" && typeof v.task !== "number";
      if (decided) continue;
      expect(text.includes(a.dossierId), `${v.name} sees dossier ${k}`).toBe(false);
      expect(text.includes(a.orgName), `${v.name} sees the organisation of dossier ${k}`).toBe(false);
      expect(text.includes(a.piName), `${v.name} sees the PI of dossier ${k}`).toBe(false);
    }
  }
}

describe(`council confidentiality, every role (${testDbMode()})`, () => {
  it("a selection council of three dossiers is set up and in session, some ballots submitted", async () => {
    const officer = viewer("officer").client;
    let c = (await officer.post(API, { kind: "selection", title: "Hội đồng tuyển chọn giám sát nuôi biển", taskIds: [taskId] })).body;
    councilId = c.id;
    for (const k of ["A", "B", "C"] as const) applicants[k].subjectId = c.subjects.find((s: any) => s.dossierId === applicants[k].dossierId).id;
    for (let i = 0; i < 9; i++) {
      const r = await officer.post(`${API}/${c.id}/members`, { version: c.version, personId: experts[i].personId, role: ROLES[i] });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      c = r.body;
    }
    c = (await officer.post(`${API}/${c.id}/invite`, { version: c.version })).body;
    c = (await officer.post(`${API}/${c.id}/open`, { version: c.version })).body;
    const att = await officer.post(`${API}/${c.id}/attendance`, {
      version: c.version,
      members: c.members.map((m: any) => ({ memberId: m.id, present: true })),
    });
    expect(att.status, JSON.stringify(att.body)).toBe(200);
    for (const e of experts.slice(0, 9)) {
      expect((await e.client.post(`${API}/${c.id}/declaration`, { statement: "Tôi cam kết không có xung đột lợi ích", noConflict: true })).status).toBe(200);
      const r = await e.client.put(`${API}/${c.id}/ballots/${applicants.A.subjectId}`, { scores: scoresAt(0.85), submit: true });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  });

  it("in session: each role sees what the rule allows, through every route", async () => {
    for (const v of viewers) await sweep(v, "in_session");
  });

  it("concluded, and the decision names the winner: still only one's own dossier's result", async () => {
    const officer = viewer("officer").client;
    for (const e of experts.slice(0, 9)) {
      expect((await e.client.put(`${API}/${councilId}/ballots/${applicants.B.subjectId}`, { scores: scoresAt(0.75), submit: true })).status).toBe(200);
      expect((await e.client.put(`${API}/${councilId}/ballots/${applicants.C.subjectId}`, { scores: scoresAt(0.4), submit: true })).status).toBe(200);
    }
    const c = (await officer.get(`${API}/${councilId}`)).body;
    const done = await officer.post(`${API}/${councilId}/conclude`, { version: c.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const result = (k: keyof typeof applicants) => done.body.results.find((r: any) => r.subjectId === applicants[k].subjectId);
    expect(result("A")).toMatchObject({ rank: 1, selected: true });
    expect(result("B")).toMatchObject({ rank: 2, selected: false, meetsThreshold: true });
    expect(result("C")).toMatchObject({ rank: 3, passed: false, meetsThreshold: false });
    // The decision (the task's effect of the council's choice): dossier A's PI and organisation lead the task.
    const [winner] = await t.database.db.select().from(taskDossiers).where(eq(taskDossiers.id, applicants.A.dossierId));
    await t.database.db
      .update(tasks)
      .set({ selectedDossierId: winner.id, piPersonId: winner.piPersonId, leadOrganisationId: winner.leadOrganisationId })
      .where(eq(tasks.id, taskId));
    for (const v of viewers) await sweep(v, "concluded");
  });

  it("each applicant's own result is the aggregate the council computed; the losing applicants learn the winner from the task, not its score", async () => {
    const staffView = (await viewer("officer").client.get(`${API}/${councilId}`)).body;
    for (const [name, k] of [
      ["PI of dossier B", "B"],
      ["enterprise that applied (dossier C)", "C"],
      ["org_rep of applicant B", "B"],
    ] as const) {
      const mine = (await viewer(name).client.get(`${API}/${councilId}`)).body.results;
      const full = staffView.results.find((r: any) => r.subjectId === applicants[k].subjectId);
      expect(mine, name).toEqual([{ ...full, rank: null }]);
    }
    const b = (await viewer("PI of dossier B").client.get(`/api/v1/tasks/${taskId}`)).body;
    expect(b).toMatchObject({ selectedDossierId: applicants.A.dossierId, leadOrganisationName: applicants.A.orgName, piName: applicants.A.piName });
    expect(b.dossiers.map((d: any) => [d.id, d.status])).toEqual([[applicants.B.dossierId, "valid"]]);
  });
});
