// For the leadership dashboard: every indicator (or the published ones) with its status, latest value and the
// target judged. Same computation as the indicator pages (indicators.read.ts).
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import type { ProgressStatus } from "../../../common/indicators/progress.js";
import { computeAll, listItemOf, selectIndicators } from "./indicators.read.js";

export interface IndicatorSummaryItem {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  unitVi: string;
  unitEn: string;
  status: ProgressStatus | null;
  latest: { year: number; value: number } | null;
  target: { year: number | null; value: number | null } | null;
}

/** `shared`: figures the caller already fetches, keyed as the computations' memo (computations.ts SHARED_BUDGET). */
export async function indicatorStatusSummary(
  db: Executor,
  opts: { publishedOnly: boolean; now: Date; shared?: Map<string, Promise<unknown>> },
): Promise<IndicatorSummaryItem[]> {
  const rows = await selectIndicators(db, opts.publishedOnly ? sql`i.published` : undefined);
  const computed = await computeAll(db, opts.now, rows, opts.shared);
  return computed.map((c) => {
    const item = listItemOf(c);
    return {
      id: item.id,
      code: item.code,
      nameVi: item.nameVi,
      nameEn: item.nameEn,
      unitVi: item.unitVi,
      unitEn: item.unitEn,
      status: item.status,
      latest: item.latest,
      // the number judged (a range's bound by the direction), as used by the status
      target: c.status.target ? { year: c.status.target.year, value: c.status.target.value } : null,
    };
  });
}
