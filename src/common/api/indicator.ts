// CONTRACT READY
// API schema of the plan's indicators: every quantitative target of the plan as an indicator
// (unit, direction, baseline with its source line and quote, targets per year, definition, how values arrive), its
// values per year with provenance, the progress status (Statistics Canada / Open SDG method, see
// src/common/indicators/progress.ts), the chart data (actual against the target path), and the input series
// (population, GDP, city spending) managed under /api/v1/indicators/series.
// Public (no sign-in) routes under /api/v1/public/indicators (alias /api/public/indicators) show published indicators.
//
// Routes (all JSON unless said):
//   GET    /api/v1/indicators?q&status&targetNo&published&valueSource&page&pageSize&sort → listResponse(indicatorListItem)
//   GET    /api/v1/indicators/export?format=csv|xlsx&<same filters>                    → file (the list)
//   GET    /api/v1/indicators/computations                                            → computationItem[]
//   POST   /api/v1/indicators/computations/refresh                                    → registryFigures (staff)
//   POST   /api/v1/indicators                      indicatorInput                      → 201 indicator (staff)
//   GET    /api/v1/indicators/:id                                                      → indicator
//   GET    /api/v1/indicators/:id/chart                                                → indicatorChart
//   GET    /api/v1/indicators/:id/export?format=csv|xlsx                               → file (one indicator)
//   PUT    /api/v1/indicators/:id                  indicatorUpdate                     → indicator (staff)
//   PUT    /api/v1/indicators/:id/values/:year     indicatorValueInput                 → indicator (staff)
//   DELETE /api/v1/indicators/:id/values/:year?version=N                               → indicator (staff)
//   POST   /api/v1/indicators/:id/publish | /unpublish   indicatorPublish              → indicator (staff)
//   GET    /api/v1/indicators/series                                                   → series[]
//   PUT    /api/v1/indicators/series/:key/values/:year   seriesValueInput              → series (staff)
//   DELETE /api/v1/indicators/series/:key/values/:year?version=N                       → series (staff)
//   GET    /api/v1/public/indicators?q&status&targetNo&page&pageSize&sort              → listResponse(publicIndicatorItem)
//   GET    /api/v1/public/indicators/:code                                             → publicIndicator
//   GET    /api/v1/public/indicators/:code/data.json                                   → publicIndicator (open data)
//   GET    /api/v1/public/indicators/:code/data.csv | data.xlsx                        → file
//   (the same public routes under /api/public/indicators…)
// A stale version answers 409 VERSION_CONFLICT with details.current (the indicator / series).
import { z } from "zod";
import { listQuery } from "../list.js";
import { optText, uuid, version } from "./shared.js";
import {
  DIRECTIONS,
  PROGRESS_STATUSES,
  STATUS_REASONS,
  TARGET_BOUNDS,
  type Direction,
  type ProgressStatus,
  type StatusReason,
  type TargetBound,
} from "../indicators/progress.js";

export { DIRECTIONS, PROGRESS_STATUSES, STATUS_REASONS, TARGET_BOUNDS };
export type { Direction, ProgressStatus, StatusReason, TargetBound };

/** entered: staff enter values; computed: a named computation over the platform's records; consolidated: from
 *  approved statistical reports (a form's cell). */
export const VALUE_SOURCES = ["entered", "computed", "consolidated"] as const;
export type ValueSource = (typeof VALUE_SOURCES)[number];
/** seed: loaded from the plan (docs/plan/plan-facts.json, transcribed in plan-indicators.ts) at start-up; custom: created by staff. */
export const INDICATOR_ORIGINS = ["seed", "custom"] as const;
export type IndicatorOrigin = (typeof INDICATOR_ORIGINS)[number];

/** Indicator codes appear in public URLs: lower-case letters, digits, ".", "_" and "-". */
export const INDICATOR_CODE_RE = /^[a-z0-9][a-z0-9._-]{1,79}$/;
export const indicatorCode = z.string().trim().regex(INDICATOR_CODE_RE, "a-z 0-9 . _ -");
export const SERIES_KEY_RE = /^[a-z][a-z0-9_]*$/;
const year = z.coerce.number().int().min(1900).max(2200);
/** The smallest magnitude of a non-zero figure (10⁻⁹). Growth rates, the target path and the computed shares divide
 *  by these figures (a baseline, a population, the city's spending): a figure such as 1e-300 makes them overflow to
 *  infinity, and no statistic is that small. The refusal carries the message key `input.number_too_small`. */
export const MIN_MAGNITUDE = 1e-9;
const num = z
  .number()
  .finite()
  .min(-1e15)
  .max(1e15)
  .refine((v) => v === 0 || Math.abs(v) >= MIN_MAGNITUDE, { params: { messageKey: "input.number_too_small" } });
const text = (max: number) => z.string().trim().min(1).max(max);

// ─── definition ───
export const baselineInput = z
  .object({
    value: num,
    /** the baseline year; for a period (e.g. "2006-2011") its last year */
    year,
    /** the period the baseline covers when it is not a single year, e.g. "2006-2011" */
    period: optText(40),
    labelVi: optText(500),
    labelEn: optText(500),
    /** line of the plan's text the figure comes from, and the quote */
    sourceLine: z
      .number()
      .int()
      .min(1)
      .max(100000)
      .nullish()
      .transform((v) => v ?? null),
    quote: optText(2000),
    note: optText(2000),
  })
  .strict();
export type BaselineInput = z.input<typeof baselineInput>;

export const targetInput = z
  .object({
    year,
    /** the value to reach (null for a range: give min and max) */
    value: num.nullish().transform((v) => v ?? null),
    min: num.nullish().transform((v) => v ?? null),
    max: num.nullish().transform((v) => v ?? null),
    bound: z.enum(TARGET_BOUNDS),
    /** as printed, e.g. "trên 40%", "12 - 13 người/vạn dân" */
    original: optText(200),
    sourceLine: z
      .number()
      .int()
      .min(1)
      .max(100000)
      .nullish()
      .transform((v) => v ?? null),
    quote: optText(2000),
    note: optText(2000),
  })
  .strict()
  .refine((t) => (t.bound === "range" ? t.min !== null && t.max !== null && t.min <= t.max : t.value !== null), {
    path: ["value"],
    message: "a range needs min ≤ max; other bounds need value",
  });
export type TargetInput = z.input<typeof targetInput>;

export const consolidationRef = z.object({ formCode: text(40), cellKey: text(200) }).strict();

const definitionFields = {
  targetNo: optText(20),
  nameVi: text(500),
  nameEn: text(500),
  /** the plan's sentence stating the target */
  statementVi: optText(4000),
  unitVi: text(100),
  unitEn: text(100),
  direction: z.enum(DIRECTIONS),
  definitionVi: optText(10_000),
  definitionEn: optText(10_000),
  baseline: baselineInput.nullish().transform((v) => v ?? null),
  targets: z.array(targetInput).max(50).default([]),
  valueSource: z.enum(VALUE_SOURCES),
  /** the computation's name (GET /indicators/computations) when valueSource = computed */
  computation: optText(80),
  /** the form and cell when valueSource = consolidated */
  consolidation: consolidationRef.nullish().transform((v) => v ?? null),
  /** free notes on the indicator's data (e.g. why no baseline is given) */
  notes: optText(10_000),
};
export const indicatorInput = z.object({ code: indicatorCode, ...definitionFields }).strict();
export type IndicatorInput = z.input<typeof indicatorInput>;
/** Update of the definition; the code (public URL) does not change. */
export const indicatorUpdate = z.object({ ...definitionFields, version }).strict();
export type IndicatorUpdate = z.input<typeof indicatorUpdate>;
export const indicatorPublish = z.object({ version }).strict();

// ─── values ───
export const indicatorValueInput = z
  .object({
    value: num,
    /** provenance: publication, table, report or calculation the value comes from */
    source: text(1000),
    note: optText(2000),
    /** the version of the existing value for that year; absent when the year has no value yet */
    version: version.optional(),
  })
  .strict();
export type IndicatorValueInput = z.input<typeof indicatorValueInput>;
export const versionQuery = z.object({ version: z.coerce.number().int().min(1) }).strict();

export const indicatorValue = z.object({
  year: z.number().int(),
  value: z.number(),
  /** entered: stored value (wins over a computed/consolidated one of the same year); computed / consolidated:
   *  derived when read */
  origin: z.enum(VALUE_SOURCES),
  source: z.string(),
  note: z.string().nullable(),
  enteredBy: z.object({ id: uuid, name: z.string() }).nullable(),
  enteredAt: z.string().nullable(),
  /** version of an entered value (send it back to change or delete it); null for derived values */
  version: z.number().int().nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValue>;

// ─── read models ───
export const baseline = z.object({
  value: z.number(),
  year: z.number().int(),
  period: z.string().nullable(),
  labelVi: z.string().nullable(),
  labelEn: z.string().nullable(),
  sourceLine: z.number().int().nullable(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
});
export type Baseline = z.infer<typeof baseline>;

export const target = z.object({
  year: z.number().int(),
  value: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  bound: z.enum(TARGET_BOUNDS),
  original: z.string().nullable(),
  sourceLine: z.number().int().nullable(),
  quote: z.string().nullable(),
  note: z.string().nullable(),
});
export type Target = z.infer<typeof target>;

const point = z.object({ year: z.number().int(), value: z.number() });
export type ChartPoint = z.infer<typeof point>;

/** The status with the numbers it was computed from (for the explanation on the indicator page). */
export const indicatorStatus = z.object({
  status: z.enum(PROGRESS_STATUSES).nullable(),
  /** why there is no status (status null) */
  reason: z.enum(STATUS_REASONS).nullable(),
  /** target: against the target (ratio of actual to required growth); trend: no target, observed growth only */
  method: z.enum(["target", "trend"]).nullable(),
  baseline: point.nullable(),
  latest: point.nullable(),
  /** the target judged: the first target year not before the latest value's year (else the last); range → lower
   *  bound when increasing, upper bound when decreasing */
  target: point.nullable(),
  /** compound annual growth rates as fractions (0.05 = 5 %/year) and their ratio */
  actualGrowth: z.number().nullable(),
  requiredGrowth: z.number().nullable(),
  ratio: z.number().nullable(),
});
export type IndicatorStatus = z.infer<typeof indicatorStatus>;

/** Chart data: actual values, the target path (from the baseline to each target, compound growth; a floor or
 *  ceiling as a constant line), the baseline and the target points. */
export const indicatorChart = z.object({
  baseline: point.nullable(),
  actual: z.array(point),
  targetPath: z.array(point),
  targets: z.array(
    z.object({ year: z.number().int(), value: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), bound: z.enum(TARGET_BOUNDS) }),
  ),
});
export type IndicatorChart = z.infer<typeof indicatorChart>;

const listFields = {
  id: uuid,
  code: z.string(),
  origin: z.enum(INDICATOR_ORIGINS),
  targetNo: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  direction: z.enum(DIRECTIONS),
  valueSource: z.enum(VALUE_SOURCES),
  published: z.boolean(),
  status: z.enum(PROGRESS_STATUSES).nullable(),
  statusReason: z.enum(STATUS_REASONS).nullable(),
  latest: point.nullable(),
  /** the target judged by the status (see indicatorStatus.target); its bound for display */
  target: z
    .object({ year: z.number().int(), value: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable(), bound: z.enum(TARGET_BOUNDS) })
    .nullable(),
  baseline: point.nullable(),
};
export const indicatorListItem = z.object({ ...listFields, version: z.number().int() });
export type IndicatorListItem = z.infer<typeof indicatorListItem>;

/** What the caller may do with this indicator now: publish while it is unpublished, unpublish while it is published. */
export const indicatorAbilities = z.object({
  edit: z.boolean(),
  enterValues: z.boolean(),
  publish: z.boolean(),
  unpublish: z.boolean(),
  export: z.boolean(),
});
export const indicator = z.object({
  ...listFields,
  statementVi: z.string().nullable(),
  definitionVi: z.string().nullable(),
  definitionEn: z.string().nullable(),
  notes: z.string().nullable(),
  baselineDetail: baseline.nullable(),
  targets: z.array(target),
  computation: z.string().nullable(),
  consolidation: z.object({ formCode: z.string(), cellKey: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  values: z.array(indicatorValue),
  statusDetail: indicatorStatus,
  chart: indicatorChart,
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: indicatorAbilities,
});
export type Indicator = z.infer<typeof indicator>;

export const indicatorListQuery = listQuery
  .extend({
    /** a status, or "none" for indicators without a status */
    status: z.enum([...PROGRESS_STATUSES, "none"]).optional(),
    targetNo: z.string().trim().max(20).optional(),
    published: z.enum(["true", "false"]).optional(),
    valueSource: z.enum(VALUE_SOURCES).optional(),
  })
  .strict();
export type IndicatorListQuery = z.infer<typeof indicatorListQuery>;
/** sort keys: code (default), name, targetNo, status */
export const INDICATOR_SORTS = ["code", "name", "targetNo", "status"] as const;
export const indicatorExportQuery = indicatorListQuery
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(["csv", "xlsx"]) })
  .strict();
export const formatQuery = z.object({ format: z.enum(["csv", "xlsx"]) }).strict();

export const computationItem = z.object({ name: z.string(), descriptionVi: z.string(), descriptionEn: z.string(), unitVi: z.string() });
export type ComputationItem = z.infer<typeof computationItem>;
/** Computations over the people registry, whose figures the upkeep recounts and stores (staff may recount at once). */
export const REGISTRY_COMPUTATIONS = ["st_workforce", "postgraduate_share", "rd_staff_per_10k"] as const;
/** The registry figures behind the computed indicators, as stored by the upkeep or a staff refresh. */
export const registryFigures = z.object({
  asOf: z.string(),
  computedAt: z.string().nullable(),
  workforce: z.object({ total: z.number().int(), postgraduate: z.number().int() }),
});
export type RegistryFigures = z.infer<typeof registryFigures>;

// ─── input series ───
export const seriesValueInput = z
  .object({
    value: num,
    source: text(1000),
    note: optText(2000),
    /** derived or projected rather than an official figure */
    estimate: z.boolean().default(false),
    version: version.optional(),
  })
  .strict();
export type SeriesValueInput = z.input<typeof seriesValueInput>;
export const seriesValue = z.object({
  year: z.number().int(),
  value: z.number(),
  source: z.string(),
  note: z.string().nullable(),
  estimate: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SeriesValue = z.infer<typeof seriesValue>;
export const series = z.object({
  key: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  descriptionVi: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  values: z.array(seriesValue),
  abilities: z.object({ enterValues: z.boolean() }),
});
export type Series = z.infer<typeof series>;
export const seriesParams = z.object({ key: z.string().regex(SERIES_KEY_RE).max(60) });
export const seriesYearParams = seriesParams.extend({ year });

// ─── public ───
export const publicIndicatorQuery = listQuery
  .extend({ status: z.enum([...PROGRESS_STATUSES, "none"]).optional(), targetNo: z.string().trim().max(20).optional() })
  .strict();
export type PublicIndicatorQuery = z.infer<typeof publicIndicatorQuery>;
const { id: _id, published: _p, ...publicListFields } = listFields;
export const publicIndicatorItem = z.object(publicListFields);
export type PublicIndicatorItem = z.infer<typeof publicIndicatorItem>;
export const publicIndicatorValue = z.object({
  year: z.number().int(),
  value: z.number(),
  origin: z.enum(VALUE_SOURCES),
  source: z.string(),
  note: z.string().nullable(),
});
export const publicIndicator = publicIndicatorItem.extend({
  statementVi: z.string().nullable(),
  definitionVi: z.string().nullable(),
  definitionEn: z.string().nullable(),
  notes: z.string().nullable(),
  baselineDetail: baseline.nullable(),
  targets: z.array(target),
  publishedAt: z.string().nullable(),
  values: z.array(publicIndicatorValue),
  statusDetail: indicatorStatus,
  chart: indicatorChart,
  updatedAt: z.string(),
});
export type PublicIndicator = z.infer<typeof publicIndicator>;
export const publicCodeParams = z.object({ code: indicatorCode });
