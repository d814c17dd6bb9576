// The analytics summary (migration 0016): triggers on `tasks` append signed contributions per (dimension, key, year,
// origin) to task_stat_deltas in the same transaction as every task write. This file keeps the step → status group
// mapping the triggers read in step with the contract (written at start-up; a change rebuilds the summary). Upkeep
// folds the deltas (platform/maintenance.ts, SQL function task_stats_compact()).
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/context.js";
import { LIQUIDATED_WITHOUT_PASS, PROPOSED_MONEY_GROUPS, STEP_STATUS_GROUP, type StatusGroup } from "../../../common/api/task-analytics.js";

export interface StatusGroupRow {
  step: string;
  grp: StatusGroup;
  countsProposed: boolean;
  grpWithoutPass: StatusGroup | null;
  countsProposedWithoutPass: boolean;
}

/** The mapping as the triggers store it (the SQL names the passing grades "excellent" and "pass"). */
export function statusGroupRows(): StatusGroupRow[] {
  const proposed = (g: StatusGroup | null) => !!g && PROPOSED_MONEY_GROUPS.includes(g);
  return Object.entries(STEP_STATUS_GROUP).map(([step, grp]) => {
    const without = step === LIQUIDATED_WITHOUT_PASS.step ? LIQUIDATED_WITHOUT_PASS.group : null;
    return { step, grp, countsProposed: proposed(grp), grpWithoutPass: without, countsProposedWithoutPass: proposed(without) };
  });
}

/**
 * Writes the mapping when it differs from the stored one and then rebuilds the summary, in one transaction under an
 * advisory lock (several app servers may start together). Answers whether it rebuilt.
 */
export async function syncTaskStatusGroups(db: Db): Promise<boolean> {
  const want = statusGroupRows();
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('khcn:task_status_groups'))`);
    const have = await tx.execute<{
      step: string;
      grp: string;
      counts_proposed: boolean;
      grp_without_pass: string | null;
      counts_proposed_without_pass: boolean;
    }>(sql`SELECT step, grp, counts_proposed, grp_without_pass, counts_proposed_without_pass FROM task_status_groups ORDER BY step`);
    const key = (r: StatusGroupRow) => JSON.stringify([r.step, r.grp, r.countsProposed, r.grpWithoutPass, r.countsProposedWithoutPass]);
    const stored = have.rows
      .map((r) =>
        key({
          step: r.step,
          grp: r.grp as StatusGroup,
          countsProposed: r.counts_proposed,
          grpWithoutPass: r.grp_without_pass as StatusGroup | null,
          countsProposedWithoutPass: r.counts_proposed_without_pass,
        }),
      )
      .sort();
    if (JSON.stringify(stored) === JSON.stringify(want.map(key).sort())) return false;
    await tx.execute(sql`DELETE FROM task_status_groups`);
    await tx.execute(sql`
      INSERT INTO task_status_groups (step, grp, counts_proposed, grp_without_pass, counts_proposed_without_pass)
      SELECT r.step, r.grp, r."countsProposed", r."grpWithoutPass", r."countsProposedWithoutPass"
        FROM jsonb_to_recordset(${JSON.stringify(want)}::jsonb)
          AS r(step text, grp text, "countsProposed" boolean, "grpWithoutPass" text, "countsProposedWithoutPass" boolean)`);
    await tx.execute(sql`SELECT task_stats_rebuild()`);
    return true;
  });
}
