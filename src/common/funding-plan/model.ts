// The 2014–2020 S&T funding plan (Đề án, section IV.6) as a model, not a picture. Pure: no I/O, shared by the server
// (API, xlsx export, tests) and the web app.
//
// Inputs per year: GDP and city budget spending (tỷ đồng), the share of GDP society invests in S&T (1.5% in
// 2014–2015, 2% in 2016–2020), the city S&T share of its spending (2%), and the recurrent (sự nghiệp) share of each
// total (50%; the rest is development investment, đầu tư phát triển). Derived columns:
//   social_total            = GDP × social share
//   social_recurrent        = social_total × recurrent share;  social_development = social_total × (100 − share)
//   city_budget_total       = spending × city share;           its two halves likewise
//   other_total             = social_total − city_budget_total (mobilised outside the city budget)
//   other_pct_of_social     = other_total ÷ social_total × 100
// The total row sums each column over the years; its percentage is recomputed from the summed totals.
// The plan prints neither GDP nor spending: the baseline's inputs are IMPLIED from the printed totals
// (GDP = social_total ÷ share, spending = city_budget_total ÷ 2%) and marked so, with that arithmetic.
// This is a model for what-if scenarios: its chained values are NOT a check of the printed figures. The printed table
// is checked on its own terms, figure against figure at the printed precision, in checks.ts.

export const COLUMN_KEYS = [
  "social_total",
  "social_recurrent",
  "social_development",
  "city_budget_total",
  "city_budget_recurrent",
  "city_budget_development",
  "other_total",
  "other_pct_of_social",
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export type { Lang } from "./rational.js";
import { Rat, decimalText, type Lang } from "./rational.js";

export interface PrintedCell {
  original: string;
  value: number;
  decimals: number;
  sourceLine: number;
}

export interface PrintedRow {
  /** "2014" … "2020" or "Tổng" */
  label: string;
  year: number | null;
  sourceLine: number;
  cells: Record<ColumnKey, PrintedCell>;
}

export interface YearInputs {
  year: number;
  /** GDP at current prices, tỷ đồng */
  gdp: number;
  /** total city budget expenditure, tỷ đồng */
  citySpending: number;
  /** social S&T investment as % of GDP */
  socialSharePct: number;
  /** city S&T budget as % of city spending */
  cityBudgetSharePct: number;
  /** recurrent (sự nghiệp) share of each total, %; the rest is development investment */
  recurrentSharePct: number;
  /** GDP was not printed: implied from the printed social total ÷ share */
  gdpImplied: boolean;
  /** spending was not printed: implied from the printed city budget total ÷ share */
  citySpendingImplied: boolean;
}

export type RowValues = Record<ColumnKey, number | null>;

/** The plan's stated shares for a year: 1.5% of GDP in 2014–2015, 2% from 2016; 2% of spending; 50/50 split. */
export function statedShares(year: number) {
  return { socialSharePct: year <= 2015 ? 1.5 : 2, cityBudgetSharePct: 2, recurrentSharePct: 50 };
}

/** Removes binary floating-point noise (0.1 + 0.2) without losing any precision the plan could print. */
export const clean = (x: number) => Math.round(x * 1e9) / 1e9;

export function recomputeYear(i: YearInputs): RowValues {
  const socialTotal = clean((i.gdp * i.socialSharePct) / 100);
  const cityTotal = clean((i.citySpending * i.cityBudgetSharePct) / 100);
  const otherTotal = clean(socialTotal - cityTotal);
  return {
    social_total: socialTotal,
    social_recurrent: clean((socialTotal * i.recurrentSharePct) / 100),
    social_development: clean((socialTotal * (100 - i.recurrentSharePct)) / 100),
    city_budget_total: cityTotal,
    city_budget_recurrent: clean((cityTotal * i.recurrentSharePct) / 100),
    city_budget_development: clean((cityTotal * (100 - i.recurrentSharePct)) / 100),
    other_total: otherTotal,
    other_pct_of_social: socialTotal === 0 ? null : clean((otherTotal / socialTotal) * 100),
  };
}

export function totalRow(rows: RowValues[]): RowValues {
  const sum = (k: ColumnKey) => clean(rows.reduce((s, r) => s + (r[k] ?? 0), 0));
  const out = {} as RowValues;
  for (const k of COLUMN_KEYS) out[k] = k === "other_pct_of_social" ? null : sum(k);
  out.other_pct_of_social = out.social_total ? clean(((out.other_total ?? 0) / out.social_total) * 100) : null;
  return out;
}

export function recompute(inputs: YearInputs[]): { years: { year: number; values: RowValues }[]; total: RowValues } {
  const years = [...inputs].sort((a, b) => a.year - b.year).map((i) => ({ year: i.year, values: recomputeYear(i) }));
  return { years, total: totalRow(years.map((y) => y.values)) };
}

/** The baseline's inputs, implied from the printed social and city budget totals and the plan's stated shares. */
export function impliedInputs(printed: PrintedRow[]): YearInputs[] {
  return printed
    .filter((r): r is PrintedRow & { year: number } => r.year !== null)
    .map((r) => {
      const s = statedShares(r.year);
      return {
        year: r.year,
        gdp: clean((r.cells.social_total.value / s.socialSharePct) * 100),
        citySpending: clean((r.cells.city_budget_total.value / s.cityBudgetSharePct) * 100),
        ...s,
        gdpImplied: true,
        citySpendingImplied: true,
      };
    });
}

/** vi-VN or en number text with up to `max` decimals (trailing zeros dropped): 1.223,584 / 1,223.584. */
export function formatNumber(x: number, lang: Lang, max = 3): string {
  const neg = x < 0;
  const fixed = Math.abs(x).toFixed(max);
  let [int, frac = ""] = fixed.split(".");
  frac = frac.replace(/0+$/, "");
  const sep = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  int = int!.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (neg ? "−" : "") + int + (frac ? dec + frac : "");
}

/** A printed cell in the reader's language: its verbatim text in Vietnamese, the same digits in English. */
export function printedText(c: Pick<PrintedCell, "original" | "value" | "decimals">, lang: Lang): string {
  if (lang === "vi") return c.original;
  return decimalText(Rat.printed(c.value, c.decimals).scaled(c.decimals), c.decimals, lang);
}

const pct = (x: number, lang: Lang) => formatNumber(x, lang, 3) + "%";

export interface InputExplanation {
  gdp: string | null;
  citySpending: string | null;
}

/** How implied inputs were obtained: "1.223,584 ÷ 1,5% = 81.572,267". */
export function explainInputs(i: YearInputs, printed: PrintedRow | undefined, lang: Lang): InputExplanation {
  const f = (x: number) => formatNumber(x, lang);
  return {
    gdp: i.gdpImplied && printed ? `${printedText(printed.cells.social_total, lang)} ÷ ${pct(i.socialSharePct, lang)} = ${f(i.gdp)}` : null,
    citySpending:
      i.citySpendingImplied && printed
        ? `${printedText(printed.cells.city_budget_total, lang)} ÷ ${pct(i.cityBudgetSharePct, lang)} = ${f(i.citySpending)}`
        : null,
  };
}

function formula(key: ColumnKey, i: YearInputs, v: RowValues, lang: Lang): string {
  const f = (x: number | null) => (x === null ? "—" : formatNumber(x, lang, 6));
  const dev = 100 - i.recurrentSharePct;
  switch (key) {
    case "social_total":
      return `${f(i.gdp)} × ${pct(i.socialSharePct, lang)} = ${f(v.social_total)}`;
    case "social_recurrent":
      return `${f(v.social_total)} × ${pct(i.recurrentSharePct, lang)} = ${f(v.social_recurrent)}`;
    case "social_development":
      return `${f(v.social_total)} × ${pct(dev, lang)} = ${f(v.social_development)}`;
    case "city_budget_total":
      return `${f(i.citySpending)} × ${pct(i.cityBudgetSharePct, lang)} = ${f(v.city_budget_total)}`;
    case "city_budget_recurrent":
      return `${f(v.city_budget_total)} × ${pct(i.recurrentSharePct, lang)} = ${f(v.city_budget_recurrent)}`;
    case "city_budget_development":
      return `${f(v.city_budget_total)} × ${pct(dev, lang)} = ${f(v.city_budget_development)}`;
    case "other_total":
      return `${f(v.social_total)} − ${f(v.city_budget_total)} = ${f(v.other_total)}`;
    case "other_pct_of_social":
      return `${f(v.other_total)} ÷ ${f(v.social_total)} × 100 = ${f(v.other_pct_of_social)}`;
  }
}

function totalFormula(key: ColumnKey, years: { year: number; values: RowValues }[], total: RowValues, lang: Lang): string {
  const f = (x: number | null) => (x === null ? "—" : formatNumber(x, lang, 6));
  if (key === "other_pct_of_social") return `${f(total.other_total)} ÷ ${f(total.social_total)} × 100 = ${f(total.other_pct_of_social)}`;
  return `${years.map((y) => f(y.values[key])).join(" + ")} = ${f(total[key])}`;
}

export interface TableCell {
  key: ColumnKey;
  recomputed: number | null;
  /** the arithmetic of the recomputed value */
  arithmetic: string;
  /** a scenario: the baseline's recomputed value and scenario − baseline */
  baseline: number | null;
  deltaFromBaseline: number | null;
}

export interface TableRow {
  label: string;
  year: number | null;
  sourceLine: number | null;
  inputs: (YearInputs & { explanation: InputExplanation }) | null;
  cells: TableCell[];
}

export interface PlanTable {
  rows: TableRow[];
}

/**
 * The model's table for a set of inputs: recomputed cells with their arithmetic and, for a scenario, the baseline's
 * recomputed values beside them. Printed figures are not compared here (see checks.ts).
 */
export function planTable(
  inputs: YearInputs[],
  opts: {
    /** the baseline's inputs, to show a scenario's differences from it; null for the baseline itself */
    baseline: YearInputs[] | null;
    /** the plan as printed, which explains implied inputs and gives each row its plan line */
    source: PrintedRow[];
    lang: Lang;
  },
): PlanTable {
  const { lang } = opts;
  const r = recompute(inputs);
  const base = opts.baseline ? recompute(opts.baseline) : null;
  const printedByYear = new Map(opts.source.filter((p) => p.year !== null).map((p) => [p.year!, p]));
  const byYear = new Map(inputs.map((i) => [i.year, i]));

  const cell = (key: ColumnKey, value: number | null, arithmetic: string, baseValue: number | null | undefined): TableCell => ({
    key,
    recomputed: value,
    arithmetic,
    baseline: baseValue ?? null,
    deltaFromBaseline: baseValue !== undefined && baseValue !== null && value !== null ? clean(value - baseValue) : null,
  });

  const rows: TableRow[] = r.years.map((y) => {
    const i = byYear.get(y.year)!;
    const printed = printedByYear.get(y.year);
    const baseYear = base?.years.find((b) => b.year === y.year);
    return {
      label: String(y.year),
      year: y.year,
      sourceLine: printed?.sourceLine ?? null,
      inputs: { ...i, explanation: explainInputs(i, printed, lang) },
      cells: COLUMN_KEYS.map((k) => cell(k, y.values[k], formula(k, i, y.values, lang), baseYear ? baseYear.values[k] : undefined)),
    };
  });
  rows.push({
    label: lang === "vi" ? "Tổng" : "Total",
    year: null,
    sourceLine: opts.source.find((p) => p.year === null)?.sourceLine ?? null,
    inputs: null,
    cells: COLUMN_KEYS.map((k) => cell(k, r.total[k], totalFormula(k, r.years, r.total, lang), base ? base.total[k] : undefined)),
  });
  return { rows };
}
