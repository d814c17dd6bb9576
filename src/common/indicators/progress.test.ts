// Property tests of the progress-status method (Statistics Canada / Open SDG) and of the target path.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PROGRESS_STATUSES, cagr, progressStatus, type Direction, type ProgressStatus } from "./progress.js";
import { judgedTarget, targetPath, targetValue } from "./targets.js";

const rank = (s: ProgressStatus | null) => (s === null ? -1 : PROGRESS_STATUSES.length - 1 - PROGRESS_STATUSES.indexOf(s));
const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true, noDefaultInfinity: true });
const baseYear = fc.integer({ min: 1990, max: 2030 });

/** baseline, a later latest year, a later (or equal) target year, positive values */
const scenario = fc
  .record({ y0: positive, t0: baseYear, dLatest: fc.integer({ min: 1, max: 20 }), dTarget: fc.integer({ min: 1, max: 25 }), yT: positive, yi: positive })
  .map((s) => ({ ...s, ti: s.t0 + s.dLatest, tT: s.t0 + s.dTarget }));

describe("progress status (Statistics Canada / Open SDG method)", () => {
  it("is 'achieved' exactly when the latest value meets the target in the desired direction", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom<Direction>("increase", "decrease", "at_least", "at_most"), (s, direction) => {
        const r = progressStatus({
          direction,
          baseline: { year: s.t0, value: s.y0 },
          values: [{ year: s.ti, value: s.yi }],
          target: { year: s.tT, value: s.yT },
        });
        const meets = direction === "increase" || direction === "at_least" ? s.yi >= s.yT : s.yi <= s.yT;
        expect(r.status === "achieved").toBe(meets);
        expect(r.status).not.toBeNull();
      }),
    );
  });

  it("never gets worse when the latest value moves in the desired direction (monotone)", () => {
    fc.assert(
      fc.property(scenario, positive, fc.constantFrom<Direction>("increase", "decrease"), (s, other, direction) => {
        const status = (v: number) =>
          progressStatus({ direction, baseline: { year: s.t0, value: s.y0 }, values: [{ year: s.ti, value: v }], target: { year: s.tT, value: s.yT } }).status;
        const [lo, hi] = s.yi <= other ? [s.yi, other] : [other, s.yi];
        const better = direction === "increase" ? hi : lo;
        const worse = direction === "increase" ? lo : hi;
        expect(rank(status(better))).toBeGreaterThanOrEqual(rank(status(worse)));
      }),
    );
  });

  it("a value on the required growth path is on track (substantial) or achieved", () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom<Direction>("increase", "decrease"), (s, direction) => {
        fc.pre(s.dLatest < s.dTarget);
        // a target in the desired direction from the baseline
        const yT = direction === "increase" ? s.y0 * (1 + s.yT / 1e6 + 0.1) : s.y0 / (1 + s.yT / 1e6 + 0.1);
        const onPath = s.y0 * Math.pow(yT / s.y0, s.dLatest / s.dTarget);
        const r = progressStatus({
          direction,
          baseline: { year: s.t0, value: s.y0 },
          values: [{ year: s.ti, value: onPath }],
          target: { year: s.tT, value: yT },
        });
        expect(["substantial", "achieved"]).toContain(r.status);
        if (r.status === "substantial") expect(r.ratio!).toBeCloseTo(1, 6);
      }),
    );
  });

  it("moving away from the baseline against the desired direction is deterioration", () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (s, f) => {
        const yT = s.y0 * 2; // target above the baseline
        const r = progressStatus({
          direction: "increase",
          baseline: { year: s.t0, value: s.y0 },
          values: [{ year: s.ti, value: s.y0 * f }],
          target: { year: s.tT, value: yT },
        });
        expect(r.status).toBe("deterioration");
        expect(r.ratio!).toBeLessThan(0);
        const d = progressStatus({
          direction: "decrease",
          baseline: { year: s.t0, value: s.y0 },
          values: [{ year: s.ti, value: s.y0 / f }],
          target: { year: s.tT, value: s.y0 / 2 },
        });
        expect(d.status).toBe("deterioration");
      }),
    );
  });

  it("classes the ratio of actual to required growth at 0.95 / 0.6 / 0", () => {
    // baseline 100 in 2010, target 200 in 2020: required CAGR = 2^(1/10) − 1
    const req = cagr(100, 2010, 200, 2020);
    const at = (ratio: number) => {
      const v = 100 * Math.pow(1 + ratio * req, 5);
      return progressStatus({
        direction: "increase",
        baseline: { year: 2010, value: 100 },
        values: [{ year: 2015, value: v }],
        target: { year: 2020, value: 200 },
      });
    };
    expect(at(0.96).status).toBe("substantial");
    expect(at(0.94).status).toBe("moderate");
    expect(at(0.61).status).toBe("moderate");
    expect(at(0.59).status).toBe("limited");
    expect(at(0.01).status).toBe("limited");
    expect(at(-0.01).status).toBe("deterioration");
    expect(at(0.5).ratio!).toBeCloseTo(0.5, 9);
  });

  it("without a target, classes the observed growth (1.5 % / 0.5 % / 0 per year)", () => {
    const st = (v: number, direction: Direction = "increase") =>
      progressStatus({ direction, baseline: { year: 2010, value: 100 }, values: [{ year: 2011, value: v }], target: null });
    expect(st(102).status).toBe("substantial");
    expect(st(101).status).toBe("moderate");
    expect(st(100.2).status).toBe("limited");
    expect(st(99).status).toBe("deterioration");
    expect(st(98, "decrease").status).toBe("substantial");
    expect(st(102).method).toBe("trend");
  });

  it("has no status, with a reason, when the data do not allow one", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const base = { year: s.t0, value: s.y0 };
        expect(progressStatus({ direction: "increase", baseline: base, values: [], target: { year: s.tT, value: s.yT } })).toMatchObject({
          status: null,
          reason: "no_values",
        });
        const notMet = { year: s.tT, value: s.yi * 2 };
        expect(progressStatus({ direction: "increase", baseline: null, values: [{ year: s.ti, value: s.yi }], target: notMet })).toMatchObject({
          status: null,
          reason: "no_baseline",
        });
        expect(
          progressStatus({ direction: "increase", baseline: { year: s.ti, value: s.y0 }, values: [{ year: s.ti, value: s.yi }], target: notMet }),
        ).toMatchObject({
          status: null,
          reason: "latest_not_after_baseline",
        });
        expect(
          progressStatus({ direction: "increase", baseline: { year: s.t0, value: 0 }, values: [{ year: s.ti, value: s.yi }], target: notMet }),
        ).toMatchObject({
          status: null,
          reason: "non_positive_value",
        });
      }),
    );
  });

  it("every number it gives is finite, whatever the positive figures; past a number's range it says why instead", () => {
    // Figures from the whole range a double holds (a consolidated total may be 1e300, a stored baseline 5e-324).
    const any = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(any, any, any, fc.constantFrom<Direction>("increase", "decrease"), (y0, yi, yT, direction) => {
        const r = progressStatus({ direction, baseline: { year: 2000, value: y0 }, values: [{ year: 2001, value: yi }], target: { year: 2002, value: yT } });
        for (const n of [r.actualGrowth, r.requiredGrowth, r.ratio]) if (n !== null) expect(Number.isFinite(n)).toBe(true);
        const path = targetPath(direction, { year: 2000, value: y0 }, [{ year: 2002, value: yT, min: null, max: null, bound: "exact" }]);
        for (const p of path) expect(Number.isFinite(p.value)).toBe(true);
      }),
    );
    const tiny = progressStatus({
      direction: "increase",
      baseline: { year: 2000, value: 5e-324 },
      values: [{ year: 2001, value: 10 }],
      target: { year: 2010, value: 1e15 },
    });
    expect(tiny).toMatchObject({ status: null, reason: "growth_out_of_range", latest: { year: 2001, value: 10 } });
    const path = targetPath("increase", { year: 2000, value: 5e-324 }, [{ year: 2002, value: 30, min: null, max: null, bound: "exact" }]);
    expect(path[1]!.value / (Math.sqrt(5e-324) * Math.sqrt(30))).toBeCloseTo(1, 9); // halfway at a constant rate
  });

  it("uses the latest year's value whatever the order of the values", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ year: fc.integer({ min: 2011, max: 2040 }), value: positive }), { selector: (p) => p.year, minLength: 1, maxLength: 10 }),
        (values) => {
          const r = progressStatus({ direction: "increase", baseline: { year: 2010, value: 10 }, values, target: { year: 2050, value: 1e7 } });
          expect(r.latest!.year).toBe(Math.max(...values.map((v) => v.year)));
        },
      ),
    );
  });
});

describe("targets and the target path", () => {
  it("judges a range by its lower bound when increasing and its upper bound when decreasing", () => {
    fc.assert(
      fc.property(positive, positive, (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        const t = { year: 2020, value: null, min, max, bound: "range" };
        expect(targetValue("increase", t)).toBe(min);
        expect(targetValue("at_least", t)).toBe(min);
        expect(targetValue("decrease", t)).toBe(max);
      }),
    );
  });

  it("judges the first target not before the latest year, else the last", () => {
    const ts = [
      { year: 2020, value: 40, min: null, max: null, bound: "exact" },
      { year: 2015, value: 30, min: null, max: null, bound: "exact" },
    ];
    expect(judgedTarget("increase", ts, 2013)!.year).toBe(2015);
    expect(judgedTarget("increase", ts, 2016)!.year).toBe(2020);
    expect(judgedTarget("increase", ts, 2025)!.year).toBe(2020);
    expect(judgedTarget("increase", [], 2025)).toBeNull();
  });

  it("the path starts at the baseline, passes through every target and is monotone between them", () => {
    fc.assert(
      fc.property(
        fc.record({ y0: positive, t0: baseYear }),
        fc.uniqueArray(fc.record({ d: fc.integer({ min: 1, max: 30 }), value: positive }), { selector: (t) => t.d, minLength: 1, maxLength: 5 }),
        (b, ts) => {
          const targets = ts.map((t) => ({ year: b.t0 + t.d, value: t.value, min: null, max: null, bound: "exact" }));
          const path = targetPath("increase", { year: b.t0, value: b.y0 }, targets);
          expect(path[0]).toEqual({ year: b.t0, value: b.y0 });
          expect(path.map((p) => p.year)).toEqual(path.map((_, i) => b.t0 + i));
          for (const t of targets) expect(path.find((p) => p.year === t.year)!.value).toBeCloseTo(t.value!, 6);
          const anchors = [{ year: b.t0, value: b.y0 }, ...targets.sort((x, y) => x.year - y.year)];
          for (let i = 1; i < anchors.length; i++) {
            const seg = path.filter((p) => p.year >= anchors[i - 1]!.year && p.year <= anchors[i]!.year).map((p) => p.value);
            const up = anchors[i]!.value! >= anchors[i - 1]!.value!;
            for (let k = 1; k < seg.length; k++)
              expect(up ? seg[k]! >= seg[k - 1]! - 1e-9 * Math.abs(seg[k]!) : seg[k]! <= seg[k - 1]! + 1e-9 * Math.abs(seg[k]!)).toBe(true);
          }
        },
      ),
    );
  });
});
