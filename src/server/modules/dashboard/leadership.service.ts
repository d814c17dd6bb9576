// The leadership dashboard: one request that gathers what each module already computes — indicator
// statuses, task counts and money from the trigger-kept task summary, the S&T budget against the 2% target, and the
// latest statistical period's completeness. Each part is one of those modules' own summary functions.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { PROGRESS_STATUSES } from "../../../common/indicators/progress.js";
import { STATUS_GROUPS, type StatusGroup } from "../../../common/api/task-analytics.js";
import type { LeadershipDashboard } from "../../../common/api/leadership.js";
import { indicatorStatusSummary } from "../indicators/indicators.summary.js";
import { SHARED_BUDGET } from "../indicators/computations.js";
import { analyticsGroups } from "../task-analytics/task-analytics.service.js";
import { budgetAgainstTargets } from "../funding-plans/funding-plans.summary.js";
import { reportingCompleteness } from "../statistics/statistics.summary.js";

/** The city's target: S&T spending ≥ 2% of the city budget's spending every year (the plan's target (7)). */
export const BUDGET_TARGET_SHARE_PCT = 2;

export async function leadershipDashboard(ctx: Ctx): Promise<LeadershipDashboard> {
  const db = ctx.db;
  // The budget tracking serves its own block and the two computed budget indicators: fetched once.
  const budget = budgetAgainstTargets(db);
  const [indicators, groups, money, years, reporting] = await Promise.all([
    indicatorStatusSummary(db, { publishedOnly: false, now: ctx.clock.now(), shared: new Map([[SHARED_BUDGET, budget]]) }),
    analyticsGroups(db, { origin: "platform", top: 1 }, "auto", ["total", "status"]),
    db.execute<{ active: number; disbursed: string | number }>(sql`
      SELECT (SELECT count(*) FROM contracts WHERE status IN ('signed', 'amended'))::int AS active,
             (SELECT coalesce(sum(amount), 0) FROM contract_payments
               WHERE status = 'approved' AND source = 'city' AND tranche_id IS NOT NULL)::bigint AS disbursed`),
    budget,
    reportingCompleteness(db, { now: ctx.clock.now() }),
  ]);
  const statusCount = new Map<string | null, number>();
  for (const i of indicators) statusCount.set(i.status, (statusCount.get(i.status) ?? 0) + 1);
  const total = groups.find((g) => g.dim === "total");
  const byGroup = new Map(groups.filter((g) => g.dim === "status").map((g) => [g.key as StatusGroup, g.n]));
  const m = money.rows[0]!;
  return {
    indicators: {
      byStatus: [...PROGRESS_STATUSES, null].map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
      items: indicators,
    },
    tasks: {
      total: total?.n ?? 0,
      byStatusGroup: STATUS_GROUPS.map((group) => ({ group, count: byGroup.get(group) ?? 0 })),
      approvedCity: Number(total?.city ?? 0),
      approvedOther: Number(total?.other ?? 0),
      activeContracts: m.active,
      disbursedCity: Number(m.disbursed),
    },
    budget: { targetSharePct: BUDGET_TARGET_SHARE_PCT, years },
    reporting,
  };
}
