// The validation engine of statistical forms: every seeded form is consistent (rules name real numeric cells), and
// properties of the rules hold for random data: a table filled consistently has no rule error; breaking a sum, or
// putting more women than people, is caught at that row/column; a missing cell never passes a required check;
// unknown cells, wrong types, ranges and options are reported per cell.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SEEDED_FORMS } from "./forms/index.js";
import { checkFormDefinition, formCells, normaliseValue, validateReport, cellIndex } from "./validate.js";
import { computeCells, computedCells, computedCycles, emptyTableInputs, inputValues } from "./computed.js";
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

  it("a Total typed against its parts is not used: the total is computed, with a warning naming both", () => {
    fc.assert(
      fc.property(
        consistentStaff,
        fc.constantFrom(...QUAL),
        fc.constantFrom("total", "women", "minority", "rd"),
        fc.integer({ min: 1, max: 50 }),
        (v, row, col, delta) => {
          const broken = { ...v, [`staff.${row}.${col}`]: (v[`staff.${row}.${col}`] as number) + delta };
          const r = validateReport(nl, broken);
          // the parts are what the user reported; the Total row follows them
          expect(r.values[`staff.total.${col}`]).toBe((v[`staff.total.${col}`] as number) + delta);
          const computedWarnings = r.messages.filter((m) => m.code === "computed");
          expect(computedWarnings.map((m) => m.cellKey)).toContain(`staff.total.${col}`);
          expect(computedWarnings.every((m) => m.severity === "warning")).toBe(true);
          const w = computedWarnings.find((m) => m.cellKey === `staff.total.${col}`)!;
          expect(w.messageVi).toContain(`giá trị gửi lên (${(v[`staff.total.${col}`] as number).toLocaleString("vi-VN")}) không được dùng`);
          expect(r.messages.filter((m) => m.ruleKey === "staff_rows_sum" && m.code === "rule")).toEqual([]);
        },
      ),
    );
  });

  it("more women than people in a row is an error on that row (vi and en messages name the row)", () => {
    fc.assert(
      fc.property(consistentStaff, fc.constantFrom(...QUAL), fc.integer({ min: 1, max: 100 }), (v, row, extra) => {
        const total = v[`staff.${row}.total`] as number;
        const broken = { ...v, [`staff.${row}.women`]: total + extra };
        // (the Total row, computed from the rows, may break the rule too: it is reported on its own row)
        const m = errorsOf(nl, broken).filter((x) => x.ruleKey === "staff_women_le_total" && x.cellKey !== "staff.total.women");
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

  it("an empty report has only required errors: one per required field, one per required table (naming its empty cells)", () => {
    for (const def of SEEDED_FORMS) {
      const r = validateReport(def, {});
      expect(r.messages.every((m) => m.code === "required")).toBe(true);
      const fields = formCells(def).filter((c) => c.kind === "field" && c.field.required);
      const tables = def.sections.flatMap((s) => s.tables).filter((t) => t.required);
      expect(r.errors, def.code).toBe(fields.length + tables.length);
      for (const t of tables) {
        const m = r.messages.find((x) => x.cellKeys.length > 1 && x.cellKey.startsWith(`${t.key}.`))!;
        const inputs = formCells(def).filter((c) => c.kind === "table" && c.table.key === t.key && !computedCells(def).has(c.key));
        expect(m.cellKeys).toEqual(inputs.map((c) => c.key));
        expect(m.messageVi).toContain(`còn ${inputs.length} ô chưa nhập`);
        expect(m.messageEn).toContain(`${inputs.length} cells are not filled in`);
      }
    }
    // 03/KHCN-CP: 2 required fields and the expenditure table, not 26 messages
    expect(validateReport(cp, {}).errors).toBe(3);
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
    const only = { "staff.ts.women": 5 };
    const msgs = errorsOf(nl, only).filter((m) => m.code === "rule");
    // on its row, and on the Total row computed from it (the total of people not reported counts as 0)
    expect(msgs.map((m) => [m.ruleKey, m.cellKey])).toEqual([
      ["staff_women_le_total", "staff.total.women"],
      ["staff_women_le_total", "staff.ts.women"],
    ]);
  });

  it("a numeric cell holding text is reported unreadable (the save refuses it rather than dropping it)", () => {
    const r = validateReport(cp, { "spend.investment.state_local": "19x5", rd_spend: "1.234,5" });
    expect(r.unreadable).toEqual(["spend.investment.state_local"]);
    expect(r.values.rd_spend).toBe(1234.5);
    expect(r.messages.find((m) => m.cellKey === "spend.investment.state_local")!.messageVi).toMatch(/phải là một số/);
  });
});

describe("computed cells (derived from the sum rules)", () => {
  it("are the cells of total rows/columns defined by an equality rule, in every seeded form", () => {
    expect([...computedCells(cp).keys()].sort()).toEqual(
      ["total", "state_central", "state_local", "enterprise", "foreign", "other"]
        .map((c) => `spend.total.${c}`)
        .concat(["investment", "rd_tasks", "recurrent"].map((r) => `spend.${r}.total`))
        .sort(),
    );
    // 02/KHCN-NL: the Total row of the staff table; its "of which" columns are input, not sums
    expect([...computedCells(nl).keys()]).toEqual(["staff.total.total", "staff.total.women", "staff.total.minority", "staff.total.rd"]);
    expect(computedCells(form("01-KHCN-TC")).size).toBe(0);
    for (const def of SEEDED_FORMS) expect(computedCycles(def), def.code).toEqual([]);
  });

  it("03/KHCN-CP: totals of rows, columns and the grand total follow the parts; decimals exact", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 5, maxLength: 5 }), { minLength: 3, maxLength: 3 }), (grid) => {
        const rows = ["investment", "rd_tasks", "recurrent"];
        const cols = ["state_central", "state_local", "enterprise", "foreign", "other"];
        const v: CellValues = { reporter_name: "A", prepared_on: "2026-01-10" };
        grid.forEach((line, i) => line.forEach((x, j) => (v[`spend.${rows[i]}.${cols[j]}`] = x / 1000)));
        const r = validateReport(cp, v);
        expect(r.messages).toEqual([]);
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / 1000;
        rows.forEach((row, i) => expect(r.values[`spend.${row}.total`]).toBe(sum(grid[i]!)));
        cols.forEach((c, j) => expect(r.values[`spend.total.${c}`]).toBe(sum(grid.map((l) => l[j]!))));
        expect(r.values["spend.total.total"]).toBe(sum(grid.flat()));
      }),
    );
  });

  it("not reported differs from 0: a total of empty parts stays empty, a total of zeros is 0", () => {
    const none = validateReport(cp, {});
    expect(none.values["spend.total.total"]).toBeUndefined();
    const zeros = Object.fromEntries(emptyTableInputs(cp, {}).map((k) => [k, 0]));
    expect(Object.keys(zeros)).toHaveLength(15);
    const r = validateReport(cp, { ...zeros, reporter_name: "A", prepared_on: "2026-01-10" });
    expect(r.values["spend.total.total"]).toBe(0);
    expect(r.errors).toBe(0);
    // one part reported: its row and column totals are that part, the other totals of the table stay empty
    const one = computeCells(cp, new Map([["spend.investment.foreign", 7]]));
    expect(Object.fromEntries(one)).toEqual({ "spend.investment.total": 7, "spend.total.foreign": 7, "spend.total.total": 7 });
    expect(inputValues(cp, { "spend.total.total": 9, "spend.investment.foreign": 7 })).toEqual({ "spend.investment.foreign": 7 });
  });

  it("a definition whose totals add up each other is refused", () => {
    const t = cp.sections[0]!.tables[0]!;
    const bad: FormDefinition = {
      ...cp,
      rules: [
        { ...cp.rules[0]!, key: "a", each: undefined, left: ["spend.total.total"], right: ["spend.investment.total"] },
        { ...cp.rules[0]!, key: "b", each: undefined, left: ["spend.investment.total"], right: ["spend.total.total"] },
      ],
    };
    expect(t.key).toBe("spend");
    expect(checkFormDefinition(bad).join()).toMatch(/depends on itself/);
  });
});
