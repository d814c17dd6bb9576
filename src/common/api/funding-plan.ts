// API schema of the funding plans: versions of the 2014–2020 S&T funding plan (the
// baseline implied from the printed table, and named what-if scenarios, immutable once saved), the model's table, the
// checks of the printed figures (baseline only, classed by what rounding can explain), and the actual allocations per
// year tracked against the plan and the 2%-of-spending and %-of-GDP targets.
// Model amounts are tỷ đồng (billion VND, decimals as printed); actual allocations are money in integer đồng.
import { z } from "zod";
import { COLUMN_KEYS } from "../funding-plan/model.js";
import { CHECK_CLASSES } from "../funding-plan/checks.js";
import { optText, uuid, version } from "./shared.js";

export const FUNDING_PLAN_KINDS = ["baseline", "scenario"] as const;
export const PLAN_YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020] as const;

/** tỷ đồng, up to 3 decimals (a million đồng), as the plan prints them */
const billion = z.number().finite().min(0).max(100_000_000);
const share = z.number().finite().min(0).max(100);
/** integer đồng */
export const money = z.number().int().min(0).max(1_000_000_000_000_000);

export const yearInputsInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    gdp: billion,
    citySpending: billion,
    socialSharePct: share,
    cityBudgetSharePct: share,
    recurrentSharePct: share,
  })
  .strict();
export type YearInputsInput = z.input<typeof yearInputsInput>;

export const scenarioInput = z
  .object({
    name: z.string().trim().min(3).max(200),
    note: optText(4000),
    /** the version whose inputs were edited (default: the baseline) */
    basedOnId: uuid.nullish().transform((v) => v ?? null),
    /** one entry per plan year (2014–2020) */
    inputs: z.array(yearInputsInput).min(1).max(20),
  })
  .strict();
export type ScenarioInput = z.input<typeof scenarioInput>;

const yearInputs = yearInputsInput.extend({
  gdpImplied: z.boolean(),
  citySpendingImplied: z.boolean(),
  explanation: z.object({ gdp: z.string().nullable(), citySpending: z.string().nullable() }),
});

const printedCell = z.object({ original: z.string(), value: z.number(), decimals: z.number().int(), sourceLine: z.number().int() });

/** A cell of the model's table: recomputed from the version's inputs; a scenario's also beside the baseline's. */
export const tableCell = z.object({
  key: z.enum(COLUMN_KEYS),
  recomputed: z.number().nullable(),
  arithmetic: z.string(),
  baseline: z.number().nullable(),
  deltaFromBaseline: z.number().nullable(),
});
export type TableCellDto = z.infer<typeof tableCell>;

export const tableRow = z.object({
  label: z.string(),
  year: z.number().int().nullable(),
  sourceLine: z.number().int().nullable(),
  inputs: yearInputs.nullable(),
  cells: z.array(tableCell),
});
export type TableRowDto = z.infer<typeof tableRow>;

export const checkClass = z.enum(CHECK_CLASSES);
export type CheckClassDto = z.infer<typeof checkClass>;
const range = z.tuple([z.number(), z.number()]);

/** One check of printed figures against each other (see common/funding-plan/checks.ts for the classes). */
export const printedCheck = z.object({
  id: z.string(),
  number: z.number().int(),
  kind: z.enum(["parts", "half", "other", "share", "sum"]),
  rowLabel: z.string(),
  year: z.number().int().nullable(),
  resultKey: z.enum(COLUMN_KEYS),
  class: checkClass,
  relation: z.string(),
  arithmetic: z.string(),
  explanation: z.string(),
  figures: z.array(
    z.object({ row: z.string(), year: z.number().int().nullable(), key: z.enum(COLUMN_KEYS), role: z.enum(["result", "operand"]), cell: printedCell }),
  ),
  value: z.number().nullable(),
  printed: z.number(),
  difference: z.number().nullable(),
  range: range.nullable(),
  printedRange: range,
  widenedRange: range.nullable(),
  printedWidenedRange: range,
  gap: z.number().nullable(),
});
export type PrintedCheckDto = z.infer<typeof printedCheck>;

export const printedCheckReport = z.object({
  checks: z.array(printedCheck),
  counts: z.object({
    exact: z.number().int(),
    rounded: z.number().int(),
    decimals: z.number().int(),
    wholes: z.number().int(),
    inconsistent: z.number().int(),
  }),
  /** checks inconsistent beyond any rounding: the plan's real errors */
  errorCount: z.number().int(),
  /** the printed table, each figure with the checks that name it */
  rows: z.array(
    z.object({
      label: z.string(),
      year: z.number().int().nullable(),
      sourceLine: z.number().int(),
      cells: z.array(
        z.object({
          key: z.enum(COLUMN_KEYS),
          cell: printedCell,
          worst: checkClass.nullable(),
          checks: z.array(z.number().int()),
          errors: z.array(z.number().int()),
        }),
      ),
    }),
  ),
});
export type PrintedCheckReportDto = z.infer<typeof printedCheckReport>;

export const fundingPlanVersionItem = z.object({
  id: uuid,
  planKey: z.string(),
  number: z.number().int(),
  kind: z.enum(FUNDING_PLAN_KINDS),
  name: z.string(),
  note: z.string().nullable(),
  basedOnId: uuid.nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  /** the baseline: checks of its printed figures inconsistent beyond any rounding; a scenario has none to check (null) */
  errorCount: z.number().int().nullable(),
});
export type FundingPlanVersionItem = z.infer<typeof fundingPlanVersionItem>;

export const fundingPlanVersion = fundingPlanVersionItem.extend({
  titleVi: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  sourceLines: z.tuple([z.number().int(), z.number().int()]),
  footnoteVi: z.string(),
  columns: z.array(z.object({ key: z.enum(COLUMN_KEYS), labelVi: z.string(), labelEn: z.string() })),
  /** the model's table: recomputed from the inputs (a scenario: beside the baseline's) — a model, not a check */
  rows: z.array(tableRow),
  /** the baseline: its printed figures checked against each other; null for a scenario */
  printedCheck: printedCheckReport.nullable(),
  /** the version a scenario is compared with (the baseline); null for the baseline itself */
  comparedWithId: uuid.nullable(),
});
export type FundingPlanVersion = z.infer<typeof fundingPlanVersion>;

export const fundingPlanList = z.object({
  items: z.array(fundingPlanVersionItem),
  abilities: z.object({ createScenario: z.boolean(), editActuals: z.boolean(), export: z.boolean() }),
});
export type FundingPlanList = z.infer<typeof fundingPlanList>;

// ─── actual allocations ───
export const actualInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    cityRecurrent: money,
    cityDevelopment: money,
    otherSources: money.nullish().transform((v) => v ?? null),
    /** where the figures come from: budget settlement, decision number, report */
    source: z.string().trim().min(3).max(1000),
    note: optText(4000),
  })
  .strict();
export type ActualInput = z.input<typeof actualInput>;

export const actualUpdate = actualInput.omit({ year: true }).extend({ version }).strict();
export type ActualUpdate = z.input<typeof actualUpdate>;

export const actual = z.object({
  id: uuid,
  year: z.number().int(),
  cityRecurrent: z.number(),
  cityDevelopment: z.number(),
  cityTotal: z.number(),
  otherSources: z.number().nullable(),
  source: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ read: z.boolean(), update: z.boolean(), delete: z.boolean() }),
});
export type Actual = z.infer<typeof actual>;

/** One year of the tracking: billion VND (tỷ đồng); percentages 0–100. */
export const trackingRow = z.object({
  year: z.number().int(),
  cityStBudget: z.number().nullable(),
  citySpending: z.number().nullable(),
  sharePct: z.number().nullable(),
  gdp: z.number().nullable(),
  socialInvestment: z.number().nullable(),
  socialPctGdp: z.number().nullable(),
  plannedCityStBudget: z.number().nullable(),
  plannedSocialInvestment: z.number().nullable(),
  /** 2% of the actual city spending (series city_spending) */
  targetCityStBudget: z.number().nullable(),
  /** the stated % of GDP for the year (1.5% to 2015, 2% after) */
  targetSocialPctGdp: z.number(),
  gdpSource: z.string().nullable(),
  citySpendingSource: z.string().nullable(),
});
export type TrackingRow = z.infer<typeof trackingRow>;

export const tracking = z.object({
  rows: z.array(trackingRow),
  actuals: z.array(actual),
  abilities: z.object({ create: z.boolean() }),
});
export type Tracking = z.infer<typeof tracking>;
