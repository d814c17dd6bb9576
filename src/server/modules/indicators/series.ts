// Reading input series (population, GDP, city spending…) for indicators and the funding plan.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";

export interface SeriesPoint {
  year: number;
  value: number;
  source: string;
  estimate: boolean;
}

/** The values of the given series by key, ordered by year; a key without values maps to []. */
export async function readSeries(db: Executor, keys: readonly string[]): Promise<Record<string, SeriesPoint[]>> {
  const out: Record<string, SeriesPoint[]> = Object.fromEntries(keys.map((k) => [k, []]));
  if (!keys.length) return out;
  const { rows } = await db.execute<{ series_key: string; year: number; value: string; source: string; estimate: boolean }>(
    sql`SELECT series_key, year, value::text AS value, source, estimate
          FROM statistical_series_values
         WHERE series_key IN (SELECT jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
         ORDER BY series_key, year`,
  );
  for (const r of rows) out[r.series_key]!.push({ year: r.year, value: Number(r.value), source: r.source, estimate: r.estimate });
  return out;
}
