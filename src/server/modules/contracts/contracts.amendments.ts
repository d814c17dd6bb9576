// Amendments (điều chỉnh hợp đồng): schedule (end date), content (products, terms), budget (value by source) or PI.
// Bên B or the Department's staff request one while the contract runs; a leader other than the requester approves it
// (the contract becomes "amended", the change applies to the contract and, through the tasks module, to the task, keeping
// the values it replaced) or rejects it. Both decisions are lifecycle commands of the contract (approveAmendment,
// rejectAmendment) versioned by the amendment; a budget change is absorbed by the last planned tranche that can take it.
import { and, asc, eq, sql } from "drizzle-orm";
import { contractAmendments, contractProducts, contractTranches, people } from "../../db/schema/index.js";
import type { Ctx, Tx } from "../../platform/context.js";
import { badInput, notFound, staleVersion } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { netOnContract, trancheSums } from "../../../common/contract-ledger.js";
import type { amendmentInput, Contract, ContractProductInput } from "../../../common/api/contract.js";
import type { z } from "zod";
import { applyContractAmendment, type TaskAmendment } from "../tasks/tasks.amend.js";
import { conflict, loadLedger, lockForCommand, twoPerson, vnd, type ContractRow } from "./contracts.rules.js";
import { contractCommand, replaceProducts } from "./contracts.commands.js";
import { getContract } from "./contracts.read.js";

type AmendmentInput = z.output<typeof amendmentInput>;
type AmendmentRow = typeof contractAmendments.$inferSelect;

function proposedOf(a: AmendmentInput): Record<string, unknown> {
  switch (a.kind) {
    case "schedule":
      return { endDate: a.endDate };
    case "content":
      return { ...(a.products ? { products: a.products } : {}), ...(a.terms !== undefined ? { terms: a.terms } : {}) };
    case "budget":
      return { ...(a.valueCity !== undefined ? { valueCity: a.valueCity } : {}), ...(a.valueOther !== undefined ? { valueOther: a.valueOther } : {}) };
    case "pi":
      return { piPersonId: a.piPersonId };
  }
}

/** Checks an amendment against the contract as it is now; answers how the plan absorbs a budget change. */
async function checkAmendment(tx: Tx, c: ContractRow, kind: AmendmentInput["kind"], proposed: Record<string, unknown>) {
  if (kind === "schedule" && (proposed.endDate as string) < c.startDate) throw badInput("contract.end_before_start", { start: c.startDate });
  if (kind === "pi") {
    const [p] = await tx
      .select({ id: people.id })
      .from(people)
      .where(eq(people.id, proposed.piPersonId as string));
    if (!p) throw badInput("error.invalid_reference", {}, [{ path: "piPersonId", code: "not_found", message: "" }]);
  }
  if (kind === "budget" && proposed.valueCity !== undefined) {
    const ledger = await loadLedger(tx, c.id);
    const value = proposed.valueCity as number;
    const used = netOnContract(ledger, "city", true);
    if (value < used) throw conflict("BUDGET_BELOW_DISBURSED", "contract.budget_below_disbursed", { value: vnd(value), disbursed: vnd(used) });
    const difference = value - c.valueCity;
    if (difference === 0) return null;
    // the last planned tranche that can take the difference
    const candidates = ledger.tranches.filter((t) => t.status === "planned").reverse();
    for (const t of candidates) {
      const s = trancheSums(ledger, t.id);
      const next = t.amountCity + difference;
      if (next >= s.paidCity + s.pendingCity && next + t.amountOther > 0) return { trancheId: t.id, from: t.amountCity, to: next };
    }
    throw conflict("PLAN_MISMATCH", "contract.budget_plan_absorb", { difference: vnd(difference) });
  }
  return null;
}

export async function requestAmendment(ctx: Ctx, id: string, input: AmendmentInput): Promise<Contract> {
  await ctx.db.transaction(async (tx) => {
    const c = await lockForCommand(tx, ctx, id, "requestAmendment");
    const proposed = proposedOf(input);
    await checkAmendment(tx, c, input.kind, proposed);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${contractAmendments.seq}), 0)::int + 1` })
      .from(contractAmendments)
      .where(eq(contractAmendments.contractId, id));
    const [row] = await tx
      .insert(contractAmendments)
      .values({
        contractId: id,
        seq: next,
        kind: input.kind,
        status: "pending",
        reason: input.reason,
        proposed,
        requestedBy: ctx.actor!.userId,
        requestedAt: ctx.clock.now(),
      })
      .returning();
    await audit(tx, ctx, {
      action: "contract.amendment.request",
      entityType: "contract",
      entityId: id,
      after: { amendmentId: row.id, seq: row.seq, kind: row.kind, proposed, reason: input.reason },
    });
  });
  return getContract(ctx, id);
}

/** The pending amendment of this contract at the version the caller read, decided by someone other than its requester. */
async function pendingAmendment(tx: Tx, ctx: Ctx, contractId: string, amendmentId: string, version: number): Promise<AmendmentRow> {
  const [a] = await tx
    .select()
    .from(contractAmendments)
    .where(and(eq(contractAmendments.id, amendmentId), eq(contractAmendments.contractId, contractId)));
  if (!a) throw notFound();
  if (a.status !== "pending") throw conflict("ALREADY_DECIDED", "contract.amendment_decided", { status: a.status });
  if (a.version !== version) throw staleVersion({ status: a.status, version: a.version });
  await twoPerson(tx, ctx, [["amendment_requester", a.requestedBy]]);
  return a;
}

async function closeAmendment(
  tx: Tx,
  ctx: Ctx,
  a: AmendmentRow,
  decision: "approve" | "reject",
  note: string | null,
  previous: Record<string, unknown> | null,
) {
  const [updated] = await tx
    .update(contractAmendments)
    .set({
      status: decision === "approve" ? "approved" : "rejected",
      previous,
      decidedBy: ctx.actor!.userId,
      decidedAt: ctx.clock.now(),
      decisionNote: note,
      version: sql`${contractAmendments.version} + 1`,
    })
    .where(and(eq(contractAmendments.id, a.id), eq(contractAmendments.status, "pending"), eq(contractAmendments.version, a.version)))
    .returning({ id: contractAmendments.id });
  if (!updated) throw conflict("ALREADY_DECIDED", "contract.amendment_decided", { status: "?" });
}

export async function decideAmendment(
  ctx: Ctx,
  id: string,
  amendmentId: string,
  decision: "approve" | "reject",
  body: { version: number; note?: string | null },
): Promise<Contract> {
  const note = body.note ?? null;
  const details = (a: AmendmentRow) => ({ amendmentId: a.id, seq: a.seq, kind: a.kind, requestedBy: a.requestedBy, note });
  if (decision === "reject") {
    let a: AmendmentRow;
    return contractCommand(ctx, id, "rejectAmendment", undefined, {
      guard: async (_c, tx) => {
        a = await pendingAmendment(tx, ctx, id, amendmentId, body.version);
      },
      effect: async (tx) => {
        await closeAmendment(tx, ctx, a, "reject", note, null);
        return { details: details(a) };
      },
    });
  }
  let a: AmendmentRow;
  let absorb: Awaited<ReturnType<typeof checkAmendment>> = null;
  const set: Record<string, unknown> = {};
  const taskSet: TaskAmendment = {};
  let previous: Record<string, unknown> | null = null;
  return contractCommand(ctx, id, "approveAmendment", undefined, {
    guard: async (c, tx) => {
      a = await pendingAmendment(tx, ctx, id, amendmentId, body.version);
      const p = a.proposed;
      absorb = await checkAmendment(tx, c, a.kind, p);
      if (a.kind === "schedule") {
        previous = { endDate: c.endDate };
        set.endDate = taskSet.endDate = p.endDate as string;
      } else if (a.kind === "content") {
        const products = await tx.select().from(contractProducts).where(eq(contractProducts.contractId, id)).orderBy(asc(contractProducts.position));
        previous = {
          products: products.map((x) => ({
            name: x.name,
            outputType: x.outputType,
            quantity: Number(x.quantity),
            unit: x.unit,
            qualityTarget: x.qualityTarget,
          })),
          terms: c.terms,
        };
        if (p.terms !== undefined) set.terms = p.terms as string | null;
      } else if (a.kind === "budget") {
        previous = { valueCity: c.valueCity, valueOther: c.valueOther, ...(absorb ? { tranche: { id: absorb.trancheId, amountCity: absorb.from } } : {}) };
        if (p.valueCity !== undefined) set.valueCity = taskSet.approvedBudgetCity = p.valueCity as number;
        if (p.valueOther !== undefined) set.valueOther = taskSet.approvedBudgetOther = p.valueOther as number;
      } else if (a.kind === "pi") {
        previous = { piPersonId: c.piPersonId };
        set.piPersonId = taskSet.piPersonId = p.piPersonId as string;
      }
    },
    set: () => set,
    effect: async (tx, c) => {
      if (a.kind === "content" && a.proposed.products) await replaceProducts(tx, id, a.proposed.products as ContractProductInput[]);
      if (absorb) await tx.update(contractTranches).set({ amountCity: absorb.to }).where(eq(contractTranches.id, absorb.trancheId));
      await applyContractAmendment(tx, ctx, c.taskId, taskSet, previous, { contractId: id, amendmentId: a.id });
      await closeAmendment(tx, ctx, a, "approve", note, previous);
      return { before: { ...previous }, after: { ...set }, details: details(a) };
    },
  });
}
