// The plan's outline against its transcription: every fact the transcription files under a section lies within the
// lines the outline gives that section, so a citation by section names where the fact really stands.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planCitation, planUnit } from "./citation.js";

const facts = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../docs/plan/plan-facts.json"), "utf8")) as Record<string, unknown>;

/** Every line a part of the transcription cites (`line`, `source_line`, `source_lines`). */
function linesOf(o: unknown, acc: number[] = []): number[] {
  if (Array.isArray(o)) o.forEach((x) => linesOf(x, acc));
  else if (o && typeof o === "object") {
    for (const [k, v] of Object.entries(o)) {
      if ((k === "line" || k === "source_line") && typeof v === "number") acc.push(v);
      else if (k === "source_lines" && Array.isArray(v)) acc.push(...v.filter((x): x is number => typeof x === "number"));
      else linesOf(v, acc);
    }
  }
  return acc;
}
const sectionOf = (line: number) => planUnit(line)?.section ?? null;
const within = (line: number, section: string) => {
  const s = sectionOf(line);
  return s === section || (s !== null && s.startsWith(`${section}.`));
};

describe("the plan's outline", () => {
  // Part One's sections (the transcription's description of each names it); a later mention in Part Two is not theirs.
  it.each([
    ["tasks_1996_2012", "I.1"],
    ["technology_level", "I.2"],
    ["intellectual_property", "I.3"],
    ["standards_metrology_quality", "I.4"],
    ["technology_market", "I.5"],
    ["human_resources", "I.6.1"],
    ["organizations", "I.6.2"],
    ["information_activities", "I.6.3"],
    ["finance", "I.6.4"],
    ["cooperation", "I.7"],
  ])("%s lies in section %s of Part One", (key, section) => {
    const lines = linesOf(facts[key]).filter((l) => l < 385);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(within(l, section), `line ${l}`).toBe(true);
  });

  it("Part Two: viewpoints in I, objectives in II, the eleven task areas in III.1–11, the solution groups in IV.n, the funding table in IV.6", () => {
    for (const l of linesOf(facts.development_viewpoints)) expect(sectionOf(l)).toBe("I");
    const targets = facts.targets as Record<string, unknown>;
    // (a target's baseline may quote Part One: only the targets' own lines are section II's)
    for (const l of linesOf([targets.general_objective, targets.specific_targets]).filter((x) => x >= 385)) expect(sectionOf(l), `line ${l}`).toBe("II");
    for (const area of (facts.priority_fields as { areas: { no: number }[] }).areas) {
      for (const l of linesOf(area)) expect(within(l, `III.${area.no}`), `area ${area.no} line ${l}`).toBe(true);
    }
    for (const group of (facts.solutions as { groups: { no: number; items?: unknown[] }[] }).groups) {
      for (const l of linesOf(group.items ?? [])) expect(within(l, `IV.${group.no}`) || sectionOf(l) === "IV", `group ${group.no} line ${l}`).toBe(true);
    }
    const table = facts.funding_plan_2014_2020 as { source_lines: [number, number] };
    expect(planUnit(table.source_lines)?.section).toBe("IV.6");
  });

  it("cites as readers do, in one language at a time", () => {
    const table = (facts.funding_plan_2014_2020 as { source_lines: [number, number] }).source_lines;
    expect(planCitation(table, "vi")).toBe("Đề án, mục IV.6");
    expect(planCitation(table, "en")).toBe("Đề án, section IV.6");
    expect(planCitation(230, "vi")).toBe("Đề án, Phần thứ nhất, mục I.6.1");
    expect(planCitation(230, "en")).toBe("Đề án, Part One, section I.6.1");
    expect(planCitation(20, "vi")).toBe("Đề án, Phần mở đầu");
    expect(planCitation(1008, "vi")).toBe("Đề án, Phần thứ ba");
    expect(planCitation(360, "vi")).toBe("Đề án, Phần thứ nhất");
    expect(planCitation([417, 800], "vi")).toBe("Đề án, Phần thứ hai");
    expect(planCitation(5000, "vi")).toBe("Đề án");
  });
});
