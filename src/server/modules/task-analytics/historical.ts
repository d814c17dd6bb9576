// Loads the plan's 1996–2012 figures (historical-data.ts) into historical_task_stats at every start, in demo mode or
// not: one upsert by metric id, which changes a stored row only when its content differs. Idempotent.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import type { HistoricalFigure } from "../../../common/api/task-analytics.js";
import { historicalTaskStats } from "../../db/schema/index.js";
import { HISTORICAL_TASK_FIGURES } from "./historical-data.js";

const COLUMNS = `metric_id, section, group_key, sector_code, output_type, position, label_vi, label_en, period, value,
  value_min, value_max, original, unit_vi, unit_en, qualifier_vi, qualifier_en, bound, normalized_value, normalized_unit,
  programme, ref_year, organisation_vi, note_en, source_line, source_quote`;

export async function syncHistoricalTaskStats(db: Executor, now: Date, figures: HistoricalFigure[] = HISTORICAL_TASK_FIGURES): Promise<number> {
  const json = JSON.stringify(figures);
  const updatable = COLUMNS.split(",")
    .map((c) => c.trim())
    .filter((c) => c !== "metric_id");
  const r = await db.execute(sql`
    INSERT INTO historical_task_stats (${sql.raw(COLUMNS)}, loaded_at)
    SELECT f."metricId", f.section, f."groupKey", f."sectorCode", f."outputType", f.position, f."labelVi", f."labelEn",
           f.period, f.value, f."valueMin", f."valueMax", f.original, f."unitVi", f."unitEn", f."qualifierVi",
           f."qualifierEn", f.bound, f."normalizedValue", f."normalizedUnit", f.programme, f."refYear",
           f."organisationVi", f."noteEn", f."sourceLine", f."sourceQuote", ${now.toISOString()}::timestamptz
      FROM jsonb_to_recordset(${json}::jsonb) AS f(
           "metricId" text, section text, "groupKey" text, "sectorCode" text, "outputType" text, position int,
           "labelVi" text, "labelEn" text, period text, value numeric, "valueMin" numeric, "valueMax" numeric,
           original text, "unitVi" text, "unitEn" text, "qualifierVi" text, "qualifierEn" text, bound text,
           "normalizedValue" numeric, "normalizedUnit" text, programme text, "refYear" int, "organisationVi" text,
           "noteEn" text, "sourceLine" int, "sourceQuote" text)
    ON CONFLICT (metric_id) DO UPDATE
       SET ${sql.raw(updatable.map((c) => `${c} = EXCLUDED.${c}`).join(", "))}, loaded_at = EXCLUDED.loaded_at
     WHERE (${sql.raw(updatable.map((c) => `historical_task_stats.${c}`).join(", "))})
           IS DISTINCT FROM (${sql.raw(updatable.map((c) => `EXCLUDED.${c}`).join(", "))})`);
  return r.rowCount ?? 0;
}

/** The stored figures, in the plan's order. */
export async function historicalFigures(db: Executor): Promise<HistoricalFigure[]> {
  const rows = await db.select().from(historicalTaskStats).orderBy(historicalTaskStats.position);
  return rows.map(({ loadedAt: _loadedAt, ...r }) => ({
    ...r,
    value: r.value === null ? null : Number(r.value),
    valueMin: r.valueMin === null ? null : Number(r.valueMin),
    valueMax: r.valueMax === null ? null : Number(r.valueMax),
    normalizedValue: r.normalizedValue === null ? null : Number(r.normalizedValue),
  }));
}
