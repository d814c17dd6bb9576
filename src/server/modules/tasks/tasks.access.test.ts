// The one rule of task access, purpose by purpose: where the circles differ, the difference is deliberate and named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Actor } from "../../platform/context.js";
import type { Role } from "../../../common/roles.js";
import { createTestApp, type TestApp } from "../../testing/harness.js";
import { buildDossier, buildOrganisation, buildPerson, buildTask, buildUser } from "../../testing/factories.js";
import { fromSteps } from "../../../common/processes/schema.js";
import { allTemplateDefinitions } from "../../platform/workflow.js";
import {
  canSeeTask,
  loadTask,
  mayTake,
  mayTakeSql,
  mayUploadTaskDocument,
  ownsTask,
  taskRef,
  visibleTasksSql,
  type TaskPurpose,
  type TaskRef,
} from "./tasks.access.js";
import { ELSEWHERE } from "./tasks.next.js";

const PI = "00000000-0000-4000-8000-0000000000a1";
const LEAD = "00000000-0000-4000-8000-0000000000b1";
const PROPOSING = "00000000-0000-4000-8000-0000000000b2";
const PROPOSER = "00000000-0000-4000-8000-0000000000c1";

const actor = (roles: Role[], o: Partial<Actor> = {}): Actor => ({
  userId: "00000000-0000-4000-8000-0000000000ff",
  username: "u",
  roles,
  personId: null,
  organisationId: null,
  sessionId: "s",
  ...o,
});

const task: TaskRef = {
  state: "in_progress",
  proposerUserId: PROPOSER,
  piPersonId: PI,
  leadOrganisationId: LEAD,
  proposingOrganisationId: PROPOSING,
  ownsDossier: false,
  openForDossiers: false,
};

describe("task access", () => {
  it("the Department sees every task for every purpose; an outsider none", () => {
    for (const r of ["admin", "officer", "leader", "finance"] as const) {
      for (const p of ["task", "performance", "result"] as const) expect(canSeeTask(actor([r]), task, p)).toBe(true);
    }
    for (const p of ["task", "performance", "result"] as const) expect(canSeeTask(actor(["expert"]), task, p)).toBe(false);
  });

  it("performers (the PI by person record, the lead organisation's representative) see the task for every purpose", () => {
    const pi = actor(["pi"], { personId: PI });
    const rep = actor(["org_rep"], { organisationId: LEAD });
    for (const p of ["task", "performance", "result"] as const) {
      expect(canSeeTask(pi, task, p)).toBe(true);
      expect(canSeeTask(rep, task, p)).toBe(true);
    }
    // the organisation counts only for its representatives
    expect(canSeeTask(actor(["pi"], { organisationId: LEAD }), task, "performance")).toBe(false);
  });

  it("the proposer sees the task and its result, not its monitoring", () => {
    const proposer = actor(["enterprise"], { userId: PROPOSER });
    expect(canSeeTask(proposer, task, "task")).toBe(true);
    expect(canSeeTask(proposer, task, "result")).toBe(true);
    expect(canSeeTask(proposer, task, "performance")).toBe(false);
  });

  it("a dossier owner, the proposing organisation's representative and anyone while dossiers are received see only the task", () => {
    const owner = actor(["pi"]);
    const proposingRep = actor(["org_rep"], { organisationId: PROPOSING });
    expect(canSeeTask(owner, { ...task, ownsDossier: true }, "task")).toBe(true);
    expect(canSeeTask(proposingRep, task, "task")).toBe(true);
    expect(canSeeTask(actor(["expert"]), { ...task, openForDossiers: true }, "task")).toBe(true);
    const withDossier: TaskRef = { ...task, ownsDossier: true };
    for (const p of ["performance", "result"] as const) {
      expect(canSeeTask(owner, withDossier, p)).toBe(false);
      expect(canSeeTask(proposingRep, task, p)).toBe(false);
    }
  });

  it("the PI's person record makes its user the PI whatever their roles; a contract's Bên B also needs the role pi", () => {
    const expertWithPerson = actor(["expert"], { personId: PI });
    expect(ownsTask(expertWithPerson, task)).toBe(true);
    expect(ownsTask(expertWithPerson, task, { piByRole: true })).toBe(false);
    expect(ownsTask(actor(["pi"], { personId: PI }), task, { piByRole: true })).toBe(true);
    expect(ownsTask(actor(["org_rep"], { organisationId: LEAD }), task, { piByRole: true })).toBe(true);
  });

  it("a transition held only through pi / org_rep is taken only on the task carried out in that role", () => {
    const t = { roles: ["pi"] as Role[] };
    expect(mayTake(actor(["pi"], { personId: PI }), t, task)).toBe(true);
    expect(mayTake(actor(["pi"], { personId: "00000000-0000-4000-8000-0000000000a2" }), t, task)).toBe(false);
    // the lead organisation's representative does not act as the PI
    expect(mayTake(actor(["pi", "org_rep"], { organisationId: LEAD }), t, task)).toBe(false);
    expect(mayTake(actor(["pi", "org_rep"], { organisationId: LEAD }), { roles: ["pi", "org_rep"] as Role[] }, task)).toBe(true);
    expect(mayTake(actor(["officer"]), { roles: ["officer", "pi"] as Role[] }, task)).toBe(true);
    expect(mayTake(actor(["officer"]), { roles: ["leader"] as Role[] }, task)).toBe(false);
  });

  it("a document of the task itself: the Department, its performers, and its proposer only while the proposal is at the initial step", () => {
    const atProposal = { ...task, state: "proposal" };
    for (const r of ["admin", "officer", "leader", "finance"] as const) expect(mayUploadTaskDocument(actor([r]), task, "proposal")).toBe(true);
    expect(mayUploadTaskDocument(actor(["pi"], { personId: PI }), task, "proposal")).toBe(true);
    expect(mayUploadTaskDocument(actor(["org_rep"], { organisationId: LEAD }), task, "proposal")).toBe(true);
    const proposer = actor(["enterprise"], { userId: PROPOSER });
    expect(mayUploadTaskDocument(proposer, atProposal, "proposal")).toBe(true);
    expect(mayUploadTaskDocument(proposer, task, "proposal")).toBe(false);
    for (const other of [
      actor(["pi"], { personId: "00000000-0000-4000-8000-0000000000a2" }),
      actor(["org_rep"], { organisationId: PROPOSING }),
      actor(["expert"]),
      actor(["enterprise"]),
    ]) {
      expect(mayUploadTaskDocument(other, atProposal, "proposal")).toBe(false);
      expect(mayUploadTaskDocument(other, task, "proposal")).toBe(false);
    }
  });
});

/** A built user as the actor of a signed-in request. */
const asActor = (u: { id: string; username: string; roles: string[]; personId: string | null; organisationId: string | null }): Actor => ({
  userId: u.id,
  username: u.username,
  roles: u.roles as Role[],
  personId: u.personId,
  organisationId: u.organisationId,
  sessionId: "s",
});

describe("task access: lists and records follow the same rule", () => {
  let t: TestApp;
  const actors: Actor[] = [];
  const taskIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const [lead, proposing] = [await buildOrganisation(db), await buildOrganisation(db)];
    const [piPerson, otherPerson] = [await buildPerson(db), await buildPerson(db)];
    const users = [
      await buildUser(db, { roles: ["finance"] as Role[] }),
      await buildUser(db, { roles: ["pi"], personId: piPerson.id }),
      await buildUser(db, { roles: ["expert"], personId: piPerson.id }),
      await buildUser(db, { roles: ["org_rep"], organisationId: lead.id }),
      await buildUser(db, { roles: ["org_rep"], organisationId: proposing.id }),
      await buildUser(db, { roles: ["pi"], organisationId: lead.id }),
      await buildUser(db, { roles: ["enterprise"] as Role[] }),
      await buildUser(db, { roles: ["pi"], personId: otherPerson.id }),
    ];
    actors.push(...users.map(asActor));
    const proposer = users[6];
    const dossierOwner = users[7];
    const tasks = [
      await buildTask(db, { state: "in_progress", piPersonId: piPerson.id, leadOrganisationId: lead.id }),
      await buildTask(db, { state: "in_progress", piPersonId: otherPerson.id, leadOrganisationId: proposing.id, proposerUserId: proposer.id }),
      await buildTask(db, { state: "proposal", proposerUserId: proposer.id, proposingOrganisationId: proposing.id }),
      await buildTask(db, { state: "call_open", leadOrganisationId: lead.id }),
      await buildTask(db, { state: "in_progress" }),
    ];
    await buildDossier(db, { taskId: tasks[3].id, ownerUserId: dossierOwner.id, piPersonId: otherPerson.id, leadOrganisationId: proposing.id });
    taskIds.push(...tasks.map((x) => x.id));
  });
  afterAll(() => t?.close());

  it("the work queue admits exactly the tasks at a step where the record rule lets the actor take an action", async () => {
    const db = t.database.db;
    const defs = await allTemplateDefinitions(db);
    const [lead, other] = [await buildOrganisation(db), await buildOrganisation(db)];
    const [piPerson, otherPerson] = [await buildPerson(db), await buildPerson(db)];
    const queueActors = [
      await buildUser(db, { roles: ["officer"] }),
      await buildUser(db, { roles: ["pi"], personId: piPerson.id }),
      await buildUser(db, { roles: ["pi"], personId: otherPerson.id }),
      await buildUser(db, { roles: ["org_rep"], organisationId: lead.id }),
      await buildUser(db, { roles: ["leader"] }),
      await buildUser(db, { roles: ["pi", "org_rep"], personId: otherPerson.id, organisationId: lead.id }),
    ].map(asActor);
    // steps where the Department acts, where the performers act, where only a dossier's submission (not the queue's)
    // is possible, and final ones; each with the task carried out by piPerson / lead, and by others
    const states = ["proposal", "identification", "call_open", "revision", "in_progress", "change_requested", "registered", "liquidated"];
    const queued: string[] = [];
    for (const state of states) {
      queued.push((await buildTask(db, { state, piPersonId: piPerson.id, leadOrganisationId: lead.id })).id);
      queued.push((await buildTask(db, { state, piPersonId: otherPerson.id, leadOrganisationId: other.id })).id);
    }
    const ids = sql.join(
      queued.map((i) => sql`${i}::uuid`),
      sql`, `,
    );
    let admitted = 0;
    for (const a of queueActors) {
      const r = await db.execute<{ id: string }>(
        sql`SELECT t.id FROM tasks t WHERE t.id IN (${ids}) AND ${mayTakeSql(a, defs, { except: ELSEWHERE, alias: "t" })}`,
      );
      const listed = new Set(r.rows.map((x) => x.id));
      for (const id of queued) {
        const row = (await loadTask(db, id))!;
        const def = defs.get(`${row.templateKey}@${row.templateVersion}`)!;
        const acts = def.transitions.some((x) => !ELSEWHERE.has(x.action) && fromSteps(x).includes(row.state) && mayTake(a, x, row));
        expect({ user: a.roles, state: row.state, id, listed: listed.has(id) }).toEqual({ user: a.roles, state: row.state, id, listed: acts });
        if (acts) admitted++;
      }
    }
    expect(admitted).toBeGreaterThan(queueActors.length);
    expect(admitted).toBeLessThan(queueActors.length * queued.length);
  });

  it("for every actor and purpose, the tasks a list admits are exactly those the record rule admits", async () => {
    const db = t.database.db;
    const now = t.clock.now();
    const ids = sql.join(
      taskIds.map((i) => sql`${i}::uuid`),
      sql`, `,
    );
    let admitted = 0;
    for (const a of actors) {
      for (const purpose of ["task", "performance", "result"] as TaskPurpose[]) {
        const r = await db.execute<{ id: string }>(sql`SELECT t.id FROM tasks t WHERE t.id IN (${ids}) AND ${visibleTasksSql(a, "t", { purpose, now })}`);
        const listed = new Set(r.rows.map((x) => x.id));
        for (const id of taskIds) {
          const row = (await loadTask(db, id))!;
          const ref = purpose === "task" ? await taskRef(db, row, a, now) : row;
          const seen = canSeeTask(a, ref as TaskRef, purpose);
          expect({ user: a.roles, purpose, id, listed: listed.has(id) }).toEqual({ user: a.roles, purpose, id, listed: seen });
          if (seen) admitted++;
        }
      }
    }
    // neither everything nor nothing: the fixture exercises both answers
    expect(admitted).toBeGreaterThan(actors.length * 3);
    expect(admitted).toBeLessThan(actors.length * 3 * taskIds.length);
  });
});
