// Statistical reporting: periods, assignments and reports. Every write is one transaction: it locks the row it
// changes, checks the state and the version, writes, and adds its audit row. A report's answers are rows of
// statistical_report_cells; the whole set is replaced on each save. The commands and the states they run in are
// statistics.lifecycle.ts (a wrong state: 409 INVALID_STATE from the kit); approval locks the report (409 LOCKED here,
// and the trigger statistical_report_locked_guard underneath).
import { sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Ctx, Executor, Tx } from "../../platform/context.js";
import { AppError, badInput, notFound, staleVersion } from "../../platform/errors.js";
import { authorizeCommand, guardFailed, runCommand, type CommandRun } from "../../platform/lifecycle.js";
import { statisticsPeriodLifecycle, statisticsReportLifecycle } from "./statistics.lifecycle.js";
import { audit } from "../../platform/audit.js";
import { commandOf, type AuditAction, type LifecycleTransitionPayload } from "../../platform/audit-actions.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { parseSort } from "../../../common/list.js";
import {
  REPORT_SORTS,
  type CellValues,
  type Period,
  type PeriodItem,
  type PeriodStatus,
  type Report,
  type ReportItem,
  type ReportStatus,
  type ValidationMessage,
  type assignmentInput,
  type periodInput,
  type periodListQuery,
  type periodUpdate,
  type reportApprove,
  type reportListQuery,
  type reportReturn,
  type reportSave,
  type reportUnapprove,
  type unassignInput,
} from "../../../common/api/statistics.js";
import { validateReport } from "../../../common/statistics/validate.js";
import { statisticsPeriodPolicy, statisticsReportPolicy, type ReportRef } from "./statistics.policy.js";
import { formKeyOf, listFormVersions, loadFormDefinition } from "./statistics.forms.js";
import { asTimeliness, countReports, sumCounts, timelinessSql } from "./statistics.sql.js";
import { vietnamDate } from "../../platform/clock.js";

const todayOf = (ctx: Ctx): SQL => sql`${vietnamDate(ctx.clock.now())}::date`;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

// ─── periods ───
type PeriodRow = {
  id: string;
  year: number;
  name_vi: string;
  name_en: string | null;
  reference_date: string;
  deadline: string;
  status: PeriodStatus;
  note: string | null;
  opened_at: Date | null;
  closed_at: Date | null;
  created_at: Date;
  version: number;
  forms: { key: string; code: string; version: number; titleVi: string; titleEn: string }[];
  organisation_count: number;
};

const periodSelect = sql`
  SELECT p.id, p.year, p.name_vi, p.name_en, p.reference_date::text AS reference_date, p.deadline::text AS deadline,
         p.status, p.note, p.opened_at, p.closed_at, p.created_at, p.version,
         coalesce((SELECT jsonb_agg(jsonb_build_object('key', f.form_key, 'code', v.code, 'version', f.form_version,
                                                     'titleVi', v.title_vi, 'titleEn', v.title_en) ORDER BY f.form_key)
                     FROM statistical_period_forms f
                     JOIN statistical_form_versions v ON v.form_key = f.form_key AND v.version = f.form_version
                    WHERE f.period_id = p.id), '[]'::jsonb) AS forms,
         (SELECT count(DISTINCT r.organisation_id)::int FROM statistical_reports r WHERE r.period_id = p.id) AS organisation_count
    FROM statistical_periods p`;

async function loadPeriod(db: Executor, id: string, lock = false): Promise<PeriodRow | null> {
  if (lock) await db.execute(sql`SELECT 1 FROM statistical_periods WHERE id = ${id} FOR UPDATE`);
  const { rows } = await db.execute<PeriodRow>(sql`${periodSelect} WHERE p.id = ${id}`);
  return rows[0] ?? null;
}

function presentPeriodItem(r: PeriodRow, counts: ReturnType<typeof sumCounts>): PeriodItem {
  return {
    id: r.id,
    year: r.year,
    nameVi: r.name_vi,
    nameEn: r.name_en,
    referenceDate: r.reference_date,
    deadline: r.deadline,
    status: r.status,
    forms: r.forms,
    organisationCount: Number(r.organisation_count),
    counts,
    version: r.version,
  };
}

export async function listPeriods(ctx: Ctx, q: z.infer<typeof periodListQuery>) {
  const where: SQL[] = [sql`true`];
  if (q.status) where.push(sql`p.status = ${q.status}`);
  if (q.year) where.push(sql`p.year = ${q.year}`);
  if (q.q) where.push(sql`f_fold(p.name_vi || ' ' || coalesce(p.name_en, '')) LIKE ${"%" + foldQ(q.q) + "%"}`);
  const cond = sql.join(where, sql` AND `);
  const { rows: totalRows } = await ctx.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM statistical_periods p WHERE ${cond}`);
  const { rows } = await ctx.db.execute<PeriodRow>(
    sql`${periodSelect} WHERE ${cond} ORDER BY p.year DESC, p.created_at DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const counts = await countReports(
    ctx.db,
    rows.map((r) => r.id),
    todayOf(ctx),
  );
  return {
    items: rows.map((r) => presentPeriodItem(r, sumCounts(counts.filter((c) => c.period_id === r.id)))),
    total: Number(totalRows[0]?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

function foldQ(s: string) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[%_\\]/g, (c) => "\\" + c);
}

export async function getPeriod(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<Period> {
  const p = await loadPeriod(db, id);
  if (!p) throw notFound();
  authorize(ctx.actor, statisticsPeriodPolicy, "read", { status: p.status });
  const today = todayOf(ctx);
  const counts = await countReports(db, [id], today);
  const { rows } = await db.execute<{
    id: string;
    organisation_id: string;
    organisation_name: string;
    form_key: string;
    status: ReportStatus;
    tl: string;
    submitted_at: Date | null;
  }>(sql`
    SELECT r.id, r.organisation_id, o.name_vi AS organisation_name, r.form_key, r.status, ${timelinessSql(today)} AS tl, r.submitted_at
      FROM statistical_reports r
      JOIN statistical_periods p ON p.id = r.period_id
      JOIN organisations o ON o.id = r.organisation_id
     WHERE r.period_id = ${id}
     ORDER BY o.name_vi COLLATE vn, o.id, r.form_key`);
  const byOrg = new Map<string, Period["completeness"][number]>();
  for (const r of rows) {
    let line = byOrg.get(r.organisation_id);
    if (!line) byOrg.set(r.organisation_id, (line = { organisationId: r.organisation_id, organisationName: r.organisation_name, reports: [] }));
    line.reports.push({ reportId: r.id, formKey: r.form_key, status: r.status, timeliness: asTimeliness(r.tl), submittedAt: iso(r.submitted_at) });
  }
  const abilities = abilitiesOf(ctx.actor, statisticsPeriodPolicy, { status: p.status });
  return {
    ...presentPeriodItem(p, sumCounts(counts)),
    note: p.note,
    openedAt: iso(p.opened_at),
    closedAt: iso(p.closed_at),
    createdAt: iso(p.created_at)!,
    formCounts: p.forms.map((f) => ({ formKey: f.key, counts: sumCounts(counts.filter((c) => c.form_key === f.key)) })),
    completeness: [...byOrg.values()],
    abilities: {
      update: abilities.update,
      open: abilities.open,
      close: abilities.close,
      assign: abilities.assign,
      consolidate: abilities.consolidate,
    },
  };
}

/** The forms of a period: the latest stored version of each key (400 naming the unknown key). */
async function resolveForms(db: Executor, keys: string[]) {
  const latest = await listFormVersions(db, true);
  const out: { key: string; version: number }[] = [];
  const wanted = [...new Set(keys.map(formKeyOf))];
  wanted.forEach((k, i) => {
    const v = latest.find((f) => f.key === k);
    if (!v) throw badInput("statistics.form.unknown", { key: k }, [{ path: `formKeys.${i}`, code: "not_found", message: "" }]);
    out.push({ key: v.key, version: v.version });
  });
  return out;
}

function periodDates(input: { year: number; referenceDate?: string; deadline?: string }) {
  const referenceDate = input.referenceDate ?? `${input.year}-12-31`;
  const deadline = input.deadline ?? `${input.year + 1}-02-01`;
  if (deadline <= referenceDate) throw badInput("statistics.period.dates", {}, [{ path: "deadline", code: "too_small", message: "" }]);
  return { referenceDate, deadline };
}

export async function createPeriod(ctx: Ctx, input: z.infer<typeof periodInput>): Promise<Period> {
  const { referenceDate, deadline } = periodDates(input);
  const id = await ctx.db.transaction(async (tx) => {
    const forms = await resolveForms(tx, input.formKeys);
    const { rows } = await tx.execute<{ id: string }>(sql`
      INSERT INTO statistical_periods (year, name_vi, name_en, reference_date, deadline, note, created_by, updated_by, created_at, updated_at)
      VALUES (${input.year}, ${input.nameVi}, ${input.nameEn}, ${referenceDate}, ${deadline}, ${input.note}, ${ctx.actor!.userId}, ${ctx.actor!.userId},
              ${ctx.clock.now()}, ${ctx.clock.now()})
      RETURNING id`);
    const id = rows[0]!.id;
    for (const f of forms)
      await tx.execute(sql`INSERT INTO statistical_period_forms (period_id, form_key, form_version) VALUES (${id}, ${f.key}, ${f.version})`);
    await audit(tx, ctx, {
      action: "statistics_period.create",
      entityType: "statistical_period",
      entityId: id,
      after: { ...input, referenceDate, deadline, forms },
    });
    return id;
  });
  return getPeriod(ctx, id);
}

/** The period FOR UPDATE for a command: 404 hidden, 409 INVALID_STATE / 403 (the kit), then 409 when stale. */
async function lockedPeriod(ctx: Ctx, tx: Tx, id: string, command: keyof typeof statisticsPeriodLifecycle.commands, version?: number) {
  const p = await loadPeriod(tx, id, true);
  if (!p) throw notFound();
  authorizeCommand(ctx.actor, ctx.lang, statisticsPeriodLifecycle, { status: p.status }, command);
  if (version !== undefined && p.version !== version) throw staleVersion(await getPeriod(ctx, id, tx));
  return p;
}

export async function updatePeriod(ctx: Ctx, id: string, input: z.infer<typeof periodUpdate>): Promise<Period> {
  const { referenceDate, deadline } = periodDates(input);
  await ctx.db.transaction(async (tx) => {
    const p = await lockedPeriod(ctx, tx, id, "update", input.version);
    const forms = await resolveForms(tx, input.formKeys);
    const before = p.forms.map((f) => f.key).sort();
    const after = forms.map((f) => f.key).sort();
    if (before.join() !== after.join()) {
      if (p.status !== "draft") throw guardFailed("statistics.period.not_draft", {}, { status: p.status });
      await tx.execute(sql`DELETE FROM statistical_period_forms WHERE period_id = ${id}
                             AND NOT EXISTS (SELECT 1 FROM statistical_reports r WHERE r.period_id = ${id} AND r.form_key = statistical_period_forms.form_key)`);
      const { rows: used } = await tx.execute<{ form_key: string }>(sql`SELECT DISTINCT form_key FROM statistical_reports WHERE period_id = ${id}`);
      const missing = used.map((u) => u.form_key).filter((k) => !after.includes(k));
      if (missing.length) throw guardFailed("statistics.period.forms_in_use", {}, { formKeys: missing });
      for (const f of forms)
        await tx.execute(
          sql`INSERT INTO statistical_period_forms (period_id, form_key, form_version) VALUES (${id}, ${f.key}, ${f.version}) ON CONFLICT DO NOTHING`,
        );
    }
    await tx.execute(sql`
      UPDATE statistical_periods SET year = ${input.year}, name_vi = ${input.nameVi}, name_en = ${input.nameEn},
             reference_date = ${referenceDate}, deadline = ${deadline}, note = ${input.note},
             updated_at = ${ctx.clock.now()}, updated_by = ${ctx.actor!.userId}, version = version + 1
       WHERE id = ${id} AND version = ${input.version}`);
    await audit(tx, ctx, {
      action: "statistics_period.update",
      entityType: "statistical_period",
      entityId: id,
      before: { year: p.year, nameVi: p.name_vi, referenceDate: p.reference_date, deadline: p.deadline, forms: before },
      after: { year: input.year, nameVi: input.nameVi, referenceDate, deadline, forms: after },
    });
  });
  return getPeriod(ctx, id);
}

export async function setPeriodStatus(ctx: Ctx, id: string, action: "open" | "close", version: number): Promise<Period> {
  const now = ctx.clock.now();
  await runCommand(ctx, statisticsPeriodLifecycle, {
    id,
    command: action,
    version,
    load: (tx, pid, lock) => loadPeriod(tx, pid, lock),
    refOf: (p) => ({ status: p.status }),
    present: (_p, tx) => getPeriod(ctx, id, tx),
    set: () => (action === "open" ? { openedAt: now } : { closedAt: now }),
  });
  return getPeriod(ctx, id);
}

/** Creates the missing reports of (organisation × form) in one statement; existing ones are left as they are. */
export async function assignOrganisations(ctx: Ctx, id: string, input: z.infer<typeof assignmentInput>) {
  return ctx.db.transaction(async (tx) => {
    const p = await lockedPeriod(ctx, tx, id, "assign");
    const keys = input.formKeys ? [...new Set(input.formKeys.map(formKeyOf))] : p.forms.map((f) => f.key);
    keys.forEach((k, i) => {
      if (!p.forms.some((f) => f.key === k))
        throw badInput("statistics.period.form_not_included", { key: k }, [{ path: `formKeys.${i}`, code: "not_found", message: "" }]);
    });
    const orgIds = [...new Set(input.organisationIds)];
    const { rows: known } = await tx.execute<{ id: string }>(
      sql`SELECT id FROM organisations WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(orgIds)}::jsonb)::uuid)`,
    );
    if (known.length !== orgIds.length) {
      const set = new Set(known.map((k) => k.id));
      const at = input.organisationIds.findIndex((o) => !set.has(o));
      throw badInput("statistics.assign.unknown_organisation", {}, [{ path: `organisationIds.${at}`, code: "not_found", message: "" }]);
    }
    const { rows } = await tx.execute<{ id: string }>(sql`
      INSERT INTO statistical_reports (period_id, organisation_id, form_key, form_version, created_by, updated_by, created_at, updated_at)
      SELECT ${id}, o.id_text::uuid, f.form_key, f.form_version, ${ctx.actor!.userId}, ${ctx.actor!.userId}, ${ctx.clock.now()}, ${ctx.clock.now()}
        FROM jsonb_array_elements_text(${JSON.stringify(orgIds)}::jsonb) AS o(id_text)
        JOIN statistical_period_forms f ON f.period_id = ${id}
             AND f.form_key IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
      ON CONFLICT (period_id, organisation_id, form_key) DO NOTHING
      RETURNING id`);
    const created = rows.length;
    const existing = orgIds.length * keys.length - created;
    await audit(tx, ctx, {
      action: "statistics_period.assign",
      entityType: "statistical_period",
      entityId: id,
      details: { organisationIds: orgIds, formKeys: keys, created, existing },
    });
    return { created, existing };
  });
}

export async function unassignReports(ctx: Ctx, id: string, input: z.infer<typeof unassignInput>) {
  return ctx.db.transaction(async (tx) => {
    await lockedPeriod(ctx, tx, id, "assign");
    const ids = [...new Set(input.reportIds)];
    const { rows: found } = await tx.execute<{ id: string; status: string }>(sql`
      SELECT id, status FROM statistical_reports
       WHERE period_id = ${id} AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid) FOR UPDATE`);
    if (found.length !== ids.length) throw notFound();
    const busy = found.find((f) => f.status !== "assigned");
    // a condition on the reports, not a state of the period
    if (busy) throw guardFailed("statistics.report.not_removable", {}, { reportId: busy.id, status: busy.status });
    await tx.execute(sql`DELETE FROM statistical_reports WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`);
    await audit(tx, ctx, { action: "statistics_period.unassign", entityType: "statistical_period", entityId: id, details: { reportIds: ids } });
    return { removed: ids.length };
  });
}

// ─── reports ───
type ReportRow = {
  id: string;
  period_id: string;
  period_name_vi: string;
  period_name_en: string | null;
  year: number;
  deadline: string;
  period_status: PeriodStatus;
  organisation_id: string;
  organisation_name: string;
  form_key: string;
  form_code: string;
  form_version: number;
  form_title_vi: string;
  form_title_en: string;
  status: ReportStatus;
  tl: string;
  error_count: number;
  warning_count: number;
  submitted_at: Date | null;
  approved_at: Date | null;
  updated_at: Date;
  version: number;
};

const reportSelect = (today: SQL) => sql`
  SELECT r.id, r.period_id, p.name_vi AS period_name_vi, p.name_en AS period_name_en, p.year, p.deadline::text AS deadline,
         p.status AS period_status, r.organisation_id, o.name_vi AS organisation_name, r.form_key, v.code AS form_code,
         r.form_version, v.title_vi AS form_title_vi, v.title_en AS form_title_en, r.status, ${timelinessSql(today)} AS tl,
         r.error_count, r.warning_count, r.submitted_at, r.approved_at, r.updated_at, r.version
    FROM statistical_reports r
    JOIN statistical_periods p ON p.id = r.period_id
    JOIN organisations o ON o.id = r.organisation_id
    JOIN statistical_form_versions v ON v.form_key = r.form_key AND v.version = r.form_version`;

const presentItem = (r: ReportRow): ReportItem => ({
  id: r.id,
  periodId: r.period_id,
  periodNameVi: r.period_name_vi,
  periodNameEn: r.period_name_en,
  year: r.year,
  deadline: r.deadline,
  periodStatus: r.period_status,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  formKey: r.form_key,
  formCode: r.form_code,
  formVersion: r.form_version,
  formTitleVi: r.form_title_vi,
  formTitleEn: r.form_title_en,
  status: r.status,
  timeliness: asTimeliness(r.tl),
  errorCount: r.error_count,
  warningCount: r.warning_count,
  submittedAt: iso(r.submitted_at),
  approvedAt: iso(r.approved_at),
  updatedAt: iso(r.updated_at)!,
  version: r.version,
});

const refOf = (r: { organisation_id: string; status: ReportStatus; period_status: PeriodStatus }): ReportRef => ({
  organisationId: r.organisation_id,
  status: r.status,
  periodStatus: r.period_status,
});

const SORT_SQL: Record<(typeof REPORT_SORTS)[number], SQL> = {
  organisation: sql`o.name_vi COLLATE vn`,
  form: sql`r.form_key`,
  status: sql`r.status`,
  submittedAt: sql`r.submitted_at`,
  updatedAt: sql`r.updated_at`,
  year: sql`p.year`,
};

export async function listReports(ctx: Ctx, q: z.infer<typeof reportListQuery>) {
  const a = ctx.actor!;
  const overseer = a.roles.some((r) => r === "admin" || r === "officer" || r === "leader");
  const today = todayOf(ctx);
  const where: SQL[] = [sql`true`];
  // An org rep sees only their organisation's reports (staff and leaders see all; "mine" narrows to their own).
  if (!overseer || q.mine === "true") where.push(a.organisationId ? sql`r.organisation_id = ${a.organisationId}` : sql`false`);
  if (q.periodId) where.push(sql`r.period_id = ${q.periodId}`);
  if (q.organisationId) where.push(sql`r.organisation_id = ${q.organisationId}`);
  if (q.formKey) where.push(sql`r.form_key = ${formKeyOf(q.formKey)}`);
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.timeliness) where.push(sql`${timelinessSql(today)} = ${q.timeliness}`);
  if (q.q) where.push(sql`f_fold(o.name_vi || ' ' || v.code || ' ' || v.title_vi) LIKE ${"%" + foldQ(q.q) + "%"}`);
  const cond = sql.join(where, sql` AND `);
  const sort = parseSort(q.sort, REPORT_SORTS, "organisation");
  const { rows: total } = await ctx.db.execute<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM statistical_reports r
      JOIN statistical_periods p ON p.id = r.period_id
      JOIN organisations o ON o.id = r.organisation_id
      JOIN statistical_form_versions v ON v.form_key = r.form_key AND v.version = r.form_version
     WHERE ${cond}`);
  const { rows } = await ctx.db.execute<ReportRow>(sql`
    ${reportSelect(today)} WHERE ${cond}
    ORDER BY ${SORT_SQL[sort.key]} ${sort.desc ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`}, p.year DESC, r.form_key, r.id
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  return { items: rows.map(presentItem), total: Number(total[0]?.n ?? 0), page: q.page, pageSize: q.pageSize };
}

async function loadReport(db: Executor, ctx: Ctx, id: string, lock = false): Promise<ReportRow | null> {
  if (lock) await db.execute(sql`SELECT 1 FROM statistical_reports WHERE id = ${id} FOR UPDATE`);
  const { rows } = await db.execute<ReportRow>(sql`${reportSelect(todayOf(ctx))} WHERE r.id = ${id}`);
  return rows[0] ?? null;
}

/** The stored answers of a report as a cellKey → value map. */
export async function reportValues(db: Executor, id: string): Promise<CellValues> {
  const { rows } = await db.execute<{ cell_key: string; value: string | null; text_value: string | null }>(
    sql`SELECT cell_key, value::text AS value, text_value FROM statistical_report_cells WHERE report_id = ${id}`,
  );
  const out: CellValues = {};
  for (const r of rows) out[r.cell_key] = r.value !== null ? Number(r.value) : r.text_value;
  return out;
}

async function visibleReport(ctx: Ctx, db: Executor, id: string, lock = false) {
  const r = await loadReport(db, ctx, id, lock);
  if (!r) throw notFound();
  authorize(ctx.actor, statisticsReportPolicy, "read", refOf(r));
  return r;
}

export async function getReport(ctx: Ctx, id: string, db: Executor = ctx.db): Promise<Report> {
  const r = await visibleReport(ctx, db, id);
  const { rows } = await db.execute<{
    messages: ValidationMessage[];
    submitted_by_name: string | null;
    approved_by_name: string | null;
    returned_at: Date | null;
    review_comment: string | null;
    unapproved_at: Date | null;
    unapprove_reason: string | null;
  }>(sql`
    SELECT r.messages, su.display_name AS submitted_by_name, au.display_name AS approved_by_name, r.returned_at, r.review_comment,
           r.unapproved_at, r.unapprove_reason
      FROM statistical_reports r
      LEFT JOIN users su ON su.id = r.submitted_by
      LEFT JOIN users au ON au.id = r.approved_by
     WHERE r.id = ${id}`);
  const extra = rows[0]!;
  const { rows: history } = await db.execute<{ action: string; at: Date; by_name: string | null; details: LifecycleTransitionPayload["details"] | null }>(sql`
    SELECT a.action, a.at, coalesce(u.display_name, a.actor_username) AS by_name, a.details
      FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE a.entity_type = 'statistical_report' AND a.entity_id = ${id} AND a.outcome = 'success'
     ORDER BY a.at, a.id`);
  const abilities = abilitiesOf(ctx.actor, statisticsReportPolicy, refOf(r));
  return {
    ...presentItem(r),
    values: await reportValues(db, id),
    messages: extra.messages,
    submittedByName: extra.submitted_by_name,
    approvedByName: extra.approved_by_name,
    returnedAt: iso(extra.returned_at),
    reviewComment: extra.review_comment,
    unapprovedAt: iso(extra.unapproved_at),
    unapproveReason: extra.unapprove_reason,
    history: history.map((h) => ({
      action: commandOf("statistics_report", h.action) ?? h.action,
      at: iso(h.at)!,
      byName: h.by_name,
      comment: h.details?.comment ?? h.details?.reason ?? null,
    })),
    abilities: {
      read: abilities.read,
      // the guard of editing and submitting: the period is open
      edit: abilities.edit && r.period_status === "open",
      submit: abilities.submit && r.period_status === "open",
      review: abilities.review,
      unapprove: abilities.unapprove,
      remove: abilities.remove,
    },
  };
}

type ReportCommand = keyof typeof statisticsReportLifecycle.commands;

/**
 * Locks the report for a command: 404 when hidden, 409 LOCKED when approved (but for withdrawing the approval),
 * 409 INVALID_STATE or 403 (the kit), 409 GUARD_FAILED when editing or submitting in a period that is not open,
 * 409 VERSION_CONFLICT when stale.
 */
async function lockForChange(ctx: Ctx, tx: Tx, id: string, version: number, command: ReportCommand) {
  const r = await visibleReport(ctx, tx, id, true);
  authorizeCommand(ctx.actor, ctx.lang, statisticsReportLifecycle, refOf(r), command);
  if (command === "edit" || command === "submit") periodOpen(r);
  if (r.version !== version) throw staleVersion(await getReport(ctx, id, tx));
  return r;
}

/** Figures are entered and submitted while the period is open (409 GUARD_FAILED otherwise). */
function periodOpen(r: ReportRow) {
  if (r.period_status !== "open") throw guardFailed("statistics.period.not_open", {}, { periodStatus: r.period_status });
}

/** Replaces the report's cells with the validated values (set-based, one INSERT). */
export async function writeCells(tx: Executor, reportId: string, values: Record<string, number | string>) {
  await tx.execute(sql`DELETE FROM statistical_report_cells WHERE report_id = ${reportId}`);
  const entries = Object.entries(values).map(([k, v]) => ({ k, n: typeof v === "number" ? String(v) : null, t: typeof v === "string" ? v : null }));
  if (!entries.length) return;
  await tx.execute(sql`
    INSERT INTO statistical_report_cells (report_id, cell_key, value, text_value)
    SELECT ${reportId}, x.k, x.n::numeric, x.t FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) AS x(k text, n text, t text)`);
}

/**
 * Validates and stores the values of a report (draft). Messages are returned and saved; errors do not block — but a
 * numeric cell holding something that is not a number refuses the whole save (422 with those cells' messages): its
 * answer could not be stored, and saving without it would lose what the user typed. The computed cells (totals) are
 * stored as computed here from the parts, whatever was sent for them.
 */
export async function saveValues(ctx: Ctx, tx: Tx, r: ReportRow, values: CellValues, action: AuditAction, details: Record<string, unknown> = {}) {
  const def = await loadFormDefinition(tx, r.form_key, r.form_version);
  const result = validateReport(def, values);
  if (result.unreadable.length) {
    const unreadable = new Set(result.unreadable);
    const messages = result.messages.filter((m) => m.code === "type" && unreadable.has(m.cellKey));
    throw new AppError("STATISTICS_REPORT_UNREADABLE", 422, "statistics.report.unreadable", { messages }, { count: messages.length });
  }
  await writeCells(tx, r.id, result.values);
  await tx.execute(sql`
    UPDATE statistical_reports SET status = CASE WHEN status = 'assigned' THEN 'draft' ELSE status END,
           messages = ${JSON.stringify(result.messages)}::jsonb, error_count = ${result.errors}, warning_count = ${result.warnings},
           updated_at = ${ctx.clock.now()}, updated_by = ${ctx.actor!.userId}, version = version + 1
     WHERE id = ${r.id} AND version = ${r.version}`);
  await audit(tx, ctx, {
    action,
    entityType: "statistical_report",
    entityId: r.id,
    details: { cells: Object.keys(result.values).length, errors: result.errors, warnings: result.warnings, ...details },
  });
  return result;
}

export async function saveReport(ctx: Ctx, id: string, input: z.infer<typeof reportSave>): Promise<Report> {
  await ctx.db.transaction(async (tx) => {
    const r = await lockForChange(ctx, tx, id, input.version, "edit");
    await saveValues(ctx, tx, r, input.values, "statistics_report.save");
  });
  return getReport(ctx, id);
}

/** A status command on a report through the lifecycle kit: the period must be open to submit (409 GUARD_FAILED). */
function reportCommand(
  ctx: Ctx,
  id: string,
  version: number,
  command: ReportCommand,
  run: Partial<CommandRun<ReportStatus, ReportCommand, ReportRef, ReportRow>>,
) {
  return runCommand(ctx, statisticsReportLifecycle, {
    id,
    command,
    version,
    load: (tx, rid, lock) => loadReport(tx, ctx, rid, lock),
    refOf,
    present: (_r, tx) => getReport(ctx, id, tx),
    ...run,
  });
}

/** Submits a report without errors (422 STATISTICS_REPORT_INVALID with the messages otherwise) in an open period. */
export async function submitReport(ctx: Ctx, id: string, version: number): Promise<Report> {
  const now = ctx.clock.now();
  let result: ReturnType<typeof validateReport> | null = null;
  await reportCommand(ctx, id, version, "submit", {
    guard: async (r, tx) => {
      periodOpen(r);
      const def = await loadFormDefinition(tx, r.form_key, r.form_version);
      result = validateReport(def, await reportValues(tx, id));
      if (result.errors > 0)
        throw new AppError("STATISTICS_REPORT_INVALID", 422, "statistics.report.has_errors", { messages: result.messages }, { count: result.errors });
    },
    set: () => ({ submittedAt: now, submittedBy: ctx.actor!.userId, messages: result!.messages, errorCount: 0, warningCount: result!.warnings }),
  });
  return getReport(ctx, id);
}

/** Returns a submitted report to its organisation with a comment to fix. */
export async function returnReport(ctx: Ctx, id: string, input: z.infer<typeof reportReturn>): Promise<Report> {
  const now = ctx.clock.now();
  await reportCommand(ctx, id, input.version, "return", {
    set: () => ({ returnedAt: now, reviewComment: input.comment }),
    details: { comment: input.comment },
  });
  return getReport(ctx, id);
}

/** Approves a submitted report: its cells are locked (409 LOCKED; DB trigger) and count in the consolidation. */
export async function approveReport(ctx: Ctx, id: string, input: z.infer<typeof reportApprove>): Promise<Report> {
  const now = ctx.clock.now();
  const comment = input.comment ?? null;
  await reportCommand(ctx, id, input.version, "approve", {
    set: () => ({ approvedAt: now, approvedBy: ctx.actor!.userId, reviewComment: comment }),
    details: { comment },
  });
  return getReport(ctx, id);
}

/** Withdraws an approval (leader/admin, with a reason; SECURITY.md 23): the report goes back to "returned". */
export async function unapproveReport(ctx: Ctx, id: string, input: z.infer<typeof reportUnapprove>): Promise<Report> {
  const now = ctx.clock.now();
  await reportCommand(ctx, id, input.version, "unapprove", {
    set: () => ({
      approvedAt: null,
      approvedBy: null,
      unapprovedAt: now,
      unapproveReason: input.reason,
      reviewComment: input.reason,
      returnedAt: now,
    }),
    details: { reason: input.reason },
  });
  return getReport(ctx, id);
}

/** For the xlsx import: the locked, editable report (same checks as a save). */
export async function reportForImport(ctx: Ctx, tx: Tx, id: string, version: number) {
  return lockForChange(ctx, tx, id, version, "edit");
}

/** For downloads and prefill: the visible report. */
export async function reportForRead(ctx: Ctx, id: string) {
  return visibleReport(ctx, ctx.db, id);
}
export type { ReportRow };
