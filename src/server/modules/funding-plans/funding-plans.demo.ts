// Demo data for the funding plan page (demo mode only): actual allocations for 2014–2020 at 78–96% of the planned city
// S&T budget, clearly marked as illustrative, and one what-if scenario by the demo officer. Never real figures.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { fundingPlanActuals, fundingPlanVersions } from "../../db/schema/index.js";
import { impliedInputs, PLAN_KEY, PRINTED_ROWS } from "../../../common/funding-plan/index.js";
import { syncBaselinePlan } from "./funding-plans.service.js";

const BILLION = 1_000_000_000;
const DEMO_SOURCE = "Số liệu minh hoạ của chế độ demo — không phải số liệu quyết toán thật";
// share of the planned city S&T budget actually allocated, and other sources as a share of the planned social investment
const REALISED: Record<number, [number, number | null]> = {
  2014: [0.92, 0.41],
  2015: [0.88, 0.44],
  2016: [0.81, 0.38],
  2017: [0.79, null],
  2018: [0.84, 0.36],
  2019: [0.9, 0.4],
  2020: [0.78, null],
};

export async function insertDemoFundingPlans(tx: Executor, now: Date) {
  await syncBaselinePlan(tx, now);
  const officer = await tx.execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'officer'`);
  const officerId = officer.rows[0]?.id ?? null;
  const rows = PRINTED_ROWS.filter((r) => r.year !== null).map((r) => {
    const [cityShare, otherShare] = REALISED[r.year!]!;
    const half = Math.round((r.cells.city_budget_total.value * cityShare * BILLION) / 2);
    return {
      year: r.year!,
      cityRecurrent: half,
      cityDevelopment: half,
      otherSources: otherShare === null ? null : Math.round(r.cells.social_total.value * otherShare * BILLION),
      source: DEMO_SOURCE,
      createdBy: officerId,
      updatedBy: officerId,
      createdAt: now,
      updatedAt: now,
    };
  });
  await tx.insert(fundingPlanActuals).values(rows).onConflictDoNothing();
  // a scenario: GDP 10% higher from 2018 and the city S&T share raised to 2.5% from 2019
  const inputs = impliedInputs(PRINTED_ROWS).map((i) => ({
    ...i,
    gdp: i.year >= 2018 ? Math.round(i.gdp * 1.1 * 1000) / 1000 : i.gdp,
    gdpImplied: i.year < 2018,
    cityBudgetSharePct: i.year >= 2019 ? 2.5 : i.cityBudgetSharePct,
    citySpendingImplied: true,
  }));
  const [base] = await tx
    .execute<{ id: string; next: number }>(
      sql`SELECT (SELECT id FROM funding_plan_versions WHERE plan_key = ${PLAN_KEY} AND kind = 'baseline') AS id,
                 (SELECT coalesce(max(number), 0) + 1 FROM funding_plan_versions WHERE plan_key = ${PLAN_KEY})::int AS next`,
    )
    .then((r) => r.rows);
  await tx
    .insert(fundingPlanVersions)
    .values({
      planKey: PLAN_KEY,
      number: base?.next ?? 2,
      kind: "scenario",
      name: "GRDP cao hơn 10% từ 2018, ngân sách KH&CN 2,5% chi từ 2019",
      note: "Kịch bản minh hoạ (chế độ demo)",
      basedOnId: base?.id ?? null,
      inputs,
      createdBy: officerId,
      createdAt: now,
    })
    .onConflictDoNothing();
}
