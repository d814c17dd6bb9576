// The one way another module changes a task's terms once it runs under a contract: an approved contract amendment
// (contracts.amendments.ts) moves the task's end date, approved budget or PI with it, in the caller's transaction,
// audited on the task as `task.amend` with the values it replaced.
import { eq, sql } from "drizzle-orm";
import { tasks } from "../../db/schema/index.js";
import type { Ctx, Tx } from "../../platform/context.js";
import { audit } from "../../platform/audit.js";

export interface TaskAmendment {
  endDate?: string;
  approvedBudgetCity?: number;
  approvedBudgetOther?: number;
  piPersonId?: string;
}

export async function applyContractAmendment(
  tx: Tx,
  ctx: Ctx,
  taskId: string,
  set: TaskAmendment,
  previous: Record<string, unknown> | null,
  source: { contractId: string; amendmentId: string },
): Promise<void> {
  if (!Object.keys(set).length) return;
  await tx
    .update(tasks)
    .set({ ...set, updatedAt: ctx.clock.now(), updatedBy: ctx.actor!.userId, version: sql`${tasks.version} + 1` })
    .where(eq(tasks.id, taskId));
  await audit(tx, ctx, { action: "task.amend", entityType: "task", entityId: taskId, before: previous ?? undefined, after: { ...set }, details: source });
}
