// Task analytics: grouped counts and money of the tasks that match the filters, in one GROUPING SETS query over the
// filtered tasks (one scan, whatever the number of groupings), the selected dossiers' products in a second query,
// and the plan's 1996–2012 figures as a separate block. The xlsx export writes the same tables as sheets.
import { sql, type SQL } from "drizzle-orm";
import type { Ctx, Executor } from "../../platform/context.js";
import { audit } from "../../platform/audit.js";
import { t, type Lang } from "../../platform/messages.js";
import { writeWorkbook, XLSX_MEDIA_TYPE, type SheetSpec } from "../../platform/xlsx.js";
import type { ExportCell } from "../../platform/csv.js";
import {
  LIQUIDATED_WITHOUT_PASS,
  PROPOSED_MONEY_GROUPS,
  STATUS_GROUPS,
  STEP_STATUS_GROUP,
  type LabelledCount,
  type StatusGroup,
  type TaskAnalytics,
  type TaskAnalyticsQuery,
} from "../../../common/api/task-analytics.js";
import { OUTPUT_TYPES, TASK_TYPES, type OutputType, type TaskType } from "../../../common/api/task.js";
import { historicalFigures } from "./historical.js";
import { HISTORICAL_NOTES, HISTORICAL_PERIOD } from "./historical-data.js";
import { vietnamDate } from "../../platform/clock.js";

/** The status group of a task row, from the contract's mapping (parameters, not code). */
function statusGroupSql(): SQL {
  const map = JSON.stringify(STEP_STATUS_GROUP);
  const passing = `{${LIQUIDATED_WITHOUT_PASS.passingGrades.join(",")}}`;
  return sql`CASE WHEN t.state = ${LIQUIDATED_WITHOUT_PASS.step} AND NOT (coalesce(t.result_grade, '') = ANY (${passing}::text[]))
                  THEN ${LIQUIDATED_WITHOUT_PASS.group}::text
                  ELSE ${map}::jsonb ->> t.state END`;
}

function whereOf(q: TaskAnalyticsQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (q.origin !== "all") parts.push(sql`t.origin = ${q.origin}`);
  if (q.yearFrom !== undefined) parts.push(sql`t.year >= ${q.yearFrom}`);
  if (q.yearTo !== undefined) parts.push(sql`t.year <= ${q.yearTo}`);
  if (q.programmeId) parts.push(sql`t.programme_id = ${q.programmeId}::uuid`);
  if (q.organisationId) parts.push(sql`t.lead_organisation_id = ${q.organisationId}::uuid`);
  if (q.field) parts.push(q.field.length === 1 ? sql`left(t.field_code, 1) = ${q.field}` : sql`t.field_code = ${q.field}`);
  if (q.sector) parts.push(sql`t.sector_code = ${q.sector}`);
  if (q.taskType) parts.push(sql`t.task_type = ${q.taskType}`);
  return sql.join(parts, sql` AND `);
}

export type Dim = "total" | "field2" | "field1" | "sector" | "status" | "year" | "programme" | "organisation" | "type";
export type GroupRow = {
  dim: Dim;
  key: string | null;
  n: number;
  city: string | number;
  other: string | number;
  proposed: string | number;
};

function groupsQuery(q: TaskAnalyticsQuery): SQL {
  const proposedGroups = `{${PROPOSED_MONEY_GROUPS.join(",")}}`;
  return sql`
    WITH f AS (
      SELECT t.field_code, left(t.field_code, 1) AS field1, t.sector_code, ${statusGroupSql()} AS grp, t.year,
             t.programme_id, t.lead_organisation_id, t.task_type,
             coalesce(t.approved_budget_city, 0) AS city, coalesce(t.approved_budget_other, 0) AS other,
             t.proposed_budget
        FROM tasks t
       WHERE ${whereOf(q)}
    ), g AS (
      SELECT f.*, CASE WHEN f.grp = ANY (${proposedGroups}::text[]) THEN coalesce(f.proposed_budget, 0) ELSE 0 END AS proposed
        FROM f
    )
    SELECT CASE WHEN GROUPING(field_code) = 0 THEN 'field2'
                WHEN GROUPING(field1) = 0 THEN 'field1'
                WHEN GROUPING(sector_code) = 0 THEN 'sector'
                WHEN GROUPING(grp) = 0 THEN 'status'
                WHEN GROUPING(year) = 0 THEN 'year'
                WHEN GROUPING(programme_id) = 0 THEN 'programme'
                WHEN GROUPING(lead_organisation_id) = 0 THEN 'organisation'
                WHEN GROUPING(task_type) = 0 THEN 'type'
                ELSE 'total' END AS dim,
           coalesce(field_code, field1, sector_code, grp, year::text, programme_id::text, lead_organisation_id::text, task_type) AS key,
           count(*)::int AS n, sum(city)::text AS city, sum(other)::text AS other, sum(proposed)::text AS proposed
      FROM g
     GROUP BY GROUPING SETS ((field_code), (field1), (sector_code), (grp), (year), (programme_id), (lead_organisation_id), (task_type), ())`;
}

/** Filters the summary can answer: none, or only the year range and the origin (its keys). */
const summaryAnswers = (q: TaskAnalyticsQuery) => !q.programmeId && !q.organisationId && !q.field && !q.sector && !q.taskType;

/** The same groups as groupsQuery, summed from the trigger-kept summary (migration 0016). */
function summaryQuery(q: TaskAnalyticsQuery, dims?: readonly Dim[]): SQL {
  const parts: SQL[] = [dims ? sql`dim = ANY (${`{${dims.join(",")}}`}::text[])` : sql`true`];
  if (q.origin !== "all") parts.push(sql`origin = ${q.origin}`);
  if (q.yearFrom !== undefined) parts.push(sql`year >= ${q.yearFrom}`);
  if (q.yearTo !== undefined) parts.push(sql`year <= ${q.yearTo}`);
  return sql`
    SELECT dim, key, sum(n)::int AS n, sum(city)::text AS city, sum(other)::text AS other, sum(proposed)::text AS proposed
      FROM task_stat_deltas
     WHERE dim <> 'output' AND ${sql.join(parts, sql` AND `)}
     GROUP BY dim, key
    HAVING sum(n) <> 0 OR dim = 'total'`;
}

/** groups and outputs from the summary in one round trip (dim 'output': key = output type, n = tasks). */
async function fromSummary(db: Executor, q: TaskAnalyticsQuery): Promise<{ groups: GroupRow[]; outputs: OutputRow[] }> {
  const parts: SQL[] = [sql`true`];
  if (q.origin !== "all") parts.push(sql`origin = ${q.origin}`);
  if (q.yearFrom !== undefined) parts.push(sql`year >= ${q.yearFrom}`);
  if (q.yearTo !== undefined) parts.push(sql`year <= ${q.yearTo}`);
  const r = await db.execute<GroupRow & { quantity: number }>(sql`
    SELECT dim, key, sum(n)::int AS n, sum(city)::text AS city, sum(other)::text AS other, sum(proposed)::text AS proposed,
           sum(quantity)::float8 AS quantity
      FROM task_stat_deltas
     WHERE ${sql.join(parts, sql` AND `)}
     GROUP BY dim, key
    HAVING sum(n) <> 0 OR dim = 'total'`);
  return {
    groups: r.rows.filter((g) => (g.dim as string) !== "output"),
    outputs: r.rows.filter((g) => (g.dim as string) === "output").map((g) => ({ output_type: g.key as OutputType, quantity: g.quantity, tasks: g.n })),
  };
}

/** outputsQuery's answer from the summary: tasks and quantities by output type. */
function summaryOutputsQuery(q: TaskAnalyticsQuery): SQL {
  const parts: SQL[] = [sql`dim = 'output'`];
  if (q.origin !== "all") parts.push(sql`origin = ${q.origin}`);
  if (q.yearFrom !== undefined) parts.push(sql`year >= ${q.yearFrom}`);
  if (q.yearTo !== undefined) parts.push(sql`year <= ${q.yearTo}`);
  return sql`
    SELECT key AS output_type, sum(quantity)::float8 AS quantity, sum(n)::int AS tasks
      FROM task_stat_deltas
     WHERE ${sql.join(parts, sql` AND `)}
     GROUP BY key
    HAVING sum(n) <> 0`;
}

export type OutputRow = { output_type: OutputType; quantity: number; tasks: number };

/** Outputs by type of the selected dossiers: from the summary when it can answer the filters, else by a join. */
export async function analyticsOutputs(db: Executor, q: TaskAnalyticsQuery, source: "auto" | "scan" | "summary" = "auto"): Promise<OutputRow[]> {
  const fromSummary = source === "summary" || (source === "auto" && summaryAnswers(q));
  return (await db.execute<OutputRow>(fromSummary ? summaryOutputsQuery(q) : outputsQuery(q))).rows;
}

/** The grouped counts and money: from the summary when it can answer the filters, else by scanning the tasks.
 *  `dims`: only these dimensions (the summary reads just their rows, by the index of migration 0024). */
export async function analyticsGroups(
  db: Executor,
  q: TaskAnalyticsQuery,
  source: "auto" | "scan" | "summary" = "auto",
  dims?: readonly Dim[],
): Promise<GroupRow[]> {
  const fromSummary = source === "summary" || (source === "auto" && summaryAnswers(q));
  const rows = (await db.execute<GroupRow>(fromSummary ? summaryQuery(q, dims) : groupsQuery(q))).rows;
  return dims && !fromSummary ? rows.filter((r) => dims.includes(r.dim)) : rows;
}

function outputsQuery(q: TaskAnalyticsQuery): SQL {
  // A dossier is the selected one of one task at most, so counting (type, dossier) pairs counts tasks: two hash
  // aggregates instead of sorting every product row for count(DISTINCT).
  return sql`
    SELECT output_type, sum(quantity)::float8 AS quantity, count(*)::int AS tasks
      FROM (SELECT p.output_type, p.dossier_id, sum(p.quantity) AS quantity
              FROM tasks t
              JOIN task_dossier_products p ON p.dossier_id = t.selected_dossier_id
             WHERE ${whereOf(q)}
             GROUP BY p.output_type, p.dossier_id) per_task
     GROUP BY output_type`;
}

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

/** The labels of the fields of science and the sectors in force (the versions currentCodes() picks), in one query. */
async function labels(db: Executor, day: string) {
  const r = await db.execute<{ list_key: "field" | "sector"; code: string; label_vi: string; label_en: string }>(sql`
    SELECT c.list_key, c.code, c.label_vi, c.label_en
      FROM codes c
      JOIN (SELECT k.list_key, coalesce((SELECT max(v.version) FROM code_list_versions v
                                          WHERE v.list_key = k.list_key AND v.effective_from <= ${day}::date), 1) AS version
              FROM (VALUES ('field'), ('sector')) AS k (list_key)) inforce
        ON inforce.list_key = c.list_key AND inforce.version = c.version
     ORDER BY c.list_key, c.sort_order`);
  const of = (key: "field" | "sector") => r.rows.filter((x) => x.list_key === key).map((x) => ({ code: x.code, labelVi: x.label_vi, labelEn: x.label_en }));
  const index = (rows: { code: string; labelVi: string; labelEn: string }[]) => new Map(rows.map((x) => [x.code, x]));
  const [fields, sectors] = [of("field"), of("sector")];
  return { fields: index(fields), sectors: index(sectors), fieldOrder: fields.map((c) => c.code), sectorOrder: sectors.map((c) => c.code) };
}

export async function taskAnalyticsReport(ctx: Ctx, q: TaskAnalyticsQuery): Promise<TaskAnalytics> {
  const db = ctx.db;
  const counted = summaryAnswers(q)
    ? fromSummary(db, q)
    : Promise.all([analyticsGroups(db, q, "scan"), analyticsOutputs(db, q, "scan")]).then(([groups, outputs]) => ({ groups, outputs }));
  const [{ groups, outputs }, names, historical] = await Promise.all([counted, labels(db, vietnamDate(ctx.clock.now())), historicalFigures(db)]);
  const of = (dim: Dim) => groups.filter((g) => g.dim === dim);
  const total = of("total")[0];

  const labelled = (dim: Dim, index: Map<string, { labelVi: string; labelEn: string }>, order: string[]): LabelledCount[] => {
    const pos = new Map(order.map((c, i) => [c, i]));
    return of(dim)
      .map((g) => ({
        code: g.key,
        labelVi: g.key ? (index.get(g.key)?.labelVi ?? null) : null,
        labelEn: g.key ? (index.get(g.key)?.labelEn ?? null) : null,
        count: g.n,
      }))
      .sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : (pos.get(a.code) ?? 1e9) - (pos.get(b.code) ?? 1e9) || a.code.localeCompare(b.code)));
  };

  const statusCounts = new Map(of("status").map((g) => [g.key as StatusGroup, g.n]));

  const programmeIds = of("programme").flatMap((g) => (g.key ? [g.key] : []));
  const orgGroups = of("organisation").sort((a, b) => b.n - a.n);
  // Name the candidates for the top N (ties at the cut are broken by name).
  const cut = orgGroups[Math.min(q.top, orgGroups.length) - 1]?.n ?? 0;
  const orgCandidates = orgGroups.filter((g, i) => i < q.top || g.n === cut);
  const orgIds = orgCandidates.flatMap((g) => (g.key ? [g.key] : []));
  const [programmes, organisations] = await Promise.all([
    programmeIds.length
      ? db
          .execute<{ id: string; code: string; name_vi: string }>(
            sql`SELECT id::text, code, name_vi FROM programmes WHERE id = ANY (${`{${programmeIds.join(",")}}`}::uuid[])`,
          )
          .then((r) => new Map(r.rows.map((p) => [p.id, p])))
      : new Map<string, { id: string; code: string; name_vi: string }>(),
    orgIds.length
      ? db
          .execute<{ id: string; name_vi: string }>(sql`SELECT id::text, name_vi FROM organisations WHERE id = ANY (${`{${orgIds.join(",")}}`}::uuid[])`)
          .then((r) => new Map(r.rows.map((o) => [o.id, o.name_vi])))
      : new Map<string, string>(),
  ]);

  const typeOrder = new Map(TASK_TYPES.map((x, i) => [x, i]));
  const outputOrder = new Map(OUTPUT_TYPES.map((x, i) => [x, i]));
  return {
    totals: {
      tasks: total?.n ?? 0,
      approvedCity: num(total?.city),
      approvedOther: num(total?.other),
      proposed: num(total?.proposed),
    },
    byField1: labelled("field1", names.fields, names.fieldOrder),
    byField2: labelled("field2", names.fields, names.fieldOrder),
    bySector: labelled("sector", names.sectors, names.sectorOrder),
    byStatusGroup: STATUS_GROUPS.map((group) => ({ group, count: statusCounts.get(group) ?? 0 })),
    byYear: of("year")
      .map((g) => ({ year: Number(g.key), count: g.n, approvedCity: num(g.city), approvedOther: num(g.other), proposed: num(g.proposed) }))
      .sort((a, b) => a.year - b.year),
    byProgramme: of("programme")
      .map((g) => {
        const p = g.key ? programmes.get(g.key) : undefined;
        return { programmeId: g.key, code: p?.code ?? null, nameVi: p?.name_vi ?? null, count: g.n };
      })
      .sort((a, b) => b.count - a.count || (a.code ?? "\uffff").localeCompare(b.code ?? "\uffff")),
    byOrganisation: orgCandidates
      .map((g) => ({
        organisationId: g.key,
        nameVi: g.key ? (organisations.get(g.key) ?? null) : null,
        count: g.n,
        approvedCity: num(g.city),
        approvedOther: num(g.other),
      }))
      .sort((a, b) => b.count - a.count || (a.nameVi ?? "\uffff").localeCompare(b.nameVi ?? "\uffff", "vi"))
      .slice(0, q.top),
    byTaskType: of("type")
      .map((g) => ({ taskType: g.key as TaskType, count: g.n }))
      .sort((a, b) => (typeOrder.get(a.taskType) ?? 99) - (typeOrder.get(b.taskType) ?? 99)),
    outputs: outputs
      .map((o) => ({ outputType: o.output_type, quantity: Number(o.quantity), tasks: Number(o.tasks) }))
      .sort((a, b) => (outputOrder.get(a.outputType) ?? 99) - (outputOrder.get(b.outputType) ?? 99)),
    historical: { period: HISTORICAL_PERIOD, figures: historical, notesEn: { byField: HISTORICAL_NOTES.byFieldEn, health: HISTORICAL_NOTES.healthEn } },
  };
}

// ─── Export ───

export async function exportTaskAnalytics(ctx: Ctx, q: TaskAnalyticsQuery): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const report = await taskAnalyticsReport(ctx, q);
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, {
      action: "task_analytics.export",
      entityType: "task_analytics",
      details: { format: "xlsx", filters: q, tasks: report.totals.tasks },
    }),
  );
  const lang = ctx.lang;
  const content = await writeWorkbook(analyticsSheets(report, lang));
  const stamp = ctx.clock.now().toISOString().slice(0, 10);
  return { fileName: `${t(lang, "taskAnalytics.file")} ${stamp}.xlsx`, mediaType: XLSX_MEDIA_TYPE, content };
}

export function analyticsSheets(r: TaskAnalytics, lang: Lang): SheetSpec[] {
  const m = (k: Parameters<typeof t>[1]) => t(lang, k);
  const yesNo: [string, string] = [m("import.yes"), m("import.no")];
  const none = m("taskAnalytics.none");
  const label = (c: LabelledCount) => (c.code === null ? none : ((lang === "en" ? c.labelEn : c.labelVi) ?? c.code));
  const sheet = (name: string, headers: string[], rows: ExportCell[][], widths: number[] = []): SheetSpec => ({
    name,
    columns: headers.map((header, i) => ({ header, width: widths[i] })),
    rows,
    yesNo,
  });
  const codeSheet = (name: string, list: LabelledCount[]) =>
    sheet(
      name,
      [m("taskAnalytics.col.code"), m("taskAnalytics.col.name"), m("taskAnalytics.col.count")],
      list.map((c) => [c.code, label(c), c.count]),
      [12, 48, 14],
    );
  return [
    sheet(
      m("taskAnalytics.sheet.totals"),
      [m("taskAnalytics.col.item"), m("taskAnalytics.col.value")],
      [
        [m("taskAnalytics.total.tasks"), r.totals.tasks],
        [m("taskAnalytics.col.approvedCity"), r.totals.approvedCity],
        [m("taskAnalytics.col.approvedOther"), r.totals.approvedOther],
        [m("taskAnalytics.col.proposed"), r.totals.proposed],
      ],
      [44, 20],
    ),
    codeSheet(m("taskAnalytics.sheet.field1"), r.byField1),
    codeSheet(m("taskAnalytics.sheet.field2"), r.byField2),
    codeSheet(m("taskAnalytics.sheet.sector"), r.bySector),
    sheet(
      m("taskAnalytics.sheet.status"),
      [m("taskAnalytics.col.code"), m("taskAnalytics.col.name"), m("taskAnalytics.col.count")],
      r.byStatusGroup.map((g) => [g.group, m(`taskAnalytics.group.${g.group}`), g.count]),
      [22, 32, 14],
    ),
    sheet(
      m("taskAnalytics.sheet.year"),
      [
        m("taskAnalytics.col.year"),
        m("taskAnalytics.col.count"),
        m("taskAnalytics.col.approvedCity"),
        m("taskAnalytics.col.approvedOther"),
        m("taskAnalytics.col.proposed"),
      ],
      r.byYear.map((y) => [y.year, y.count, y.approvedCity, y.approvedOther, y.proposed]),
      [10, 14, 24, 24, 24],
    ),
    sheet(
      m("taskAnalytics.sheet.programme"),
      [m("taskAnalytics.col.code"), m("taskAnalytics.col.name"), m("taskAnalytics.col.count")],
      r.byProgramme.map((p) => [p.code ?? none, p.nameVi ?? none, p.count]),
      [16, 48, 14],
    ),
    sheet(
      m("taskAnalytics.sheet.organisation"),
      [m("taskAnalytics.col.name"), m("taskAnalytics.col.count"), m("taskAnalytics.col.approvedCity"), m("taskAnalytics.col.approvedOther")],
      r.byOrganisation.map((o) => [o.nameVi ?? none, o.count, o.approvedCity, o.approvedOther]),
      [48, 14, 24, 24],
    ),
    sheet(
      m("taskAnalytics.sheet.taskType"),
      [m("taskAnalytics.col.code"), m("taskAnalytics.col.name"), m("taskAnalytics.col.count")],
      r.byTaskType.map((x) => [x.taskType, m(`taskAnalytics.type.${x.taskType}`), x.count]),
      [14, 32, 14],
    ),
    sheet(
      m("taskAnalytics.sheet.outputs"),
      [m("taskAnalytics.col.code"), m("taskAnalytics.col.name"), m("taskAnalytics.col.quantity"), m("taskAnalytics.col.count")],
      r.outputs.map((o) => [o.outputType, m(`taskAnalytics.output.${o.outputType}`), o.quantity, o.tasks]),
      [22, 32, 14, 14],
    ),
    sheet(
      m("taskAnalytics.sheet.historical"),
      [
        m("taskAnalytics.col.code"),
        m("taskAnalytics.col.name"),
        m("taskAnalytics.col.value"),
        m("taskAnalytics.col.original"),
        m("taskAnalytics.col.unit"),
        m("taskAnalytics.col.period"),
        m("taskAnalytics.col.sourceLine"),
        m("taskAnalytics.col.sourceQuote"),
      ],
      r.historical.figures.map((f) => [
        f.metricId,
        lang === "en" ? f.labelEn : f.labelVi,
        f.value,
        f.original,
        lang === "en" ? f.unitEn : f.unitVi,
        f.period,
        f.sourceLine,
        f.sourceQuote,
      ]),
      [34, 48, 16, 22, 20, 12, 10, 70],
    ),
  ];
}
