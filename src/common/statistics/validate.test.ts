// The validation engine of statistical forms: every seeded form is consistent (rules name real numeric cells), and
// properties of the rules hold for random data: a table filled consistently has no rule error; breaking a sum, or
// putting more women than people, is caught at that row/column; a missing cell never passes a required check;
// unknown cells, wrong types, ranges and options are reported per cell.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SEEDED_FORMS } from "./forms/index.js";
import { checkFormDefinition, formCells, normaliseValue, validateReport, cellIndex } from "./validate.js";
import type { CellValues, FormDefinition } from "../api/statistics.js";

const form = (key: string) => SEEDED_FORMS.find((f) => f.key === key)!;
const nl = form("02-KHCN-NL");
const cp = form("03-KHCN-CP");
const QUAL = ["tskh", "ts", "ths", "dh", "cd", "other"];

/** A consistent 02/KHCN-NL: parts drawn at random, totals computed. */
const consistentStaff = fc
  .array(
    fc.record({
      total: fc.integer({ min: 0, max: 500 }),
      w: fc.double({ min: 0, max: 1, noNaN: true }),
      m: fc.double({ min: 0, max: 1, noNaN: true }),
      r: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
    { minLength: 6, maxLength: 6 },
  )
  .map((rows) => {
    const v: CellValues = { reporter_name: "Nguyễn Văn A", prepared_on: "2026-01-15" };
    const sums = { total: 0, women: 0, minority: 0, rd: 0 };
    rows.forEach((r, i) => {
      const cells = { total: r.total, women: Math.floor(r.total * r.w), minority: Math.floor(r.total * r.m), rd: Math.floor(r.total * r.r) };
      for (const [c, n] of Object.entries(cells)) {
        v[`staff.${QUAL[i]}.${c}`] = n;
        sums[c as keyof typeof sums] += n;
      }
    });
    for (const [c, n] of Object.entries(sums)) v[`staff.total.${c}`] = n;
    const doctors = (v["staff.tskh.total"] as number) + (v["staff.ts.total"] as number);
    v["titles.gs.total"] = Math.floor(doctors / 3);
    v["titles.gs.women"] = 0;
    v["titles.pgs.total"] = Math.floor(doctors / 3);
    v["titles.pgs.women"] = 0;
    return v;
  });

const errorsOf = (def: FormDefinition, v: CellValues) => validateReport(def, v).messages.filter((m) => m.severity === "error");

describe("seeded statistical forms", () => {
  it("are the five forms of TT 15/2018 with consistent definitions", () => {
    expect(SEEDED_FORMS.map((f) => f.code).sort()).toEqual(["01/KHCN-TC", "02/KHCN-NL", "03/KHCN-CP", "04/KHCN-NV", "08/KHCN-SHTT"]);
    for (const f of SEEDED_FORMS) expect(checkFormDefinition(f), f.code).toEqual([]);
  });
  it("use every field type", () => {
    const types = new Set(SEEDED_FORMS.flatMap((f) => formCells(f).map((c) => (c.kind === "field" ? c.field.type : "table"))));
    for (const ty of ["number", "integer", "text", "select", "date", "table"]) expect(types.has(ty as never), ty).toBe(true);
  });
  it("a definition with a rule naming a missing cell is refused", () => {
    const bad: FormDefinition = { ...nl, rules: [{ ...nl.rules[0]!, key: "bad", left: ["staff.nope.*"] }] };
    expect(checkFormDefinition(bad).join()).toMatch(/no cell staff\.nope/);
  });
});

describe("validation rules (property tests)", () => {
  it("a consistently filled 02/KHCN-NL has no errors", () => {
    fc.assert(
      fc.property(consistentStaff, (v) => {
        expect(errorsOf(nl, v)).toEqual([]);
      }),
    );
  });

  it("breaking one part of a column breaks exactly that column's sum rule", () => {
    fc.assert(
      fc.property(
        consistentStaff,
        fc.constantFrom(...QUAL),
        fc.constantFrom("total", "women", "minority", "rd"),
        fc.integer({ min: 1, max: 50 }),
        (v, row, col, delta) => {
          const broken = { ...v, [`staff.${row}.${col}`]: (v[`staff.${row}.${col}`] as number) + delta };
          const sumErrors = errorsOf(nl, broken).filter((m) => m.ruleKey === "staff_rows_sum");
          expect(sumErrors).toHaveLength(1);
          expect(sumErrors[0]!.cellKey).toBe(`staff.total.${col}`);
          expect(sumErrors[0]!.cellKeys).toContain(`staff.${row}.${col}`);
        },
      ),
    );
  });

  it("more women than people in a row is an error on that row (vi and en messages name the row)", () => {
    fc.assert(
      fc.property(consistentStaff, fc.constantFrom(...QUAL), fc.integer({ min: 1, max: 100 }), (v, row, extra) => {
        const total = v[`staff.${row}.total`] as number;
        const broken = { ...v, [`staff.${row}.women`]: total + extra };
        const m = errorsOf(nl, broken).filter((x) => x.ruleKey === "staff_women_le_total");
        expect(m).toHaveLength(1);
        expect(m[0]!.cellKey).toBe(`staff.${row}.women`);
        expect(m[0]!.messageVi).toContain("nữ");
        expect(m[0]!.messageEn).toContain("women");
      }),
    );
  });

  it("professors above the number of doctorates is an error", () => {
    fc.assert(
      fc.property(consistentStaff, fc.integer({ min: 1, max: 20 }), (v, extra) => {
        const doctors = (v["staff.tskh.total"] as number) + (v["staff.ts.total"] as number);
        const broken = { ...v, "titles.gs.total": doctors + extra, "titles.pgs.total": 0 };
        expect(errorsOf(nl, broken).some((m) => m.ruleKey === "titles_le_doctorates")).toBe(true);
      }),
    );
  });

  it("03/KHCN-CP: rows and columns both add up, with decimals compared exactly", () => {
    const money = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000); // up to 3 decimals, million VND
    fc.assert(
      fc.property(fc.array(fc.array(money, { minLength: 5, maxLength: 5 }), { minLength: 3, maxLength: 3 }), (grid) => {
        const rows = ["investment", "rd_tasks", "recurrent"];
        const cols = ["state_central", "state_local", "enterprise", "foreign", "other"];
        const v: CellValues = { reporter_name: "A", prepared_on: "2026-01-10" };
        const colSum = Object.fromEntries(cols.map((c) => [c, 0]));
        let all = 0;
        grid.forEach((line, i) => {
          let rowSum = 0;
          line.forEach((x, j) => {
            v[`spend.${rows[i]}.${cols[j]}`] = x;
            rowSum += x;
            colSum[cols[j]!] += x;
          });
          v[`spend.${rows[i]}.total`] = Math.round(rowSum * 1000) / 1000;
          all += rowSum;
        });
        for (const c of cols) v[`spend.total.${c}`] = Math.round(colSum[c]! * 1000) / 1000;
        v["spend.total.total"] = Math.round(all * 1000) / 1000;
        expect(errorsOf(cp, v)).toEqual([]);
      }),
    );
  });

  it("an empty report has only required errors, one per required cell, and no rule errors", () => {
    for (const def of SEEDED_FORMS) {
      const r = validateReport(def, {});
      expect(r.messages.every((m) => m.code === "required")).toBe(true);
      const required = formCells(def).filter((c) => (c.kind === "field" ? c.field.required : c.table.required));
      expect(r.errors).toBe(required.length);
    }
  });

  it("per-cell checks: type, whole numbers, range, options, dates, unknown cells", () => {
    const tc = form("01-KHCN-TC");
    const r = validateReport(tc, {
      org_type: "bank",
      founding_date: "2026-02-30",
      laboratories: "nhiều",
      affiliated_units: 2.5,
      accredited_laboratories: -1,
      nope: 3,
    });
    const by = (k: string) => r.messages.filter((m) => m.cellKey === k).map((m) => m.code);
    expect(by("org_type")).toEqual(["option"]);
    expect(by("founding_date")).toEqual(["type"]);
    expect(by("laboratories")).toEqual(["type"]);
    expect(by("affiliated_units")).toEqual(["type"]);
    expect(by("accredited_laboratories")).toEqual(["range"]);
    expect(by("nope")).toEqual(["unknown_cell"]);
  });

  it("numbers typed the Vietnamese way are read (1.234,5) and stored as numbers", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 9 }), (int, dec) => {
        const spec = cellIndex(cp).get("rd_spend")!;
        const vi = int.toLocaleString("vi-VN") + "," + dec;
        expect(normaliseValue(spec, vi).value).toBeCloseTo(int + dec / 10, 6);
        expect(normaliseValue(spec, String(int)).value).toBe(int);
      }),
    );
  });

  it("a rule whose cells are all empty is skipped; any filled cell makes missing ones count as 0", () => {
    const only = { "staff.ts.total": 5 };
    const msgs = errorsOf(nl, only).filter((m) => m.code === "rule");
    expect(msgs.map((m) => m.ruleKey)).toEqual(["staff_rows_sum"]);
  });
});
