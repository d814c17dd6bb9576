import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { Client, createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildTask, signedIn } from "../../testing/factories.js";
import { BASELINE_2013 } from "../../../common/processes/index.js";
import { syncProcessTemplates } from "./process-templates.service.js";
import { templateInForce, templateVersion, transitionsFrom } from "../../platform/workflow.js";

let t: TestApp;
let admin: Client;
let officer: Client;
let pi: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signedIn(t, { username: "pt_admin", roles: ["admin"], ip: "10.9.0.1" })).client;
  officer = (await signedIn(t, { username: "pt_officer", roles: ["officer"], ip: "10.9.0.2" })).client;
  pi = (await signedIn(t, { username: "pt_pi", roles: ["pi"], ip: "10.9.0.3" })).client;
});
afterAll(async () => t?.close());

/** Version 2 of the baseline: the same definition without the optional internal acceptance. */
function withoutInternalAcceptance(effectiveFrom: string) {
  const { key: _k, version: _v, ...rest } = structuredClone(BASELINE_2013);
  return {
    ...rest,
    effectiveFrom,
    legalBasis: rest.legalBasis + "; QĐ thử nghiệm",
    noteVi: "Bỏ nghiệm thu cơ sở",
    noteEn: "Internal acceptance dropped",
    steps: rest.steps.filter((s) => s.key !== "internal_acceptance"),
    transitions: rest.transitions
      .filter((x) => x.action !== "request_internal_acceptance")
      .map((x) => (x.action === "submit_for_acceptance" ? { ...x, from: "in_progress" } : x)),
  };
}

describe(`process templates API (${testDbMode()})`, () => {
  it("lists the shipped templates with their versions and the version in force", async () => {
    const r = await officer.get("/api/v1/process-templates");
    expect(r.status).toBe(200);
    expect(r.body.map((x: { key: string }) => x.key)).toEqual(["baseline-2013", "law-2025"]);
    expect(r.body[0]).toMatchObject({
      inForceVersion: 1,
      versions: [{ version: 1, effectiveFrom: "2014-01-01", inForce: true, createdBy: null }],
      abilities: { read: true, addVersion: false },
    });
    expect(r.body[0].versions[0].legalBasis).toContain("QĐ 2848/2015/QĐ-UBND");
    expect((await officer.get("/api/v1/auth/me")).body.can.process_template).toEqual({ list: true, read: true, addVersion: false });
  });

  it("shows a version with its steps and transitions", async () => {
    const r = await officer.get("/api/v1/process-templates/law-2025/versions/1");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ key: "law-2025", version: 1, effectiveFrom: "2025-10-01", inForce: true });
    expect(r.body.steps.find((s: { kind: string }) => s.kind === "initial").key).toBe("proposal");
    expect(r.body.transitions.find((x: { action: string }) => x.action === "submit_dossier")).toMatchObject({
      roles: ["pi", "org_rep"],
      guards: ["before_deadline", "dossier_complete"],
    });
    expect(r.body.guardLabels.two_person_rule.en).toContain("two-person");
    expect((await officer.get("/api/v1/process-templates/law-2025/versions/9")).status).toBe(404);
    expect((await officer.get("/api/v1/process-templates/nothing-here")).status).toBe(404);
  });

  it("is closed to roles outside the Department's staff and leadership", async () => {
    expect((await pi.get("/api/v1/process-templates")).status).toBe(403);
    expect((await pi.get("/api/v1/process-templates/baseline-2013/versions/1")).status).toBe(403);
  });

  it("lets only an administrator add a version", async () => {
    const r = await officer.post("/api/v1/process-templates/baseline-2013/versions", withoutInternalAcceptance("2027-01-01"));
    expect(r.status).toBe(403);
  });

  it("refuses an invalid definition with 400 and the validator's messages, in the caller's language", async () => {
    const bad = withoutInternalAcceptance("2027-01-01");
    bad.transitions = bad.transitions.map((x) => (x.action === "sign_contract" ? { ...x, to: "signed" } : x));
    const vi = await admin.post("/api/v1/process-templates/baseline-2013/versions", bad);
    expect(vi.status).toBe(400);
    expect(vi.body.error.code).toBe("VALIDATION_FAILED");
    expect(vi.body.error.details).toContainEqual({
      path: expect.stringMatching(/^body\.transitions\.\d+\.to$/),
      code: "unknown_step",
      message: "Thao tác “sign_contract” dẫn chiếu bước không có: “signed”",
    });
    // the contracted step is now unreachable and says so too
    expect(vi.body.error.details.map((d: { code: string }) => d.code)).toContain("unreachable");
    admin.lang = "en";
    const en = await admin.post("/api/v1/process-templates/baseline-2013/versions", bad);
    admin.lang = "vi";
    expect(en.body.error.message).toContain("The process definition is invalid: Action “sign_contract” names an unknown step “signed”");
    const past = await admin.post("/api/v1/process-templates/baseline-2013/versions", withoutInternalAcceptance("2026-11-26"));
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].path).toBe("body.effectiveFrom");
    const extra = await admin.post("/api/v1/process-templates/baseline-2013/versions", { ...withoutInternalAcceptance("2027-01-01"), version: 5 });
    expect(extra.status).toBe(400);
  });

  it("adds version 2 effective later; a record started under version 1 keeps following version 1", async () => {
    const r = await admin.post("/api/v1/process-templates/baseline-2013/versions", withoutInternalAcceptance("2027-01-01"));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ key: "baseline-2013", version: 2, effectiveFrom: "2027-01-01", inForce: false, createdBy: "pt_admin" });
    const audit = await t.database.db.execute<{ after: unknown }>(sql`SELECT after FROM audit_log WHERE action = 'process_template.version_added'`);
    expect(audit.rows).toEqual([{ after: expect.objectContaining({ key: "baseline-2013", version: 2 }) }]);

    // today (2026-11-27) version 1 is in force; from 2027-01-01 version 2
    expect((await templateInForce(t.database.db, "baseline-2013", "2026-11-27"))?.version).toBe(1);
    expect((await templateInForce(t.database.db, "baseline-2013", "2027-01-01"))?.version).toBe(2);
    const list = await officer.get("/api/v1/process-templates/baseline-2013");
    expect(list.body.inForceVersion).toBe(1);

    // a record that started under version 1 still has the internal acceptance after version 2 takes effect
    t.clock.set(new Date("2027-02-01T03:00:00Z"));
    try {
      const later = new Client(t, "10.9.0.4");
      await later.login("pt_officer");
      expect((await later.get("/api/v1/process-templates/baseline-2013")).body.inForceVersion).toBe(2);
      const started = (await templateVersion(t.database.db, "baseline-2013", 1))!.definition;
      expect(transitionsFrom(started, "in_progress").map((x) => x.action)).toContain("request_internal_acceptance");
      const current = (await templateInForce(t.database.db, "baseline-2013", "2027-02-01"))!.definition;
      expect(transitionsFrom(current, "in_progress").map((x) => x.action)).not.toContain("request_internal_acceptance");
    } finally {
      t.clock.set(new Date("2026-11-27T03:00:00Z"));
    }
    const earlier = await admin.post("/api/v1/process-templates/baseline-2013/versions", withoutInternalAcceptance("2026-12-01"));
    expect(earlier.status).toBe(400);
  });

  it("makes the appraisal team's conclusion a condition of the draft decision by configuration alone", async () => {
    // A city that requires the appraisal (ARCHITECTURE.md "Decisions") adds a version with the guard on prepare_decision.
    const { key: _k, version: _v, ...rest } = structuredClone(BASELINE_2013);
    const guarded = {
      ...rest,
      effectiveFrom: "2027-06-01",
      noteVi: "Dự thảo quyết định sau khi hội đồng thẩm định kết luận",
      noteEn: "The decision is drafted after the appraisal council concludes",
      transitions: rest.transitions.map((x) => (x.action === "prepare_decision" ? { ...x, guards: ["council_concluded"] } : x)),
    };
    const added = await admin.post("/api/v1/process-templates/baseline-2013/versions", guarded);
    expect(added.status).toBe(201);
    const task = await buildTask(t.database.db, { state: "appraisal", templateVersion: added.body.version });

    // the page shows the draft decision disabled, with the reason and the way forward
    const page = await officer.get(`/api/v1/tasks/${task.id}`);
    const draft = page.body.abilities.actions.find((a: { action: string }) => a.action === "prepare_decision");
    expect(draft.blocked).toMatchObject({ code: "COUNCIL_NOT_FORMED", next: { kind: "form_council", councilKind: "appraisal" } });
    expect(draft.blocked.message).toContain("Chưa thành lập hội đồng thẩm định cho nhiệm vụ này");

    // and the command refuses it the same way
    const r = await officer.post(`/api/v1/tasks/${task.id}/prepare_decision`, {
      version: task.version,
      decisionNumber: "15/QĐ-UBND",
      approvedBudgetCity: 500_000_000,
      startDate: "2027-01-01",
      endDate: "2027-12-31",
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("COUNCIL_NOT_FORMED");

    // a task under version 1 drafts its decision without the team, as before
    const v1 = await buildTask(t.database.db, { state: "appraisal" });
    const v1Page = await officer.get(`/api/v1/tasks/${v1.id}`);
    expect(v1Page.body.abilities.actions.find((a: { action: string }) => a.action === "prepare_decision").blocked ?? null).toBeNull();
  });

  it("never changes a stored version: start-up sync is a no-op and the table refuses UPDATE and DELETE", async () => {
    await syncProcessTemplates(t.database.db, t.clock.now());
    const r = await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM process_template_versions`);
    expect(r.rows[0].n).toBe(4);
    await expect(t.database.db.execute(sql`UPDATE process_template_versions SET note_vi = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM process_template_versions`)).rejects.toThrow();
  });
});
