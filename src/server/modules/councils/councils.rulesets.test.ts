// Council rule sets speak one language at a time: each shipped version has its note in Vietnamese and in English
// (no sentence of the other language inside), and a version stored before that (one bilingual `note`) is read with
// the shipped notes of the same key and number.
import { describe, expect, it } from "vitest";
import { COUNCIL_RULE_SETS, type CouncilRuleSet } from "../../../common/councils/index.js";
import { currentRuleSet } from "./councils.rulesets.js";

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùý]/i;
// Common English words that never appear in a Vietnamese sentence.
const ENGLISH = /\b(the|and|of|members?|when|with|passes|ballot|council)\b/i;

describe("council rule-set notes", () => {
  it.each(COUNCIL_RULE_SETS.map((r) => [`${r.key} v${r.version}`, r] as const))("%s: one language per note", (_, r) => {
    expect(r.noteVi).toMatch(VIETNAMESE);
    expect(r.noteVi).not.toMatch(ENGLISH);
    expect(r.noteEn).toMatch(/[a-z]{4,}/);
    // Vietnamese words the English note quotes are the ballot's own labels ("Thực hiện", "Đạt / Không đạt").
    expect(r.noteEn.replace(/“[^”]*”|Đạt \/ Không đạt|đồng/g, "")).not.toMatch(VIETNAMESE);
  });

  it("a version stored with one bilingual note is read with the shipped notes; an unknown one keeps its note", () => {
    const shipped = COUNCIL_RULE_SETS[0];
    const { noteVi: _vi, noteEn: _en, ...rest } = shipped;
    const old = { ...rest, note: "Ghi chú cũ. Old note." } as unknown as CouncilRuleSet;
    expect(currentRuleSet(old)).toMatchObject({ noteVi: shipped.noteVi, noteEn: shipped.noteEn });
    const unknown = { ...old, version: 999 } as CouncilRuleSet;
    expect(currentRuleSet(unknown)).toMatchObject({ noteVi: "Ghi chú cũ. Old note.", noteEn: "Ghi chú cũ. Old note." });
  });
});
