// Contract of the funding plans (issue 4 item 2): versions of the 2014–2020 S&T funding plan (the baseline implied from
// the printed table, and named what-if scenarios, immutable once saved), the table of printed vs recomputed cells, and
// the actual allocations per year tracked against the plan and the 2%-of-spending and %-of-GDP targets.
// Model amounts are tỷ đồng (billion VND, decimals as printed); actual allocations are money in integer đồng.
import { z } from "zod";
import { COLUMN_KEYS } from "../funding-plan/model.js";
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

export const tableCell = z.object({
  key: z.enum(COLUMN_KEYS),
  recomputed: z.number().nullable(),
  arithmetic: z.string(),
  printed: printedCell.nullable(),
  difference: z.number().nullable(),
  tolerance: z.number().nullable(),
  flagged: z.boolean(),
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
  flaggedCount: z.number().int(),
});
export type FundingPlanVersionItem = z.infer<typeof fundingPlanVersionItem>;

export const fundingPlanVersion = fundingPlanVersionItem.extend({
  titleVi: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  sourceLines: z.tuple([z.number().int(), z.number().int()]),
  footnoteVi: z.string(),
  columns: z.array(z.object({ key: z.enum(COLUMN_KEYS), labelVi: z.string(), labelEn: z.string() })),
  rows: z.array(tableRow),
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
