// Reading indicators: the stored definition and entered values, the derived values (computed / consolidated), the
// progress status (src/common/indicators/progress.ts) and the chart data (actual against the target path).
// The indicator set is small (the plan's targets plus what staff add: tens to a few hundred rows), so lists load every
// matching definition, compute status in memory and then filter, sort and page; each computation runs once per request.
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import type { StoredBaseline, StoredTarget } from "../../db/schema/indicators.js";
import { progressStatus, PROGRESS_STATUSES, type Direction, type Point, type TargetBound } from "../../../common/indicators/progress.js";
import { judgedTarget, targetPath } from "../../../common/indicators/targets.js";
import type { Baseline, IndicatorChart, IndicatorStatus, IndicatorValue, Target, ValueSource } from "../../../common/api/indicator.js";
import { computations } from "./computations.js";
import { consolidatedValues } from "./consolidated.js";
import { eachTogether, together } from "../../platform/together.js";
import { vietnamDate } from "../../platform/clock.js";

export type IndicatorRow = {
  id: string;
  code: string;
  origin: "seed" | "custom";
  target_no: string | null;
  name_vi: string;
  name_en: string;
  statement_vi: string | null;
  unit_vi: string;
  unit_en: string;
  direction: Direction;
  definition_vi: string | null;
  definition_en: string | null;
  notes: string | null;
  baseline: StoredBaseline | null;
  targets: StoredTarget[];
  value_source: ValueSource;
  computation: string | null;
  consolidation_form_code: string | null;
  consolidation_cell_key: string | null;
  published: boolean;
  published_at: string | Date | null;
  sort_order: number;
  updated_at: string | Date;
  version: number;
};

export const INDICATOR_COLUMNS = sql`i.id, i.code, i.origin, i.target_no, i.name_vi, i.name_en, i.statement_vi, i.unit_vi, i.unit_en,
  i.direction, i.definition_vi, i.definition_en, i.notes, i.baseline, i.targets, i.value_source, i.computation,
  i.consolidation_form_code, i.consolidation_cell_key, i.published, i.published_at, i.sort_order, i.updated_at, i.version`;

export async function selectIndicators(db: Executor, where: SQL | undefined, lock = false): Promise<IndicatorRow[]> {
  const r = await db.execute<IndicatorRow>(sql`SELECT ${INDICATOR_COLUMNS} FROM indicators i
    ${where ? sql`WHERE ${where}` : sql``} ORDER BY i.sort_order, i.code ${lock ? sql`FOR UPDATE` : sql``}`);
  return r.rows.map((x) => ({ ...x, sort_order: Number(x.sort_order), version: Number(x.version) }));
}

export interface EnteredValue {
  indicatorId: string;
  year: number;
  value: number;
  source: string;
  note: string | null;
  enteredBy: { id: string; name: string } | null;
  enteredAt: string;
  version: number;
}

export async function enteredValues(db: Executor, ids: string[]): Promise<Map<string, EnteredValue[]>> {
  const out = new Map<string, EnteredValue[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const r = await db.execute<{
    indicator_id: string;
    year: number;
    value: string;
    source: string;
    note: string | null;
    by_id: string | null;
    by_name: string | null;
    at: string | Date;
    version: number;
  }>(sql`
    SELECT v.indicator_id, v.year, v.value::text AS value, v.source, v.note, u.id AS by_id, u.display_name AS by_name, v.updated_at AS at, v.version
      FROM indicator_values v LEFT JOIN users u ON u.id = coalesce(v.updated_by, v.created_by)
     WHERE v.indicator_id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)
     ORDER BY v.indicator_id, v.year`);
  for (const x of r.rows) {
    out.get(x.indicator_id)?.push({
      indicatorId: x.indicator_id,
      year: Number(x.year),
      value: Number(x.value),
      source: x.source,
      note: x.note,
      enteredBy: x.by_id ? { id: x.by_id, name: x.by_name ?? "" } : null,
      enteredAt: new Date(x.at).toISOString(),
      version: Number(x.version),
    });
  }
  return out;
}

/** Per-request cache of derived values, so a computation or a consolidation runs once per list. */
export class DerivedValues {
  private cache = new Map<string, Promise<Array<{ year: number; value: number; source: string }>>>();
  constructor(
    private db: Executor,
    private now: Date,
    /** figures shared by several computations in this read (see ComputationOptions.memo) */
    private memo = new Map<string, Promise<unknown>>(),
  ) {}
  of(row: Pick<IndicatorRow, "value_source" | "computation" | "consolidation_form_code" | "consolidation_cell_key">) {
    if (row.value_source === "computed" && row.computation) {
      const name = row.computation;
      const fn = Object.prototype.hasOwnProperty.call(computations, name) ? computations[name] : undefined;
      if (!fn) return Promise.resolve([]);
      const key = "c:" + name;
      // A share or rate over a figure near zero can come out infinite: such a value is no value (as in consolidated.ts).
      if (!this.cache.has(key))
        this.cache.set(
          key,
          fn(this.db, { today: vietnamDate(this.now), memo: this.memo }).then((vs) => vs.filter((v) => Number.isFinite(v.value))),
        );
      return this.cache.get(key)!;
    }
    if (row.value_source === "consolidated" && row.consolidation_form_code && row.consolidation_cell_key) {
      const key = "s:" + row.consolidation_form_code + "\u0000" + row.consolidation_cell_key;
      if (!this.cache.has(key)) this.cache.set(key, consolidatedValues(this.db, row.consolidation_form_code, row.consolidation_cell_key));
      return this.cache.get(key)!;
    }
    return Promise.resolve([]);
  }
}

/** Entered values win over derived values of the same year. */
export function mergeValues(row: IndicatorRow, entered: EnteredValue[], derived: Array<{ year: number; value: number; source: string }>): IndicatorValue[] {
  const byYear = new Map<number, IndicatorValue>();
  for (const d of derived) {
    byYear.set(d.year, {
      year: d.year,
      value: d.value,
      origin: row.value_source,
      source: d.source,
      note: null,
      enteredBy: null,
      enteredAt: null,
      version: null,
    });
  }
  for (const e of entered) {
    byYear.set(e.year, {
      year: e.year,
      value: e.value,
      origin: "entered",
      source: e.source,
      note: e.note,
      enteredBy: e.enteredBy,
      enteredAt: e.enteredAt,
      version: e.version,
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

const toNum = (v: unknown): number | null => (v === null || v === undefined || v === "" ? null : Number(v));

export function baselineOf(row: IndicatorRow): Baseline | null {
  const b = row.baseline;
  if (!b) return null;
  return {
    value: Number(b.value),
    year: Number(b.year),
    period: b.period ?? null,
    labelVi: b.labelVi ?? null,
    labelEn: b.labelEn ?? null,
    sourceLine: toNum(b.sourceLine),
    quote: b.quote ?? null,
    note: b.note ?? null,
  };
}

export function targetsOf(row: IndicatorRow): Target[] {
  return (row.targets ?? [])
    .map((t) => ({
      year: Number(t.year),
      value: toNum(t.value),
      min: toNum(t.min),
      max: toNum(t.max),
      bound: t.bound as TargetBound,
      original: t.original ?? null,
      sourceLine: toNum(t.sourceLine),
      quote: t.quote ?? null,
      note: t.note ?? null,
    }))
    .sort((a, b) => a.year - b.year);
}

export function statusOf(row: IndicatorRow, values: readonly Point[]): IndicatorStatus {
  const b = baselineOf(row);
  const baseline = b ? { year: b.year, value: b.value } : null;
  const latestYear = values.length ? Math.max(...values.map((v) => v.year)) : null;
  const judged = judgedTarget(row.direction, targetsOf(row), latestYear);
  const target = judged ? { year: judged.year, value: judged.judged } : null;
  const r = progressStatus({ direction: row.direction, baseline, values, target });
  return {
    status: r.status,
    reason: r.reason,
    method: r.method,
    baseline,
    latest: r.latest,
    target,
    actualGrowth: r.actualGrowth,
    requiredGrowth: r.requiredGrowth,
    ratio: r.ratio,
  };
}

export function chartOf(row: IndicatorRow, values: readonly Point[]): IndicatorChart {
  const b = baselineOf(row);
  const targets = targetsOf(row);
  return {
    baseline: b ? { year: b.year, value: b.value } : null,
    actual: values.map((v) => ({ year: v.year, value: v.value })),
    targetPath: targetPath(row.direction, b ? { year: b.year, value: b.value } : null, targets),
    targets: targets.map((t) => ({ year: t.year, value: t.value, min: t.min, max: t.max, bound: t.bound })),
  };
}

/** Everything computed about one indicator. */
export interface Computed {
  row: IndicatorRow;
  values: IndicatorValue[];
  status: IndicatorStatus;
}

/** Values and status of each row. The derived values are fetched together (one query per distinct computation or
 *  consolidated cell; platform/together.ts); `shared` may carry figures the caller already has (e.g. "budget"). */
export async function computeAll(db: Executor, now: Date, rows: IndicatorRow[], shared?: Map<string, Promise<unknown>>): Promise<Computed[]> {
  const derived = new DerivedValues(db, now, shared);
  const [entered, derivedRows] = await together(db, [
    () =>
      enteredValues(
        db,
        rows.map((r) => r.id),
      ),
    () => eachTogether(db, rows, (row) => derived.of(row)),
  ]);
  return rows.map((row, i) => {
    const values = mergeValues(row, entered.get(row.id) ?? [], derivedRows[i]!);
    return { row, values, status: statusOf(row, values) };
  });
}

/** Rank for sorting by status: achieved first, no status last. */
export const statusRank = (s: IndicatorStatus["status"]) => (s === null ? PROGRESS_STATUSES.length : PROGRESS_STATUSES.indexOf(s));

export function listItemOf(c: Computed) {
  const { row, status } = c;
  const judged = status.target ? (targetsOf(row).find((t) => t.year === status.target!.year) ?? null) : null;
  return {
    id: row.id,
    code: row.code,
    origin: row.origin,
    targetNo: row.target_no,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    unitVi: row.unit_vi,
    unitEn: row.unit_en,
    direction: row.direction,
    valueSource: row.value_source,
    published: row.published,
    status: status.status,
    statusReason: status.reason,
    latest: status.latest,
    target: judged ? { year: judged.year, value: judged.value, min: judged.min, max: judged.max, bound: judged.bound } : null,
    baseline: status.baseline,
    version: row.version,
  };
}

export const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
