import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  limitRefusal,
  netOnContract,
  planSum,
  returnsOf,
  settlementOf,
  trancheSums,
  type Ledger,
  type LedgerEntry,
  type LedgerTranche,
} from "./contract-ledger.js";

const VALUE = { city: 1_000, other: 300 };
const TRANCHES: LedgerTranche[] = [
  { id: "t1", kind: "advance", label: "Tạm ứng", amountCity: 400, amountOther: 0, status: "planned" },
  { id: "t2", kind: "tranche", label: "Đợt 2", amountCity: 600, amountOther: 300, status: "planned" },
];

type Step =
  { op: "record"; kind: "payment" | "return"; tranche: 0 | 1; source: "city" | "other"; amount: number } | { op: "decide"; index: number; approve: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant("record" as const),
    kind: fc.constantFrom("payment" as const, "return" as const),
    tranche: fc.constantFrom(0 as const, 1 as const),
    source: fc.constantFrom("city" as const, "other" as const),
    amount: fc.integer({ min: 1, max: 700 }),
  }),
  fc.record({ op: fc.constant("decide" as const), index: fc.nat(30), approve: fc.boolean() }),
);

/** Plays the steps as the server does: an entry is recorded or approved only when the ledger's limits allow it. */
function play(steps: Step[]): Ledger {
  const l: Ledger = { tranches: TRANCHES.map((t) => ({ ...t })), payments: [] };
  let n = 0;
  for (const s of steps) {
    if (s.op === "record") {
      const e = {
        kind: s.kind,
        trancheId: s.kind === "payment" ? TRANCHES[s.tranche].id : null,
        source: s.kind === "return" ? ("city" as const) : s.source,
        amount: s.amount,
      };
      if (limitRefusal(VALUE, l, e, false)) continue;
      l.payments.push({ id: `p${++n}`, ...e, status: "pending", reversesId: null });
    } else {
      const pending = l.payments.filter((p) => p.status === "pending");
      const p = pending[s.index % Math.max(1, pending.length)];
      if (!p) continue;
      if (
        s.approve &&
        p.kind !== "reversal" &&
        limitRefusal(VALUE, l, { kind: p.kind as "payment" | "return", trancheId: p.trancheId, source: p.source, amount: p.amount }, true)
      )
        continue;
      p.status = s.approve ? "approved" : "rejected";
    }
  }
  return l;
}

describe("contract ledger", () => {
  it("never lets a tranche, the contract value or the returns go beyond their limits, pending entries included", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const l = play(steps);
        for (const t of l.tranches) {
          const s = trancheSums(l, t.id);
          expect(s.paidCity + s.pendingCity).toBeLessThanOrEqual(t.amountCity);
          expect(s.paidOther + s.pendingOther).toBeLessThanOrEqual(t.amountOther);
        }
        expect(netOnContract(l, "city", true)).toBeLessThanOrEqual(VALUE.city);
        expect(netOnContract(l, "other", true)).toBeLessThanOrEqual(VALUE.other);
        expect(returnsOf(l, true)).toBeLessThanOrEqual(netOnContract(l, "city", false));
      }),
    );
  });

  it("settles exactly when nothing waits, the plan is paid, spending is recorded and disbursed − spent − returned = 0", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.option(fc.integer({ min: 0, max: 1_000 }), { nil: null }), (steps, spent) => {
        const l = play(steps);
        const s = settlementOf({ status: "signed", spentCity: spent, amountToReturn: null }, l);
        const approvedCity = (p: LedgerEntry) => p.status === "approved" && p.source === "city";
        expect(s.disbursed).toBe(l.payments.filter((p) => approvedCity(p) && p.kind === "payment").reduce((a, p) => a + p.amount, 0));
        expect(s.returned).toBe(l.payments.filter((p) => approvedCity(p) && p.kind === "return").reduce((a, p) => a + p.amount, 0));
        const planPaid = l.tranches.every((t) => trancheSums(l, t.id).paidCity === t.amountCity && trancheSums(l, t.id).paidOther === t.amountOther);
        const expected = s.pendingEntries === 0 && planPaid && spent !== null && s.disbursed - spent - s.returned === 0;
        expect(s.settled).toBe(expected);
        expect(s.reasons.length === 0).toBe(expected);
        expect(s.planned).toBe(planSum(l));
      }),
    );
  });

  it("counts a reversal against its tranche and a reversed return as a return", () => {
    const l: Ledger = {
      tranches: TRANCHES,
      payments: [
        { id: "a", trancheId: "t1", kind: "payment", source: "city", amount: 400, status: "approved", reversesId: null },
        { id: "b", trancheId: "t1", kind: "reversal", source: "city", amount: -100, status: "approved", reversesId: "a" },
        { id: "c", trancheId: null, kind: "return", source: "city", amount: 50, status: "approved", reversesId: null },
        { id: "d", trancheId: null, kind: "reversal", source: "city", amount: -20, status: "approved", reversesId: "c" },
      ],
    };
    expect(trancheSums(l, "t1").paidCity).toBe(300);
    expect(limitRefusal(VALUE, l, { kind: "payment", trancheId: "t1", source: "city", amount: 101 }, false)).toMatchObject({
      code: "OVER_PAYMENT",
      available: 100,
    });
    expect(limitRefusal(VALUE, l, { kind: "payment", trancheId: "t1", source: "city", amount: 100 }, false)).toBeNull();
    expect(returnsOf(l, false)).toBe(30);
    expect(limitRefusal(VALUE, l, { kind: "return", trancheId: null, source: "city", amount: 271 }, false)).toMatchObject({
      code: "OVER_RETURN",
      available: 270,
    });
    const cancelled: Ledger = { ...l, tranches: [{ ...TRANCHES[0], status: "cancelled" }, TRANCHES[1]] };
    expect(planSum(cancelled)).toBe(300 + 600);
    expect(limitRefusal(VALUE, cancelled, { kind: "payment", trancheId: "t1", source: "city", amount: 1 }, false)).toMatchObject({ code: "TRANCHE_CANCELLED" });
  });
});
