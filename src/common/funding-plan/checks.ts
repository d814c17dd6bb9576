// The printed plan checked as a careful reader checks it: each check relates the printed figures it names (a year's
// total = recurrent + development, each half = total × 50 %, other = social − city budget, the share = other ÷ social
// × 100, the total row = the sum of the years), at their printed precision, with interval arithmetic in exact
// rationals. Nothing here is the model's chained recomputation (model.ts): the checks see only printed figures.
//
// A printed figure v with d decimals stands for the closed interval [v − ½·10^−d, v + ½·10^−d] (closed: the plan states
// no rule for ties). A figure printed without decimals ("304") is read as an exact whole amount, [v, v], until the
// fourth class, which widens it to [v − ½, v + ½]: an amount rounded to whole tỷ đồng. Each check gets the first
// class whose condition holds, with r the printed result, d its decimals and x the exact value of the relation
// computed from the printed operands:
//   exact          x = r
//   rounded        d ≥ 1 and |x − r| ≤ ½·10^−d (r is a correct rounding of x; a tie counts either way)
//   decimals       the interval of the relation over the operands' intervals meets the result's interval, figures
//                  without decimals taken as exact (rounding of the printed decimals explains the difference)
//   wholes         the same with every figure without decimals widened to ±½ (explainable only if the whole-number
//                  figures were themselves rounded)
//   inconsistent   not even then: beyond any rounding — the only class reported as an error.
// The conditions are nested (each implies the next), so the classes are ordered; checks.test.ts proves it with
// fast-check. The interval of a sum, a multiple or a ratio over a box of intervals is exactly the set of values the
// relation takes there (it is continuous and monotone in each figure), so "meets" means: some true values, each
// within its printed rounding, satisfy the relation exactly.
import { Rat, ratText, type Lang } from "./rational.js";
import { COLUMN_KEYS, printedText, type ColumnKey, type PrintedCell, type PrintedRow } from "./model.js";

export const CHECK_CLASSES = ["exact", "rounded", "decimals", "wholes", "inconsistent"] as const;
export type CheckClass = (typeof CHECK_CLASSES)[number];
export const classRank = (c: CheckClass) => CHECK_CLASSES.indexOf(c);
export const worseClass = (a: CheckClass, b: CheckClass) => (classRank(a) >= classRank(b) ? a : b);

/** A printed figure as the rules see it: its exact value at its printed precision. */
export interface Figure {
  value: Rat;
  decimals: number;
}

export const figureOf = (c: Pick<PrintedCell, "value" | "decimals">): Figure => ({ value: Rat.printed(c.value, c.decimals), decimals: c.decimals });

export interface Interval {
  lo: Rat;
  hi: Rat;
}

/** What a printed figure stands for; a figure without decimals is exact unless whole numbers are read as rounded. */
export function figureInterval(f: Figure, wholesRounded: boolean): Interval {
  if (f.decimals === 0 && !wholesRounded) return { lo: f.value, hi: f.value };
  const h = Rat.halfUnit(f.decimals);
  return { lo: f.value.sub(h), hi: f.value.add(h) };
}

/** A relation of printed figures: Σ coef × figure, or factor × numerator ÷ denominator. */
export type Relation = { kind: "linear"; terms: { coef: Rat; figure: Figure }[] } | { kind: "ratio"; num: Figure; den: Figure; factor: Rat };

/** The relation's exact value from the printed figures (null: division by a printed zero). */
export function relationValue(rel: Relation): Rat | null {
  if (rel.kind === "linear") return rel.terms.reduce((s, t) => s.add(t.coef.mul(t.figure.value)), Rat.of(0));
  if (rel.den.value.sign() === 0) return null;
  return rel.factor.mul(rel.num.value).div(rel.den.value);
}

/** The exact range of the relation over its figures' intervals (null: unbounded, the denominator may be zero). */
export function relationInterval(rel: Relation, wholesRounded: boolean): Interval | null {
  if (rel.kind === "linear") {
    let lo = Rat.of(0);
    let hi = Rat.of(0);
    for (const t of rel.terms) {
      const i = figureInterval(t.figure, wholesRounded);
      const a = t.coef.mul(i.lo);
      const b = t.coef.mul(i.hi);
      lo = lo.add(Rat.min(a, b));
      hi = hi.add(Rat.max(a, b));
    }
    return { lo, hi };
  }
  const n = figureInterval(rel.num, wholesRounded);
  const d = figureInterval(rel.den, wholesRounded);
  if (d.lo.sign() <= 0 && d.hi.sign() >= 0) return null;
  // monotone in each figure on a box without a zero denominator: the extremes are at the corners
  const corners = [n.lo.div(d.lo), n.lo.div(d.hi), n.hi.div(d.lo), n.hi.div(d.hi)].map((x) => rel.factor.mul(x));
  return { lo: corners.reduce(Rat.min), hi: corners.reduce(Rat.max) };
}

const meets = (a: Interval | null, b: Interval) => a === null || (a.lo.le(b.hi) && b.lo.le(a.hi));
/** how far apart two intervals are (zero when they meet) */
const distance = (a: Interval, b: Interval): Rat => Rat.max(Rat.of(0), Rat.max(b.lo.sub(a.hi), a.lo.sub(b.hi)));

/** Whether the condition of a class holds (each condition computed on its own; "inconsistent" always holds). */
export function classHolds(cls: CheckClass, result: Figure, rel: Relation): boolean {
  const x = relationValue(rel);
  switch (cls) {
    case "exact":
      return x !== null && x.eq(result.value);
    case "rounded":
      return x !== null && (x.eq(result.value) || (result.decimals >= 1 && x.sub(result.value).abs().le(Rat.halfUnit(result.decimals))));
    case "decimals":
      return meets(relationInterval(rel, false), figureInterval(result, false));
    case "wholes":
      return meets(relationInterval(rel, true), figureInterval(result, true));
    case "inconsistent":
      return true;
  }
}

export interface Classification {
  cls: CheckClass;
  /** the relation's exact value from the printed operands */
  value: Rat | null;
  /** printed result − value */
  difference: Rat | null;
  /** the relation's range and the result's interval, figures without decimals exact */
  decimals: { computed: Interval | null; printed: Interval };
  /** the same with figures without decimals widened to ±½ */
  wholes: { computed: Interval | null; printed: Interval };
  /** for an inconsistent check: the least distance between the widened ranges, beyond any rounding */
  gap: Rat | null;
}

export function classify(result: Figure, rel: Relation): Classification {
  const value = relationValue(rel);
  const cls = CHECK_CLASSES.find((c) => classHolds(c, result, rel))!;
  const wholes = { computed: relationInterval(rel, true), printed: figureInterval(result, true) };
  return {
    cls,
    value,
    difference: value === null ? null : result.value.sub(value),
    decimals: { computed: relationInterval(rel, false), printed: figureInterval(result, false) },
    wholes,
    gap: cls === "inconsistent" && wholes.computed ? distance(wholes.computed, wholes.printed) : null,
  };
}

// ─── the checks of the printed table ───

export type CheckKind = "parts" | "half" | "other" | "share" | "sum";

export interface CheckFigure {
  /** the row as printed: "2014" … "2020", "Tổng" */
  row: string;
  year: number | null;
  key: ColumnKey;
  role: "result" | "operand";
  cell: PrintedCell;
}

export interface PrintedCheck {
  /** stable: "<year or total>:<result column>:<kind>", e.g. "2014:other_total:other", "total:other_total:sum" */
  id: string;
  /** 1, 2, … in table order (row by row, then the column sums) */
  number: number;
  kind: CheckKind;
  /** the row label in the reader's language ("Tổng" / "Total") */
  rowLabel: string;
  year: number | null;
  resultKey: ColumnKey;
  class: CheckClass;
  /** the relation in words */
  relation: string;
  /** "1.223,584 − 304 = 919,584; bản in: 920,5" */
  arithmetic: string;
  /** why the check has its class, with the ranges when rounding is involved */
  explanation: string;
  figures: CheckFigure[];
  value: number | null;
  printed: number;
  difference: number | null;
  /** the relation's range from the operands, and the result's interval (figures without decimals exact) */
  range: [number, number] | null;
  printedRange: [number, number];
  /** the same with figures without decimals read as rounded to ±½ */
  widenedRange: [number, number] | null;
  printedWidenedRange: [number, number];
  gap: number | null;
}

export interface CellCheckSummary {
  key: ColumnKey;
  cell: PrintedCell;
  /** the worst class of the checks naming this figure */
  worst: CheckClass | null;
  checks: number[];
  /** the numbers of the inconsistent checks naming this figure */
  errors: number[];
}

export interface PrintedCheckReport {
  checks: PrintedCheck[];
  counts: Record<CheckClass, number>;
  errorCount: number;
  rows: { label: string; year: number | null; sourceLine: number; cells: CellCheckSummary[] }[];
}

const NAMES: Record<Lang, Record<ColumnKey, string>> = {
  vi: {
    social_total: "Đầu tư xã hội – Tổng",
    social_recurrent: "Đầu tư xã hội – Sự nghiệp",
    social_development: "Đầu tư xã hội – Đầu tư phát triển",
    city_budget_total: "Ngân sách TP – Tổng",
    city_budget_recurrent: "Ngân sách TP – Sự nghiệp",
    city_budget_development: "Ngân sách TP – Đầu tư phát triển",
    other_total: "Huy động khác – Tổng",
    other_pct_of_social: "Huy động khác – % trên tổng đầu tư xã hội",
  },
  en: {
    social_total: "Social investment – total",
    social_recurrent: "Social investment – recurrent",
    social_development: "Social investment – development",
    city_budget_total: "City budget – total",
    city_budget_recurrent: "City budget – recurrent",
    city_budget_development: "City budget – development",
    other_total: "Other sources – total",
    other_pct_of_social: "Other sources – % of social investment",
  },
};

function relationTitle(kind: CheckKind, key: ColumnKey, lang: Lang): string {
  const vi = lang === "vi";
  const group = key.startsWith("social") ? (vi ? "Đầu tư xã hội" : "Social investment") : vi ? "Ngân sách TP" : "City budget";
  switch (kind) {
    case "parts":
      return vi ? `${group}: Tổng = Sự nghiệp + Đầu tư phát triển` : `${group}: total = recurrent + development`;
    case "half": {
      const part = key.endsWith("recurrent") ? (vi ? "Sự nghiệp" : "recurrent") : vi ? "Đầu tư phát triển" : "development";
      return vi ? `${group}: ${part} = Tổng × 50%` : `${group}: ${part} = total × 50%`;
    }
    case "other":
      return vi ? "Huy động khác = Đầu tư xã hội − Ngân sách TP" : "Other sources = social investment − city budget";
    case "share":
      return vi ? "% trên tổng đầu tư xã hội = Huy động khác ÷ Đầu tư xã hội × 100" : "% of social investment = other sources ÷ social investment × 100";
    case "sum":
      return vi ? `Dòng Tổng = cộng các năm: ${NAMES.vi[key]}` : `Total row = sum of the years: ${NAMES.en[key]}`;
  }
}

const rangeText = (i: Interval | null, lang: Lang, extra: number) => {
  if (i === null) return lang === "vi" ? "(không giới hạn)" : "(unbounded)";
  const lo = ratText(i.lo, lang, { maxDecimals: extra, mode: "down" }).text;
  const hi = ratText(i.hi, lang, { maxDecimals: extra, mode: "up" }).text;
  return lang === "vi" ? `[${lo}; ${hi}]` : `[${lo}, ${hi}]`;
};

const signed = (x: Rat, lang: Lang, maxDecimals: number) => {
  const t = ratText(x.abs(), lang, { maxDecimals });
  return `${t.exact ? "" : "≈ "}${x.sign() < 0 ? "−" : x.sign() > 0 ? "+" : ""}${t.text}`;
};

const toRange = (i: Interval | null): [number, number] | null => (i ? [i.lo.toNumber(), i.hi.toNumber()] : null);

interface Spec {
  kind: CheckKind;
  row: PrintedRow;
  result: ColumnKey;
  operands: { row: PrintedRow; key: ColumnKey; coef?: Rat }[];
}

function explain(spec: Spec, c: Classification, figures: CheckFigure[], lang: Lang): { arithmetic: string; explanation: string } {
  const vi = lang === "vi";
  const result = spec.row.cells[spec.result];
  const d = result.decimals;
  // ranges of a ratio do not terminate: shown outward-rounded to four more decimals than printed
  const extra = Math.max(d + 4, 4);
  const t = (c: PrintedCell) => printedText(c, lang);
  const ops = spec.operands.map((o) => t(o.row.cells[o.key]));
  const value = c.value === null ? null : ratText(c.value, lang, { maxDecimals: extra });
  const eq = value === null ? "= —" : `${value.exact ? "=" : "≈"} ${value.text}`;
  const formula =
    spec.kind === "parts" || spec.kind === "sum"
      ? `${ops.join(" + ")} ${eq}`
      : spec.kind === "half"
        ? `${ops[0]} × 50% ${eq}`
        : spec.kind === "other"
          ? `${ops[0]} − ${ops[1]} ${eq}`
          : `${ops[0]} ÷ ${ops[1]} × 100 ${eq}`;
  const arithmetic = `${formula}; ${vi ? "bản in" : "printed"}: ${t(result)}`;
  const diff = c.difference === null ? "—" : signed(c.difference, lang, extra);
  const wholes = figures.filter((f) => f.cell.decimals === 0).map((f) => t(f.cell));
  const wholeList = wholes.join(", ");
  const r3 = rangeText(c.decimals.computed, lang, extra);
  const p3 = rangeText(c.decimals.printed, lang, extra);
  const r4 = rangeText(c.wholes.computed, lang, extra);
  const p4 = rangeText(c.wholes.printed, lang, extra);
  let explanation: string;
  switch (c.cls) {
    case "exact":
      explanation = vi ? "Khớp đúng với bản in." : "Exactly as printed.";
      break;
    case "rounded": {
      const tie = c.difference !== null && c.difference.abs().eq(Rat.halfUnit(d));
      explanation = vi
        ? `Làm tròn đến ${d} chữ số thập phân đúng bằng số in${tie ? " (giá trị nằm đúng giữa hai số làm tròn; Đề án không nêu quy tắc làm tròn nên cách nào cũng đúng)" : ""}.`
        : `Rounded to ${d} decimal${d === 1 ? "" : "s"} it is the printed figure${tie ? " (the value lies exactly between two roundings; the plan states no rule for ties, so either is correct)" : ""}.`;
      break;
    }
    case "decimals":
      explanation = vi
        ? `Bản in lệch ${diff} so với phép tính. Các số in có phần thập phân là số đã làm tròn: từ chúng phép tính cho ${r3}, số in đứng cho ${p3}; hai khoảng giao nhau nên chênh lệch này do làm tròn phần thập phân.`
        : `The printed figure is off by ${diff}. The printed figures with decimals are rounded: from them the result lies in ${r3} and the printed figure stands for ${p3}; the ranges overlap, so rounding of the printed decimals explains the difference.`;
      break;
    case "wholes": {
      const one = wholes.length === 1;
      explanation = vi
        ? `Bản in lệch ${diff} so với phép tính. Coi ${one ? "số nguyên" : "các số nguyên"} ${wholeList} là chính xác thì phép tính cho ${r3}, không giao với ${p3} của số in. Chỉ giải thích được nếu ${wholeList} cũng là số đã làm tròn đến hàng đơn vị (±0,5): khi đó phép tính cho ${r4}, giao với ${p4}.`
        : `The printed figure is off by ${diff}. Taking the whole number${one ? "" : "s"} ${wholeList} as exact, the result lies in ${r3}, which misses the printed ${p3}. Only if ${wholeList} ${one ? "was itself" : "were themselves"} rounded to whole units (±0.5) does it fit: the result then lies in ${r4}, which meets ${p4}.`;
      break;
    }
    case "inconsistent": {
      const gap = c.gap === null ? "—" : ratText(c.gap, lang, { maxDecimals: extra, mode: "down" }).text;
      explanation = vi
        ? `Bản in lệch ${diff} so với phép tính. Kể cả khi mọi số in đều là số đã làm tròn${wholes.length ? ` (số nguyên ${wholeList} cũng ±0,5)` : ""}, phép tính chỉ cho ${r4} còn số in đứng cho ${p4}: cách nhau ít nhất ${gap}. Không giải thích được bằng làm tròn.`
        : `The printed figure is off by ${diff}. Even if every printed figure were rounded${wholes.length ? ` (the whole number${wholes.length === 1 ? "" : "s"} ${wholeList} too, ±0.5)` : ""}, the result lies in ${r4} and the printed figure stands for ${p4}: at least ${gap} apart. Rounding cannot explain it.`;
      break;
    }
  }
  return { arithmetic, explanation };
}

const rowId = (r: PrintedRow) => (r.year === null ? "total" : String(r.year));

function specsOf(rows: PrintedRow[]): Spec[] {
  const half = Rat.of(1, 2);
  const years = rows.filter((r) => r.year !== null);
  const total = rows.find((r) => r.year === null);
  const specs: Spec[] = [];
  for (const row of [...years, ...(total ? [total] : [])]) {
    for (const group of ["social", "city_budget"] as const) {
      const [tot, rec, dev] = [`${group}_total`, `${group}_recurrent`, `${group}_development`] as ColumnKey[];
      specs.push({
        kind: "parts",
        row,
        result: tot!,
        operands: [
          { row, key: rec! },
          { row, key: dev! },
        ],
      });
      specs.push({ kind: "half", row, result: rec!, operands: [{ row, key: tot!, coef: half }] });
      specs.push({ kind: "half", row, result: dev!, operands: [{ row, key: tot!, coef: half }] });
    }
    specs.push({
      kind: "other",
      row,
      result: "other_total",
      operands: [
        { row, key: "social_total" },
        { row, key: "city_budget_total", coef: Rat.of(-1) },
      ],
    });
    specs.push({
      kind: "share",
      row,
      result: "other_pct_of_social",
      operands: [
        { row, key: "other_total" },
        { row, key: "social_total" },
      ],
    });
  }
  if (total && years.length) {
    for (const key of [
      "social_total",
      "social_recurrent",
      "social_development",
      "city_budget_total",
      "city_budget_recurrent",
      "city_budget_development",
      "other_total",
    ] as const) {
      specs.push({ kind: "sum", row: total, result: key, operands: years.map((row) => ({ row, key })) });
    }
  }
  return specs;
}

function relationOf(spec: Spec): Relation {
  if (spec.kind === "share") {
    const [num, den] = spec.operands;
    return { kind: "ratio", num: figureOf(num!.row.cells[num!.key]), den: figureOf(den!.row.cells[den!.key]), factor: Rat.of(100) };
  }
  return { kind: "linear", terms: spec.operands.map((o) => ({ coef: o.coef ?? Rat.of(1), figure: figureOf(o.row.cells[o.key]) })) };
}

/** Every check of the printed table, classed, with its arithmetic in the reader's language, and the per-cell summary. */
export function checkPrintedPlan(rows: PrintedRow[], lang: Lang): PrintedCheckReport {
  const checks: PrintedCheck[] = specsOf(rows).map((spec, i) => {
    const result = spec.row.cells[spec.result];
    const c = classify(figureOf(result), relationOf(spec));
    const figures: CheckFigure[] = [
      { row: spec.row.label, year: spec.row.year, key: spec.result, role: "result", cell: result },
      ...spec.operands.map((o): CheckFigure => ({ row: o.row.label, year: o.row.year, key: o.key, role: "operand", cell: o.row.cells[o.key] })),
    ];
    const { arithmetic, explanation } = explain(spec, c, figures, lang);
    return {
      id: `${rowId(spec.row)}:${spec.result}:${spec.kind}`,
      number: i + 1,
      kind: spec.kind,
      rowLabel: spec.row.year === null ? (lang === "vi" ? "Tổng" : "Total") : spec.row.label,
      year: spec.row.year,
      resultKey: spec.result,
      class: c.cls,
      relation: relationTitle(spec.kind, spec.result, lang),
      arithmetic,
      explanation,
      figures,
      value: c.value === null ? null : c.value.toNumber(),
      printed: result.value,
      difference: c.difference === null ? null : c.difference.toNumber(),
      range: toRange(c.decimals.computed),
      printedRange: toRange(c.decimals.printed)!,
      widenedRange: toRange(c.wholes.computed),
      printedWidenedRange: toRange(c.wholes.printed)!,
      gap: c.gap === null ? null : c.gap.toNumber(),
    };
  });
  const counts = Object.fromEntries(CHECK_CLASSES.map((k) => [k, checks.filter((c) => c.class === k).length])) as Record<CheckClass, number>;
  const summary = rows.map((row) => ({
    label: row.year === null ? (lang === "vi" ? "Tổng" : "Total") : row.label,
    year: row.year,
    sourceLine: row.sourceLine,
    cells: COLUMN_KEYS.map((key): CellCheckSummary => {
      const naming = checks.filter((c) => c.figures.some((f) => f.row === row.label && f.key === key));
      return {
        key,
        cell: row.cells[key],
        worst: naming.reduce<CheckClass | null>((w, c) => (w === null ? c.class : worseClass(w, c.class)), null),
        checks: naming.map((c) => c.number),
        errors: naming.filter((c) => c.class === "inconsistent").map((c) => c.number),
      };
    }),
  }));
  return { checks, counts, errorCount: counts.inconsistent, rows: summary };
}

/** The column names the checks use, in the reader's language. */
export const checkColumnName = (key: ColumnKey, lang: Lang) => NAMES[lang][key];
