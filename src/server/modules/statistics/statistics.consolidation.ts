// Consolidation: the city's aggregate table of a form = the SUM over APPROVED reports of each numeric cell, one
// GROUP BY over statistical_report_cells (1,000 organisations × 5 forms × 500 cells is a single set-based query).
// Select answers are counted per option under "<field>=<option>" (e.g. "org_type=rd": how many units are R&D
// organisations).
import { sql } from "drizzle-orm";
import type { Ctx, Executor } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { authorize } from "../../platform/policy.js";
import type { ConsolidatedTable } from "../../../common/api/statistics.js";
import { statisticsPeriodPolicy } from "./statistics.policy.js";
import { formKeyOf, loadFormDefinition } from "./statistics.forms.js";

/** Sums of the approved reports' cells of one (period, form): numeric cells and select-option counts. */
export async function consolidateCells(db: Executor, periodId: string, formKey: string): Promise<Record<string, number>> {
  // One pass over the approved reports' cells (an index-only scan of the primary key, which carries the values),
  // then the numeric sums and the select-option counts from it.
  const { rows } = await db.execute<{ cell_key: string; total: string }>(sql`
    WITH cells AS MATERIALIZED (
      SELECT c.cell_key, c.value, c.text_value
        FROM statistical_reports r
        JOIN statistical_report_cells c ON c.report_id = r.id
       WHERE r.period_id = ${periodId} AND r.form_key = ${formKey} AND r.status = 'approved'
    ), selects AS (
      SELECT DISTINCT f->>'key' AS cell_key
        FROM statistical_period_forms pf
        JOIN statistical_form_versions v ON v.form_key = pf.form_key AND v.version = pf.form_version,
             jsonb_array_elements(v.definition->'sections') s, jsonb_array_elements(s->'fields') f
       WHERE pf.period_id = ${periodId} AND pf.form_key = ${formKey} AND f->>'type' = 'select'
    )
    SELECT cell_key, sum(value)::text AS total FROM cells WHERE value IS NOT NULL GROUP BY cell_key
    UNION ALL
    SELECT cell_key || '=' || text_value, count(*)::text
      FROM cells WHERE text_value IS NOT NULL AND cell_key IN (SELECT cell_key FROM selects)
     GROUP BY cell_key, text_value`);
  return Object.fromEntries(rows.map((r) => [r.cell_key, Number(r.total)]));
}

/**
 * For indicators (H1): the consolidated value of one cell per year — the sum over approved reports of that form
 * in every period of the year (a year with several periods adds them up; a year without approved reports is absent).
 * formCode may be the key ("02-KHCN-NL") or the official code ("02/KHCN-NL").
 */
export async function consolidatedCellValues(db: Executor, formCode: string, cellKey: string): Promise<{ year: number; value: number }[]> {
  const { rows } = await db.execute<{ year: number; value: string }>(sql`
    SELECT p.year, sum(c.value)::text AS value
      FROM statistical_report_cells c
      JOIN statistical_reports r ON r.id = c.report_id
      JOIN statistical_periods p ON p.id = r.period_id
     WHERE r.form_key = ${formKeyOf(formCode)} AND c.cell_key = ${cellKey} AND r.status = 'approved' AND c.value IS NOT NULL
     GROUP BY p.year ORDER BY p.year`);
  return rows.map((r) => ({ year: Number(r.year), value: Number(r.value) }));
}

export async function consolidatedTable(
  ctx: Ctx,
  periodId: string,
  formKeyIn: string,
): Promise<ConsolidatedTable & { period: { nameVi: string; nameEn: string | null; referenceDate: string; year: number } }> {
  const formKey = formKeyOf(formKeyIn);
  const { rows } = await ctx.db.execute<{
    status: "draft" | "open" | "closed";
    name_vi: string;
    name_en: string | null;
    reference_date: string;
    year: number;
    form_version: number | null;
    code: string | null;
  }>(sql`
    SELECT p.status, p.name_vi, p.name_en, p.reference_date::text AS reference_date, p.year, f.form_version, v.code
      FROM statistical_periods p
      LEFT JOIN statistical_period_forms f ON f.period_id = p.id AND f.form_key = ${formKey}
      LEFT JOIN statistical_form_versions v ON v.form_key = f.form_key AND v.version = f.form_version
     WHERE p.id = ${periodId}`);
  const p = rows[0];
  if (!p) throw notFound();
  authorize(ctx.actor, statisticsPeriodPolicy, "consolidate", { status: p.status });
  if (p.form_version === null || p.code === null) throw notFound();
  const definition = await loadFormDefinition(ctx.db, formKey, p.form_version);
  const { rows: counts } = await ctx.db.execute<{ assigned: number; approved: number }>(sql`
    SELECT count(*)::int AS assigned, count(*) FILTER (WHERE status = 'approved')::int AS approved
      FROM statistical_reports WHERE period_id = ${periodId} AND form_key = ${formKey}`);
  return {
    periodId,
    formKey,
    formCode: p.code,
    formVersion: p.form_version,
    approvedReports: Number(counts[0]?.approved ?? 0),
    assignedReports: Number(counts[0]?.assigned ?? 0),
    values: await consolidateCells(ctx.db, periodId, formKey),
    definition,
    period: { nameVi: p.name_vi, nameEn: p.name_en, referenceDate: p.reference_date, year: p.year },
  };
}
