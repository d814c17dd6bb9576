// The payment ledger of a contract: payments on tranches, returns by Bên B, reversals — each recorded pending by a
// finance user and approved or rejected by another finance user or a leader. Every write locks the contract row and
// is checked as the lifecycle's `pay` / `decidePayment` command; the limits are the ledger arithmetic's
// (common/contract-ledger.ts). An entry carries its own version; the contract's does not move.
import { and, eq, sql } from "drizzle-orm";
import { contractPayments } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { badInput, notFound, staleVersion } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { guardFailed } from "../../platform/lifecycle.js";
import type { Payment, paymentInput } from "../../../common/api/contract.js";
import type { z } from "zod";
import { assertWithinLimits, conflict, loadLedger, lockForCommand, twoPerson, vnd, type ContractRow } from "./contracts.rules.js";
import { paymentResult } from "./contracts.read.js";

/** A terminated contract takes returns and reversals, no further payment. */
const noPaymentAfterTermination = (c: ContractRow) => {
  if (c.status === "terminated") throw guardFailed("contract.terminated_no_payment", {}, { status: c.status });
};

export async function recordPayment(ctx: Ctx, id: string, input: z.output<typeof paymentInput>): Promise<Payment> {
  return ctx.db.transaction(async (tx) => {
    const c = await lockForCommand(tx, ctx, id, "pay");
    if (input.kind === "payment") noPaymentAfterTermination(c);
    if (input.kind === "return" && input.source !== "city") throw badInput("error.invalid_value", {}, [{ path: "source", code: "invalid", message: "city" }]);
    const ledger = await loadLedger(tx, id);
    const trancheId = input.kind === "payment" ? input.trancheId! : null;
    assertWithinLimits(c, ledger, { kind: input.kind, trancheId, source: input.source, amount: input.amount }, false);
    const [row] = await tx
      .insert(contractPayments)
      .values({
        contractId: id,
        trancheId,
        kind: input.kind,
        source: input.source,
        amount: input.amount,
        paidOn: input.paidOn,
        reference: input.reference,
        note: input.note,
        status: "pending",
        preparedBy: ctx.actor!.userId,
        preparedAt: ctx.clock.now(),
      })
      .returning();
    await audit(tx, ctx, {
      action: `contract.${input.kind}.record`,
      entityType: "contract_payment",
      entityId: row.id,
      after: { contractId: id, trancheId, kind: row.kind, source: row.source, amount: row.amount, paidOn: row.paidOn, reference: row.reference },
    });
    return paymentResult(tx, ctx, c, row.id);
  });
}

export async function reversePayment(
  ctx: Ctx,
  id: string,
  paymentId: string,
  body: { amount: number; paidOn: string; reason: string; reference?: string | null },
): Promise<Payment> {
  return ctx.db.transaction(async (tx) => {
    const c = await lockForCommand(tx, ctx, id, "pay");
    const ledger = await loadLedger(tx, id);
    const original = ledger.payments.find((p) => p.id === paymentId);
    if (!original) throw notFound();
    if (original.status !== "approved" || original.kind === "reversal") throw conflict("REVERSAL_NOT_ALLOWED", "contract.reversal_not_allowed");
    const reversed = ledger.payments.filter((p) => p.reversesId === original.id && p.status !== "rejected").reduce((s, p) => s - p.amount, 0);
    const available = original.amount - reversed;
    if (body.amount > available) throw conflict("OVER_REVERSAL", "contract.reversal_exceeds", { available: vnd(available) }, { available });
    const [row] = await tx
      .insert(contractPayments)
      .values({
        contractId: id,
        trancheId: original.trancheId,
        kind: "reversal",
        source: original.source,
        amount: -body.amount,
        paidOn: body.paidOn,
        reference: body.reference ?? null,
        note: body.reason,
        reversesId: original.id,
        status: "pending",
        preparedBy: ctx.actor!.userId,
        preparedAt: ctx.clock.now(),
      })
      .returning();
    await audit(tx, ctx, {
      action: "contract.reversal.record",
      entityType: "contract_payment",
      entityId: row.id,
      after: { contractId: id, reverses: original.id, amount: row.amount, reason: body.reason },
    });
    return paymentResult(tx, ctx, c, row.id);
  });
}

export async function decidePayment(
  ctx: Ctx,
  id: string,
  paymentId: string,
  decision: "approve" | "reject",
  body: { version: number; note?: string | null },
): Promise<Payment> {
  return ctx.db.transaction(async (tx) => {
    // the contract row lock serialises decisions on one contract: limits are checked against committed approvals
    const c = await lockForCommand(tx, ctx, id, "decidePayment");
    const ledger = await loadLedger(tx, id);
    const p = ledger.payments.find((x) => x.id === paymentId);
    if (!p) throw notFound();
    if (p.status !== "pending") throw conflict("ALREADY_DECIDED", "contract.payment_decided", { status: p.status });
    if (p.version !== body.version) throw staleVersion(await paymentResult(tx, ctx, c, p.id));
    await twoPerson(tx, ctx, [["payment_recorder", p.preparedBy]]);
    if (decision === "approve") {
      if (p.kind === "payment") noPaymentAfterTermination(c);
      if (p.kind !== "reversal") assertWithinLimits(c, ledger, { kind: p.kind, trancheId: p.trancheId, source: p.source, amount: p.amount }, true);
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .update(contractPayments)
      .set({
        status: decision === "approve" ? "approved" : "rejected",
        decidedBy: ctx.actor!.userId,
        decidedAt: now,
        decisionNote: body.note ?? null,
        version: sql`${contractPayments.version} + 1`,
      })
      .where(and(eq(contractPayments.id, p.id), eq(contractPayments.status, "pending"), eq(contractPayments.version, body.version)))
      .returning({ id: contractPayments.id });
    if (!row) throw conflict("ALREADY_DECIDED", "contract.payment_decided", { status: "?" });
    await audit(tx, ctx, {
      action: `contract.${p.kind}.${decision}`,
      entityType: "contract_payment",
      entityId: p.id,
      before: { status: "pending" },
      after: { status: decision === "approve" ? "approved" : "rejected", amount: p.amount, preparedBy: p.preparedBy },
      details: body.note ? { note: body.note } : undefined,
    });
    return paymentResult(tx, ctx, c, p.id);
  });
}
