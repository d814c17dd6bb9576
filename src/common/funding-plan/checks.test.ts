// The checks of the printed plan: the interval rules as properties (soundness, detection, ordering, monotony), the
// exact rational arithmetic under them, and the classification of the plan's own table, check by check, as reasoned
// in ARCHITECTURE.md ("Funding plan").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHECK_CLASSES,
  checkPrintedPlan,
  classHolds,
  classify,
  classRank,
  figureInterval,
  PRINTED_ROWS,
  Rat,
  ratText,
  relationInterval,
  relationValue,
  type CheckClass,
  type Figure,
  type PrintedRow,
  type Relation,
} from "./index.js";

// ─── helpers: true values, and their rounding to a printed precision ───

/** x rounded to d decimals; a tie goes up or down as asked (the plan states no rule for ties) */
function roundTo(x: Rat, d: number, tieUp: boolean): Figure {
  const lo = x.scaled(d, "down");
  const hi = x.scaled(d, "up");
  const below = x.sub(Rat.decimal(lo, d));
  const above = Rat.decimal(hi, d).sub(x);
  const m = below.lt(above) ? lo : above.lt(below) ? hi : tieUp ? hi : lo;
  return { value: Rat.decimal(m, d), decimals: d };
}

const at = (x: Rat, d: number): Figure => ({ value: x, decimals: d });

/** a true amount with six decimals, up to 10^7 (tỷ đồng); `whole` makes it an integer */
const amount = (whole: boolean) =>
  whole ? fc.bigInt({ min: 0n, max: 10_000_000n }).map((n) => Rat.of(n)) : fc.bigInt({ min: 0n, max: 10n ** 13n }).map((n) => Rat.decimal(n, 6));
const decimals = fc.integer({ min: 0, max: 3 });
const coef = fc.constantFrom(Rat.of(1), Rat.of(-1), Rat.of(1, 2));

/** a linear relation's true terms and the decimals each is printed with */
const linearTerms = (wholesExact: boolean) =>
  fc.array(
    fc.record({ coef, decimals }).chain(({ coef, decimals }) => amount(wholesExact && decimals === 0).map((x) => ({ coef, decimals, x }))),
    { minLength: 1, maxLength: 8 },
  );

const linearOf = (terms: { coef: Rat; figure: Figure }[]): Relation => ({ kind: "linear", terms });

const rank = (c: CheckClass) => classRank(c);

describe("exact rationals", () => {
  it("hold a printed figure exactly and round it back to its digits", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), decimals, (m, d) => {
        const x = Rat.decimal(m, d);
        expect(x.scaled(d)).toBe(m);
        expect(Rat.printed(x.toNumber(), d).eq(x)).toBe(true);
        expect(x.terminatingDecimals()! <= d).toBe(true);
      }),
    );
    expect(ratText(Rat.of(2, 3), "vi", { maxDecimals: 4 })).toEqual({ text: "0,6667", exact: false });
    expect(ratText(Rat.of(2, 3), "en", { maxDecimals: 4, mode: "down" }).text).toBe("0.6666");
    expect(ratText(Rat.decimal(13118817n, 3), "en").text).toBe("13,118.817");
    expect(Rat.decimal(-25n, 1).scaled(0)).toBe(-3n); // half away from zero
  });

  it("give the interval a printed figure stands for; whole numbers exact until widened to ±½", () => {
    const i = figureInterval(at(Rat.decimal(9205n, 1), 1), false);
    expect([i.lo.toNumber(), i.hi.toNumber()]).toEqual([920.45, 920.55]);
    const w = figureInterval(at(Rat.of(304), 0), false);
    expect(w.lo.eq(Rat.of(304)) && w.hi.eq(Rat.of(304))).toBe(true);
    const ww = figureInterval(at(Rat.of(304), 0), true);
    expect([ww.lo.toNumber(), ww.hi.toNumber()]).toEqual([303.5, 304.5]);
  });
});

describe("properties of the interval rules", () => {
  it("soundness: true values rounded to their printed precision are classed at worst 'explainable by rounding' (linear)", () => {
    fc.assert(
      fc.property(linearTerms(true), fc.integer({ min: 1, max: 3 }), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), (terms, dr, ties) => {
        const truth = terms.reduce((s, t) => s.add(t.coef.mul(t.x)), Rat.of(0));
        const rel = linearOf(terms.map((t, i) => ({ coef: t.coef, figure: roundTo(t.x, t.decimals, ties[i]!) })));
        const c = classify(roundTo(truth, dr, ties[8]!), rel);
        expect(rank(c.cls)).toBeLessThanOrEqual(rank("decimals"));
      }),
    );
  });

  it("soundness: the same for a share (part ÷ whole × 100)", () => {
    fc.assert(
      fc.property(decimals, decimals, fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.boolean(), fc.boolean(), (dn, dd, dr, t1, t2, t3) =>
        fc.assert(
          fc.property(
            amount(dn === 0),
            amount(dd === 0).filter((y) => Rat.of(1).le(y)),
            (x, y) => {
              const rel: Relation = { kind: "ratio", num: roundTo(x, dn, t1), den: roundTo(y, dd, t2), factor: Rat.of(100) };
              const c = classify(roundTo(Rat.of(100).mul(x).div(y), dr, t3), rel);
              expect(rank(c.cls)).toBeLessThanOrEqual(rank("decimals"));
            },
          ),
          { numRuns: 5 },
        ),
      ),
      { numRuns: 40 },
    );
  });

  it("soundness: when whole-number figures are themselves roundings, at worst 'explainable only if whole numbers were rounded'", () => {
    fc.assert(
      fc.property(linearTerms(false), decimals, fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), (terms, dr, ties) => {
        const truth = terms.reduce((s, t) => s.add(t.coef.mul(t.x)), Rat.of(0));
        const rel = linearOf(terms.map((t, i) => ({ coef: t.coef, figure: roundTo(t.x, t.decimals, ties[i]!) })));
        expect(rank(classify(roundTo(truth, dr, ties[8]!), rel).cls)).toBeLessThanOrEqual(rank("wholes"));
      }),
    );
  });

  it("an error larger than the widest interval is flagged as inconsistent", () => {
    fc.assert(
      fc.property(linearTerms(false), decimals, fc.integer({ min: 1, max: 10_000 }), fc.boolean(), (terms, dr, extra, up) => {
        const rel = linearOf(terms.map((t) => ({ coef: t.coef, figure: roundTo(t.x, t.decimals, true) })));
        const v = relationValue(rel)!;
        const widest = relationInterval(rel, true)!;
        // beyond the widened range's width plus a whole unit of the result's last digit
        const bound = widest.hi.sub(widest.lo).add(Rat.decimal(1n, dr));
        const e = bound.add(Rat.decimal(BigInt(extra), 4));
        const printed = roundTo(up ? v.add(e) : v.sub(e), dr, true);
        const c = classify(printed, rel);
        expect(c.cls).toBe("inconsistent");
        expect(c.gap!.sign()).toBe(1);
      }),
    );
  });

  it("the classes are ordered: each class's condition implies the next, and a check gets the first that holds", () => {
    fc.assert(
      fc.property(linearTerms(false), decimals, fc.integer({ min: -6, max: 1 }), fc.integer({ min: -9, max: 9 }), (terms, dr, scale, k) => {
        const rel = linearOf(terms.map((t) => ({ coef: t.coef, figure: roundTo(t.x, t.decimals, false) })));
        const v = relationValue(rel)!;
        const noise = Rat.of(k).mul(scale >= 0 ? Rat.of(10n ** BigInt(scale)) : Rat.of(1n, 10n ** BigInt(-scale)));
        const printed = roundTo(v.add(noise), dr, k > 0);
        const holds = CHECK_CLASSES.map((cls) => classHolds(cls, printed, rel));
        for (let i = 0; i + 1 < holds.length; i++) if (holds[i]) expect(holds[i + 1], CHECK_CLASSES[i]).toBe(true);
        expect(classify(printed, rel).cls).toBe(CHECK_CLASSES[holds.indexOf(true)]);
      }),
    );
  });

  it("moving the printed result further from the computed value never gives a better class", () => {
    fc.assert(
      fc.property(linearTerms(false), decimals, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.boolean(), (terms, dr, a, b, up) => {
        const rel = linearOf(terms.map((t) => ({ coef: t.coef, figure: roundTo(t.x, t.decimals, true) })));
        const v = relationValue(rel)!;
        const near = Rat.decimal(BigInt(Math.min(a, b)), 3);
        const far = Rat.decimal(BigInt(Math.max(a, b)), 3);
        // both on the same side of v, printed at the result's precision
        const side = (e: Rat) => (up ? Rat.decimal(v.add(e).scaled(dr, "up"), dr) : Rat.decimal(v.sub(e).scaled(dr, "down"), dr));
        const c1 = classify(at(side(near), dr), rel).cls;
        const c2 = classify(at(side(far), dr), rel).cls;
        expect(rank(c1)).toBeLessThanOrEqual(rank(c2));
      }),
    );
  });

  it("on the plan itself: any printed result moved beyond its widest interval makes its check an error", () => {
    const base = checkPrintedPlan(PRINTED_ROWS, "vi").checks;
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.integer({ min: 1, max: 1000 }), fc.boolean(), (check, extra, up) => {
        const w = check.widenedRange!;
        const result = check.figures.find((f) => f.role === "result")!;
        const d = result.cell.decimals;
        const unit = 10 ** -d;
        const e = w[1] - w[0] + unit + extra * unit;
        const moved = Math.round((check.value! + (up ? e : -e)) * 10 ** d) / 10 ** d;
        const rows: PrintedRow[] = structuredClone(PRINTED_ROWS);
        const row = rows.find((r) => r.label === result.row)!;
        row.cells[result.key] = { ...row.cells[result.key], value: moved, original: String(moved) };
        const after = checkPrintedPlan(rows, "vi").checks.find((c) => c.id === check.id)!;
        expect(after.class).toBe("inconsistent");
      }),
      { numRuns: 80 },
    );
  });
});

describe("the plan's printed table, check by check", () => {
  const report = checkPrintedPlan(PRINTED_ROWS, "vi");
  const byId = new Map(report.checks.map((c) => [c.id, c]));

  // Every check not listed here is exact. The reasoning for each line is in ARCHITECTURE.md ("Funding plan").
  const expected: Record<string, CheckClass> = {
    // the three real inconsistencies of the print
    "2014:other_total:other": "inconsistent", // 1.223,584 − 304 = 919,584, printed 920,5: 0,3655 beyond any rounding
    "total:other_total:sum": "inconsistent", // the years' "other" add to 13.118,1, printed 13.118,817 (= 16.300,817 − 3.182)
    "total:other_pct_of_social:share": "inconsistent", // 13.118,817 ÷ 16.300,817 = 80,4795%, printed 80,474
    // other = social − city fits only if the whole-tỷ city budget is itself a rounding (e.g. 388,41 printed 388)
    "2015:other_total:other": "wholes",
    "2016:other_total:other": "wholes",
    "2017:other_total:other": "wholes",
    "2018:other_total:other": "wholes",
    "2019:other_total:other": "wholes",
    "2020:other_total:other": "wholes",
    // rounding of the printed decimals
    "2018:social_total:parts": "decimals", // 1.347,748 × 2 = 2.695,496 against 2.695,495
    "2019:social_total:parts": "decimals",
    "total:social_total:parts": "decimals",
    "2014:other_pct_of_social:share": "decimals", // "other" has one decimal: ±0,05 moves the share by ±0,004
    "2015:other_pct_of_social:share": "decimals",
    "2017:other_pct_of_social:share": "decimals",
    "2019:other_pct_of_social:share": "decimals",
    "2020:other_pct_of_social:share": "decimals",
    "total:social_total:sum": "decimals", // seven figures at ±0,0005: 16.300,816 against 16.300,817
    "total:social_recurrent:sum": "decimals",
    "total:social_development:sum": "decimals",
    // equal after rounding to the printed decimals
    "2018:social_recurrent:half": "rounded", // 1.347,7475 → 1.347,748
    "2018:social_development:half": "rounded",
    "2019:social_recurrent:half": "rounded", // 1.529,6935 → 1.529,694
    "2019:social_development:half": "rounded",
    "total:social_recurrent:half": "rounded", // 8.150,4085 → 8.150,408 (a tie)
    "total:social_development:half": "rounded",
    "2016:other_pct_of_social:share": "rounded",
    "2018:other_pct_of_social:share": "rounded",
  };

  it("has 71 checks: 8 relations in each of the 8 rows and 7 column sums", () => {
    expect(report.checks).toHaveLength(71);
    expect(new Set(report.checks.map((c) => c.id)).size).toBe(71);
    expect(report.checks.map((c) => c.number)).toEqual(Array.from({ length: 71 }, (_, i) => i + 1));
  });

  it("classes every check as reasoned, and flags exactly the 3 real inconsistencies", () => {
    for (const c of report.checks) expect([c.id, c.class]).toEqual([c.id, expected[c.id] ?? "exact"]);
    expect(report.counts).toEqual({ exact: 43, rounded: 8, decimals: 11, wholes: 6, inconsistent: 3 });
    expect(report.errorCount).toBe(3);
  });

  it("names the figures of each error, and marks them in the printed table", () => {
    const errors = report.checks.filter((c) => c.class === "inconsistent");
    expect(errors.map((c) => c.number)).toEqual([7, 64, 71]);
    const marked = report.rows.flatMap((r) => r.cells.filter((c) => c.errors.length).map((c) => `${r.label}:${c.key}:${c.errors.join("+")}`));
    expect(marked).toEqual([
      "2014:social_total:7",
      "2014:city_budget_total:7",
      "2014:other_total:7+71",
      ...[2015, 2016, 2017, 2018, 2019, 2020].map((y) => `${y}:other_total:71`),
      "Tổng:social_total:64",
      "Tổng:other_total:64+71",
      "Tổng:other_pct_of_social:64",
    ]);
    const c304 = report.rows[0]!.cells.find((c) => c.key === "city_budget_total")!;
    expect(c304).toMatchObject({ worst: "inconsistent", cell: { original: "304", sourceLine: 880 } });
    expect(report.rows[0]!.cells.find((c) => c.key === "city_budget_recurrent")!.worst).toBe("exact");
  });

  it("writes the arithmetic in the reader's language with the printed figures as printed", () => {
    const e = byId.get("2014:other_total:other")!;
    expect(e.arithmetic).toBe("1.223,584 − 304 = 919,584; bản in: 920,5");
    expect(e.explanation).toContain("[919,0835; 920,0845]");
    expect(e.explanation).toContain("[920,45; 920,55]");
    expect(e.explanation).toContain("ít nhất 0,3655");
    expect(e.gap).toBeCloseTo(0.3655, 12);
    expect(e.figures.map((f) => [f.role, f.cell.original, f.cell.sourceLine])).toEqual([
      ["result", "920,5", 883],
      ["operand", "1.223,584", 877],
      ["operand", "304", 880],
    ]);
    const w = byId.get("2016:other_total:other")!;
    expect(w.arithmetic).toBe("2.092,410 − 388 = 1.704,41; bản in: 1.704,0");
    expect(w.explanation).toContain("[1.703,9095; 1.704,9105]");
    const en = new Map(checkPrintedPlan(PRINTED_ROWS, "en").checks.map((c) => [c.id, c]));
    expect(en.get("2014:other_total:other")!.arithmetic).toBe("1,223.584 − 304 = 919.584; printed: 920.5");
    expect(en.get("2014:other_total:other")!.explanation).toContain("[919.0835, 920.0845]");
    expect(en.get("total:other_total:sum")!.arithmetic).toBe(
      "920.5 + 1,040.1 + 1,704.0 + 1,934.4 + 2,196.0 + 2,493.0 + 2,830.1 = 13,118.1; printed: 13,118.817",
    );
    expect(en.get("total:other_total:sum")!.rowLabel).toBe("Total");
    expect(byId.get("2018:social_recurrent:half")!.arithmetic).toBe("2.695,495 × 50% = 1.347,7475; bản in: 1.347,748");
    expect(byId.get("2016:other_pct_of_social:share")!.arithmetic).toBe("1.704,0 ÷ 2.092,410 × 100 ≈ 81,4371944; bản in: 81,437");
  });

  it("gives the same classes whatever the language", () => {
    const en = checkPrintedPlan(PRINTED_ROWS, "en");
    expect(en.checks.map((c) => [c.id, c.class])).toEqual(report.checks.map((c) => [c.id, c.class]));
  });
});
