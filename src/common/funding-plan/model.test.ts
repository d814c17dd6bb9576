// The funding plan model: the printed plan as transcribed, the inputs implied from it, the model's recomputation with
// its arithmetic, and property tests of the arithmetic. The checks of the printed figures are in checks.test.ts.
import fs from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COLUMN_KEYS, impliedInputs, planTable, printedText, PRINTED_ROWS, recompute, recomputeYear, type YearInputs } from "./index.js";

/** equal up to floating-point noise relative to the magnitude */
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

const baselineTable = (lang: "vi" | "en" = "vi") => planTable(impliedInputs(PRINTED_ROWS), { baseline: null, source: PRINTED_ROWS, lang });

describe("the printed plan", () => {
  it("matches the plan's transcription (docs/plan/plan-facts.json) cell by cell", () => {
    const facts = JSON.parse(fs.readFileSync(new URL("../../../docs/plan/plan-facts.json", import.meta.url), "utf8")).funding_plan_2014_2020;
    expect(PRINTED_ROWS).toHaveLength(facts.rows.length);
    facts.rows.forEach((r: any, i: number) => {
      const p = PRINTED_ROWS[i]!;
      expect([p.label, p.year, p.sourceLine]).toEqual([r.row, r.year, r.source_line]);
      for (const k of COLUMN_KEYS) {
        const c = r.cells[k];
        expect(p.cells[k]).toEqual({ original: c.original, value: c.value, decimals: c.decimals_printed, sourceLine: c.source_line });
      }
    });
  });

  it("implies GDP and spending from the printed totals and the stated shares, marked as implied", () => {
    const inputs = impliedInputs(PRINTED_ROWS);
    expect(inputs.map((i) => i.year)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    const y2014 = inputs[0]!;
    expect(y2014).toMatchObject({ socialSharePct: 1.5, cityBudgetSharePct: 2, recurrentSharePct: 50, gdpImplied: true, citySpendingImplied: true });
    expect(y2014.gdp).toBeCloseTo(1223.584 / 0.015, 6);
    expect(y2014.citySpending).toBe(15200);
    expect(inputs[2]!.socialSharePct).toBe(2);
    const t = baselineTable();
    expect(t.rows[0]!.inputs!.explanation).toEqual({ gdp: "1.223,584 ÷ 1,5% = 81.572,267", citySpending: "304 ÷ 2% = 15.200" });
  });
});

describe("the model's recomputation of the baseline", () => {
  it("reproduces the printed social and city totals from the implied inputs, and chains the rest with its arithmetic", () => {
    const t = baselineTable();
    for (const printed of PRINTED_ROWS.filter((p) => p.year !== null)) {
      const row = t.rows.find((r) => r.year === printed.year)!;
      expect(row.sourceLine).toBe(printed.sourceLine);
      const v = (k: string) => row.cells.find((c) => c.key === k)!.recomputed!;
      close(v("social_total"), printed.cells.social_total.value);
      close(v("city_budget_total"), printed.cells.city_budget_total.value);
      // chained: other = social − city from the model's values, not the printed "other"
      close(v("other_total"), v("social_total") - v("city_budget_total"));
      for (const c of row.cells) expect(c).toMatchObject({ baseline: null, deltaFromBaseline: null });
    }
    expect(t.rows.at(-1)!.label).toBe("Tổng");
    expect(baselineTable("en").rows.at(-1)!.label).toBe("Total");
  });

  it("states the model's arithmetic in the reader's language, with no comparison to the print", () => {
    const vi = baselineTable("vi").rows[0]!.cells.find((c) => c.key === "other_total")!;
    expect(vi).toMatchObject({ recomputed: 919.584, arithmetic: "1.223,584 − 304 = 919,584" });
    const en = baselineTable("en").rows[0]!.cells.find((c) => c.key === "other_total")!;
    expect(en.arithmetic).toBe("1,223.584 − 304 = 919.584");
    const half2018 = baselineTable()
      .rows.find((r) => r.year === 2018)!
      .cells.find((c) => c.key === "social_recurrent")!;
    expect(half2018).toMatchObject({ recomputed: 1347.7475, arithmetic: "2.695,495 × 50% = 1.347,7475" });
  });

  it("writes a printed figure in English with its printed digits kept", () => {
    expect(printedText(PRINTED_ROWS[1]!.cells.social_total, "en")).toBe("1,382.650");
    expect(printedText(PRINTED_ROWS[1]!.cells.social_total, "vi")).toBe("1.382,650");
    expect(printedText(PRINTED_ROWS[2]!.cells.other_total, "en")).toBe("1,704.0");
  });
});

describe("properties of the model", () => {
  const amount = fc.integer({ min: 0, max: 10_000_000_000 }).map((x) => x / 1000); // tỷ đồng with 3 decimals
  const sharePct = fc.integer({ min: 0, max: 1000 }).map((x) => x / 100);
  const yearInputs = (year: number): fc.Arbitrary<YearInputs> =>
    fc.record({
      year: fc.constant(year),
      gdp: amount,
      citySpending: amount,
      socialSharePct: sharePct,
      cityBudgetSharePct: sharePct,
      recurrentSharePct: fc.integer({ min: 0, max: 100 }),
      gdpImplied: fc.boolean(),
      citySpendingImplied: fc.boolean(),
    });
  const plan = fc.tuple(...[2014, 2015, 2016, 2017, 2018, 2019, 2020].map(yearInputs));

  it("halves add up to their totals; other = social − city; the share is other ÷ social", () => {
    fc.assert(
      fc.property(yearInputs(2016), (i) => {
        const v = recomputeYear(i);
        close(v.social_recurrent! + v.social_development!, v.social_total!);
        close(v.city_budget_recurrent! + v.city_budget_development!, v.city_budget_total!);
        close(v.other_total! + v.city_budget_total!, v.social_total!);
        if (v.social_total! > 0) close(v.other_pct_of_social!, (v.other_total! / v.social_total!) * 100);
        else expect(v.other_pct_of_social).toBeNull();
      }),
    );
  });

  it("the total row is the sum of the years, its share recomputed from the sums", () => {
    fc.assert(
      fc.property(plan, (inputs) => {
        const r = recompute(inputs);
        for (const k of COLUMN_KEYS.filter((k) => k !== "other_pct_of_social")) {
          close(
            r.total[k]!,
            r.years.reduce((s, y) => s + y.values[k]!, 0),
          );
        }
      }),
    );
  });

  it("a scenario reports its difference from the baseline in every cell", () => {
    fc.assert(
      fc.property(plan, plan, (a, b) => {
        const t = planTable(a, { baseline: b, source: PRINTED_ROWS, lang: "en" });
        const ra = recompute(a);
        const rb = recompute(b);
        t.rows.forEach((row, i) => {
          const va = i < ra.years.length ? ra.years[i]!.values : ra.total;
          const vb = i < rb.years.length ? rb.years[i]!.values : rb.total;
          for (const c of row.cells) {
            expect(c.baseline).toBe(vb[c.key]);
            if (va[c.key] !== null && vb[c.key] !== null) close(c.deltaFromBaseline!, va[c.key]! - vb[c.key]!);
          }
        });
      }),
      { numRuns: 100 },
    );
  });
});
