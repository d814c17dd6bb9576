// Computed cells of a statistical form, derived from the form's own rules (docs/statistics-forms.md): a rule
// "SUM(left) eq SUM(right)" of severity error whose left side is ONE cell of a total row or total column
// (`total: true` in the template) makes that cell the sum of the right side. The user never types it: the browser
// shows it read-only and recomputes it as the parts change, and the server recomputes it on every save, import and
// submit from the parts it received (a value sent for it is never stored). Both call computeCells() below.
//
// "Not reported" and 0 differ: a computed cell whose parts are all empty is empty (not reported) too; with at least
// one part reported it is the sum of the reported parts (the others, still empty, are flagged by the required check
// of a required table).
import type { CellValues, FormDefinition } from "../api/statistics.js";
import { cellIndex, expandRule, findTable, isNumericCell, normaliseValue } from "./validate.js";

export interface ComputedCell {
  key: string;
  /** the cells added up (some may be computed themselves) */
  parts: string[];
  /** the rule this cell is derived from */
  ruleKey: string;
}

const cache = new WeakMap<FormDefinition, Map<string, ComputedCell>>();

/** Is `key` a cell of a total row or total column of its table? */
function inTotalLine(def: FormDefinition, key: string): boolean {
  const [table, row, column] = key.split(".");
  if (!table || !row || !column) return false;
  const t = findTable(def, table);
  if (!t) return false;
  return !!t.rows.find((r) => r.key === row)?.total || !!t.columns.find((c) => c.key === column)?.total;
}

/** The form's computed cells, in rule order (the first rule that defines a cell defines it; later ones check it). */
export function computedCells(def: FormDefinition): Map<string, ComputedCell> {
  let out = cache.get(def);
  if (out) return out;
  out = new Map();
  const index = cellIndex(def);
  for (const rule of def.rules) {
    if (rule.op !== "eq" || rule.severity !== "error") continue;
    for (const inst of expandRule(def, rule)) {
      if (inst.left.length !== 1) continue;
      const key = inst.left[0]!;
      if (out.has(key) || !index.has(key) || inst.right.includes(key) || !inTotalLine(def, key)) continue;
      out.set(key, { key, parts: inst.right, ruleKey: rule.key });
    }
  }
  cache.set(def, out);
  return out;
}

/** Problems of the computed cells of a definition: a cell that (through other computed cells) adds up itself. */
export function computedCycles(def: FormDefinition): string[] {
  const cells = computedCells(def);
  const problems: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (key: string, trail: string[]) => {
    const s = state.get(key);
    if (s === "done") return;
    if (s === "visiting") {
      problems.push(`computed cell ${key} depends on itself (${[...trail, key].join(" → ")})`);
      return;
    }
    state.set(key, "visiting");
    for (const p of cells.get(key)?.parts ?? []) if (cells.has(p)) visit(p, [...trail, key]);
    state.set(key, "done");
  };
  for (const key of cells.keys()) visit(key, []);
  return problems;
}

/** Sums of values with up to 6 decimals, exact (0.1 + 0.2 = 0.3). */
export const SCALE = 1_000_000;
const scaled = (n: number) => Math.round(n * SCALE);

/**
 * The values of the computed cells from the reported numbers of the other cells (a cell absent from `numbers` is
 * not reported). Returns only the computed cells that have a value.
 */
export function computeCells(def: FormDefinition, numbers: ReadonlyMap<string, number>): Map<string, number> {
  const cells = computedCells(def);
  const memo = new Map<string, number | null>();
  const valueOf = (key: string, depth: number): number | null => {
    const c = cells.get(key);
    if (!c) return numbers.get(key) ?? null;
    if (memo.has(key)) return memo.get(key)!;
    if (depth > cells.size) return null; // a cycle (refused by checkFormDefinition)
    let sum = 0;
    let any = false;
    for (const p of c.parts) {
      const v = valueOf(p, depth + 1);
      if (v === null) continue;
      any = true;
      sum += scaled(v);
    }
    const v = any ? sum / SCALE : null;
    memo.set(key, v);
    return v;
  };
  const out = new Map<string, number>();
  for (const key of cells.keys()) {
    const v = valueOf(key, 0);
    if (v !== null) out.set(key, v);
  }
  return out;
}

/** The values without the computed cells: what the user enters and the browser sends. */
export function inputValues(def: FormDefinition, values: CellValues): CellValues {
  const cells = computedCells(def);
  const out: CellValues = {};
  for (const [k, v] of Object.entries(values)) if (!cells.has(k)) out[k] = v;
  return out;
}

/** The input cells of the form's tables that are empty (not reported), for "fill zeros". */
export function emptyTableInputs(def: FormDefinition, values: CellValues): string[] {
  const cells = computedCells(def);
  const out: string[] = [];
  for (const s of def.sections)
    for (const t of s.tables)
      for (const r of t.rows)
        for (const c of t.columns) {
          const key = `${t.key}.${r.key}.${c.key}`;
          const v = values[key];
          if (!cells.has(key) && (v === null || v === undefined || (typeof v === "string" && v.trim() === ""))) out.push(key);
        }
  return out;
}

/** The values with the computed cells recomputed from the others (what the grid shows while the user types). */
export function withComputed(def: FormDefinition, values: CellValues): CellValues {
  const index = cellIndex(def);
  const cells = computedCells(def);
  const numbers = new Map<string, number>();
  const out: CellValues = {};
  for (const [k, v] of Object.entries(values)) {
    if (cells.has(k)) continue;
    out[k] = v;
    const spec = index.get(k);
    if (!spec || !isNumericCell(spec)) continue;
    const n = normaliseValue(spec, v);
    if (!n.error && typeof n.value === "number") numbers.set(k, n.value);
  }
  for (const [k, v] of computeCells(def, numbers)) out[k] = v;
  return out;
}
