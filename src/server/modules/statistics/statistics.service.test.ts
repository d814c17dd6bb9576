// Statistical reporting's rules called as services (no HTTP): a report is submitted only without validation errors
// (and only while its period is open); approval locks it (409 LOCKED before any state or version check, the trigger
// underneath) until a leader withdraws the approval with a reason; a closed period takes no more commands. Each
// refusal leaves the report or period and its version as they were, and writes no audit row of the command.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestApp, testDbMode, type TestApp } from "../../testing/harness.js";
import { buildOrganisation } from "../../testing/factories.js";
import { actorFor, auditRows, refusal, type TestActor } from "../../testing/ctx.js";
import { periodInput, periodUpdate, reportSave } from "../../../common/api/statistics.js";
import type { Period } from "../../../common/api/statistics.js";
import {
  approveReport,
  assignOrganisations,
  createPeriod,
  getReport,
  returnReport,
  saveReport,
  setPeriodStatus,
  submitReport,
  unapproveReport,
  updatePeriod,
} from "./statistics.service.js";

let t: TestApp;
let officer: TestActor;
let leader: TestActor;
let repA: TestActor;
let repB: TestActor;
let period: Period;
const FORM = "02-KHCN-NL";

/** A consistent 02/KHCN-NL: `people` per qualification row, `women` of them women. */
function staffValues(people: number[], women: number[]) {
  const rows = ["tskh", "ts", "ths", "dh", "cd", "other"];
  const v: Record<string, number | string> = { reporter_name: "Trần Thị Lan", prepared_on: "2026-01-20" };
  rows.forEach((r, i) =>
    Object.assign(v, { [`staff.${r}.total`]: people[i], [`staff.${r}.women`]: women[i], [`staff.${r}.minority`]: 0, [`staff.${r}.rd`]: 0 }),
  );
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  return Object.assign(v, { "staff.total.total": sum(people), "staff.total.women": sum(women), "staff.total.minority": 0, "staff.total.rd": 0 });
}
const GOOD = staffValues([1, 10, 20, 30, 5, 0], [0, 4, 12, 10, 2, 0]);

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date("2026-01-15T03:00:00Z")); // during the 2025 reporting season (deadline 01/02/2026)
  const orgA = (await buildOrganisation(t.database.db)).id;
  const orgB = (await buildOrganisation(t.database.db)).id;
  officer = await actorFor(t, ["officer"], { person: false });
  leader = await actorFor(t, ["leader"], { person: false });
  repA = await actorFor(t, ["org_rep"], { person: false, organisationId: orgA });
  repB = await actorFor(t, ["org_rep"], { person: false, organisationId: orgB });
  period = await createPeriod(officer.ctx, periodInput.parse({ year: 2025, nameVi: "Báo cáo thống kê năm 2025", formKeys: [FORM] }));
  period = await setPeriodStatus(officer.ctx, period.id, "open", period.version);
  await assignOrganisations(officer.ctx, period.id, { organisationIds: [orgA, orgB] });
});
afterAll(async () => t?.close());

async function reportOf(rep: TestActor) {
  const r = await t.database.db.execute<{ id: string }>(
    sql`SELECT id FROM statistical_reports WHERE period_id = ${period.id} AND organisation_id = ${rep.organisationId} AND form_key = ${FORM}`,
  );
  return getReport(rep.ctx, r.rows[0].id);
}
const save = (rep: TestActor, id: string, version: number, values: Record<string, number | string>) =>
  saveReport(rep.ctx, id, reportSave.parse({ values, version }));

describe(`statistical reporting rules as services (${testDbMode()})`, () => {
  it("submit: refused with the validation messages while errors remain (nothing moves); another organisation's report is 404", async () => {
    const r = await reportOf(repA);
    const wrong = await save(repA, r.id, r.version, { ...GOOD, "staff.ts.women": 11 });
    expect(wrong).toMatchObject({ status: "draft", version: r.version + 1 });
    expect(wrong.errorCount).toBeGreaterThan(0);
    const invalid = await refusal(submitReport(repA.ctx, r.id, wrong.version));
    expect([invalid.code, invalid.status, invalid.params]).toEqual(["STATISTICS_REPORT_INVALID", 422, { count: wrong.errorCount }]);
    const rules = (invalid.details as { messages: { ruleKey: string; severity: string }[] }).messages
      .filter((m) => m.severity === "error")
      .map((m) => m.ruleKey);
    expect(rules).toContain("staff_women_le_total");
    expect(await getReport(repA.ctx, r.id)).toMatchObject({ status: "draft", version: wrong.version, submittedAt: null });
    expect(await auditRows(t, r.id, "statistics_report.submit")).toHaveLength(0);
    for (const call of [() => submitReport(repB.ctx, r.id, wrong.version), () => save(repB, r.id, wrong.version, GOOD)])
      expect((await refusal(call())).code).toBe("NOT_FOUND");

    const fixed = await save(repA, r.id, wrong.version, GOOD);
    expect(fixed.errorCount).toBe(0);
    expect((await refusal(submitReport(repA.ctx, r.id, wrong.version))).code).toBe("VERSION_CONFLICT");
    const submitted = await submitReport(repA.ctx, r.id, fixed.version);
    expect(submitted).toMatchObject({ status: "submitted", version: fixed.version + 1, submittedAt: t.clock.now().toISOString(), timeliness: "on_time" });
    const audits = await auditRows(t, r.id, "statistics_report.submit");
    expect(audits.map((a) => [a.actorId, a.before, a.after])).toEqual([
      [repA.userId, { status: "draft", version: fixed.version }, { status: "submitted", version: fixed.version + 1 }],
    ]);
    // submitted: the organisation edits no more until it is returned
    const edit = await refusal(save(repA, r.id, submitted.version, GOOD));
    expect([edit.code, edit.details]).toEqual(["INVALID_STATE", { state: "submitted", command: "edit", allowed: [] }]);
  });

  it("approval locks the report: every change is 409 LOCKED (the trigger underneath) until a leader withdraws it with a reason", async () => {
    const r = await reportOf(repA);
    expect((await refusal(approveReport(repA.ctx, r.id, { version: r.version, comment: null }))).code).toBe("FORBIDDEN");
    const approved = await approveReport(officer.ctx, r.id, { version: r.version, comment: null });
    expect(approved).toMatchObject({ status: "approved", approvedAt: t.clock.now().toISOString() });
    const locked = [
      () => save(repA, r.id, approved.version, GOOD),
      () => submitReport(repA.ctx, r.id, approved.version),
      () => approveReport(officer.ctx, r.id, { version: approved.version, comment: null }),
      () => returnReport(officer.ctx, r.id, { version: approved.version, comment: "Sửa lại" }),
      // locked is answered before the version is looked at
      () => save(repA, r.id, approved.version - 1, GOOD),
    ];
    for (const call of locked) {
      const e = await refusal(call());
      expect([e.code, e.status, e.details]).toEqual(["LOCKED", 409, { status: "approved" }]);
    }
    await expect(t.database.db.execute(sql`UPDATE statistical_report_cells SET value = value + 1 WHERE report_id = ${r.id}`)).rejects.toThrow();
    expect(await getReport(officer.ctx, r.id)).toMatchObject({ status: "approved", version: approved.version, values: GOOD });

    expect((await refusal(unapproveReport(officer.ctx, r.id, { version: approved.version, reason: "Số liệu sai" }))).code).toBe("FORBIDDEN");
    expect((await refusal(unapproveReport(leader.ctx, r.id, { version: approved.version - 1, reason: "Số liệu sai" }))).code).toBe("VERSION_CONFLICT");
    const withdrawn = await unapproveReport(leader.ctx, r.id, { version: approved.version, reason: "Số liệu thạc sĩ sai" });
    expect(withdrawn).toMatchObject({ status: "returned", approvedAt: null, unapproveReason: "Số liệu thạc sĩ sai" });
    expect((await auditRows(t, r.id, "statistics_report.unapprove")).map((a) => [a.actorId, a.details])).toEqual([
      [leader.userId, { reason: "Số liệu thạc sĩ sai" }],
    ]);
    // returned: the organisation may correct it again
    expect((await save(repA, r.id, withdrawn.version, GOOD)).status).toBe("returned");
  });

  it("period: its forms change only while draft; once closed, no command but reading, and the reports take no more figures", async () => {
    const body = { year: 2025, nameVi: "Báo cáo thống kê năm 2025", formKeys: [FORM, "01-KHCN-TC"] };
    const forms = await refusal(updatePeriod(officer.ctx, period.id, periodUpdate.parse({ ...body, version: period.version })));
    expect([forms.code, forms.details]).toMatchObject(["GUARD_FAILED", { reason: { en: expect.any(String), vi: expect.any(String) } }]);
    expect((await refusal(setPeriodStatus(repA.ctx, period.id, "close", period.version))).code).toBe("NOT_FOUND");
    expect((await refusal(setPeriodStatus(leader.ctx, period.id, "close", period.version))).code).toBe("FORBIDDEN");
    expect((await refusal(setPeriodStatus(officer.ctx, period.id, "close", period.version - 1))).code).toBe("VERSION_CONFLICT");
    const closed = await setPeriodStatus(officer.ctx, period.id, "close", period.version);
    expect(closed).toMatchObject({ status: "closed", version: period.version + 1 });
    expect((await auditRows(t, period.id, "statistics_period.close")).map((a) => [a.actorId, a.before, a.after])).toEqual([
      [officer.userId, { status: "open", version: period.version }, { status: "closed", version: period.version + 1 }],
    ]);
    for (const [command, call] of [
      ["open", () => setPeriodStatus(officer.ctx, period.id, "open", closed.version)],
      ["close", () => setPeriodStatus(officer.ctx, period.id, "close", closed.version)],
      ["assign", () => assignOrganisations(officer.ctx, period.id, { organisationIds: [repA.organisationId!] })],
      ["update", () => updatePeriod(officer.ctx, period.id, periodUpdate.parse({ ...body, formKeys: [FORM], version: closed.version }))],
    ] as const) {
      const e = await refusal(call());
      expect([e.code, e.details]).toEqual(["INVALID_STATE", { state: "closed", command, allowed: [] }]);
    }
    // the reports: a condition on another record (the period), not their own state
    const b = await reportOf(repB);
    for (const call of [() => save(repB, b.id, b.version, GOOD), () => submitReport(repB.ctx, b.id, b.version)]) {
      const e = await refusal(call());
      expect([e.code, (e.details as { periodStatus: string }).periodStatus]).toEqual(["GUARD_FAILED", "closed"]);
    }
    expect(await getReport(repB.ctx, b.id)).toMatchObject({ status: "assigned", version: b.version });
    expect(await auditRows(t, b.id)).toHaveLength(0);
  });
});
