// The pure validation engine of statistical forms: the form definition (configuration) says which cells exist,
// their types, ranges and required flags, and the rules between cells; validateReport() returns every message.
// The same code runs on the server (save/submit/import) and may run in the browser.
import type { CellValue, CellValues, FormDefinition, FormField, FormTable, ValidationMessage, ValidationRule } from "../api/statistics.js";
import { computeCells, computedCells, computedCycles } from "./computed.js";
import { formatNumber } from "../number-format.js";

export type CellSpec =
  | { kind: "field"; key: string; field: FormField; labelVi: string; labelEn: string }
  | { kind: "table"; key: string; table: FormTable; row: string; column: string; labelVi: string; labelEn: string };

/** Every cell of the form, in the order of the official layout. */
export function formCells(def: FormDefinition): CellSpec[] {
  const out: CellSpec[] = [];
  for (const s of def.sections) {
    for (const f of s.fields) out.push({ kind: "field", key: f.key, field: f, labelVi: f.labelVi, labelEn: f.labelEn });
    for (const t of s.tables)
      for (const r of t.rows)
        for (const c of t.columns)
          out.push({
            kind: "table",
            key: `${t.key}.${r.key}.${c.key}`,
            table: t,
            row: r.key,
            column: c.key,
            labelVi: `${t.titleVi} — ${r.labelVi} / ${c.labelVi}`,
            labelEn: `${t.titleEn} — ${r.labelEn} / ${c.labelEn}`,
          });
  }
  return out;
}

const cellIndexCache = new WeakMap<FormDefinition, Map<string, CellSpec>>();
export function cellIndex(def: FormDefinition): Map<string, CellSpec> {
  let m = cellIndexCache.get(def);
  if (!m) {
    m = new Map(formCells(def).map((c) => [c.key, c]));
    cellIndexCache.set(def, m);
  }
  return m;
}

export function findTable(def: FormDefinition, key: string): FormTable | undefined {
  for (const s of def.sections) for (const t of s.tables) if (t.key === key) return t;
  return undefined;
}

/** A cell's type: numeric cells hold numbers, the others text. */
export const isNumericCell = (c: CellSpec) => c.kind === "table" || c.field.type === "number" || c.field.type === "integer";

const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(s: string) {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(s + "T00:00:00Z");
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Numbers printed in messages: vi-VN style (1.234,5) and en style (1,234.5). */
const fmt = (n: number, lang: "vi" | "en") => formatNumber(n, lang === "vi" ? "vi-VN" : "en-US", 6);

/**
 * Parses a raw answer into the stored form: numeric cells take numbers (or numeric strings in either vi or plain
 * notation), other cells take strings. Returns an error code when the value cannot be read.
 */
export function normaliseValue(spec: CellSpec, raw: CellValue | undefined): { value: number | string | null; error?: "type" } {
  if (isEmpty(raw)) return { value: null };
  if (isNumericCell(spec)) {
    let n: number;
    if (typeof raw === "number") n = raw;
    else {
      const s = String(raw).trim().replace(/\s/g, "");
      // "1.234,5" (vi) → 1234.5; "1234.5" stays; "1,5" → 1.5
      const v = /,/.test(s) ? s.replace(/\./g, "").replace(",", ".") : s;
      n = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
    }
    if (!Number.isFinite(n)) return { value: null, error: "type" };
    return { value: n };
  }
  if (typeof raw === "number") return { value: String(raw) };
  return { value: String(raw).trim() };
}

function msg(cellKey: string, code: ValidationMessage["code"], vi: string, en: string, extra: Partial<ValidationMessage> = {}): ValidationMessage {
  return { cellKey, cellKeys: [cellKey], code, ruleKey: null, severity: "error", messageVi: vi, messageEn: en, ...extra };
}

/**
 * Checks one cell on its own: type, required, range, option, length. An empty cell is "not reported": a required
 * field says so here; the empty cells of a required table are counted per table by the caller (one message).
 */
function checkCell(spec: CellSpec, raw: CellValue | undefined, out: ValidationMessage[]) {
  const { value, error } = normaliseValue(spec, raw);
  const required = spec.kind === "field" && !!spec.field.required;
  const vi = spec.labelVi;
  const en = spec.labelEn;
  if (error) {
    out.push(msg(spec.key, "type", `«${vi}»: phải là một số.`, `“${en}”: must be a number.`));
    return;
  }
  if (value === null) {
    if (required) out.push(msg(spec.key, "required", `«${vi}»: bắt buộc nhập.`, `“${en}”: required.`));
    return;
  }
  if (typeof value === "number") {
    const integer = spec.kind === "table" ? spec.table.type === "integer" : spec.field.type === "integer";
    if (integer && !Number.isInteger(value)) {
      out.push(msg(spec.key, "type", `«${vi}»: phải là số nguyên.`, `“${en}”: must be a whole number.`));
      return;
    }
    const min = spec.kind === "table" ? spec.table.min : spec.field.min;
    const max = spec.kind === "table" ? spec.table.max : spec.field.max;
    if ((min !== undefined && value < min) || (max !== undefined && value > max))
      out.push(
        msg(
          spec.key,
          "range",
          `«${vi}»: phải trong khoảng ${min !== undefined ? fmt(min, "vi") : "−∞"} – ${max !== undefined ? fmt(max, "vi") : "∞"}.`,
          `“${en}”: must be between ${min !== undefined ? fmt(min, "en") : "−∞"} and ${max !== undefined ? fmt(max, "en") : "∞"}.`,
        ),
      );
    return;
  }
  if (spec.kind !== "field") return;
  const f = spec.field;
  if (f.type === "select" && !(f.options ?? []).some((o) => o.value === value))
    out.push(msg(spec.key, "option", `«${vi}»: giá trị không có trong danh sách.`, `“${en}”: not one of the allowed values.`));
  else if (f.type === "date" && !validDate(value))
    out.push(msg(spec.key, "type", `«${vi}»: ngày không hợp lệ (YYYY-MM-DD).`, `“${en}”: not a valid date (YYYY-MM-DD).`));
  else if (value.length > (f.maxLength ?? 2000))
    out.push(msg(spec.key, "too_long", `«${vi}»: dài quá ${f.maxLength ?? 2000} ký tự.`, `“${en}”: longer than ${f.maxLength ?? 2000} characters.`));
}

/** The concrete instances of a rule: one per row/column of its table with `each`, else the rule itself. */
export function expandRule(def: FormDefinition, rule: ValidationRule): { left: string[]; right: string[]; itemVi: string; itemEn: string }[] {
  if (!rule.each) return [{ left: rule.left, right: rule.right, itemVi: "", itemEn: "" }];
  const table = findTable(def, rule.each.table);
  if (!table) return [];
  const items = rule.each.over === "rows" ? table.rows : table.columns;
  return items.map((it) => ({
    left: rule.left.map((k) => k.replace("*", it.key)),
    right: rule.right.map((k) => k.replace("*", it.key)),
    itemVi: it.labelVi,
    itemEn: it.labelEn,
  }));
}

/** Exact decimal comparison for sums of values with up to 6 decimals (avoids 0.1 + 0.2 ≠ 0.3). */
const SCALE = 1_000_000;
const scaled = (n: number) => Math.round(n * SCALE);

function evalRule(def: FormDefinition, rule: ValidationRule, numbers: Map<string, number>, out: ValidationMessage[]) {
  for (const inst of expandRule(def, rule)) {
    const keys = [...inst.left, ...inst.right];
    if (!keys.some((k) => numbers.has(k))) continue; // nothing filled: the required check speaks
    const sum = (ks: string[]) => ks.reduce((s, k) => s + scaled(numbers.get(k) ?? 0), 0);
    const l = sum(inst.left);
    const r = sum(inst.right);
    const ok = rule.op === "eq" ? l === r : rule.op === "lte" ? l <= r : l >= r;
    if (ok) continue;
    const fill = (t: string, lang: "vi" | "en") =>
      t
        .replace("{left}", fmt(l / SCALE, lang))
        .replace("{right}", fmt(r / SCALE, lang))
        .replace("{item}", lang === "vi" ? inst.itemVi : inst.itemEn);
    out.push({
      cellKey: inst.left[0]!,
      cellKeys: keys,
      code: "rule",
      ruleKey: rule.key,
      severity: rule.severity,
      messageVi: fill(rule.messageVi, "vi"),
      messageEn: fill(rule.messageEn, "en"),
    });
  }
}

export interface ValidationResult {
  /**
   * the values as they are stored: numbers for numeric cells, trimmed strings otherwise, the computed cells as
   * computed here; empty cells left out
   */
  values: Record<string, number | string>;
  messages: ValidationMessage[];
  errors: number;
  warnings: number;
  /** cells whose answer is not a number although the cell is numeric (the answer cannot be stored) */
  unreadable: string[];
}

/**
 * Validates a whole report against its form: every input cell on its own, the computed cells from their parts
 * (a value given for one is not used: a warning when it differs), the empty cells of each required table (one
 * message per table), then every rule between cells.
 */
export function validateReport(def: FormDefinition, input: CellValues): ValidationResult {
  const index = cellIndex(def);
  const computed = computedCells(def);
  const messages: ValidationMessage[] = [];
  const values: Record<string, number | string> = {};
  const unreadable: string[] = [];
  for (const key of Object.keys(input)) {
    if (!index.has(key) && !isEmpty(input[key]))
      messages.push(msg(key, "unknown_cell", `Ô «${key}» không có trong biểu mẫu.`, `Cell “${key}” is not in the form.`));
  }
  const numbers = new Map<string, number>();
  const emptyByTable = new Map<FormTable, string[]>();
  for (const spec of index.values()) {
    if (computed.has(spec.key)) continue;
    const raw = input[spec.key];
    checkCell(spec, raw, messages);
    const { value, error } = normaliseValue(spec, raw);
    if (error) unreadable.push(spec.key);
    if (value === null && !error && spec.kind === "table" && spec.table.required)
      emptyByTable.set(spec.table, [...(emptyByTable.get(spec.table) ?? []), spec.key]);
    if (error || value === null) continue;
    values[spec.key] = value;
    if (typeof value === "number") numbers.set(spec.key, value);
  }
  for (const [table, empty] of emptyByTable)
    messages.push({
      ...msg(
        empty[0]!,
        "required",
        `Bảng «${table.titleVi}»: còn ${empty.length} ô chưa nhập. Ô không phát sinh số liệu hãy nhập 0 (hoặc dùng «Điền 0 vào ô trống»).`,
        `Table “${table.titleEn}”: ${empty.length} ${empty.length === 1 ? "cell is" : "cells are"} not filled in. Enter 0 where there is nothing to report (or use “Fill empty cells with 0”).`,
      ),
      cellKeys: empty,
    });
  const sums = computeCells(def, numbers);
  for (const [key, c] of computed) {
    const spec = index.get(key)!;
    const v = sums.get(key);
    if (v !== undefined) {
      values[key] = v;
      numbers.set(key, v);
    }
    const raw = input[key];
    if (isEmpty(raw)) continue;
    const given = normaliseValue(spec, raw);
    if (given.value !== null && !given.error && typeof given.value === "number" && v !== undefined && scaled(given.value) === scaled(v)) continue;
    const shown = (lang: "vi" | "en") => (v === undefined ? (lang === "vi" ? "chưa có" : "none") : fmt(v, lang));
    const sent = (lang: "vi" | "en") => (typeof given.value === "number" && !given.error ? fmt(given.value, lang) : String(raw));
    messages.push({
      ...msg(
        key,
        "computed",
        `«${spec.labelVi}»: ô tổng được tính tự động (${shown("vi")}); giá trị gửi lên (${sent("vi")}) không được dùng.`,
        `“${spec.labelEn}”: this total is computed (${shown("en")}); the value sent (${sent("en")}) was not used.`,
        { severity: "warning", ruleKey: c.ruleKey },
      ),
      cellKeys: [key, ...c.parts],
    });
  }
  for (const rule of def.rules) evalRule(def, rule, numbers, messages);
  const errors = messages.filter((m) => m.severity === "error").length;
  return { values, messages, errors, warnings: messages.length - errors, unreadable };
}

/** Checks the definition itself: unique cell keys, rules naming existing cells and tables. Returns the problems. */
export function checkFormDefinition(def: FormDefinition): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const c of formCells(def)) {
    if (seen.has(c.key)) problems.push(`duplicate cell ${c.key}`);
    seen.add(c.key);
  }
  const ruleKeys = new Set<string>();
  for (const r of def.rules) {
    if (ruleKeys.has(r.key)) problems.push(`duplicate rule ${r.key}`);
    ruleKeys.add(r.key);
    if (r.each && !findTable(def, r.each.table)) problems.push(`rule ${r.key}: no table ${r.each.table}`);
    for (const inst of expandRule(def, r))
      for (const k of [...inst.left, ...inst.right]) {
        if (!seen.has(k)) problems.push(`rule ${r.key}: no cell ${k}`);
        else if (!isNumericCell(cellIndex(def).get(k)!)) problems.push(`rule ${r.key}: cell ${k} is not numeric`);
      }
    if (!r.each && [...r.left, ...r.right].some((k) => k.includes("*"))) problems.push(`rule ${r.key}: "*" without each`);
  }
  problems.push(...computedCycles(def));
  return problems;
}
