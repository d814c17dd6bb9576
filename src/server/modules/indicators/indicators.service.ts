// Indicator commands and queries: list with filters and search, one indicator with its values,
// status and chart, definitions (staff), values per year with provenance (staff; optimistic concurrency per value),
// publish / unpublish (staff; audited), recounting the registry figures (staff; audited).
import { sql, type SQL } from "drizzle-orm";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, notFound, staleVersion } from "../../platform/errors.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { audit } from "../../platform/audit.js";
import { searchCondition } from "../../platform/list.js";
import { parseSort } from "../../../common/list.js";
import {
  INDICATOR_SORTS,
  type Indicator,
  type IndicatorInput,
  type IndicatorListItem,
  type IndicatorListQuery,
  type IndicatorUpdate,
  type IndicatorValueInput,
  indicatorInput,
  indicatorUpdate,
} from "../../../common/api/indicator.js";
import type { z } from "zod";
import { indicatorPolicy } from "./indicators.policy.js";
import { COMPUTATION_INFO, computations } from "./computations.js";
import { refreshRegistryFigures } from "./registry-figures.js";
import {
  baselineOf,
  chartOf,
  computeAll,
  iso,
  listItemOf,
  selectIndicators,
  statusRank,
  targetsOf,
  type Computed,
  type IndicatorRow,
} from "./indicators.read.js";

type ParsedInput = z.output<typeof indicatorInput>;
type ParsedUpdate = z.output<typeof indicatorUpdate>;

export function indicatorFilters(q: Partial<IndicatorListQuery>, opts: { publishedOnly?: boolean } = {}): SQL | undefined {
  const parts: SQL[] = [];
  const search = searchCondition(sql`i.search_text`, q.q);
  if (search) parts.push(search);
  if (q.targetNo) parts.push(sql`i.target_no = ${q.targetNo}`);
  if (opts.publishedOnly) parts.push(sql`i.published`);
  else if (q.published) parts.push(sql`i.published = ${q.published === "true"}`);
  if (q.valueSource) parts.push(sql`i.value_source = ${q.valueSource}`);
  return parts.length ? sql.join(parts, sql` AND `) : undefined;
}

/** Filter by status, then sort; shared by the list, the export and the public list. */
export function orderComputed(items: Computed[], q: Pick<IndicatorListQuery, "status" | "sort">): Computed[] {
  let out = items;
  if (q.status) out = out.filter((c) => (q.status === "none" ? c.status.status === null : c.status.status === q.status));
  const { key, desc } = parseSort(q.sort, INDICATOR_SORTS, "code");
  const cmpText = (a: string, b: string) => a.localeCompare(b, "vi");
  const cmp = (a: Computed, b: Computed): number => {
    switch (key) {
      case "name":
        return cmpText(a.row.name_vi, b.row.name_vi);
      case "targetNo":
        return cmpText(a.row.target_no ?? "~", b.row.target_no ?? "~") || a.row.sort_order - b.row.sort_order;
      case "status":
        return statusRank(a.status.status) - statusRank(b.status.status);
      default:
        return a.row.sort_order - b.row.sort_order || cmpText(a.row.code, b.row.code);
    }
  };
  return [...out].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)) || a.row.code.localeCompare(b.row.code));
}

export async function listIndicators(ctx: Ctx, q: IndicatorListQuery) {
  const rows = await selectIndicators(ctx.db, indicatorFilters(q));
  const all = orderComputed(await computeAll(ctx.db, ctx.clock.now(), rows), q);
  const page = all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return { items: page.map(listItemOf) as IndicatorListItem[], total: all.length, page: q.page, pageSize: q.pageSize };
}

export function present(ctx: Pick<Ctx, "actor">, c: Computed): Indicator {
  const { row, values, status } = c;
  const a = abilitiesOf(ctx.actor, indicatorPolicy, { published: row.published });
  return {
    ...listItemOf(c),
    statementVi: row.statement_vi,
    definitionVi: row.definition_vi,
    definitionEn: row.definition_en,
    notes: row.notes,
    baselineDetail: baselineOf(row),
    targets: targetsOf(row),
    computation: row.computation,
    consolidation:
      row.consolidation_form_code && row.consolidation_cell_key ? { formCode: row.consolidation_form_code, cellKey: row.consolidation_cell_key } : null,
    publishedAt: iso(row.published_at),
    values,
    statusDetail: status,
    chart: chartOf(row, values),
    updatedAt: iso(row.updated_at)!,
    abilities: { edit: a.edit, enterValues: a.enterValues, publish: a.publish, unpublish: a.unpublish, export: a.export },
  };
}

async function loadRow(db: Executor, id: string, lock = false): Promise<IndicatorRow> {
  const [row] = await selectIndicators(db, sql`i.id = ${id}`, lock);
  if (!row) throw notFound();
  return row;
}

async function computeOne(db: Executor, now: Date, row: IndicatorRow): Promise<Computed> {
  return (await computeAll(db, now, [row]))[0]!;
}

export async function getIndicator(ctx: Ctx, id: string): Promise<Indicator> {
  const row = await loadRow(ctx.db, id);
  authorize(ctx.actor, indicatorPolicy, "read", { published: row.published });
  return present(ctx, await computeOne(ctx.db, ctx.clock.now(), row));
}

export async function indicatorChart(ctx: Ctx, id: string) {
  return (await getIndicator(ctx, id)).chart;
}

export function listComputations() {
  return Object.keys(computations).map((name) => ({ name, ...COMPUTATION_INFO[name]! }));
}

/** Recounts the registry figures behind the computed indicators now, rather than at the upkeep's next run; audited. */
export async function refreshComputedFigures(ctx: Ctx) {
  return ctx.db.transaction(async (tx) => {
    const figures = await refreshRegistryFigures(tx, ctx.clock);
    await audit(tx, ctx, { action: "indicator.registry_refresh", entityType: "registry_figures", entityId: "workforce", after: figures });
    return figures;
  });
}

function checkSource(input: ParsedInput | ParsedUpdate) {
  if (input.valueSource === "computed") {
    if (!input.computation) throw badInput("indicator.computation_required", {}, [{ path: ["computation"], code: "required" }]);
    if (!Object.prototype.hasOwnProperty.call(computations, input.computation)) {
      throw badInput("indicator.computation_unknown", { name: input.computation }, [{ path: ["computation"], code: "unknown" }]);
    }
  }
  if (input.valueSource === "consolidated" && !input.consolidation) {
    throw badInput("indicator.consolidation_required", {}, [{ path: ["consolidation"], code: "required" }]);
  }
}

function definitionValues(input: ParsedInput | ParsedUpdate) {
  return sql`${input.targetNo}, ${input.nameVi}, ${input.nameEn}, ${input.statementVi}, ${input.unitVi}, ${input.unitEn},
    ${input.direction}, ${input.definitionVi}, ${input.definitionEn}, ${input.notes},
    ${input.baseline ? JSON.stringify(input.baseline) : null}::jsonb, ${JSON.stringify([...input.targets].sort((a, b) => a.year - b.year))}::jsonb,
    ${input.valueSource}, ${input.valueSource === "computed" ? input.computation : null},
    ${input.valueSource === "consolidated" ? input.consolidation!.formCode : null},
    ${input.valueSource === "consolidated" ? input.consolidation!.cellKey : null}`;
}

const snapshot = (r: IndicatorRow) => ({
  code: r.code,
  nameVi: r.name_vi,
  direction: r.direction,
  baseline: r.baseline,
  targets: r.targets,
  valueSource: r.value_source,
  computation: r.computation,
  published: r.published,
  version: r.version,
});

export async function createIndicator(ctx: Ctx, body: IndicatorInput): Promise<Indicator> {
  const input = indicatorInput.parse(body);
  checkSource(input);
  const id = await ctx.db.transaction(async (tx) => {
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO indicators (code, origin, target_no, name_vi, name_en, statement_vi, unit_vi, unit_en, direction, definition_vi,
             definition_en, notes, baseline, targets, value_source, computation, consolidation_form_code, consolidation_cell_key,
             created_by, updated_by, created_at, updated_at)
      VALUES (${input.code}, 'custom', ${definitionValues(input)}, ${ctx.actor!.userId}, ${ctx.actor!.userId}, ${ctx.clock.now()}, ${ctx.clock.now()})
      ON CONFLICT (code) DO NOTHING RETURNING id`);
    const id = r.rows[0]?.id;
    if (!id) throw new AppError("DUPLICATE", 409, "error.duplicate", [{ path: ["code"], code: "duplicate" }], { field: "code" });
    const row = await loadRow(tx, id);
    await audit(tx, ctx, { action: "indicator.create", entityType: "indicator", entityId: id, after: snapshot(row) });
    return id;
  });
  return getIndicator(ctx, id);
}

export async function updateIndicator(ctx: Ctx, id: string, body: IndicatorUpdate): Promise<Indicator> {
  const input = indicatorUpdate.parse(body);
  checkSource(input);
  await ctx.db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    authorize(ctx.actor, indicatorPolicy, "edit", { published: row.published });
    if (row.version !== input.version) throw staleVersion(present(ctx, await computeOne(tx, ctx.clock.now(), row)));
    await tx.execute(sql`
      UPDATE indicators SET (target_no, name_vi, name_en, statement_vi, unit_vi, unit_en, direction, definition_vi, definition_en,
             notes, baseline, targets, value_source, computation, consolidation_form_code, consolidation_cell_key)
           = (${definitionValues(input)}),
             updated_at = ${ctx.clock.now()}, updated_by = ${ctx.actor!.userId}, version = version + 1
       WHERE id = ${id} AND version = ${input.version}`);
    const after = await loadRow(tx, id);
    await audit(tx, ctx, { action: "indicator.update", entityType: "indicator", entityId: id, before: snapshot(row), after: snapshot(after) });
  });
  return getIndicator(ctx, id);
}

export async function putIndicatorValue(ctx: Ctx, id: string, year: number, input: IndicatorValueInput): Promise<Indicator> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    authorize(ctx.actor, indicatorPolicy, "enterValues", { published: row.published });
    const existing = await tx.execute<{ value: string; source: string; note: string | null; version: number }>(
      sql`SELECT value::text AS value, source, note, version FROM indicator_values WHERE indicator_id = ${id} AND year = ${year} FOR UPDATE`,
    );
    const before = existing.rows[0];
    const stale = async () => staleVersion(present(ctx, await computeOne(tx, ctx.clock.now(), row)));
    if (before) {
      if (input.version === undefined)
        throw new AppError("VERSION_CONFLICT", 409, "indicator.value_exists", { current: present(ctx, await computeOne(tx, ctx.clock.now(), row)) }, { year });
      if (Number(before.version) !== input.version) throw await stale();
      await tx.execute(sql`
        UPDATE indicator_values SET value = ${input.value}, source = ${input.source}, note = ${input.note ?? null},
               updated_at = ${ctx.clock.now()}, updated_by = ${ctx.actor!.userId}, version = version + 1
         WHERE indicator_id = ${id} AND year = ${year} AND version = ${input.version}`);
    } else {
      if (input.version !== undefined) throw await stale();
      await tx.execute(sql`
        INSERT INTO indicator_values (indicator_id, year, value, source, note, created_by, updated_by, created_at, updated_at)
        VALUES (${id}, ${year}, ${input.value}, ${input.source}, ${input.note ?? null}, ${ctx.actor!.userId}, ${ctx.actor!.userId}, ${ctx.clock.now()}, ${ctx.clock.now()})`);
    }
    await audit(tx, ctx, {
      action: "indicator.value_put",
      entityType: "indicator",
      entityId: id,
      before: before ? { year, value: Number(before.value), source: before.source, note: before.note, version: Number(before.version) } : null,
      after: { year, value: input.value, source: input.source, note: input.note ?? null },
    });
  });
  return getIndicator(ctx, id);
}

export async function deleteIndicatorValue(ctx: Ctx, id: string, year: number, version: number): Promise<Indicator> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    authorize(ctx.actor, indicatorPolicy, "enterValues", { published: row.published });
    const existing = await tx.execute<{ value: string; source: string; version: number }>(
      sql`SELECT value::text AS value, source, version FROM indicator_values WHERE indicator_id = ${id} AND year = ${year} FOR UPDATE`,
    );
    const before = existing.rows[0];
    if (!before) throw new AppError("NOT_FOUND", 404, "indicator.value_not_found", undefined, { year });
    if (Number(before.version) !== version) throw staleVersion(present(ctx, await computeOne(tx, ctx.clock.now(), row)));
    await tx.execute(sql`DELETE FROM indicator_values WHERE indicator_id = ${id} AND year = ${year} AND version = ${version}`);
    await audit(tx, ctx, {
      action: "indicator.value_delete",
      entityType: "indicator",
      entityId: id,
      before: { year, value: Number(before.value), source: before.source, version: Number(before.version) },
    });
  });
  return getIndicator(ctx, id);
}

export async function setPublished(ctx: Ctx, id: string, publish: boolean, version: number): Promise<Indicator> {
  await ctx.db.transaction(async (tx) => {
    const row = await loadRow(tx, id, true);
    authorize(ctx.actor, indicatorPolicy, "read", { published: row.published });
    if (row.version !== version) throw staleVersion(present(ctx, await computeOne(tx, ctx.clock.now(), row)));
    if (row.published === publish) {
      throw new AppError("INVALID_STATE", 409, publish ? "indicator.already_published" : "indicator.not_published", {
        current: present(ctx, await computeOne(tx, ctx.clock.now(), row)),
      });
    }
    authorize(ctx.actor, indicatorPolicy, publish ? "publish" : "unpublish", { published: row.published });
    await tx.execute(sql`
      UPDATE indicators SET published = ${publish}, published_at = ${publish ? ctx.clock.now() : null},
             published_by = ${publish ? ctx.actor!.userId : null}, updated_at = ${ctx.clock.now()}, updated_by = ${ctx.actor!.userId}, version = version + 1
       WHERE id = ${id} AND version = ${version}`);
    await audit(tx, ctx, {
      action: publish ? "indicator.publish" : "indicator.unpublish",
      entityType: "indicator",
      entityId: id,
      before: { published: row.published, version: row.version },
      after: { published: publish, version: row.version + 1 },
      details: { code: row.code },
    });
  });
  return getIndicator(ctx, id);
}
