// Demo data for indicators: publish the plan's indicators whose values the platform has or computes (human
// resources and the S&T budget), so the public pages show something. No invented figures: the values are the plan's
// own, the registry's computations and what users enter.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";

export const DEMO_PUBLISHED = [
  "t6.graduates_per_10k",
  "t6.rd_staff_per_10k",
  "t6.st_workforce",
  "t6.postgraduate_share",
  "t7.budget_share",
  "t7.social_investment",
];

export async function insertDemoIndicators(tx: Executor, now: Date): Promise<void> {
  // the definition's version is left alone: start-up keeps following the plan file for indicators nobody edited
  await tx.execute(sql`
    UPDATE indicators SET published = true, published_at = ${now.toISOString()}::timestamptz
     WHERE code IN (SELECT jsonb_array_elements_text(${JSON.stringify(DEMO_PUBLISHED)}::jsonb)) AND NOT published`);
}
