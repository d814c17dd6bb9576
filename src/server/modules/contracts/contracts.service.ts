// Contracts of approved S&T tasks (hợp đồng thực hiện nhiệm vụ KH&CN) and their money.
//
// Money rules (SECURITY.md 10, two-person rule; amounts are integer đồng):
// - The city S&T budget part of a contract never exceeds the task's approved city budget; the disbursement plan's
//   city amounts add up to exactly that part (checked when the plan is saved, when the contract is signed and when a
//   budget amendment is applied).
// - A contract is signed by someone other than who prepared or last edited it; a payment, reversal or return is
//   approved by a finance user or leader other than who recorded it; an amendment is decided by a leader other than
//   who requested it. The same person answers 409 TWO_PERSON_RULE whose message names the role that matched
//   (details.rule: sign_preparer | sign_editor | payment_recorder | amendment_requester | terminate_preparer).
// - The ledger is append-only: an approved entry is never edited; a reversal is a new negative entry with a reason,
//   itself approved by a second person. Every money write locks the contract row (FOR UPDATE) first, so the limits
//   (tranche plan, contract value, returns) hold under concurrency, and of N identical approvals exactly one wins.
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  contractAmendments,
  contractPayments,
  contractProducts,
  contracts,
  contractTranches,
  organisations,
  people,
  taskDossierProducts,
  tasks,
  users,
} from "../../db/schema/index.js";
import type { Ctx, Executor, Tx } from "../../platform/context.js";
import { AppError, badInput, notFound, staleVersion } from "../../platform/errors.js";
import type { MessageKey } from "../../platform/messages.js";
import { audit } from "../../platform/audit.js";
import { nextNumber } from "../../platform/codes.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import type { GuardResult } from "../../platform/workflow.js";
import { parseSort } from "../../../common/list.js";
import {
  CONTRACT_SORTS,
  type Amendment,
  type Contract,
  type ContractListQuery,
  type ContractProductInput,
  type ContractStatus,
  type ContractSummary,
  type Payment,
  type PaymentQueueQuery,
  type Settlement,
  type Tranche,
  amendmentInput,
  contractUpdate,
  disbursementPlanInput,
  paymentInput,
} from "../../../common/api/contract.js";
import { contractPolicy, contractStaff, type ContractRef } from "./contracts.policy.js";
import type { z } from "zod";
import { together } from "../../platform/together.js";
import { vietnamDate } from "../../platform/clock.js";

type ContractRow = typeof contracts.$inferSelect;
type PaymentRow = typeof contractPayments.$inferSelect;
type TrancheRow = typeof contractTranches.$inferSelect;

const vnd = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
const conflict = (code: string, key: MessageKey, params: Record<string, unknown> = {}, details?: unknown) =>
  new AppError(code, 409, key, details ?? params, params);
const wrongStatus = (status: ContractStatus) => conflict("ILLEGAL_TRANSITION", "contract.wrong_status", { status });

async function userName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await db.select({ n: users.displayName }).from(users).where(eq(users.id, id));
  return u?.n ?? null;
}

/**
 * The two-person rules, each naming the role the actor must not have had: signing (the contract's preparer, its last
 * editor), deciding a ledger entry (who recorded it), deciding an amendment (who requested it), terminating (the
 * contract's preparer).
 */
const TWO_PERSON_RULES = {
  sign_preparer: "contract.two_person.sign_preparer",
  sign_editor: "contract.two_person.sign_editor",
  payment_recorder: "contract.two_person.payment_recorder",
  amendment_requester: "contract.two_person.amendment_requester",
  terminate_preparer: "contract.two_person.terminate_preparer",
} as const satisfies Record<string, MessageKey>;
type TwoPersonRule = keyof typeof TWO_PERSON_RULES;

/** Refuses (409 TWO_PERSON_RULE) when the actor is the user of one of the rules, in the order given: the message names that role. */
async function twoPerson(db: Executor, ctx: Ctx, checks: [TwoPersonRule, string | null][]) {
  const me = ctx.actor!.userId;
  const hit = checks.find(([, user]) => user === me);
  if (hit) {
    const [rule, user] = hit;
    const name = (await userName(db, user)) ?? ctx.actor!.username;
    const roles = checks.filter(([, u]) => u === me).map(([r]) => r);
    throw new AppError("TWO_PERSON_RULE", 409, TWO_PERSON_RULES[rule], { rule, rules: roles, userId: user }, { name });
  }
}

// ─── ledger arithmetic ───

interface Ledger {
  tranches: TrancheRow[];
  payments: PaymentRow[];
}

async function loadLedger(db: Executor, contractId: string): Promise<Ledger> {
  const [tranches, payments] = await together(db, [
    () => db.select().from(contractTranches).where(eq(contractTranches.contractId, contractId)).orderBy(asc(contractTranches.position)),
    () => db.select().from(contractPayments).where(eq(contractPayments.contractId, contractId)).orderBy(asc(contractPayments.preparedAt), asc(contractPayments.id)),
  ]);
  return { tranches, payments };
}

/** Net amount on a tranche by source: approved (payments less reversals), and pending entries. */
function trancheSums(l: Ledger, trancheId: string) {
  const s = { paidCity: 0, paidOther: 0, pendingCity: 0, pendingOther: 0 };
  for (const p of l.payments) {
    if (p.trancheId !== trancheId || p.status === "rejected") continue;
    if (p.status === "approved") p.source === "city" ? (s.paidCity += p.amount) : (s.paidOther += p.amount);
    else if (p.kind === "payment") p.source === "city" ? (s.pendingCity += p.amount) : (s.pendingOther += p.amount);
  }
  return s;
}

const isReturnEntry = (l: Ledger, p: PaymentRow) =>
  p.kind === "return" || (p.kind === "reversal" && l.payments.find((o) => o.id === p.reversesId)?.kind === "return");

function settlementOf(c: ContractRow, l: Ledger): Settlement & { reasons: { vi: string; en: string }[] } {
  let disbursed = 0;
  let advanced = 0;
  let returned = 0;
  let pendingEntries = 0;
  let openTranches = 0;
  let planned = 0;
  for (const p of l.payments) {
    if (p.status === "pending") pendingEntries++;
    if (p.status !== "approved" || p.source !== "city") continue;
    if (isReturnEntry(l, p)) returned += p.amount;
    else {
      disbursed += p.amount;
      if (l.tranches.find((t) => t.id === p.trancheId)?.kind === "advance") advanced += p.amount;
    }
  }
  for (const t of l.tranches) {
    const s = trancheSums(l, t.id);
    if (t.status === "planned") {
      planned += t.amountCity;
      if (s.paidCity < t.amountCity || s.paidOther < t.amountOther) openTranches++;
    } else planned += s.paidCity;
  }
  const spent = c.spentCity;
  const outstanding = spent === null ? null : disbursed - spent - returned;
  const reasons: { vi: string; en: string }[] = [];
  if (pendingEntries > 0)
    reasons.push({ vi: `còn ${pendingEntries} khoản chờ duyệt`, en: `${pendingEntries} entries await approval` });
  if (openTranches > 0 && c.status !== "terminated")
    reasons.push({ vi: `còn ${openTranches} đợt cấp kinh phí chưa cấp đủ hoặc chưa huỷ`, en: `${openTranches} tranches are neither paid in full nor cancelled` });
  if (spent === null) reasons.push({ vi: "chưa ghi nhận số đã chi được quyết toán", en: "the settled expenditure is not recorded" });
  else if (outstanding !== 0)
    reasons.push({
      vi: `tạm ứng chưa quyết toán hết: đã cấp ${vnd(disbursed)} đồng, đã chi ${vnd(spent)} đồng, đã hoàn trả ${vnd(returned)} đồng`,
      en: `advances are not settled: disbursed ${vnd(disbursed)} VND, spent ${vnd(spent)} VND, returned ${vnd(returned)} VND`,
    });
  if (c.status === "terminated" && (c.amountToReturn ?? 0) > returned)
    reasons.push({
      vi: `chưa hoàn trả đủ ${vnd(c.amountToReturn ?? 0)} đồng theo quyết định chấm dứt`,
      en: `the ${vnd(c.amountToReturn ?? 0)} VND to return on termination are not all returned`,
    });
  return {
    planned,
    disbursed,
    advanced,
    spent,
    returned,
    outstanding,
    pendingEntries,
    openTranches: c.status === "terminated" ? 0 : openTranches,
    settled: reasons.length === 0,
    reasons,
  };
}

// ─── guards for the task workflow ───


async function contractOfTask(db: Executor, taskId: string) {
  const [c] = await db.select().from(contracts).where(eq(contracts.taskId, taskId));
  return c ?? null;
}

const NO_CONTRACT = {
  vi: "Nhiệm vụ chưa có hợp đồng: cán bộ quản lý lập hợp đồng cho nhiệm vụ đã phê duyệt (mục Hợp đồng), rồi một người khác ký",
  en: "The task has no contract yet: an officer draws one up for the approved task (Contracts), then someone else signs it",
};
const draftContract = (c: ContractRow) => ({
  vi: `Hợp đồng ${c.number} còn là dự thảo, chưa được ký: người ký phải khác người lập và người sửa lần cuối`,
  en: `Contract ${c.number} is still a draft, not signed: it is signed by someone other than its preparer and last editor`,
});

export async function contractSignedGuardImpl(db: Executor, taskId: string): Promise<GuardResult> {
  const c = await contractOfTask(db, taskId);
  if (!c) return NO_CONTRACT;
  if (c.status === "draft") return draftContract(c);
  if (c.status === "terminated") return { vi: `Hợp đồng ${c.number} đã bị chấm dứt`, en: `Contract ${c.number} has been terminated` };
  return true;
}

export async function paymentsSettledGuardImpl(db: Executor, taskId: string): Promise<GuardResult> {
  const c = await contractOfTask(db, taskId);
  if (!c) return NO_CONTRACT;
  if (c.status === "draft") return draftContract(c);
  const s = settlementOf(c, await loadLedger(db, c.id));
  if (s.settled) return true;
  return { vi: s.reasons.map((r) => r.vi).join("; "), en: s.reasons.map((r) => r.en).join("; ") };
}

// ─── reading ───

const ref = (c: ContractRow): ContractRef => ({ status: c.status, piPersonId: c.piPersonId, partyBOrganisationId: c.partyBOrganisationId });

async function loadRow(db: Executor, id: string, lock = false) {
  const q = db.select().from(contracts).where(eq(contracts.id, id));
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/** Loads a contract the actor may see (404 otherwise) and checks the record ability (403). */
async function authorized(db: Executor, ctx: Ctx, id: string, ability: Parameters<typeof authorize<ContractRef, string>>[2], lock = false) {
  const row = await loadRow(db, id, lock);
  if (!row) throw notFound();
  authorize(ctx.actor, contractPolicy, "read", ref(row));
  if (ability !== "read") {
    if (!contractPolicy.record[ability as keyof typeof contractPolicy.record]?.(ctx.actor!, ref(row))) {
      // visible but not allowed now: a wrong status is a 409 with the reason, a missing role a 403
      if (contractPolicy.general[ability as string]?.(ctx.actor!)) throw wrongStatus(row.status);
      authorize(ctx.actor, contractPolicy, ability as "update", ref(row));
    }
  }
  return row;
}

function presentPayment(p: PaymentRow, number: string, trancheLabel: string | null, names: Map<string, string>): Payment {
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
  };
}

async function namesOf(db: Executor, ids: (string | null)[]) {
  const uniq = [...new Set(ids.filter((x): x is string => !!x))];
  if (!uniq.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, uniq));
  return new Map(rows.map((r) => [r.id, r.n]));
}

async function present(db: Executor, ctx: Ctx, c: ContractRow): Promise<Contract> {
  const [[task], [org], [pi], products, ledger, amendments] = await together(db, [
    () => db.select({ code: tasks.code, titleVi: tasks.titleVi, state: tasks.state, approvedBudgetCity: tasks.approvedBudgetCity }).from(tasks).where(eq(tasks.id, c.taskId)),
    () => db.select({ name: organisations.nameVi }).from(organisations).where(eq(organisations.id, c.partyBOrganisationId)),
    () => db.select({ name: people.fullName }).from(people).where(eq(people.id, c.piPersonId)),
    () => db.select().from(contractProducts).where(eq(contractProducts.contractId, c.id)).orderBy(asc(contractProducts.position)),
    () => loadLedger(db, c.id),
    () => db.select().from(contractAmendments).where(eq(contractAmendments.contractId, c.id)).orderBy(desc(contractAmendments.seq)),
  ]);
  const names = await namesOf(db, [
    c.preparedBy,
    c.signedBy,
    ...ledger.payments.flatMap((p) => [p.preparedBy, p.decidedBy]),
    ...amendments.flatMap((a) => [a.requestedBy, a.decidedBy]),
  ]);
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
  const amendmentList: Amendment[] = amendments.map((a) => ({
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
  }));
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
    payments: ledger.payments.map((p) => presentPayment(p, c.number, p.trancheId ? (labelOf.get(p.trancheId) ?? null) : null, names)),
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
    abilities: abilitiesOf(ctx.actor, contractPolicy, ref(c)),
  };
}

export async function getContract(ctx: Ctx, id: string): Promise<Contract> {
  const row = await authorized(ctx.db, ctx, id, "read");
  return present(ctx.db, ctx, row);
}

/** What the actor may list: staff everything; Bên B its own contracts; anyone else nothing. */
function visibility(ctx: Ctx): SQL | undefined {
  const a = ctx.actor!;
  if (contractStaff(a)) return undefined;
  const own: SQL[] = [];
  if (a.roles.includes("pi") && a.personId) own.push(eq(contracts.piPersonId, a.personId));
  if (a.roles.includes("org_rep") && a.organisationId) own.push(eq(contracts.partyBOrganisationId, a.organisationId));
  return own.length ? sql`(${sql.join(own, sql` OR `)})` : sql`false`;
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
      .select({ p: contractPayments, number: contracts.number, label: contractTranches.label })
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
  const names = await namesOf(ctx.db, rows.flatMap((r) => [r.p.preparedBy, r.p.decidedBy]));
  return { items: rows.map((r) => presentPayment(r.p, r.number, r.label, names)), total: n, page: q.page, pageSize: q.pageSize };
}

// ─── writing helpers ───

function snapshot(c: ContractRow) {
  return {
    number: c.number,
    status: c.status,
    valueCity: c.valueCity,
    valueOther: c.valueOther,
    startDate: c.startDate,
    endDate: c.endDate,
    piPersonId: c.piPersonId,
    partyBOrganisationId: c.partyBOrganisationId,
    version: c.version,
  };
}

/** The guarded UPDATE of a contract: same status and version as read, or 409 (stale version with the current record). */
async function bump(tx: Tx, ctx: Ctx, before: ContractRow, expectedVersion: number, set: Partial<typeof contracts.$inferInsert>) {
  if (before.version !== expectedVersion) throw staleVersion(await present(tx, ctx, before));
  const [row] = await tx
    .update(contracts)
    .set({ ...set, updatedAt: ctx.clock.now(), updatedBy: ctx.actor!.userId, version: sql`${contracts.version} + 1` })
    .where(and(eq(contracts.id, before.id), eq(contracts.version, expectedVersion), eq(contracts.status, before.status)))
    .returning();
  if (!row) {
    const current = await loadRow(tx, before.id);
    throw staleVersion(current ? await present(tx, ctx, current) : null);
  }
  return row;
}

async function replaceProducts(tx: Tx, contractId: string, products: ContractProductInput[]) {
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

// ─── commands ───

export async function createContract(ctx: Ctx, input: { taskId: string }): Promise<Contract> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, input.taskId)).for("update");
    if (!task) throw badInput("error.invalid_reference", {}, [{ path: "taskId", code: "not_found", message: "" }]);
    if (task.state !== "approved") throw conflict("ILLEGAL_TRANSITION", "contract.task_not_approved", { state: task.state });
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
        products.map((p) => ({ name: p.name, outputType: p.outputType as ContractProductInput["outputType"], quantity: Number(p.quantity), unit: p.unit, qualityTarget: p.qualityTarget })),
      );
    }
    await audit(tx, ctx, { action: "contract.create", entityType: "contract", entityId: row.id, after: snapshot(row), details: { taskId: task.id } });
    return row.id;
  });
  return getContract(ctx, id);
}

async function approvedCityBudget(tx: Executor, taskId: string) {
  const [t] = await tx.select({ city: tasks.approvedBudgetCity }).from(tasks).where(eq(tasks.id, taskId));
  return t?.city ?? 0;
}

export async function updateContract(ctx: Ctx, id: string, input: z.output<typeof contractUpdate>): Promise<Contract> {
  await ctx.db.transaction(async (tx) => {
    const before = await authorized(tx, ctx, id, "update", true);
    const approved = await approvedCityBudget(tx, before.taskId);
    if (input.valueCity > approved)
      throw conflict("VALUE_EXCEEDS_APPROVED", "contract.value_exceeds_approved", { value: vnd(input.valueCity), approved: vnd(approved) });
    const row = await bump(tx, ctx, before, input.version, {
      partyARepresentative: input.partyARepresentative,
      partyBRepresentative: input.partyBRepresentative,
      valueCity: input.valueCity,
      valueOther: input.valueOther,
      startDate: input.startDate,
      endDate: input.endDate,
      terms: input.terms,
    });
    await replaceProducts(tx, id, input.products);
    await audit(tx, ctx, { action: "contract.update", entityType: "contract", entityId: id, before: snapshot(before), after: snapshot(row), details: { products: input.products.length } });
  });
  return getContract(ctx, id);
}

function assertPlanSum(c: ContractRow, l: Ledger) {
  const sum = l.tranches.filter((t) => t.status === "planned").reduce((s, t) => s + t.amountCity, 0) +
    l.tranches.filter((t) => t.status === "cancelled").reduce((s, t) => s + trancheSums(l, t.id).paidCity, 0);
  if (sum !== c.valueCity) throw conflict("PLAN_MISMATCH", "contract.plan_sum", { sum: vnd(sum), value: vnd(c.valueCity) }, { sum, value: c.valueCity });
}

export async function signContract(ctx: Ctx, id: string, body: { version: number; partyASignedOn: string; partyBSignedOn: string }): Promise<Contract> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await authorized(tx, ctx, id, "sign", true);
    await twoPerson(tx, ctx, [
      ["sign_preparer", before.preparedBy],
      ["sign_editor", before.updatedBy],
    ]);
    const today = vietnamDate(now);
    if (body.partyASignedOn > today || body.partyBSignedOn > today) throw badInput("contract.signed_in_future", { today });
    const approved = await approvedCityBudget(tx, before.taskId);
    if (before.valueCity > approved)
      throw conflict("VALUE_EXCEEDS_APPROVED", "contract.value_exceeds_approved", { value: vnd(before.valueCity), approved: vnd(approved) });
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(contractProducts).where(eq(contractProducts.contractId, id));
    if (!n) throw conflict("NO_PRODUCTS", "contract.no_products");
    assertPlanSum(before, await loadLedger(tx, id));
    const row = await bump(tx, ctx, before, body.version, {
      status: "signed",
      signedBy: ctx.actor!.userId,
      signedAt: now,
      partyASignedOn: body.partyASignedOn,
      partyBSignedOn: body.partyBSignedOn,
    });
    await audit(tx, ctx, {
      action: "contract.sign",
      entityType: "contract",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: row.status, version: row.version },
      details: { partyASignedOn: body.partyASignedOn, partyBSignedOn: body.partyBSignedOn, preparedBy: before.preparedBy },
    });
  });
  return getContract(ctx, id);
}

export async function savePlan(ctx: Ctx, id: string, body: z.output<typeof disbursementPlanInput>): Promise<Contract> {
  await ctx.db.transaction(async (tx) => {
    const before = await authorized(tx, ctx, id, "plan", true);
    const ledger = await loadLedger(tx, id);
    const byId = new Map(ledger.tranches.map((t) => [t.id, t]));
    const kept = new Set<string>();
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
    const cancelledPaid = ledger.tranches.filter((t) => t.status === "cancelled").reduce((s, t) => s + trancheSums(ledger, t.id).paidCity, 0);
    const sum = body.tranches.reduce((s, t) => s + t.amountCity, 0) + cancelledPaid;
    if (sum !== before.valueCity)
      throw conflict("PLAN_MISMATCH", "contract.plan_sum", { sum: vnd(sum), value: vnd(before.valueCity) }, { sum, value: before.valueCity });
    const row = await bump(tx, ctx, before, body.version, {});
    // positions: the plan in the order given, then the cancelled tranches (kept for the record)
    await tx.update(contractTranches).set({ position: sql`-${contractTranches.position}` }).where(eq(contractTranches.contractId, id));
    const removed = ledger.tranches.filter((t) => t.status === "planned" && !kept.has(t.id)).map((t) => t.id);
    if (removed.length) await tx.delete(contractTranches).where(inArray(contractTranches.id, removed));
    let pos = 0;
    for (const t of body.tranches) {
      const values = { kind: t.kind, label: t.label, plannedDate: t.plannedDate, amountCity: t.amountCity, amountOther: t.amountOther, condition: t.condition, position: ++pos };
      if (t.id) await tx.update(contractTranches).set(values).where(eq(contractTranches.id, t.id));
      else await tx.insert(contractTranches).values({ ...values, contractId: id });
    }
    for (const t of ledger.tranches.filter((x) => x.status === "cancelled"))
      await tx.update(contractTranches).set({ position: ++pos }).where(eq(contractTranches.id, t.id));
    await audit(tx, ctx, {
      action: "contract.plan",
      entityType: "contract",
      entityId: id,
      before: { tranches: ledger.tranches.map((t) => ({ id: t.id, kind: t.kind, amountCity: t.amountCity, amountOther: t.amountOther, plannedDate: t.plannedDate })) },
      after: { tranches: body.tranches.map((t) => ({ id: t.id ?? null, kind: t.kind, amountCity: t.amountCity, amountOther: t.amountOther, plannedDate: t.plannedDate })), version: row.version },
    });
  });
  return getContract(ctx, id);
}

export async function cancelTranche(ctx: Ctx, id: string, trancheId: string, body: { version: number; reason: string }): Promise<Contract> {
  await ctx.db.transaction(async (tx) => {
    const before = await authorized(tx, ctx, id, "plan", true);
    const ledger = await loadLedger(tx, id);
    const t = ledger.tranches.find((x) => x.id === trancheId);
    if (!t) throw notFound();
    if (t.status === "cancelled") throw conflict("TRANCHE_CANCELLED", "contract.tranche_cancelled");
    const s = trancheSums(ledger, t.id);
    if (s.pendingCity + s.pendingOther > 0) throw conflict("TRANCHE_PENDING", "contract.tranche_pending", { label: t.label });
    await bump(tx, ctx, before, body.version, {});
    await tx
      .update(contractTranches)
      .set({ status: "cancelled", cancelledAt: ctx.clock.now(), cancelledBy: ctx.actor!.userId, cancelReason: body.reason })
      .where(eq(contractTranches.id, t.id));
    await audit(tx, ctx, {
      action: "contract.tranche.cancel",
      entityType: "contract",
      entityId: id,
      details: { trancheId: t.id, label: t.label, reason: body.reason, paidCity: s.paidCity, plannedCity: t.amountCity },
    });
  });
  return getContract(ctx, id);
}

// ─── payments ───

function availableOnTranche(l: Ledger, t: TrancheRow, source: "city" | "other") {
  const s = trancheSums(l, t.id);
  return source === "city" ? t.amountCity - s.paidCity - s.pendingCity : t.amountOther - s.paidOther - s.pendingOther;
}

function netOnContract(l: Ledger, source: "city" | "other", includePending: boolean) {
  return l.payments
    .filter((p) => p.trancheId && p.source === source && (p.status === "approved" || (includePending && p.status === "pending" && p.kind === "payment")))
    .reduce((s, p) => s + p.amount, 0);
}

function returnsOf(l: Ledger, includePending: boolean) {
  return l.payments
    .filter((p) => p.source === "city" && isReturnEntry(l, p) && (p.status === "approved" || (includePending && p.status === "pending" && p.kind === "return")))
    .reduce((s, p) => s + p.amount, 0);
}

/** The plan and contract limits for a payment or return of `amount` (pending entries count unless deciding one). */
function assertWithinLimits(c: ContractRow, l: Ledger, e: { kind: "payment" | "return"; trancheId: string | null; source: "city" | "other"; amount: number }, deciding: boolean) {
  if (e.kind === "payment") {
    const t = l.tranches.find((x) => x.id === e.trancheId);
    if (!t) throw badInput("contract.tranche_not_found", {}, [{ path: "trancheId", code: "not_found", message: "" }]);
    if (t.status === "cancelled") throw conflict("TRANCHE_CANCELLED", "contract.tranche_cancelled");
    const s = trancheSums(l, t.id);
    const used = e.source === "city" ? s.paidCity + (deciding ? 0 : s.pendingCity) : s.paidOther + (deciding ? 0 : s.pendingOther);
    const planned = e.source === "city" ? t.amountCity : t.amountOther;
    if (used + e.amount > planned)
      throw conflict("OVER_PAYMENT", "contract.payment_exceeds_tranche", { label: t.label, available: vnd(Math.max(0, planned - used)) }, { available: Math.max(0, planned - used) });
    const value = e.source === "city" ? c.valueCity : c.valueOther;
    const total = netOnContract(l, e.source, !deciding);
    if (total + e.amount > value)
      throw conflict("OVER_PAYMENT", "contract.payment_exceeds_value", { available: vnd(Math.max(0, value - total)) }, { available: Math.max(0, value - total) });
  } else {
    const available = netOnContract(l, "city", false) - returnsOf(l, !deciding);
    if (e.amount > available) throw conflict("OVER_RETURN", "contract.return_exceeds", { available: vnd(Math.max(0, available)) }, { available: Math.max(0, available) });
  }
}

async function paymentResult(tx: Executor, ctx: Ctx, c: ContractRow, paymentId: string): Promise<Payment> {
  const [p] = await tx.select().from(contractPayments).where(eq(contractPayments.id, paymentId));
  const [t] = p.trancheId ? await tx.select({ label: contractTranches.label }).from(contractTranches).where(eq(contractTranches.id, p.trancheId)) : [];
  return presentPayment(p, c.number, t?.label ?? null, await namesOf(tx, [p.preparedBy, p.decidedBy]));
}

export async function recordPayment(ctx: Ctx, id: string, input: z.output<typeof paymentInput>): Promise<Payment> {
  return ctx.db.transaction(async (tx) => {
    const c = await authorized(tx, ctx, id, "pay", true);
    if (input.kind === "payment" && c.status === "terminated") throw wrongStatus(c.status);
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

export async function reversePayment(ctx: Ctx, id: string, paymentId: string, body: { amount: number; paidOn: string; reason: string; reference?: string | null }): Promise<Payment> {
  return ctx.db.transaction(async (tx) => {
    const c = await authorized(tx, ctx, id, "pay", true);
    const ledger = await loadLedger(tx, id);
    const original = ledger.payments.find((p) => p.id === paymentId);
    if (!original) throw notFound();
    if (original.status !== "approved" || original.kind === "reversal") throw conflict("REVERSAL_NOT_ALLOWED", "contract.reversal_not_allowed");
    const reversed = ledger.payments
      .filter((p) => p.reversesId === original.id && p.status !== "rejected")
      .reduce((s, p) => s - p.amount, 0);
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

export async function decidePayment(ctx: Ctx, id: string, paymentId: string, decision: "approve" | "reject", body: { version: number; note?: string | null }): Promise<Payment> {
  return ctx.db.transaction(async (tx) => {
    // the contract row lock serialises decisions on one contract: limits are checked against committed approvals
    const c = await authorized(tx, ctx, id, "decidePayment", true);
    const ledger = await loadLedger(tx, id);
    const p = ledger.payments.find((x) => x.id === paymentId);
    if (!p) throw notFound();
    if (p.status !== "pending") throw conflict("ALREADY_DECIDED", "contract.payment_decided", { status: p.status });
    if (p.version !== body.version) throw staleVersion(await paymentResult(tx, ctx, c, p.id));
    await twoPerson(tx, ctx, [["payment_recorder", p.preparedBy]]);
    if (decision === "approve") {
      if (p.kind === "payment" && c.status === "terminated") throw wrongStatus(c.status);
      if (p.kind !== "reversal") assertWithinLimits(c, ledger, { kind: p.kind, trancheId: p.trancheId, source: p.source, amount: p.amount }, true);
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .update(contractPayments)
      .set({ status: decision === "approve" ? "approved" : "rejected", decidedBy: ctx.actor!.userId, decidedAt: now, decisionNote: body.note ?? null, version: sql`${contractPayments.version} + 1` })
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

export async function recordSettlement(ctx: Ctx, id: string, body: { version: number; spentCity: number }): Promise<Contract> {
  await ctx.db.transaction(async (tx) => {
    const before = await authorized(tx, ctx, id, "settle", true);
    const disbursed = netOnContract(await loadLedger(tx, id), "city", false);
    if (body.spentCity > disbursed)
      throw conflict("OVER_SPENT", "contract.spent_exceeds", { spent: vnd(body.spentCity), disbursed: vnd(disbursed) });
    await bump(tx, ctx, before, body.version, { spentCity: body.spentCity, settledBy: ctx.actor!.userId, settledAt: ctx.clock.now() });
    await audit(tx, ctx, { action: "contract.settlement", entityType: "contract", entityId: id, before: { spentCity: before.spentCity }, after: { spentCity: body.spentCity, disbursed } });
  });
  return getContract(ctx, id);
}

// ─── amendments ───

type AmendmentInput = z.output<typeof amendmentInput>;

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
    const [p] = await tx.select({ id: people.id }).from(people).where(eq(people.id, proposed.piPersonId as string));
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
    const c = await authorized(tx, ctx, id, "requestAmendment", true);
    const proposed = proposedOf(input);
    await checkAmendment(tx, c, input.kind, proposed);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${contractAmendments.seq}), 0)::int + 1` })
      .from(contractAmendments)
      .where(eq(contractAmendments.contractId, id));
    const [row] = await tx
      .insert(contractAmendments)
      .values({ contractId: id, seq: next, kind: input.kind, status: "pending", reason: input.reason, proposed, requestedBy: ctx.actor!.userId, requestedAt: ctx.clock.now() })
      .returning();
    await audit(tx, ctx, { action: "contract.amendment.request", entityType: "contract", entityId: id, after: { amendmentId: row.id, seq: row.seq, kind: row.kind, proposed, reason: input.reason } });
  });
  return getContract(ctx, id);
}

export async function decideAmendment(ctx: Ctx, id: string, amendmentId: string, decision: "approve" | "reject", body: { version: number; note?: string | null }): Promise<Contract> {
  await ctx.db.transaction(async (tx) => {
    const c = await authorized(tx, ctx, id, "decideAmendment", true);
    const [a] = await tx.select().from(contractAmendments).where(and(eq(contractAmendments.id, amendmentId), eq(contractAmendments.contractId, id)));
    if (!a) throw notFound();
    if (a.status !== "pending") throw conflict("ALREADY_DECIDED", "contract.amendment_decided", { status: a.status });
    if (a.version !== body.version) throw conflict("VERSION_CONFLICT", "error.conflict_version", {}, { current: { status: a.status, version: a.version } });
    await twoPerson(tx, ctx, [["amendment_requester", a.requestedBy]]);
    const now = ctx.clock.now();
    let previous: Record<string, unknown> | null = null;
    if (decision === "approve") {
      const p = a.proposed;
      const absorb = await checkAmendment(tx, c, a.kind, p);
      const set: Partial<typeof contracts.$inferInsert> = { status: "amended" };
      const taskSet: Partial<typeof tasks.$inferInsert> = {};
      if (a.kind === "schedule") {
        previous = { endDate: c.endDate };
        set.endDate = p.endDate as string;
        taskSet.endDate = p.endDate as string;
      } else if (a.kind === "content") {
        const products = await tx.select().from(contractProducts).where(eq(contractProducts.contractId, id)).orderBy(asc(contractProducts.position));
        previous = {
          products: products.map((x) => ({ name: x.name, outputType: x.outputType, quantity: Number(x.quantity), unit: x.unit, qualityTarget: x.qualityTarget })),
          terms: c.terms,
        };
        if (p.terms !== undefined) set.terms = p.terms as string | null;
      } else if (a.kind === "budget") {
        previous = { valueCity: c.valueCity, valueOther: c.valueOther, ...(absorb ? { tranche: { id: absorb.trancheId, amountCity: absorb.from } } : {}) };
        if (p.valueCity !== undefined) {
          set.valueCity = p.valueCity as number;
          taskSet.approvedBudgetCity = p.valueCity as number;
        }
        if (p.valueOther !== undefined) {
          set.valueOther = p.valueOther as number;
          taskSet.approvedBudgetOther = p.valueOther as number;
        }
      } else if (a.kind === "pi") {
        previous = { piPersonId: c.piPersonId };
        set.piPersonId = p.piPersonId as string;
        taskSet.piPersonId = p.piPersonId as string;
      }
      const row = await bump(tx, ctx, c, c.version, set);
      if (a.kind === "content" && p.products) await replaceProducts(tx, id, p.products as ContractProductInput[]);
      if (absorb) await tx.update(contractTranches).set({ amountCity: absorb.to }).where(eq(contractTranches.id, absorb.trancheId));
      if (Object.keys(taskSet).length) {
        await tx
          .update(tasks)
          .set({ ...taskSet, updatedAt: now, updatedBy: ctx.actor!.userId, version: sql`${tasks.version} + 1` })
          .where(eq(tasks.id, c.taskId));
        await audit(tx, ctx, { action: "task.amend", entityType: "task", entityId: c.taskId, before: previous ?? undefined, after: taskSet, details: { contractId: id, amendmentId: a.id } });
      }
      await audit(tx, ctx, { action: "contract.amend", entityType: "contract", entityId: id, before: snapshot(c), after: snapshot(row), details: { amendmentId: a.id, kind: a.kind } });
    }
    const [updated] = await tx
      .update(contractAmendments)
      .set({ status: decision === "approve" ? "approved" : "rejected", previous, decidedBy: ctx.actor!.userId, decidedAt: now, decisionNote: body.note ?? null, version: sql`${contractAmendments.version} + 1` })
      .where(and(eq(contractAmendments.id, a.id), eq(contractAmendments.status, "pending"), eq(contractAmendments.version, body.version)))
      .returning({ id: contractAmendments.id });
    if (!updated) throw conflict("ALREADY_DECIDED", "contract.amendment_decided", { status: "?" });
    await audit(tx, ctx, {
      action: `contract.amendment.${decision}`,
      entityType: "contract",
      entityId: id,
      details: { amendmentId: a.id, seq: a.seq, kind: a.kind, requestedBy: a.requestedBy, note: body.note ?? null },
    });
  });
  return getContract(ctx, id);
}

// ─── termination and liquidation ───

export async function terminateContract(ctx: Ctx, id: string, body: { version: number; reason: string; amountToReturn: number }): Promise<Contract> {
  await ctx.db.transaction(async (tx) => {
    const before = await authorized(tx, ctx, id, "terminate", true);
    await twoPerson(tx, ctx, [["terminate_preparer", before.preparedBy]]);
    const disbursed = netOnContract(await loadLedger(tx, id), "city", false);
    if (body.amountToReturn > disbursed)
      throw conflict("OVER_RETURN", "contract.return_amount_exceeds", { amount: vnd(body.amountToReturn), disbursed: vnd(disbursed) });
    const row = await bump(tx, ctx, before, body.version, {
      status: "terminated",
      terminatedAt: ctx.clock.now(),
      terminatedBy: ctx.actor!.userId,
      terminationReason: body.reason,
      amountToReturn: body.amountToReturn,
    });
    await tx
      .update(contractAmendments)
      .set({ status: "withdrawn", decidedBy: ctx.actor!.userId, decidedAt: ctx.clock.now(), decisionNote: body.reason, version: sql`${contractAmendments.version} + 1` })
      .where(and(eq(contractAmendments.contractId, id), eq(contractAmendments.status, "pending")));
    await audit(tx, ctx, {
      action: "contract.terminate",
      entityType: "contract",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: row.status, version: row.version },
      details: { reason: body.reason, amountToReturn: body.amountToReturn, disbursed },
    });
  });
  return getContract(ctx, id);
}

export async function liquidateContract(ctx: Ctx, id: string, body: { version: number }): Promise<Contract> {
  await ctx.db.transaction(async (tx) => {
    const before = await authorized(tx, ctx, id, "liquidate", true);
    const s = settlementOf(before, await loadLedger(tx, id));
    if (!s.settled) {
      const reason = s.reasons.map((r) => (ctx.lang === "en" ? r.en : r.vi)).join("; ");
      throw conflict("NOT_SETTLED", "contract.not_settled", { reason }, { reasons: s.reasons });
    }
    const row = await bump(tx, ctx, before, body.version, { status: "liquidated", liquidatedAt: ctx.clock.now(), liquidatedBy: ctx.actor!.userId });
    await audit(tx, ctx, {
      action: "contract.liquidate",
      entityType: "contract",
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status: row.status, version: row.version },
      details: { disbursed: s.disbursed, spent: s.spent, returned: s.returned },
    });
  });
  return getContract(ctx, id);
}
