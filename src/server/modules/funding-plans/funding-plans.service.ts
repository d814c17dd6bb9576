// Funding plans: the baseline version (inputs implied from the printed 2014–2020 table, loaded at start-up) with the
// checks of its printed figures, named what-if scenarios (new immutable versions of the inputs) recomputed by the
// model beside the baseline, the xlsx export of either, and the actual allocations per year (version-checked, audited).
import { and, asc, eq, sql } from "drizzle-orm";
import { fundingPlanActuals, fundingPlanVersions, users } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize, canGeneral } from "../../platform/policy.js";
import { AppError, notFound, staleVersion } from "../../platform/errors.js";
import { t, type Lang } from "../../platform/messages.js";
import { writeWorkbook, XLSX_MEDIA_TYPE, type SheetSpec } from "../../platform/xlsx.js";
import {
  CHECK_CLASSES,
  checkColumnName,
  checkPrintedPlan,
  classRank,
  COLUMN_KEYS,
  impliedInputs,
  planTable,
  PLAN_FOOTNOTE_VI,
  PLAN_KEY,
  PLAN_SOURCE_LINES,
  PLAN_TITLE_VI,
  PRINTED_ROWS,
  type YearInputs,
} from "../../../common/funding-plan/index.js";
import {
  PLAN_YEARS,
  type Actual,
  type ActualInput,
  type ActualUpdate,
  type FundingPlanList,
  type FundingPlanVersion,
  type FundingPlanVersionItem,
  type ScenarioInput,
  type Tracking,
} from "../../../common/api/funding-plan.js";
import { fundingActualPolicy, fundingPlanPolicy } from "./funding-plans.policy.js";
import { budgetAgainstTargets } from "./funding-plans.summary.js";

export const COLUMN_LABELS: Record<(typeof COLUMN_KEYS)[number], { vi: string; en: string }> = {
  social_total: { vi: "Đầu tư xã hội cho KHCN – Tổng", en: "Social investment in S&T – total" },
  social_recurrent: { vi: "Đầu tư xã hội cho KHCN – Sự nghiệp", en: "Social investment – recurrent" },
  social_development: { vi: "Đầu tư xã hội cho KHCN – Đầu tư phát triển", en: "Social investment – development" },
  city_budget_total: { vi: "Ngân sách TP giành cho KH&CN – Tổng", en: "City budget for S&T – total (2% of spending)" },
  city_budget_recurrent: { vi: "Ngân sách TP giành cho KH&CN – Sự nghiệp", en: "City budget – recurrent" },
  city_budget_development: { vi: "Ngân sách TP giành cho KH&CN – Đầu tư phát triển", en: "City budget – development" },
  other_total: { vi: "Huy động khác ngoài ngân sách TP – Tổng", en: "Other sources outside the city budget – total" },
  other_pct_of_social: { vi: "Huy động khác – % trên tổng đầu tư xã hội", en: "Other sources – % of social investment" },
};

const BASELINE_NAME = "Phương án in trong Đề án (khái toán 2014–2020)";
const BASELINE_NOTE =
  "Số liệu in tại mục IV.6 của Đề án. GRDP và chi ngân sách không được in: suy ra từ tổng đầu tư xã hội ÷ tỷ lệ % GRDP và tổng ngân sách TP ÷ 2%.";

/** Start-up: the baseline version, once (versions are immutable). */
export async function syncBaselinePlan(db: Executor, now: Date) {
  await db
    .insert(fundingPlanVersions)
    .values({ planKey: PLAN_KEY, number: 1, kind: "baseline", name: BASELINE_NAME, note: BASELINE_NOTE, inputs: impliedInputs(PRINTED_ROWS), createdAt: now })
    .onConflictDoNothing();
}

type VersionRow = typeof fundingPlanVersions.$inferSelect & { createdByName: string | null };

async function loadVersions(db: Executor, id?: string): Promise<VersionRow[]> {
  return db
    .select({
      id: fundingPlanVersions.id,
      planKey: fundingPlanVersions.planKey,
      number: fundingPlanVersions.number,
      kind: fundingPlanVersions.kind,
      name: fundingPlanVersions.name,
      note: fundingPlanVersions.note,
      basedOnId: fundingPlanVersions.basedOnId,
      inputs: fundingPlanVersions.inputs,
      createdAt: fundingPlanVersions.createdAt,
      createdBy: fundingPlanVersions.createdBy,
      createdByName: users.displayName,
    })
    .from(fundingPlanVersions)
    .leftJoin(users, eq(users.id, fundingPlanVersions.createdBy))
    .where(and(eq(fundingPlanVersions.planKey, PLAN_KEY), id ? eq(fundingPlanVersions.id, id) : undefined))
    .orderBy(asc(fundingPlanVersions.number));
}

async function baselineOf(db: Executor): Promise<VersionRow> {
  const [b] = (await loadVersions(db)).filter((v) => v.kind === "baseline");
  if (!b) throw notFound();
  return b;
}

function tableOf(v: VersionRow, baseline: VersionRow, lang: Lang) {
  return planTable(v.inputs, { baseline: v.kind === "baseline" ? null : baseline.inputs, source: PRINTED_ROWS, lang });
}

/** The checks of the printed figures: the baseline only; a scenario's figures are the model's, not printed. */
const printedCheckOf = (v: Pick<VersionRow, "kind">, lang: Lang) => (v.kind === "baseline" ? checkPrintedPlan(PRINTED_ROWS, lang) : null);

function item(v: VersionRow, errorCount: number | null): FundingPlanVersionItem {
  return {
    id: v.id,
    planKey: v.planKey,
    number: v.number,
    kind: v.kind,
    name: v.name,
    note: v.note,
    basedOnId: v.basedOnId,
    createdAt: v.createdAt.toISOString(),
    createdByName: v.createdByName,
    errorCount,
  };
}

export async function listVersions(ctx: Ctx): Promise<FundingPlanList> {
  const rows = await loadVersions(ctx.db);
  return {
    items: rows.map((v) => item(v, printedCheckOf(v, ctx.lang)?.errorCount ?? null)),
    abilities: {
      createScenario: canGeneral(ctx.actor, fundingPlanPolicy, "createScenario"),
      editActuals: canGeneral(ctx.actor, fundingPlanPolicy, "editActuals"),
      export: canGeneral(ctx.actor, fundingPlanPolicy, "export"),
    },
  };
}

async function presentVersion(db: Executor, v: VersionRow, lang: Lang): Promise<FundingPlanVersion> {
  const baseline = v.kind === "baseline" ? v : await baselineOf(db);
  const printedCheck = printedCheckOf(v, lang);
  return {
    ...item(v, printedCheck?.errorCount ?? null),
    titleVi: PLAN_TITLE_VI,
    unitVi: "Tỷ đồng",
    unitEn: "billion VND",
    sourceLines: PLAN_SOURCE_LINES,
    footnoteVi: PLAN_FOOTNOTE_VI,
    columns: COLUMN_KEYS.map((key) => ({ key, labelVi: COLUMN_LABELS[key].vi, labelEn: COLUMN_LABELS[key].en })),
    rows: tableOf(v, baseline, lang).rows,
    printedCheck,
    comparedWithId: v.kind === "baseline" ? null : baseline.id,
  };
}

export async function getVersion(ctx: Ctx, id: string): Promise<FundingPlanVersion> {
  const [v] = await loadVersions(ctx.db, id);
  if (!v) throw notFound();
  authorize(ctx.actor, fundingPlanPolicy, "read", v);
  return presentVersion(ctx.db, v, ctx.lang);
}

export async function createScenario(ctx: Ctx, input: ScenarioInput): Promise<FundingPlanVersion> {
  const years = input.inputs.map((i) => i.year).sort((a, b) => a - b);
  if (years.length !== PLAN_YEARS.length || years.some((y, i) => y !== PLAN_YEARS[i])) {
    throw new AppError("VALIDATION_FAILED", 400, "fundingPlan.scenario_years", [{ path: "inputs", code: "years", message: years.join(", ") }], {
      years: `${PLAN_YEARS[0]}–${PLAN_YEARS[PLAN_YEARS.length - 1]}`,
    });
  }
  const id = await ctx.db.transaction(async (tx) => {
    // one scenario number at a time: the versions' numbers are consecutive per plan
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('funding_plan_versions'), hashtext(${PLAN_KEY}))`);
    const all = await loadVersions(tx);
    const basedOn = input.basedOnId ? all.find((v) => v.id === input.basedOnId) : all.find((v) => v.kind === "baseline");
    if (!basedOn) {
      throw new AppError("VALIDATION_FAILED", 400, "fundingPlan.based_on_unknown", [{ path: "basedOnId", code: "unknown", message: String(input.basedOnId) }]);
    }
    if (all.some((v) => v.name.toLowerCase() === input.name.trim().toLowerCase())) {
      throw new AppError("DUPLICATE", 409, "fundingPlan.name_taken", [{ path: "name", code: "duplicate", message: input.name }]);
    }
    const before = new Map(basedOn.inputs.map((i) => [i.year, i]));
    // an input left as the version it came from keeps that version's basis (implied from print); an edited one is entered
    const inputs: YearInputs[] = input.inputs
      .map((i) => {
        const b = before.get(i.year);
        return {
          ...i,
          gdpImplied: !!b && b.gdpImplied && b.gdp === i.gdp && b.socialSharePct === i.socialSharePct,
          citySpendingImplied: !!b && b.citySpendingImplied && b.citySpending === i.citySpending && b.cityBudgetSharePct === i.cityBudgetSharePct,
        };
      })
      .sort((a, b) => a.year - b.year);
    const number = Math.max(...all.map((v) => v.number)) + 1;
    const [row] = await tx
      .insert(fundingPlanVersions)
      .values({
        planKey: PLAN_KEY,
        number,
        kind: "scenario",
        name: input.name.trim(),
        note: input.note ?? null,
        basedOnId: basedOn.id,
        inputs,
        createdBy: ctx.actor!.userId,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: fundingPlanVersions.id });
    await audit(tx, ctx, {
      action: "funding_plan.scenario_create",
      entityType: "funding_plan_version",
      entityId: row!.id,
      after: { name: input.name, number, basedOnId: basedOn.id, inputs },
    });
    return row!.id;
  });
  return getVersion(ctx, id);
}

// ─── xlsx: the baseline's checks of the printed figures, the table as printed, the model's inputs; a scenario's
// model table beside the baseline and its inputs ───
export async function exportVersion(ctx: Ctx, id: string): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const v = await getVersion(ctx, id);
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, { action: "funding_plan.export", entityType: "funding_plan_version", entityId: id, details: { format: "xlsx", errors: v.errorCount } }),
  );
  const content = await writeWorkbook(versionSheets(v, ctx.lang));
  return { fileName: `${t(ctx.lang, "fundingPlan.file")} - ${v.number}.xlsx`, mediaType: XLSX_MEDIA_TYPE, content };
}

export function versionSheets(v: FundingPlanVersion, lang: Lang): SheetSpec[] {
  const m = (k: Parameters<typeof t>[1], p?: Record<string, unknown>) => t(lang, k, p);
  const yesNo: [string, string] = [m("import.yes"), m("import.no")];
  const label = (key: string) => {
    const c = v.columns.find((x) => x.key === key)!;
    return lang === "en" ? c.labelEn : c.labelVi;
  };
  const classLabel = (c: (typeof CHECK_CLASSES)[number]) => m(`fundingPlan.class.${c}`);
  const basis = (implied: boolean, text: string | null) => (implied && text ? m("fundingPlan.implied", { arithmetic: text }) : m("fundingPlan.entered"));
  const sheet = (name: string, headers: [string, number][], rows: SheetSpec["rows"]): SheetSpec => ({
    name,
    columns: headers.map(([header, width]) => ({ header, width })),
    rows,
    yesNo,
  });
  const inputs = sheet(
    m("fundingPlan.sheet.inputs"),
    [
      [m("fundingPlan.col.row"), 10],
      [m("fundingPlan.col.gdp"), 18],
      [m("fundingPlan.col.socialShare"), 16],
      [m("fundingPlan.col.citySpending"), 18],
      [m("fundingPlan.col.cityShare"), 16],
      [m("fundingPlan.col.recurrentShare"), 14],
      [m("fundingPlan.col.basis") + " (GRDP)", 50],
      [m("fundingPlan.col.basis") + " (NS)", 50],
    ],
    v.rows
      .filter((r) => r.inputs)
      .map((r) => {
        const i = r.inputs!;
        return [
          r.label,
          i.gdp,
          i.socialSharePct,
          i.citySpending,
          i.cityBudgetSharePct,
          i.recurrentSharePct,
          basis(i.gdpImplied, i.explanation.gdp),
          basis(i.citySpendingImplied, i.explanation.citySpending),
        ];
      }),
  );

  const report = v.printedCheck;
  if (!report) {
    // a scenario: the model recomputed from its inputs beside the baseline's model values
    const table = sheet(
      m("fundingPlan.sheet.table"),
      [
        [m("fundingPlan.col.row"), 10],
        [m("fundingPlan.col.column"), 44],
        [m("fundingPlan.col.recomputed"), 16],
        [m("fundingPlan.col.baseline"), 16],
        [m("fundingPlan.col.delta"), 16],
        [m("fundingPlan.col.arithmetic"), 70],
      ],
      v.rows.flatMap((r) => r.cells.map((c) => [r.label, label(c.key), c.recomputed, c.baseline, c.deltaFromBaseline, c.arithmetic])),
    );
    return [table, inputs];
  }

  // the baseline: every check, errors first, then by what rounding explains, then in table order
  const ordered = [...report.checks].sort((a, b) => classRank(b.class) - classRank(a.class) || a.number - b.number);
  const checks = sheet(
    m("fundingPlan.sheet.checks"),
    [
      [m("fundingPlan.col.number"), 6],
      [m("fundingPlan.col.class"), 34],
      [m("fundingPlan.col.row"), 8],
      [m("fundingPlan.col.relation"), 44],
      [m("fundingPlan.col.arithmetic"), 60],
      [m("fundingPlan.col.explanation"), 90],
      [m("fundingPlan.col.computed"), 16],
      [m("fundingPlan.col.printedValue"), 14],
      [m("fundingPlan.col.difference"), 14],
      [m("fundingPlan.col.rangeLow"), 16],
      [m("fundingPlan.col.rangeHigh"), 16],
      [m("fundingPlan.col.widenedLow"), 16],
      [m("fundingPlan.col.widenedHigh"), 16],
      [m("fundingPlan.col.gap"), 14],
      [m("fundingPlan.col.lines"), 20],
    ],
    ordered.map((c) => [
      c.number,
      classLabel(c.class),
      c.rowLabel,
      c.relation,
      c.arithmetic,
      c.explanation,
      c.value,
      c.printed,
      c.difference,
      c.range?.[0] ?? null,
      c.range?.[1] ?? null,
      c.widenedRange?.[0] ?? null,
      c.widenedRange?.[1] ?? null,
      c.gap,
      c.figures.map((f) => f.cell.sourceLine).join(", "),
    ]),
  );
  const printed = sheet(
    m("fundingPlan.sheet.printed"),
    [
      [m("fundingPlan.col.row"), 8],
      [m("fundingPlan.col.column"), 44],
      [m("fundingPlan.col.printedText"), 16],
      [m("fundingPlan.col.printedValue"), 14],
      [m("fundingPlan.col.decimals"), 10],
      [m("fundingPlan.col.worst"), 40],
      [m("fundingPlan.col.checks"), 16],
      [m("fundingPlan.col.errors"), 12],
      [m("fundingPlan.col.sourceLine"), 12],
    ],
    report.rows.flatMap((r) =>
      r.cells.map((c) => [
        r.label,
        checkColumnName(c.key, lang),
        c.cell.original,
        c.cell.value,
        c.cell.decimals,
        c.worst ? classLabel(c.worst) : null,
        c.checks.join(", "),
        c.errors.join(", ") || null,
        c.cell.sourceLine,
      ]),
    ),
  );
  return [checks, printed, inputs];
}

// ─── actual allocations ───
type ActualRow = typeof fundingPlanActuals.$inferSelect & { updatedByName: string | null };

async function loadActuals(db: Executor, id?: string): Promise<ActualRow[]> {
  const rows = await db
    .select({ a: fundingPlanActuals, updatedByName: users.displayName })
    .from(fundingPlanActuals)
    .leftJoin(users, eq(users.id, fundingPlanActuals.updatedBy))
    .where(id ? eq(fundingPlanActuals.id, id) : undefined)
    .orderBy(asc(fundingPlanActuals.year));
  return rows.map((r) => ({ ...r.a, updatedByName: r.updatedByName }));
}

function presentActual(ctx: Ctx, a: ActualRow): Actual {
  return {
    id: a.id,
    year: a.year,
    cityRecurrent: a.cityRecurrent,
    cityDevelopment: a.cityDevelopment,
    cityTotal: a.cityRecurrent + a.cityDevelopment,
    otherSources: a.otherSources,
    source: a.source,
    note: a.note,
    updatedAt: a.updatedAt.toISOString(),
    updatedByName: a.updatedByName,
    version: a.version,
    abilities: abilitiesOf(ctx.actor, fundingActualPolicy, a),
  };
}

const snapshot = (a: ActualRow) => ({
  year: a.year,
  cityRecurrent: a.cityRecurrent,
  cityDevelopment: a.cityDevelopment,
  otherSources: a.otherSources,
  source: a.source,
  note: a.note,
  version: a.version,
});

const yearTaken = (year: number) =>
  new AppError("DUPLICATE", 409, "fundingPlan.actual_year_taken", [{ path: "year", code: "duplicate", message: String(year) }], { year });

export async function getActual(ctx: Ctx, id: string): Promise<Actual> {
  const [a] = await loadActuals(ctx.db, id);
  if (!a) throw notFound();
  authorize(ctx.actor, fundingActualPolicy, "read", a);
  return presentActual(ctx, a);
}

export async function createActual(ctx: Ctx, input: ActualInput): Promise<Actual> {
  const id = await ctx.db.transaction(async (tx) => {
    const [dup] = await tx.select({ id: fundingPlanActuals.id }).from(fundingPlanActuals).where(eq(fundingPlanActuals.year, input.year));
    if (dup) throw yearTaken(input.year);
    const [row] = await tx
      .insert(fundingPlanActuals)
      .values({
        year: input.year,
        cityRecurrent: input.cityRecurrent,
        cityDevelopment: input.cityDevelopment,
        otherSources: input.otherSources ?? null,
        source: input.source.trim(),
        note: input.note ?? null,
        createdBy: ctx.actor!.userId,
        updatedBy: ctx.actor!.userId,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    // the unique year catches a concurrent create the check above could not see
    if (!row) throw yearTaken(input.year);
    await audit(tx, ctx, {
      action: "funding_actual.create",
      entityType: "funding_plan_actual",
      entityId: row.id,
      after: snapshot({ ...row, updatedByName: null }),
    });
    return row.id;
  });
  return getActual(ctx, id);
}

export async function updateActual(ctx: Ctx, id: string, input: ActualUpdate): Promise<Actual> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await loadActuals(tx, id);
    if (!before) throw notFound();
    authorize(ctx.actor, fundingActualPolicy, "update", before);
    if (before.version !== input.version) throw staleVersion(presentActual(ctx, before));
    const [row] = await tx
      .update(fundingPlanActuals)
      .set({
        cityRecurrent: input.cityRecurrent,
        cityDevelopment: input.cityDevelopment,
        otherSources: input.otherSources ?? null,
        source: input.source.trim(),
        note: input.note ?? null,
        updatedAt: ctx.clock.now(),
        updatedBy: ctx.actor!.userId,
        version: sql`${fundingPlanActuals.version} + 1`,
      })
      .where(and(eq(fundingPlanActuals.id, id), eq(fundingPlanActuals.version, input.version)))
      .returning();
    if (!row) {
      const [current] = await loadActuals(tx, id);
      throw staleVersion(current ? presentActual(ctx, current) : null);
    }
    await audit(tx, ctx, {
      action: "funding_actual.update",
      entityType: "funding_plan_actual",
      entityId: id,
      before: snapshot(before),
      after: snapshot({ ...row, updatedByName: null }),
    });
  });
  return getActual(ctx, id);
}

export async function deleteActual(ctx: Ctx, id: string, version: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [before] = await loadActuals(tx, id);
    if (!before) throw notFound();
    authorize(ctx.actor, fundingActualPolicy, "delete", before);
    if (before.version !== version) throw staleVersion(presentActual(ctx, before));
    const deleted = await tx
      .delete(fundingPlanActuals)
      .where(and(eq(fundingPlanActuals.id, id), eq(fundingPlanActuals.version, version)))
      .returning({ id: fundingPlanActuals.id });
    if (!deleted.length) throw staleVersion(presentActual(ctx, before));
    await audit(tx, ctx, { action: "funding_actual.delete", entityType: "funding_plan_actual", entityId: id, before: snapshot(before) });
  });
}

/** Actual allocations against the plan and the 2%-of-spending and %-of-GDP targets, and the actual records. */
export async function trackingReport(ctx: Ctx): Promise<Tracking> {
  const rows = await budgetAgainstTargets(ctx.db);
  const actuals = await loadActuals(ctx.db);
  return {
    rows,
    actuals: actuals.map((a) => presentActual(ctx, a)),
    abilities: { create: canGeneral(ctx.actor, fundingActualPolicy, "create") },
  };
}
