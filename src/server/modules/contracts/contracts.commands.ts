// The contract's own commands: draw up for an approved task, edit the draft, sign, the disbursement plan and its
// tranches, the settled expenditure, terminate, liquidate. Each but the first runs through the lifecycle kit
// (contracts.lifecycle.ts): the contract row locked, 404/403/409 INVALID_STATE, the command's conditions, the guarded
// UPDATE with the caller's version, its effect and one audit row `contract.<command>`. The rules are in
// contracts.rules.ts.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { contractAmendments, contractProducts, contracts, contractTranches, taskDossierProducts, tasks } from "../../db/schema/index.js";
import type { Ctx, Tx } from "../../platform/context.js";
import { badInput, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { nextNumber } from "../../platform/codes.js";
import { guardFailed, runCommand, type AuditExtra, type CommandRun } from "../../platform/lifecycle.js";
import { vietnamDate } from "../../platform/clock.js";
import { netOnContract, planSum, settlementOf, trancheSums } from "../../../common/contract-ledger.js";
import type { Contract, ContractProductInput, contractUpdate, disbursementPlanInput } from "../../../common/api/contract.js";
import type { z } from "zod";
import { contractLifecycle, type ContractCommand } from "./contracts.lifecycle.js";
import { approvedCityBudget, conflict, loadLedger, loadRow, ref, snapshot, twoPerson, vnd, type ContractRow } from "./contracts.rules.js";
import { getContract, present } from "./contracts.read.js";

/** Runs a contract command through the kit and answers the contract as it is after it. */
export async function contractCommand(
  ctx: Ctx,
  id: string,
  command: ContractCommand,
  version: number | undefined,
  run: Pick<CommandRun<Contract["status"], ContractCommand, ReturnType<typeof ref>, ContractRow>, "guard" | "set" | "effect" | "details">,
): Promise<Contract> {
  await runCommand(ctx, contractLifecycle, {
    id,
    command,
    version,
    load: (tx, rowId, forUpdate) => loadRow(tx, rowId, forUpdate),
    refOf: ref,
    present: (row, tx) => present(tx, ctx, row),
    ...run,
  });
  return getContract(ctx, id);
}

export async function replaceProducts(tx: Tx, contractId: string, products: ContractProductInput[]) {
  await tx.delete(contractProducts).where(eq(contractProducts.contractId, contractId));
  if (products.length)
    await tx.insert(contractProducts).values(
      products.map((p, i) => ({
        contractId,
        position: i + 1,
        name: p.name,
        outputType: p.outputType,
        quantity: p.quantity,
        unit: p.unit,
        qualityTarget: p.qualityTarget,
      })),
    );
}

/** The next number of the year's contracts, e.g. "05/2026/HĐ-KHCN" (counter incremented in the caller's transaction). */
async function nextContractNumber(tx: Tx, year: number): Promise<string> {
  const n = await nextNumber(tx, `contract:${year}`);
  return `${String(n).padStart(2, "0")}/${year}/HĐ-KHCN`;
}

/** Draws up the contract of an approved task: parties, value, period and products from the task and its dossier. */
export async function createContract(ctx: Ctx, input: { taskId: string }): Promise<Contract> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId)).for("update");
    if (!task) throw badInput("error.invalid_reference", {}, [{ path: "taskId", code: "not_found", message: "" }]);
    if (task.state !== "approved") throw guardFailed("contract.task_not_approved", { state: task.state }, { state: task.state });
    const missing = [
      !task.piPersonId && "piPersonId",
      !task.leadOrganisationId && "leadOrganisationId",
      task.approvedBudgetCity === null && "approvedBudgetCity",
      !task.startDate && "startDate",
      !task.endDate && "endDate",
    ].filter((x): x is string => !!x);
    if (missing.length) throw conflict("TASK_INCOMPLETE", "contract.task_incomplete", { fields: missing.join(", ") }, { missing });
    const [existing] = await tx.select({ number: contracts.number }).from(contracts).where(eq(contracts.taskId, task.id));
    if (existing) throw conflict("DUPLICATE", "contract.exists", { number: existing.number });
    const year = Number(vietnamDate(now).slice(0, 4));
    const number = await nextContractNumber(tx, year);
    const [row] = await tx
      .insert(contracts)
      .values({
        taskId: task.id,
        number,
        year,
        status: "draft",
        partyAName: ctx.config.documents.officeName,
        partyBOrganisationId: task.leadOrganisationId!,
        piPersonId: task.piPersonId!,
        valueCity: task.approvedBudgetCity!,
        valueOther: task.approvedBudgetOther ?? 0,
        startDate: task.startDate!,
        endDate: task.endDate!,
        preparedBy: ctx.actor!.userId,
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor!.userId,
        updatedBy: ctx.actor!.userId,
      })
      .returning();
    if (task.selectedDossierId) {
      const products = await tx
        .select()
        .from(taskDossierProducts)
        .where(eq(taskDossierProducts.dossierId, task.selectedDossierId))
        .orderBy(asc(taskDossierProducts.position));
      await replaceProducts(
        tx,
        row.id,
        products.map((p) => ({
          name: p.name,
          outputType: p.outputType as ContractProductInput["outputType"],
          quantity: Number(p.quantity),
          unit: p.unit,
          qualityTarget: p.qualityTarget,
        })),
      );
    }
    await audit(tx, ctx, { action: "contract.create", entityType: "contract", entityId: row.id, after: snapshot(row), details: { taskId: task.id } });
    return row.id;
  });
  return getContract(ctx, id);
}

async function assertWithinApproved(tx: Tx, c: ContractRow, valueCity: number) {
  const approved = await approvedCityBudget(tx, c.taskId);
  if (valueCity > approved) throw conflict("VALUE_EXCEEDS_APPROVED", "contract.value_exceeds_approved", { value: vnd(valueCity), approved: vnd(approved) });
}

const afterSnapshot = async (tx: Tx, before: ContractRow): Promise<AuditExtra> => ({
  before: snapshot(before),
  after: snapshot((await loadRow(tx, before.id))!),
});

/** Edits the draft: representatives, value, period, terms and products. */
export async function updateContract(ctx: Ctx, id: string, input: z.output<typeof contractUpdate>): Promise<Contract> {
  return contractCommand(ctx, id, "update", input.version, {
    guard: (c, tx) => assertWithinApproved(tx, c, input.valueCity),
    set: () => ({
      partyARepresentative: input.partyARepresentative,
      partyBRepresentative: input.partyBRepresentative,
      valueCity: input.valueCity,
      valueOther: input.valueOther,
      startDate: input.startDate,
      endDate: input.endDate,
      terms: input.terms,
    }),
    effect: async (tx, before) => {
      await replaceProducts(tx, id, input.products);
      return { ...(await afterSnapshot(tx, before)), details: { products: input.products.length } };
    },
  });
}

/**
 * Signs the draft: someone other than its preparer and last editor, signing dates not in the future, the value within
 * the approved budget, at least one product, and a plan that adds up to the city value.
 */
export async function signContract(ctx: Ctx, id: string, body: { version: number; partyASignedOn: string; partyBSignedOn: string }): Promise<Contract> {
  const now = ctx.clock.now();
  return contractCommand(ctx, id, "sign", body.version, {
    guard: async (c, tx) => {
      await twoPerson(tx, ctx, [
        ["sign_preparer", c.preparedBy],
        ["sign_editor", c.updatedBy],
      ]);
      const today = vietnamDate(now);
      if (body.partyASignedOn > today || body.partyBSignedOn > today) throw badInput("contract.signed_in_future", { today });
      await assertWithinApproved(tx, c, c.valueCity);
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(contractProducts)
        .where(eq(contractProducts.contractId, id));
      if (!n) throw conflict("NO_PRODUCTS", "contract.no_products");
      const sum = planSum(await loadLedger(tx, id));
      if (sum !== c.valueCity) throw conflict("PLAN_MISMATCH", "contract.plan_sum", { sum: vnd(sum), value: vnd(c.valueCity) }, { sum, value: c.valueCity });
    },
    set: () => ({ signedBy: ctx.actor!.userId, signedAt: now, partyASignedOn: body.partyASignedOn, partyBSignedOn: body.partyBSignedOn }),
    details: { partyASignedOn: body.partyASignedOn, partyBSignedOn: body.partyBSignedOn },
    effect: async (_tx, c) => ({ details: { preparedBy: c.preparedBy } }),
  });
}

/**
 * Replaces the disbursement plan: existing tranches keep their id and payments (never below what is paid or pending on
 * them), a tranche with payments is not removed, cancelled tranches stay at the end, and the planned city amounts plus
 * what was paid on cancelled tranches add up to the contract's city value.
 */
export async function savePlan(ctx: Ctx, id: string, body: z.output<typeof disbursementPlanInput>): Promise<Contract> {
  const kept = new Set<string>();
  let before: { id: string; kind: string; amountCity: number; amountOther: number; plannedDate: string }[] = [];
  return contractCommand(ctx, id, "plan", body.version, {
    guard: async (c, tx) => {
      const ledger = await loadLedger(tx, id);
      before = ledger.tranches.map((t) => ({ id: t.id, kind: t.kind, amountCity: t.amountCity, amountOther: t.amountOther, plannedDate: t.plannedDate }));
      const byId = new Map(ledger.tranches.map((t) => [t.id, t]));
      for (const t of body.tranches) {
        if (!t.id) continue;
        const old = byId.get(t.id);
        if (!old) throw badInput("contract.tranche_not_found", {}, [{ path: "tranches", code: "not_found", message: t.id }]);
        if (old.status === "cancelled") throw conflict("TRANCHE_CANCELLED", "contract.tranche_cancelled");
        const s = trancheSums(ledger, t.id);
        const usedCity = s.paidCity + s.pendingCity;
        const usedOther = s.paidOther + s.pendingOther;
        if (t.amountCity < usedCity || t.amountOther < usedOther)
          throw conflict("TRANCHE_BELOW_PAID", "contract.tranche_below_paid", { label: old.label, paid: vnd(Math.max(usedCity, usedOther)) });
        kept.add(t.id);
      }
      for (const old of ledger.tranches) {
        if (old.status === "planned" && !kept.has(old.id) && ledger.payments.some((p) => p.trancheId === old.id))
          throw conflict("TRANCHE_HAS_PAYMENTS", "contract.tranche_has_payments", { label: old.label });
      }
      const sum = planSum(
        ledger,
        body.tranches.map((t) => t.amountCity),
      );
      if (sum !== c.valueCity) throw conflict("PLAN_MISMATCH", "contract.plan_sum", { sum: vnd(sum), value: vnd(c.valueCity) }, { sum, value: c.valueCity });
    },
    effect: async (tx) => {
      const ledger = await loadLedger(tx, id);
      // positions: the plan in the order given, then the cancelled tranches (kept for the record)
      await tx
        .update(contractTranches)
        .set({ position: sql`-${contractTranches.position}` })
        .where(eq(contractTranches.contractId, id));
      const removed = ledger.tranches.filter((t) => t.status === "planned" && !kept.has(t.id)).map((t) => t.id);
      if (removed.length) await tx.delete(contractTranches).where(inArray(contractTranches.id, removed));
      let pos = 0;
      for (const t of body.tranches) {
        const values = {
          kind: t.kind,
          label: t.label,
          plannedDate: t.plannedDate,
          amountCity: t.amountCity,
          amountOther: t.amountOther,
          condition: t.condition,
          position: ++pos,
        };
        if (t.id) await tx.update(contractTranches).set(values).where(eq(contractTranches.id, t.id));
        else await tx.insert(contractTranches).values({ ...values, contractId: id });
      }
      for (const t of ledger.tranches.filter((x) => x.status === "cancelled"))
        await tx.update(contractTranches).set({ position: ++pos }).where(eq(contractTranches.id, t.id));
      return {
        before: { tranches: before },
        after: {
          tranches: body.tranches.map((t) => ({
            id: t.id ?? null,
            kind: t.kind,
            amountCity: t.amountCity,
            amountOther: t.amountOther,
            plannedDate: t.plannedDate,
          })),
        },
      };
    },
  });
}

/** Cancels a planned tranche with nothing pending on it, with a reason; what was paid on it stays in the plan's sum. */
export async function cancelTranche(ctx: Ctx, id: string, trancheId: string, body: { version: number; reason: string }): Promise<Contract> {
  let details: Record<string, unknown> = {};
  return contractCommand(ctx, id, "cancelTranche", body.version, {
    guard: async (_c, tx) => {
      const ledger = await loadLedger(tx, id);
      const t = ledger.tranches.find((x) => x.id === trancheId);
      if (!t) throw notFound();
      if (t.status === "cancelled") throw conflict("TRANCHE_CANCELLED", "contract.tranche_cancelled");
      const s = trancheSums(ledger, t.id);
      if (s.pendingCity + s.pendingOther > 0) throw conflict("TRANCHE_PENDING", "contract.tranche_pending", { label: t.label });
      details = { trancheId: t.id, label: t.label, reason: body.reason, paidCity: s.paidCity, plannedCity: t.amountCity };
    },
    effect: async (tx) => {
      await tx
        .update(contractTranches)
        .set({ status: "cancelled", cancelledAt: ctx.clock.now(), cancelledBy: ctx.actor!.userId, cancelReason: body.reason })
        .where(eq(contractTranches.id, trancheId));
      return { details };
    },
  });
}

/** Records the settled expenditure of the city budget (never above what was disbursed). */
export async function recordSettlement(ctx: Ctx, id: string, body: { version: number; spentCity: number }): Promise<Contract> {
  let disbursed = 0;
  return contractCommand(ctx, id, "settle", body.version, {
    guard: async (_c, tx) => {
      disbursed = netOnContract(await loadLedger(tx, id), "city", false);
      if (body.spentCity > disbursed) throw conflict("OVER_SPENT", "contract.spent_exceeds", { spent: vnd(body.spentCity), disbursed: vnd(disbursed) });
    },
    set: () => ({ spentCity: body.spentCity, settledBy: ctx.actor!.userId, settledAt: ctx.clock.now() }),
    effect: async (_tx, c) => ({ before: { spentCity: c.spentCity }, after: { spentCity: body.spentCity, disbursed } }),
  });
}

/**
 * Terminates a running contract (a leader who did not prepare it), with a reason and the amount Bên B must return
 * (never above what was disbursed); pending amendments are withdrawn.
 */
export async function terminateContract(ctx: Ctx, id: string, body: { version: number; reason: string; amountToReturn: number }): Promise<Contract> {
  const now = ctx.clock.now();
  let disbursed = 0;
  return contractCommand(ctx, id, "terminate", body.version, {
    guard: async (c, tx) => {
      await twoPerson(tx, ctx, [["terminate_preparer", c.preparedBy]]);
      disbursed = netOnContract(await loadLedger(tx, id), "city", false);
      if (body.amountToReturn > disbursed)
        throw conflict("OVER_RETURN", "contract.return_amount_exceeds", { amount: vnd(body.amountToReturn), disbursed: vnd(disbursed) });
    },
    set: () => ({ terminatedAt: now, terminatedBy: ctx.actor!.userId, terminationReason: body.reason, amountToReturn: body.amountToReturn }),
    effect: async (tx) => {
      await tx
        .update(contractAmendments)
        .set({ status: "withdrawn", decidedBy: ctx.actor!.userId, decidedAt: now, decisionNote: body.reason, version: sql`${contractAmendments.version} + 1` })
        .where(and(eq(contractAmendments.contractId, id), eq(contractAmendments.status, "pending")));
      return { details: { reason: body.reason, amountToReturn: body.amountToReturn, disbursed } };
    },
  });
}

/** Liquidates a contract whose money is settled (settlementOf: the reasons when it is not). */
export async function liquidateContract(ctx: Ctx, id: string, body: { version: number }): Promise<Contract> {
  let figures: Record<string, unknown> = {};
  return contractCommand(ctx, id, "liquidate", body.version, {
    guard: async (c, tx) => {
      const s = settlementOf(c, await loadLedger(tx, id));
      if (!s.settled) {
        const reason = s.reasons.map((r) => (ctx.lang === "en" ? r.en : r.vi)).join("; ");
        throw conflict("NOT_SETTLED", "contract.not_settled", { reason }, { reasons: s.reasons });
      }
      figures = { disbursed: s.disbursed, spent: s.spent, returned: s.returned };
    },
    set: () => ({ liquidatedAt: ctx.clock.now(), liquidatedBy: ctx.actor!.userId }),
    effect: async () => ({ details: figures }),
  });
}
