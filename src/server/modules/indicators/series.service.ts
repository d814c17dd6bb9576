// Input series (population, GDP, city spending): list with values; a value per year with its provenance, entered by
// staff with optimistic concurrency per value; every change audited. Readers use readSeries (series.ts).
import { sql } from "drizzle-orm";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, staleVersion } from "../../platform/errors.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { audit } from "../../platform/audit.js";
import type { Series, SeriesValueInput } from "../../../common/api/indicator.js";
import { seriesPolicy } from "./indicators.policy.js";

type SeriesRow = {
  key: string;
  name_vi: string;
  name_en: string;
  unit_vi: string;
  unit_en: string;
  description_vi: string | null;
  description_en: string | null;
};

async function load(db: Executor, ctx: Pick<Ctx, "actor">, key?: string): Promise<Series[]> {
  const defs = await db.execute<SeriesRow>(sql`
    SELECT key, name_vi, name_en, unit_vi, unit_en, description_vi, description_en FROM statistical_series
    ${key ? sql`WHERE key = ${key}` : sql``} ORDER BY key`);
  const values = await db.execute<{
    series_key: string;
    year: number;
    value: string;
    source: string;
    note: string | null;
    estimate: boolean;
    version: number;
    updated_at: string | Date;
  }>(sql`
    SELECT series_key, year, value::text AS value, source, note, estimate, version, updated_at FROM statistical_series_values
    ${key ? sql`WHERE series_key = ${key}` : sql``} ORDER BY series_key, year`);
  const abilities = abilitiesOf(ctx.actor, seriesPolicy, null);
  return defs.rows.map((d) => ({
    key: d.key,
    nameVi: d.name_vi,
    nameEn: d.name_en,
    unitVi: d.unit_vi,
    unitEn: d.unit_en,
    descriptionVi: d.description_vi,
    descriptionEn: d.description_en,
    values: values.rows
      .filter((v) => v.series_key === d.key)
      .map((v) => ({
        year: Number(v.year),
        value: Number(v.value),
        source: v.source,
        note: v.note,
        estimate: v.estimate,
        version: Number(v.version),
        updatedAt: new Date(v.updated_at).toISOString(),
      })),
    abilities: { enterValues: abilities.enterValues },
  }));
}

export async function listSeries(ctx: Ctx): Promise<Series[]> {
  return load(ctx.db, ctx);
}

async function one(db: Executor, ctx: Pick<Ctx, "actor">, key: string, lock = false): Promise<Series> {
  if (lock) await db.execute(sql`SELECT key FROM statistical_series WHERE key = ${key} FOR UPDATE`);
  const [s] = await load(db, ctx, key);
  if (!s) throw new AppError("NOT_FOUND", 404, "series.not_found", undefined, { key });
  return s;
}

export async function putSeriesValue(ctx: Ctx, key: string, year: number, input: SeriesValueInput): Promise<Series> {
  return ctx.db.transaction(async (tx) => {
    authorize(ctx.actor, seriesPolicy, "enterValues", null);
    const series = await one(tx, ctx, key, true);
    const before = series.values.find((v) => v.year === year);
    if (before) {
      if (input.version === undefined) throw new AppError("VERSION_CONFLICT", 409, "indicator.value_exists", { current: series }, { year });
      if (before.version !== input.version) throw staleVersion(series);
      await tx.execute(sql`
        UPDATE statistical_series_values SET value = ${input.value}, source = ${input.source}, note = ${input.note ?? null},
               estimate = ${input.estimate ?? false}, updated_at = ${ctx.clock.now()}, updated_by = ${ctx.actor!.userId}, version = version + 1
         WHERE series_key = ${key} AND year = ${year} AND version = ${input.version}`);
    } else {
      if (input.version !== undefined) throw staleVersion(series);
      await tx.execute(sql`
        INSERT INTO statistical_series_values (series_key, year, value, source, note, estimate, created_by, updated_by, created_at, updated_at)
        VALUES (${key}, ${year}, ${input.value}, ${input.source}, ${input.note ?? null}, ${input.estimate ?? false}, ${ctx.actor!.userId}, ${ctx.actor!.userId},
                ${ctx.clock.now()}, ${ctx.clock.now()})`);
    }
    await audit(tx, ctx, {
      action: "series.value_put",
      entityType: "statistical_series",
      entityId: key,
      before: before ? { year, value: before.value, source: before.source, estimate: before.estimate, version: before.version } : null,
      after: { year, value: input.value, source: input.source, estimate: input.estimate ?? false },
    });
    return one(tx, ctx, key);
  });
}

export async function deleteSeriesValue(ctx: Ctx, key: string, year: number, version: number): Promise<Series> {
  return ctx.db.transaction(async (tx) => {
    authorize(ctx.actor, seriesPolicy, "enterValues", null);
    const series = await one(tx, ctx, key, true);
    const before = series.values.find((v) => v.year === year);
    if (!before) throw new AppError("NOT_FOUND", 404, "indicator.value_not_found", undefined, { year });
    if (before.version !== version) throw staleVersion(series);
    await tx.execute(sql`DELETE FROM statistical_series_values WHERE series_key = ${key} AND year = ${year} AND version = ${version}`);
    await audit(tx, ctx, {
      action: "series.value_delete",
      entityType: "statistical_series",
      entityId: key,
      before: { year, value: before.value, source: before.source, version: before.version },
    });
    return one(tx, ctx, key);
  });
}
