// Progress status of an indicator against its target — the Statistics Canada method used by Open SDG
// (https://open-sdg.org, "Progress Measurement Methodology"). Pure functions, no I/O.
//
// Growth is measured by the compound annual growth rate (CAGR) from the baseline (t0, y0) to the latest value (ti, yi):
//   CAGR_i = (yi / y0)^(1 / (ti − t0)) − 1
// With a quantitative target (tT, yT):
//   • the target is achieved when yi ≥ yT (direction "increase" / "at_least") or yi ≤ yT ("decrease" / "at_most");
//   • otherwise the growth required to reach it on time is CAGR_T = (yT / y0)^(1 / (tT − t0)) − 1 and the ratio
//     R = d · CAGR_i / |CAGR_T| (d = +1 for increase, −1 for decrease) is classed:
//       R ≥ 0.95 substantial progress ("on track"); 0.6 ≤ R < 0.95 moderate ("progress made but acceleration
//       needed"); 0 ≤ R < 0.6 limited; R < 0 deterioration (moving away from the target).
//   • a range target (e.g. 12–13 persons per 10,000) is judged against its lower bound when increasing (its upper
//     bound when decreasing).
// Without a quantitative target the observed growth d · CAGR_i alone is classed: ≥ 1.5 % substantial, 0.5–1.5 %
// moderate, 0–0.5 % limited, < 0 deterioration.
// No status (null) with a reason when the data do not allow it: no value, no baseline, the latest value not after the
// baseline year, a value ≤ 0 (a growth rate cannot be computed), or a growth rate or ratio too large for a number
// (e.g. a consolidated total of 1e300 against a baseline of 0.5).

export const PROGRESS_STATUSES = ["achieved", "substantial", "moderate", "limited", "deterioration"] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const STATUS_REASONS = [
  "no_values",
  "no_baseline",
  "latest_not_after_baseline",
  "non_positive_value",
  "target_not_after_baseline",
  "growth_out_of_range",
] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

/** Desired direction: increase / decrease toward a target year; at_least / at_most: a floor / ceiling to hold. */
export const DIRECTIONS = ["increase", "decrease", "at_least", "at_most"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How the plan states a target value. */
export const TARGET_BOUNDS = [
  "exact",
  "approximate", // khoảng
  "lower_bound", // trên (more than)
  "lower_bound_inclusive", // tối thiểu (at least)
  "upper_bound", // dưới (below)
  "upper_bound_inclusive", // đến (up to)
  "range", // 12 – 13
] as const;
export type TargetBound = (typeof TARGET_BOUNDS)[number];

export const STATUS_THRESHOLDS = { substantial: 0.95, moderate: 0.6, limited: 0 } as const;
export const TREND_THRESHOLDS = { substantial: 0.015, moderate: 0.005, limited: 0 } as const;

export interface Point {
  year: number;
  value: number;
}

export interface StatusInput {
  direction: Direction;
  baseline: Point | null;
  /** the indicator's values (any order); the latest year is used */
  values: readonly Point[];
  /** the target judged (year and the value to reach); null = no quantitative target */
  target: Point | null;
}

export interface StatusResult {
  status: ProgressStatus | null;
  reason: StatusReason | null;
  method: "target" | "trend" | null;
  latest: Point | null;
  actualGrowth: number | null;
  requiredGrowth: number | null;
  ratio: number | null;
}

/** +1 when higher is better, −1 when lower is better. */
export const sense = (d: Direction): 1 | -1 => (d === "decrease" || d === "at_most" ? -1 : 1);

/** Compound annual growth rate from (y0 at t0) to (y1 at t1); t1 > t0, y0 > 0, y1 > 0. */
export function cagr(y0: number, t0: number, y1: number, t1: number): number {
  return Math.pow(y1 / y0, 1 / (t1 - t0)) - 1;
}

export function latestPoint(values: readonly Point[]): Point | null {
  let best: Point | null = null;
  for (const v of values) if (Number.isFinite(v.value) && (!best || v.year > best.year)) best = v;
  return best;
}

export function isAchieved(direction: Direction, value: number, target: number): boolean {
  return sense(direction) === 1 ? value >= target : value <= target;
}

function classify(ratio: number, t: { substantial: number; moderate: number; limited: number }): ProgressStatus {
  if (ratio >= t.substantial) return "substantial";
  if (ratio >= t.moderate) return "moderate";
  if (ratio >= t.limited) return "limited";
  return "deterioration";
}

const none = (reason: StatusReason, latest: Point | null = null): StatusResult => ({
  status: null,
  reason,
  method: null,
  latest,
  actualGrowth: null,
  requiredGrowth: null,
  ratio: null,
});

/** The progress status of an indicator (see the method at the top of this file). */
export function progressStatus(input: StatusInput): StatusResult {
  const latest = latestPoint(input.values);
  if (!latest) return none("no_values");
  const d = sense(input.direction);
  const { target, baseline } = input;
  // A reached target needs no baseline.
  if (target && isAchieved(input.direction, latest.value, target.value)) {
    return { status: "achieved", reason: null, method: "target", latest, actualGrowth: null, requiredGrowth: null, ratio: null };
  }
  if (!baseline) return none("no_baseline", latest);
  if (latest.year <= baseline.year) return none("latest_not_after_baseline", latest);
  if (!(baseline.value > 0) || !(latest.value > 0)) return none("non_positive_value", latest);
  const actual = cagr(baseline.value, baseline.year, latest.value, latest.year);
  if (!Number.isFinite(actual)) return none("growth_out_of_range", latest);
  if (target) {
    if (target.year <= baseline.year) return none("target_not_after_baseline", latest);
    if (!(target.value > 0)) return none("non_positive_value", latest);
    const required = cagr(baseline.value, baseline.year, target.value, target.year);
    if (!Number.isFinite(required)) return none("growth_out_of_range", latest);
    // Required growth zero or against the desired direction: the baseline already met the target and the latest
    // value fell back (achieved was checked above) — moving away from the target.
    if (d * required <= 0) {
      return { status: "deterioration", reason: null, method: "target", latest, actualGrowth: actual, requiredGrowth: required, ratio: null };
    }
    const ratio = (d * actual) / Math.abs(required);
    if (!Number.isFinite(ratio)) return none("growth_out_of_range", latest);
    return { status: classify(ratio, STATUS_THRESHOLDS), reason: null, method: "target", latest, actualGrowth: actual, requiredGrowth: required, ratio };
  }
  return { status: classify(d * actual, TREND_THRESHOLDS), reason: null, method: "trend", latest, actualGrowth: actual, requiredGrowth: null, ratio: null };
}
