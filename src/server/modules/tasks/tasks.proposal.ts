// The one way the proposals module writes a task: a proposal IS a task at the first step of its call's process, so
// proposing creates that task and editing the proposal edits it — here, in the caller's transaction, audited on the
// task. The proposals module checks the call, the references and who may propose or edit before calling these.
import { and, eq, sql } from "drizzle-orm";
import { tasks } from "../../db/schema/index.js";
import type { Ctx, Tx } from "../../platform/context.js";
import { audit } from "../../platform/audit.js";
import type { TaskRow } from "./tasks.access.js";

/** What the proposer writes (the columns of the proposal form). */
export type ProposalFields = Pick<
  typeof tasks.$inferInsert,
  "titleVi" | "titleEn" | "taskType" | "fieldCode" | "sectorCode" | "rationale" | "objectives" | "expectedResults" | "proposedBudget" | "proposedMonths"
>;

export interface NewProposalTask extends ProposalFields {
  code: string;
  year: number;
  template: { key: string; version: number };
  /** the template's initial step */
  state: string;
  programmeId: string | null;
  proposalCallId: string;
  proposingOrganisationId: string | null;
}

/** Creates the task of a new proposal, proposed by the actor; returns its id. */
export async function insertProposalTask(tx: Tx, ctx: Ctx, p: NewProposalTask): Promise<string> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  const { template, ...rest } = p;
  const [row] = await tx
    .insert(tasks)
    .values({
      ...rest,
      templateKey: template.key,
      templateVersion: template.version,
      stateEnteredBy: actor.userId,
      stateEnteredAt: now,
      proposerUserId: actor.userId,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning();
  await audit(tx, ctx, {
    action: "task.propose",
    entityType: "task",
    entityId: row.id,
    after: { code: row.code, callId: p.proposalCallId, template: template.key, templateVersion: template.version, state: p.state },
  });
  return row.id;
}

/** Edits the proposal's task at `version` (the caller has checked the version and the step). */
export async function updateProposalTask(
  tx: Tx,
  ctx: Ctx,
  task: TaskRow,
  version: number,
  p: ProposalFields & { programmeId: string | null; proposingOrganisationId: string | null },
): Promise<void> {
  const [row] = await tx
    .update(tasks)
    .set({ ...p, updatedAt: ctx.clock.now(), updatedBy: ctx.actor!.userId, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, task.id), eq(tasks.version, version)))
    .returning();
  await audit(tx, ctx, {
    action: "task.proposal_update",
    entityType: "task",
    entityId: task.id,
    before: { titleVi: task.titleVi, proposedBudget: task.proposedBudget, version: task.version },
    after: { titleVi: row.titleVi, proposedBudget: row.proposedBudget, version: row.version },
  });
}
