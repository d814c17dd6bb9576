// Reading contracts: the record as the API shows it (with the actor's abilities and the two-person refusals told in
// advance), the list, the finance queue, and the two guards the task process asks of a task's contract.
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { contractAmendments, contractPayments, contractProducts, contracts, contractTranches, organisations, people, tasks } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { notFound } from "../../platform/errors.js";
import { abilitiesOf, authorize, can } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { together } from "../../platform/together.js";
import type { GuardResult } from "../../platform/workflow.js";
import { parseSort } from "../../../common/list.js";
import { settlementOf, trancheSums } from "../../../common/contract-ledger.js";
import {
  CONTRACT_SORTS,
  type Amendment,
  type Contract,
  type ContractListQuery,
  type ContractSummary,
  type Payment,
  type PaymentQueueQuery,
  type Tranche,
} from "../../../common/api/contract.js";
import { contractPolicy, contractStaff, partyBSql } from "./contracts.policy.js";
import { loadLedger, loadRow, namesOf, ref, twoPersonRefusal, type ContractRow, type PaymentRow } from "./contracts.rules.js";

function presentPayment(ctx: Ctx, c: ContractRow | null, p: PaymentRow, number: string, trancheLabel: string | null, names: Map<string, string>): Payment {
  const decide =
    p.status === "pending" && (!c || can(ctx.actor, contractPolicy, "decidePayment", ref(c)))
      ? twoPersonRefusal(ctx.lang, ctx.actor?.userId, [["payment_recorder", p.preparedBy]], names)
      : null;
  return {
    id: p.id,
    contractId: p.contractId,
    contractNumber: number,
    trancheId: p.trancheId,
    trancheLabel,
    kind: p.kind,
    source: p.source,
    amount: p.amount,
    paidOn: p.paidOn,
    reference: p.reference,
    note: p.note,
    reversesId: p.reversesId,
    status: p.status,
    preparedBy: p.preparedBy,
    preparedByName: names.get(p.preparedBy) ?? null,
    preparedAt: p.preparedAt.toISOString(),
    decidedBy: p.decidedBy,
    decidedByName: p.decidedBy ? (names.get(p.decidedBy) ?? null) : null,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionNote: p.decisionNote,
    version: p.version,
    refusals: decide ? { decide } : {},
  };
}

/** One ledger entry as the API shows it. */
export async function paymentResult(db: Executor, ctx: Ctx, c: ContractRow, paymentId: string): Promise<Payment> {
  const [p] = await db.select().from(contractPayments).where(eq(contractPayments.id, paymentId));
  const [t] = p.trancheId ? await db.select({ label: contractTranches.label }).from(contractTranches).where(eq(contractTranches.id, p.trancheId)) : [];
  return presentPayment(ctx, c, p, c.number, t?.label ?? null, await namesOf(db, [p.preparedBy, p.decidedBy]));
}

/** The contract as the API shows it. */
export async function present(db: Executor, ctx: Ctx, c: ContractRow): Promise<Contract> {
  const [[task], [org], [pi], products, ledger, amendments] = await together(db, [
    () =>
      db
        .select({ code: tasks.code, titleVi: tasks.titleVi, state: tasks.state, approvedBudgetCity: tasks.approvedBudgetCity })
        .from(tasks)
        .where(eq(tasks.id, c.taskId)),
    () => db.select({ name: organisations.nameVi }).from(organisations).where(eq(organisations.id, c.partyBOrganisationId)),
    () => db.select({ name: people.fullName }).from(people).where(eq(people.id, c.piPersonId)),
    () => db.select().from(contractProducts).where(eq(contractProducts.contractId, c.id)).orderBy(asc(contractProducts.position)),
    () => loadLedger(db, c.id),
    () => db.select().from(contractAmendments).where(eq(contractAmendments.contractId, c.id)).orderBy(desc(contractAmendments.seq)),
  ]);
  const names = await namesOf(db, [
    c.preparedBy,
    c.updatedBy,
    c.signedBy,
    ...ledger.payments.flatMap((p) => [p.preparedBy, p.decidedBy]),
    ...amendments.flatMap((a) => [a.requestedBy, a.decidedBy]),
  ]);
  const abilities = abilitiesOf(ctx.actor, contractPolicy, ref(c));
  const me = ctx.actor?.userId;
  const labelOf = new Map(ledger.tranches.map((t) => [t.id, t.label]));
  const tranches: Tranche[] = ledger.tranches.map((t) => ({
    id: t.id,
    position: t.position,
    kind: t.kind,
    label: t.label,
    plannedDate: t.plannedDate,
    amountCity: t.amountCity,
    amountOther: t.amountOther,
    condition: t.condition,
    status: t.status,
    cancelReason: t.cancelReason,
    ...trancheSums(ledger, t.id),
  }));
  const { reasons: _reasons, ...settlement } = settlementOf(c, ledger);
  const amendmentList: Amendment[] = amendments.map((a) => {
    const decide = a.status === "pending" && abilities.decideAmendment ? twoPersonRefusal(ctx.lang, me, [["amendment_requester", a.requestedBy]], names) : null;
    return {
      id: a.id,
      seq: a.seq,
      kind: a.kind,
      status: a.status,
      reason: a.reason,
      proposed: a.proposed,
      previous: a.previous,
      requestedBy: a.requestedBy,
      requestedByName: names.get(a.requestedBy) ?? null,
      requestedAt: a.requestedAt.toISOString(),
      decidedBy: a.decidedBy,
      decidedByName: a.decidedBy ? (names.get(a.decidedBy) ?? null) : null,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      decisionNote: a.decisionNote,
      version: a.version,
      refusals: decide ? { decide } : {},
    };
  });
  const sign = abilities.sign
    ? twoPersonRefusal(
        ctx.lang,
        me,
        [
          ["sign_preparer", c.preparedBy],
          ["sign_editor", c.updatedBy],
        ],
        names,
      )
    : null;
  const terminate = abilities.terminate ? twoPersonRefusal(ctx.lang, me, [["terminate_preparer", c.preparedBy]], names) : null;
  return {
    id: c.id,
    number: c.number,
    year: c.year,
    status: c.status,
    taskId: c.taskId,
    taskCode: task?.code ?? "",
    taskTitleVi: task?.titleVi ?? "",
    taskState: task?.state ?? "",
    approvedBudgetCity: task?.approvedBudgetCity ?? null,
    partyAName: c.partyAName,
    partyARepresentative: c.partyARepresentative,
    partyBOrganisationId: c.partyBOrganisationId,
    partyBOrganisationName: org?.name ?? "",
    partyBRepresentative: c.partyBRepresentative,
    piPersonId: c.piPersonId,
    piName: pi?.name ?? "",
    valueCity: c.valueCity,
    valueOther: c.valueOther,
    startDate: c.startDate,
    endDate: c.endDate,
    terms: c.terms,
    products: products.map((p) => ({
      position: p.position,
      name: p.name,
      outputType: p.outputType as Contract["products"][number]["outputType"],
      quantity: Number(p.quantity),
      unit: p.unit,
      qualityTarget: p.qualityTarget,
    })),
    tranches,
    payments: ledger.payments.map((p) => presentPayment(ctx, c, p, c.number, p.trancheId ? (labelOf.get(p.trancheId) ?? null) : null, names)),
    amendments: amendmentList,
    settlement,
    preparedBy: c.preparedBy,
    preparedByName: names.get(c.preparedBy) ?? null,
    signedBy: c.signedBy,
    signedByName: c.signedBy ? (names.get(c.signedBy) ?? null) : null,
    signedAt: c.signedAt?.toISOString() ?? null,
    partyASignedOn: c.partyASignedOn,
    partyBSignedOn: c.partyBSignedOn,
    terminatedAt: c.terminatedAt?.toISOString() ?? null,
    terminationReason: c.terminationReason,
    amountToReturn: c.amountToReturn,
    liquidatedAt: c.liquidatedAt?.toISOString() ?? null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    abilities,
    refusals: { ...(sign ? { sign } : {}), ...(terminate ? { terminate } : {}) },
  };
}

export async function getContract(ctx: Ctx, id: string): Promise<Contract> {
  const row = await loadRow(ctx.db, id);
  if (!row) throw notFound();
  authorize(ctx.actor, contractPolicy, "read", ref(row));
  return present(ctx.db, ctx, row);
}

/** What the actor may list: staff everything; Bên B its own contracts; anyone else nothing. */
function visibility(ctx: Ctx): SQL | undefined {
  const a = ctx.actor!;
  if (contractStaff(a)) return undefined;
  return partyBSql(a, { piPersonId: sql`${contracts.piPersonId}`, partyBOrganisationId: sql`${contracts.partyBOrganisationId}` });
}

const outer = (col: string) => sql.raw(`"contracts"."${col}"`);
const disbursedSql = sql<number>`(SELECT coalesce(sum(p.amount), 0)::bigint FROM contract_payments p
  WHERE p.contract_id = ${outer("id")} AND p.status = 'approved' AND p.source = 'city' AND p.tranche_id IS NOT NULL)`.mapWith(Number);

export async function listContracts(ctx: Ctx, q: ContractListQuery) {
  const where = and(
    visibility(ctx),
    searchCondition(sql`(${contracts.searchText} || ' ' || coalesce((SELECT t.search_text FROM tasks t WHERE t.id = ${outer("task_id")}), ''))`, q.q),
    q.status ? eq(contracts.status, q.status) : undefined,
    q.year ? eq(contracts.year, q.year) : undefined,
  );
  const { key, desc: isDesc } = parseSort(q.sort, CONTRACT_SORTS, "updatedAt");
  const dir = isDesc || (!q.sort && key === "updatedAt") ? sql`DESC` : sql`ASC`;
  const order: Record<(typeof CONTRACT_SORTS)[number], SQL> = {
    number: sql`${contracts.year} ${dir}, ${contracts.number} ${dir}`,
    value: sql`${contracts.valueCity} ${dir}`,
    endDate: sql`${contracts.endDate} ${dir}`,
    updatedAt: sql`${contracts.updatedAt} ${dir}`,
  };
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        id: contracts.id,
        number: contracts.number,
        status: contracts.status,
        taskId: contracts.taskId,
        taskCode: sql<string>`(SELECT t.code FROM tasks t WHERE t.id = ${outer("task_id")})`,
        taskTitleVi: sql<string>`(SELECT t.title_vi FROM tasks t WHERE t.id = ${outer("task_id")})`,
        partyBOrganisationName: sql<string>`(SELECT o.name_vi FROM organisations o WHERE o.id = ${outer("party_b_organisation_id")})`,
        piName: sql<string>`(SELECT pp.full_name FROM people pp WHERE pp.id = ${outer("pi_person_id")})`,
        valueCity: contracts.valueCity,
        valueOther: contracts.valueOther,
        disbursed: disbursedSql,
        startDate: contracts.startDate,
        endDate: contracts.endDate,
        updatedAt: contracts.updatedAt,
      })
      .from(contracts)
      .where(where)
      .orderBy(order[key], contracts.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(contracts, where),
  ]);
  const items: ContractSummary[] = rows.map((r) => ({
    ...r,
    taskCode: r.taskCode ?? "",
    taskTitleVi: r.taskTitleVi ?? "",
    partyBOrganisationName: r.partyBOrganisationName ?? "",
    piName: r.piName ?? "",
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** Finance work queue: ledger entries across contracts (default: awaiting approval, oldest first). */
export async function listPaymentQueue(ctx: Ctx, q: PaymentQueueQuery) {
  const status = q.status ?? "pending";
  const where = and(
    eq(contractPayments.status, status),
    searchCondition(sql`f_fold(coalesce(${contracts.number}, '') || ' ' || coalesce(${contractPayments.reference}, ''))`, q.q),
  );
  const [rows, [{ n }]] = await Promise.all([
    ctx.db
      .select({ p: contractPayments, c: contracts, label: contractTranches.label })
      .from(contractPayments)
      .innerJoin(contracts, eq(contracts.id, contractPayments.contractId))
      .leftJoin(contractTranches, eq(contractTranches.id, contractPayments.trancheId))
      .where(where)
      .orderBy(status === "pending" ? asc(contractPayments.preparedAt) : desc(contractPayments.preparedAt), asc(contractPayments.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(contractPayments)
      .innerJoin(contracts, eq(contracts.id, contractPayments.contractId))
      .where(where),
  ]);
  const names = await namesOf(
    ctx.db,
    rows.flatMap((r) => [r.p.preparedBy, r.p.decidedBy]),
  );
  return { items: rows.map((r) => presentPayment(ctx, r.c, r.p, r.c.number, r.label, names)), total: n, page: q.page, pageSize: q.pageSize };
}

// ─── guards of the task process (common/processes GUARDS): `start` needs contract_signed, `liquidate` payments_settled ───

async function contractOfTask(db: Executor, taskId: string) {
  const [c] = await db.select().from(contracts).where(eq(contracts.taskId, taskId));
  return c ?? null;
}

/** The task's contract as a task page points to it (its id, number and status), or null before one is drafted. */
export async function contractRefOfTask(db: Executor, taskId: string): Promise<{ id: string; number: string; status: ContractRow["status"] } | null> {
  const c = await contractOfTask(db, taskId);
  return c ? { id: c.id, number: c.number, status: c.status } : null;
}

const NO_CONTRACT = {
  vi: "Nhiệm vụ chưa có hợp đồng: cán bộ quản lý lập hợp đồng cho nhiệm vụ đã phê duyệt (mục Hợp đồng), rồi một người khác ký",
  en: "The task has no contract yet: an officer draws one up for the approved task (Contracts), then someone else signs it",
};
const draftContract = (c: ContractRow) => ({
  vi: `Hợp đồng ${c.number} còn là dự thảo, chưa được ký: người ký phải khác người lập và người sửa lần cuối`,
  en: `Contract ${c.number} is still a draft, not signed: it is signed by someone other than its preparer and last editor`,
});

/** The task's contract is signed (signed, amended or liquidated; not draft, not terminated). */
export async function contractSignedGuard(db: Executor, taskId: string): Promise<GuardResult> {
  const c = await contractOfTask(db, taskId);
  if (!c) return NO_CONTRACT;
  if (c.status === "draft") return draftContract(c);
  if (c.status === "terminated") return { vi: `Hợp đồng ${c.number} đã bị chấm dứt`, en: `Contract ${c.number} has been terminated` };
  return true;
}

/**
 * The task's money is settled: no ledger entry awaits approval, every tranche is paid in full or cancelled (after a
 * termination, open tranches no longer count), the settled expenditure is recorded and disbursed − spent − returned
 * = 0, and after a termination the amount to return has been returned.
 */
export async function paymentsSettledGuard(db: Executor, taskId: string): Promise<GuardResult> {
  const c = await contractOfTask(db, taskId);
  if (!c) return NO_CONTRACT;
  if (c.status === "draft") return draftContract(c);
  const s = settlementOf(c, await loadLedger(db, c.id));
  if (s.settled) return true;
  return { vi: s.reasons.map((r) => r.vi).join("; "), en: s.reasons.map((r) => r.en).join("; ") };
}
