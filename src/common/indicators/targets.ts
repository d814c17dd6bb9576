// Which target a status is judged against, and the target path drawn on the chart. Pure functions, no I/O.
import { sense, type Direction, type Point, type TargetBound } from "./progress.js";

export interface TargetLike {
  year: number;
  value: number | null;
  min: number | null;
  max: number | null;
  bound: TargetBound | string;
}

/** The number a target asks for: its value; for a range the lower bound when higher is better (increase,
 *  at_least), the upper bound when lower is better (decrease, at_most) — the least that satisfies it. */
export function targetValue(direction: Direction, t: TargetLike): number | null {
  if (t.value !== null && t.value !== undefined) return t.value;
  const lowerIsBetter = sense(direction) === -1;
  const v = lowerIsBetter ? (t.max ?? t.min) : (t.min ?? t.max);
  return v ?? null;
}

/** The target judged for a latest value in `year`: the first target whose year is not before it, else the last
 *  one (past its year the last target still applies). Targets without a number are skipped. */
export function judgedTarget<T extends TargetLike>(direction: Direction, targets: readonly T[], year: number | null): (T & { judged: number }) | null {
  const usable = targets
    .map((t) => ({ ...t, judged: targetValue(direction, t) }))
    .filter((t): t is T & { judged: number } => t.judged !== null && Number.isFinite(t.judged))
    .sort((a, b) => a.year - b.year);
  if (!usable.length) return null;
  if (year === null) return usable[usable.length - 1]!;
  return usable.find((t) => t.year >= year) ?? usable[usable.length - 1]!;
}

/** One point per year from the baseline to the last target: between two anchors (the baseline, then each target in
 *  year order) the value grows at the constant compound rate that joins them (the "required growth" of the status
 *  method), or linearly when either anchor is not positive. Without a baseline the path starts at the first target.
 *  Several targets in the same year: the last one listed counts. */
export function targetPath(direction: Direction, baseline: Point | null, targets: readonly TargetLike[]): Point[] {
  const anchors: Point[] = [];
  const byYear = new Map<number, number>();
  for (const t of [...targets].sort((a, b) => a.year - b.year)) {
    const v = targetValue(direction, t);
    if (v !== null && Number.isFinite(v)) byYear.set(t.year, v);
  }
  if (baseline && Number.isFinite(baseline.value)) anchors.push({ year: baseline.year, value: baseline.value });
  for (const [year, value] of [...byYear].sort((a, b) => a[0] - b[0])) {
    if (anchors.length && year <= anchors[anchors.length - 1]!.year) continue;
    anchors.push({ year, value });
  }
  if (!anchors.length) return [];
  const out: Point[] = [{ ...anchors[0]! }];
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    const span = b.year - a.year;
    for (let y = a.year + 1; y <= b.year; y++) {
      const k = (y - a.year) / span;
      const value = y === b.year ? b.value : a.value > 0 && b.value > 0 ? geometric(a.value, b.value, k) : a.value + (b.value - a.value) * k;
      out.push({ year: y, value });
    }
  }
  return out;
}

/** The point a fraction k of the way from a to b (both > 0) at a constant compound rate: a·(b/a)^k, or in logarithms
 *  when b/a is too large (or too small) for a number — the result lies between a and b, so it is always finite. */
function geometric(a: number, b: number, k: number): number {
  const ratio = b / a;
  if (Number.isFinite(ratio) && ratio > 0) return a * Math.pow(ratio, k);
  return Math.exp((1 - k) * Math.log(a) + k * Math.log(b));
}
