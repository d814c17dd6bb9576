// The money arithmetic of a task contract's ledger: pure functions of its tranches and entries (no database), used by
// the server to check every money write and by anyone who needs the same sums. Amounts are integer đồng.
//
// The rules (ARCHITECTURE.md, "Contracts and money", under S&T tasks end to end):
// - A tranche's net paid amount by source is its approved payments less their approved reversals; pending payments
//   count against the tranche while they wait, so two pending entries cannot together exceed it.
// - The planned city amounts of the planned tranches, plus what was paid on cancelled tranches, equal the contract's
//   city value.
// - A payment never takes a tranche beyond its planned amount nor the contract beyond its value; a return never
//   exceeds what was disbursed less what was already returned.
// - The money is settled when no entry waits, every planned tranche is paid in full (or the contract was terminated),
//   the settled expenditure is recorded and disbursed − spent − returned = 0, and after a termination the amount to
//   return has been returned.
import type { ContractStatus, Settlement } from "./api/contract.js";
import { formatNumber } from "./number-format.js";

export interface LedgerTranche {
  id: string;
  kind: "advance" | "tranche";
  label: string;
  amountCity: number;
  amountOther: number;
  status: "planned" | "cancelled";
}

export interface LedgerEntry {
  id: string;
  trancheId: string | null;
  kind: "payment" | "reversal" | "return";
  source: "city" | "other";
  /** Negative for a reversal. */
  amount: number;
  status: "pending" | "approved" | "rejected";
  reversesId: string | null;
}

export interface Ledger {
  tranches: LedgerTranche[];
  payments: LedgerEntry[];
}

export interface TrancheSums {
  paidCity: number;
  paidOther: number;
  pendingCity: number;
  pendingOther: number;
}

/** Net amount on a tranche by source: approved (payments less reversals), and pending payments. */
export function trancheSums(l: Ledger, trancheId: string): TrancheSums {
  const s = { paidCity: 0, paidOther: 0, pendingCity: 0, pendingOther: 0 };
  for (const p of l.payments) {
    if (p.trancheId !== trancheId || p.status === "rejected") continue;
    if (p.status === "approved") p.source === "city" ? (s.paidCity += p.amount) : (s.paidOther += p.amount);
    else if (p.kind === "payment") p.source === "city" ? (s.pendingCity += p.amount) : (s.pendingOther += p.amount);
  }
  return s;
}

/** A return, or the reversal of a return. */
export const isReturnEntry = (l: Ledger, p: LedgerEntry) =>
  p.kind === "return" || (p.kind === "reversal" && l.payments.find((o) => o.id === p.reversesId)?.kind === "return");

/** Net disbursed on the contract's tranches by source (approved; with pending payments when asked). */
export function netOnContract(l: Ledger, source: "city" | "other", includePending: boolean): number {
  return l.payments
    .filter((p) => p.trancheId && p.source === source && (p.status === "approved" || (includePending && p.status === "pending" && p.kind === "payment")))
    .reduce((s, p) => s + p.amount, 0);
}

/** Net returned by Bên B (approved; with pending returns when asked). */
export function returnsOf(l: Ledger, includePending: boolean): number {
  return l.payments
    .filter((p) => p.source === "city" && isReturnEntry(l, p) && (p.status === "approved" || (includePending && p.status === "pending" && p.kind === "return")))
    .reduce((s, p) => s + p.amount, 0);
}

/** What the plan's city amounts add up to: the planned tranches, plus what was paid on cancelled ones. */
export function planSum(l: Ledger, plannedCity: number[] = l.tranches.filter((t) => t.status === "planned").map((t) => t.amountCity)): number {
  const cancelledPaid = l.tranches.filter((t) => t.status === "cancelled").reduce((s, t) => s + trancheSums(l, t.id).paidCity, 0);
  return plannedCity.reduce((s, n) => s + n, 0) + cancelledPaid;
}

/** Why a ledger write cannot be taken: the server turns it into a 409 with this code and message. */
export interface LedgerRefusal {
  code: "TRANCHE_NOT_FOUND" | "TRANCHE_CANCELLED" | "OVER_PAYMENT" | "OVER_RETURN";
  key:
    | "contract.tranche_not_found"
    | "contract.tranche_cancelled"
    | "contract.payment_exceeds_tranche"
    | "contract.payment_exceeds_value"
    | "contract.return_exceeds";
  label?: string;
  /** What is still available, in đồng. */
  available?: number;
}

export interface NewEntry {
  kind: "payment" | "return";
  trancheId: string | null;
  source: "city" | "other";
  amount: number;
}

/**
 * The plan and contract limits for a payment or return of `amount`; null when it fits. Pending entries count against
 * the limits, except when deciding one of them (it is then among the pending ones itself).
 */
export function limitRefusal(value: { city: number; other: number }, l: Ledger, e: NewEntry, deciding: boolean): LedgerRefusal | null {
  if (e.kind === "payment") {
    const t = l.tranches.find((x) => x.id === e.trancheId);
    if (!t) return { code: "TRANCHE_NOT_FOUND", key: "contract.tranche_not_found" };
    if (t.status === "cancelled") return { code: "TRANCHE_CANCELLED", key: "contract.tranche_cancelled", label: t.label };
    const s = trancheSums(l, t.id);
    const used = e.source === "city" ? s.paidCity + (deciding ? 0 : s.pendingCity) : s.paidOther + (deciding ? 0 : s.pendingOther);
    const planned = e.source === "city" ? t.amountCity : t.amountOther;
    if (used + e.amount > planned)
      return { code: "OVER_PAYMENT", key: "contract.payment_exceeds_tranche", label: t.label, available: Math.max(0, planned - used) };
    const total = netOnContract(l, e.source, !deciding);
    const max = e.source === "city" ? value.city : value.other;
    if (total + e.amount > max) return { code: "OVER_PAYMENT", key: "contract.payment_exceeds_value", available: Math.max(0, max - total) };
    return null;
  }
  const available = netOnContract(l, "city", false) - returnsOf(l, !deciding);
  return e.amount > available ? { code: "OVER_RETURN", key: "contract.return_exceeds", available: Math.max(0, available) } : null;
}

const vnd = (n: number) => formatNumber(n, "vi-VN");
/** Amounts in an English reason: grouped the English way (300,000,000 VND). */
const vndEn = (n: number) => formatNumber(n, "en-GB");

export interface SettlementInput {
  status: ContractStatus;
  /** The settled expenditure of the city budget, or null while not recorded. */
  spentCity: number | null;
  amountToReturn: number | null;
}

/** The settlement figures and, when not settled, each reason in both languages. */
export function settlementOf(c: SettlementInput, l: Ledger): Settlement & { reasons: { vi: string; en: string }[] } {
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
  if (pendingEntries > 0) reasons.push({ vi: `còn ${pendingEntries} khoản chờ duyệt`, en: `${pendingEntries} entries await approval` });
  if (openTranches > 0 && c.status !== "terminated")
    reasons.push({
      vi: `còn ${openTranches} đợt cấp kinh phí chưa cấp đủ hoặc chưa huỷ`,
      en: `${openTranches} tranches are neither paid in full nor cancelled`,
    });
  if (spent === null) reasons.push({ vi: "chưa ghi nhận số đã chi được quyết toán", en: "the settled expenditure is not recorded" });
  else if (outstanding !== 0)
    reasons.push({
      vi: `tạm ứng chưa quyết toán hết: đã cấp ${vnd(disbursed)} đồng, đã chi ${vnd(spent)} đồng, đã hoàn trả ${vnd(returned)} đồng`,
      en: `advances are not settled: disbursed ${vndEn(disbursed)} VND, spent ${vndEn(spent)} VND, returned ${vndEn(returned)} VND`,
    });
  if (c.status === "terminated" && (c.amountToReturn ?? 0) > returned)
    reasons.push({
      vi: `chưa hoàn trả đủ ${vnd(c.amountToReturn ?? 0)} đồng theo quyết định chấm dứt`,
      en: `the ${vndEn(c.amountToReturn ?? 0)} VND to return on termination are not all returned`,
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
