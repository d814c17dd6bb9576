// The S&T budget against its targets, per year (billion VND = tỷ đồng): the city S&T budget actually allocated
// (funding_plan_actuals: recurrent + development) against the city's total spending (series `city_spending`) and the
// 2%-of-spending target, the social S&T investment (city budget + other sources mobilised) against GDP (series `gdp`)
// and the stated %-of-GDP target (1.5% to 2015, 2% after), and the baseline plan's city budget and social investment.
// Years: the plan's years and every year with an actual record. Used by the funding plan page and the leadership
// dashboard.
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { fundingPlanActuals, fundingPlanVersions } from "../../db/schema/index.js";
import { clean, PLAN_KEY, recompute, statedShares } from "../../../common/funding-plan/index.js";
import { readSeries } from "../indicators/series.js";
import type { TrackingRow } from "../../../common/api/funding-plan.js";

const BILLION = 1_000_000_000;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

export async function budgetAgainstTargets(db: Executor): Promise<TrackingRow[]> {
  const [actuals, baseline, series] = await Promise.all([
    db.select().from(fundingPlanActuals).orderBy(asc(fundingPlanActuals.year)),
    db
      .select({ inputs: fundingPlanVersions.inputs, kind: fundingPlanVersions.kind })
      .from(fundingPlanVersions)
      .where(eq(fundingPlanVersions.planKey, PLAN_KEY)),
    readSeries(db, ["gdp", "city_spending"]),
  ]);
  const planned = new Map<number, { city: number | null; social: number | null }>();
  const base = baseline.find((b) => b.kind === "baseline");
  if (base) for (const y of recompute(base.inputs).years) planned.set(y.year, { city: y.values.city_budget_total, social: y.values.social_total });
  const byYear = new Map(actuals.map((a) => [a.year, a]));
  const gdp = new Map(series.gdp!.map((p) => [p.year, p]));
  const spending = new Map(series.city_spending!.map((p) => [p.year, p]));
  const years = [...new Set([...planned.keys(), ...byYear.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const a = byYear.get(year);
    const cityStBudget = a ? clean((a.cityRecurrent + a.cityDevelopment) / BILLION) : null;
    const socialInvestment = a && a.otherSources !== null ? clean((a.cityRecurrent + a.cityDevelopment + a.otherSources) / BILLION) : null;
    const s = spending.get(year) ?? null;
    const g = gdp.get(year) ?? null;
    const shares = statedShares(year);
    return {
      year,
      cityStBudget,
      citySpending: s ? s.value : null,
      sharePct: cityStBudget !== null && s && s.value > 0 ? round((cityStBudget / s.value) * 100) : null,
      gdp: g ? g.value : null,
      socialInvestment,
      socialPctGdp: socialInvestment !== null && g && g.value > 0 ? round((socialInvestment / g.value) * 100) : null,
      plannedCityStBudget: planned.get(year)?.city ?? null,
      plannedSocialInvestment: planned.get(year)?.social ?? null,
      targetCityStBudget: s ? clean((s.value * shares.cityBudgetSharePct) / 100) : null,
      targetSocialPctGdp: shares.socialSharePct,
      gdpSource: g ? g.source : null,
      citySpendingSource: s ? s.source : null,
    };
  });
}
