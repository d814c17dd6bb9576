// Public (no sign-in) indicators: only published ones — an unpublished or unknown code answers 404. What leaves is the
// definition, baseline and targets with their sources, the values with their provenance (not who entered them), the
// status and the chart data. Rate-limited per client address like the public results catalogue.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { hit } from "../../platform/auth/rate-limit.js";
import type { PublicIndicator, PublicIndicatorItem, PublicIndicatorQuery } from "../../../common/api/indicator.js";
import { computeAll, listItemOf, selectIndicators } from "./indicators.read.js";
import { indicatorFilters, orderComputed, present } from "./indicators.service.js";
import { indicatorFile, type DownloadFile, type Format } from "./indicators.export.js";

/** Requests per minute and client address on the public indicator routes. */
export const PUBLIC_INDICATOR_RATE_PER_MINUTE = 600;
const throttle = (ctx: Ctx) => hit(ctx.db, `public-indicators:ip:${ctx.ip ?? "?"}`, PUBLIC_INDICATOR_RATE_PER_MINUTE, 60, ctx.clock.now());

function publicItem(item: ReturnType<typeof listItemOf>): PublicIndicatorItem {
  const { id: _id, published: _p, version: _v, ...rest } = item;
  return rest;
}

export async function listPublicIndicators(ctx: Ctx, q: PublicIndicatorQuery) {
  await throttle(ctx);
  const rows = await selectIndicators(ctx.db, indicatorFilters(q, { publishedOnly: true }));
  const all = orderComputed(await computeAll(ctx.db, ctx.clock.now(), rows), q);
  return {
    items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((c) => publicItem(listItemOf(c))),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getPublicIndicator(ctx: Ctx, code: string): Promise<PublicIndicator> {
  await throttle(ctx);
  const [row] = await selectIndicators(ctx.db, sql`i.code = ${code} AND i.published`);
  if (!row) throw notFound();
  const [c] = await computeAll(ctx.db, ctx.clock.now(), [row]);
  const full = present({ actor: null }, c!);
  return {
    ...publicItem(listItemOf(c!)),
    statementVi: full.statementVi,
    definitionVi: full.definitionVi,
    definitionEn: full.definitionEn,
    notes: full.notes,
    baselineDetail: full.baselineDetail,
    targets: full.targets,
    publishedAt: full.publishedAt,
    values: full.values.map((v) => ({ year: v.year, value: v.value, origin: v.origin, source: v.source, note: v.note })),
    statusDetail: full.statusDetail,
    chart: full.chart,
    updatedAt: full.updatedAt,
  };
}

export async function publicIndicatorFile(ctx: Ctx, code: string, format: Format): Promise<DownloadFile> {
  const ind = await getPublicIndicator(ctx, code);
  return indicatorFile(ind, format, ctx.lang, false);
}
