// Proposals (đề xuất đặt hàng): a proposal IS a task, created at the initial step of the process of its proposal
// call (calls.template_key), in the version in force on today's Vietnam date. Its code "NV-<year>-<NNNN>" comes from
// code_counters in the creating transaction, so concurrent proposals never share a number. The task itself is written
// by the tasks module (tasks.proposal.ts); this module checks the call, the references and the proposer.
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { organisations, programmes } from "../../db/schema/index.js";
import type { Ctx, Tx } from "../../platform/context.js";
import { AppError, badInput, forbidden, staleVersion } from "../../platform/errors.js";
import { nextNumber } from "../../platform/codes.js";
import { templateInForce } from "../../platform/workflow.js";
import { PROPOSAL_STEPS, type ProposalListQuery, type Task, type proposalInput, type proposalUpdate } from "../../../common/api/task.js";
import { assertCallAccepting } from "../calls/calls.service.js";
import { assertCodes } from "../reference/reference.service.js";
import { isTaskStaff } from "../tasks/tasks.access.js";
import { definitionOf, getTask, listTaskRows, presentTask, visibleTask } from "../tasks/tasks.service.js";
import { insertProposalTask, updateProposalTask } from "../tasks/tasks.proposal.js";
import { vietnamDate } from "../../platform/clock.js";

type Input = z.output<typeof proposalInput>;
type Update = z.output<typeof proposalUpdate>;

async function validate(ctx: Ctx, tx: Tx, input: Omit<Input, "callId">) {
  const day = vietnamDate(ctx.clock.now());
  await assertCodes(tx, day, "field", [input.fieldCode], "fieldCode");
  await assertCodes(tx, day, "sector", [input.sectorCode], "sectorCode");
  if (input.programmeId) {
    const [p] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, input.programmeId));
    if (!p) throw badInput("error.invalid_reference", {}, [{ path: "programmeId", code: "not_found", message: "" }]);
  }
  const org = input.proposingOrganisationId ?? ctx.actor!.organisationId;
  if (input.proposingOrganisationId) {
    if (!isTaskStaff(ctx.actor) && input.proposingOrganisationId !== ctx.actor!.organisationId) {
      throw badInput("task.proposal.org_not_own", {}, [{ path: "proposingOrganisationId", code: "not_own", message: "" }]);
    }
    const [o] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.proposingOrganisationId));
    if (!o) throw badInput("error.invalid_reference", {}, [{ path: "proposingOrganisationId", code: "not_found", message: "" }]);
  }
  return org;
}

const columns = (input: Omit<Input, "callId">) => ({
  titleVi: input.titleVi,
  titleEn: input.titleEn,
  taskType: input.taskType,
  fieldCode: input.fieldCode,
  sectorCode: input.sectorCode,
  rationale: input.rationale,
  objectives: input.objectives,
  expectedResults: input.expectedResults,
  proposedBudget: input.proposedBudget,
  proposedMonths: input.proposedMonths,
});

export async function createProposal(ctx: Ctx, input: Input): Promise<Task> {
  const now = ctx.clock.now();
  const today = vietnamDate(now);
  const year = Number(today.slice(0, 4));
  const id = await ctx.db.transaction(async (tx) => {
    const call = await assertCallAccepting(tx, input.callId, now);
    if (call.kind !== "proposal_collection") throw new AppError("CALL_NOT_ACCEPTING", 409, "task.proposal.call_not_proposal", { kind: call.kind });
    const org = await validate(ctx, tx, input);
    const template = await templateInForce(tx, call.templateKey, today);
    if (!template) throw new AppError("TEMPLATE_MISSING", 409, "task.template_missing", null, { key: call.templateKey, date: today });
    const initial = template.definition.steps.find((s) => s.kind === "initial")!.key;
    const n = await nextNumber(tx, `task:${year}`);
    return insertProposalTask(tx, ctx, {
      code: `NV-${year}-${String(n).padStart(4, "0")}`,
      ...columns(input),
      template: { key: template.key, version: template.version },
      state: initial,
      year,
      programmeId: input.programmeId ?? call.programmeId,
      proposalCallId: call.id,
      proposingOrganisationId: org,
    });
  });
  return getTask(ctx, id);
}

export async function updateProposal(ctx: Ctx, id: string, input: Update): Promise<Task> {
  const actor = ctx.actor!;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { task, ref } = await visibleTask(ctx, tx, id, true);
    if (task.proposerUserId !== actor.userId) throw forbidden();
    const def = await definitionOf(tx, task);
    if (task.state !== def.steps.find((s) => s.kind === "initial")?.key || !task.proposalCallId) {
      throw new AppError("INVALID_STATE", 409, "task.proposal.not_editable", { state: task.state, command: "update" });
    }
    await assertCallAccepting(tx, task.proposalCallId, now);
    if (task.version !== input.version) throw staleVersion(await presentTask(ctx, tx, task, ref));
    const org = await validate(ctx, tx, input);
    await updateProposalTask(tx, ctx, task, input.version, {
      ...columns(input),
      programmeId: input.programmeId ?? task.programmeId,
      proposingOrganisationId: org,
    });
  });
  return getTask(ctx, id);
}

export async function listProposals(ctx: Ctx, q: ProposalListQuery) {
  return listTaskRows(ctx, { ...q, states: PROPOSAL_STEPS }, "all", q);
}
