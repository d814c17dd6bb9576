// Citing the 2014–2020 Đề án as its readers cite it — by part and section ("Đề án, mục IV.6"), never by the line of
// the transcription a figure was traced to. The figures keep their line (docs/plan/plan-facts.json, `source.line`)
// for tracing; what a user reads is the section that line stands in.
//
// The outline: the plan's parts and the sections the transcription names (docs/plan/README.md, "Outline"), each with
// the lines it spans. A line outside every named section is cited by its part; a range spanning two sections by the
// smallest unit holding both ends. plan-citation.test.ts checks the outline against plan-facts.json: every fact of a
// section lies within that section's lines.
export type Lang = "vi" | "en";

interface Unit {
  from: number;
  to: number;
  /** the part: 0 introduction, 1–3 parts one to three */
  part: 0 | 1 | 2 | 3;
  /** the section number within the part, when the plan numbers it ("I.2", "IV.6"); none for the part itself */
  section?: string;
}

const PART: Record<Unit["part"], { vi: string; en: string }> = {
  0: { vi: "Phần mở đầu", en: "Introduction" },
  1: { vi: "Phần thứ nhất", en: "Part One" },
  2: { vi: "Phần thứ hai", en: "Part Two" },
  3: { vi: "Phần thứ ba", en: "Part Three" },
};

/** Parts first (the widest units), then their numbered sections. */
export const PLAN_OUTLINE: readonly Unit[] = [
  { from: 1, to: 37, part: 0 },
  { from: 38, to: 384, part: 1 },
  { from: 385, to: 997, part: 2 },
  { from: 998, to: 1021, part: 3 },
  // Part One, the current state: I.1 tasks 1996–2012 … I.7 cooperation.
  { from: 38, to: 116, part: 1, section: "I.1" },
  { from: 117, to: 168, part: 1, section: "I.2" },
  { from: 169, to: 181, part: 1, section: "I.3" },
  { from: 182, to: 204, part: 1, section: "I.4" },
  { from: 205, to: 229, part: 1, section: "I.5" },
  { from: 230, to: 330, part: 1, section: "I.6" },
  { from: 230, to: 259, part: 1, section: "I.6.1" },
  { from: 260, to: 299, part: 1, section: "I.6.2" },
  { from: 300, to: 314, part: 1, section: "I.6.3" },
  { from: 315, to: 330, part: 1, section: "I.6.4" },
  { from: 331, to: 350, part: 1, section: "I.7" },
  // Part Two: I viewpoints, II objectives, III main tasks (eleven areas), IV main solutions (eight groups).
  { from: 385, to: 394, part: 2, section: "I" },
  { from: 395, to: 416, part: 2, section: "II" },
  { from: 417, to: 753, part: 2, section: "III" },
  { from: 417, to: 426, part: 2, section: "III.1" },
  { from: 427, to: 447, part: 2, section: "III.2" },
  { from: 448, to: 455, part: 2, section: "III.3" },
  { from: 456, to: 513, part: 2, section: "III.4" },
  { from: 514, to: 523, part: 2, section: "III.5" },
  { from: 524, to: 658, part: 2, section: "III.6" },
  { from: 659, to: 671, part: 2, section: "III.7" },
  { from: 672, to: 685, part: 2, section: "III.8" },
  { from: 686, to: 694, part: 2, section: "III.9" },
  { from: 695, to: 699, part: 2, section: "III.10" },
  { from: 700, to: 753, part: 2, section: "III.11" },
  { from: 754, to: 997, part: 2, section: "IV" },
  { from: 754, to: 758, part: 2, section: "IV.1" },
  { from: 835, to: 842, part: 2, section: "IV.4" },
  { from: 843, to: 850, part: 2, section: "IV.5" },
  { from: 851, to: 954, part: 2, section: "IV.6" },
  { from: 986, to: 997, part: 2, section: "IV.8" },
];

const span = (u: Unit) => u.to - u.from;

/** The smallest unit of the outline holding every line given, or null outside the plan. */
export function planUnit(lines: number | readonly [number, number]): Unit | null {
  const [a, b] = typeof lines === "number" ? [lines, lines] : lines;
  const holding = PLAN_OUTLINE.filter((u) => u.from <= a && b <= u.to);
  return holding.reduce<Unit | null>((best, u) => (best === null || span(u) < span(best) ? u : best), null);
}

/** "Đề án, mục IV.6" / "Đề án, Phần thứ nhất, mục I.2" (vi); "Đề án, section IV.6" / "Đề án, Part One, section I.2" (en). */
export function planCitation(lines: number | readonly [number, number], lang: Lang): string {
  const u = planUnit(lines);
  const plan = "Đề án";
  if (!u) return plan;
  const part = PART[u.part][lang];
  // Part Two's sections (I–IV) are the ones readers cite bare; the other parts' are said with their part.
  if (u.section && u.part === 2) return lang === "vi" ? `${plan}, mục ${u.section}` : `${plan}, section ${u.section}`;
  if (u.section) return lang === "vi" ? `${plan}, ${part}, mục ${u.section}` : `${plan}, ${part}, section ${u.section}`;
  return `${plan}, ${part}`;
}
