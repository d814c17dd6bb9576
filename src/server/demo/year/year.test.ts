// The demo's year, seeded once: tasks at varied steps of both processes, each one reached through the commands (its
// history is the trail of its transitions); councils with members and ballots; contracts with their plans, payments
// approved by another person than their recorder and one waiting; progress reports filed and reviewed; a registered
// result on the public results page — and something waiting on every demo role's home ("Việc của tôi").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { seedDemoData } from "../seed.js";
import { DEMO_EXTRA_ACCOUNTS } from "./year.js";
import { ROLES } from "../../../common/roles.js";
import { DEMO_PASSWORD } from "../demo-accounts.js";
import { verifyAuditChain } from "../../platform/audit.js";
import type { MyWork } from "../../../common/api/work.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.database.db, { scale: 1, now: t.clock.now() });
}, 900_000);
afterAll(async () => t?.close());

async function as(username: string) {
  const c = new Client(t);
  await c.login(username, DEMO_PASSWORD);
  return c;
}

describe(`the demo's year (${testDbMode()})`, () => {
  it("has tasks on both templates at varied steps, each with the history of the steps it took", async () => {
    const r = await t.database.db.execute<{ id: string; template_key: string; state: string; approved: boolean; code: string; transitions: number }>(sql`
      SELECT t.id, t.template_key, t.state, t.code, (t.approved_budget_city IS NOT NULL) AS approved,
             (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'task' AND a.entity_id = t.id::text
                AND a.action LIKE 'task.%' AND a.action NOT LIKE '%.effects' AND a.action <> 'task.propose') AS transitions
        FROM tasks t ORDER BY t.code`);
    expect(r.rows.length).toBeGreaterThanOrEqual(15);
    expect(new Set(r.rows.map((x) => x.template_key))).toEqual(new Set(["baseline-2013", "law-2025"]));
    const states = r.rows.map((x) => x.state);
    for (const s of [
      "proposal",
      "identification",
      "list_approved",
      "call_open",
      "dossier_opened",
      "appraisal",
      "decision_prepared",
      "approved",
      "in_progress",
      "accepted",
      "registered",
      "order_council",
    ])
      expect(states).toContain(s);
    expect(r.rows.filter((x) => ["in_progress", "accepted", "registered", "approved"].includes(x.state)).every((x) => x.approved)).toBe(true);
    expect(r.rows.filter((x) => x.state !== "proposal").every((x) => x.transitions > 0)).toBe(true);
    expect(new Set(r.rows.map((x) => x.code)).size).toBe(r.rows.length);
    const users = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
    expect(users.rows[0].n).toBe(ROLES.length + DEMO_EXTRA_ACCOUNTS);

    const officer = await as("officer");
    const registered = r.rows.find((x) => x.state === "registered")!;
    const page = await officer.get(`/api/v1/tasks/${registered.id}`);
    expect(page.status).toBe(200);
    const history = page.body.history as { action: string; to: string; byName: string | null }[];
    expect(history.map((h) => h.to)).toEqual(
      expect.arrayContaining(["identification", "list_approved", "call_open", "selection_council", "approved", "in_progress", "accepted", "registered"]),
    );
    expect(history.every((h) => !!h.byName)).toBe(true);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it("has councils with their members and ballots, contracts with payments, reports and a published result", async () => {
    const c = await t.database.db.execute<Record<string, number>>(sql`
      SELECT (SELECT count(*)::int FROM councils WHERE status = 'concluded') AS concluded,
             (SELECT count(*)::int FROM councils WHERE status = 'in_session') AS in_session,
             (SELECT count(*)::int FROM council_ballots WHERE status = 'submitted') AS ballots,
             (SELECT count(*)::int FROM contracts WHERE status = 'signed') AS signed,
             (SELECT count(*)::int FROM contracts WHERE status = 'draft') AS drafts,
             (SELECT count(*)::int FROM contract_payments WHERE status = 'approved') AS paid,
             (SELECT count(*)::int FROM contract_payments WHERE status = 'pending') AS pending,
             (SELECT count(*)::int FROM contract_payments WHERE status = 'approved' AND decided_by = prepared_by) AS self_approved,
             (SELECT count(*)::int FROM progress_reports WHERE status = 'accepted') AS reports_accepted,
             (SELECT count(*)::int FROM progress_reports WHERE status = 'submitted') AS reports_submitted,
             (SELECT count(*)::int FROM document_register WHERE signed_file_id IS NOT NULL) AS issued,
             (SELECT count(*)::int FROM councils c WHERE c.decision_number IS NULL
                 OR NOT EXISTS (SELECT 1 FROM document_register r WHERE r.entity_id = c.id AND r.symbol = c.decision_number)) AS councils_unnumbered`);
    const n = c.rows[0];
    expect(n.concluded).toBeGreaterThanOrEqual(15);
    expect(n.in_session).toBe(1);
    expect(n.ballots).toBeGreaterThan(100);
    expect(n.signed).toBe(4);
    expect(n.drafts).toBe(0);
    expect(n.paid).toBeGreaterThanOrEqual(10);
    expect(n.pending).toBe(1);
    expect(n.self_approved).toBe(0);
    expect(n.reports_accepted).toBeGreaterThanOrEqual(4);
    expect(n.reports_submitted).toBe(1);
    // every call notice, council decision and the registration certificate issued with its number and signed scan
    expect(n.issued).toBeGreaterThanOrEqual(n.concluded + 7);
    expect(n.councils_unnumbered).toBe(0);

    const anyone = new Client(t);
    const results = await anyone.get("/api/v1/public/results");
    expect(results.status).toBe(200);
    expect(results.body.total).toBe(1);
    const finance = await as("finance");
    const contracts = await finance.get("/api/v1/contracts");
    expect(contracts.status).toBe(200);
    expect(contracts.body.total).toBe(4);
  });

  it("lets the demo pi apply to the open task, and shows the opened task's two valid dossiers to the officer", async () => {
    const pi = await as("pi");
    const list = await pi.get("/api/v1/tasks?state=call_open");
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const task = await pi.get(`/api/v1/tasks/${list.body.items[0].id}`);
    expect(task.body).toMatchObject({ selectionCallAccepting: true });
    expect(task.body.abilities.createDossier).toBe(true);
    const d = await pi.post(`/api/v1/tasks/${task.body.id}/dossiers`, { objectives: "Mục tiêu của hồ sơ thử" });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body.piName).toBe("Nguyễn Văn An");

    const officer = await as("officer");
    const opened = await officer.get("/api/v1/tasks?state=dossier_opened");
    const full = await officer.get(`/api/v1/tasks/${opened.body.items[0].id}`);
    expect(full.body.dossiers).toHaveLength(2);
    expect(full.body.dossiers.every((x: { status: string }) => x.status === "valid")).toBe(true);
    expect(new Set(full.body.dossiers.map((x: { leadOrganisationId: string }) => x.leadOrganisationId)).size).toBe(2);
    expect(full.body.abilities.actions.map((a: { action: string }) => a.action)).toContain("convene_selection");
    const mine = await pi.get("/api/v1/tasks?view=mine");
    expect(mine.body.total).toBeGreaterThan(2);
  });

  it("leaves something waiting on every demo role's home, with its next action", async () => {
    const workOf = async (u: string): Promise<MyWork> => {
      const r = await (await as(u)).get("/api/v1/me/work");
      expect(r.status).toBe(200);
      return r.body as MyWork;
    };
    const actions = async (u: string) => new Set((await workOf(u)).items.map((i) => `${i.source}:${i.action}`));
    const officer = await actions("officer");
    for (const a of ["tasks:send_to_identification", "tasks:convene_selection", "tasks:form_council", "statistics:review"]) expect(officer).toContain(a);
    expect(officer).not.toContain("tasks:close_without_dossier");
    const leader = await actions("leader");
    expect(leader).toContain("tasks:approve");
    expect([...leader].some((a) => a.startsWith("contracts:"))).toBe(true);
    expect((await workOf("finance")).items.length).toBeGreaterThan(0);
    expect(await actions("expert")).toContain("councils:ballot");
    expect(await actions("expert5")).toContain("councils:declare");
    const pi = await workOf("pi");
    expect(pi.items.find((i) => i.source === "monitoring")).toMatchObject({ action: "submit", overdue: true });
    expect(pi.items[0].overdue).toBe(true);
    expect(officer).toContain("monitoring:review");
    expect(await actions("org_rep")).toContain("statistics:submit");
    expect(await actions("enterprise")).toContain("calls:propose");
  });
});
