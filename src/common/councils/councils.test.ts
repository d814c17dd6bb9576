// Council rule sets and counting rules: examples from the circulars and properties that must hold for any input.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ACCEPTANCE_TT11_2014,
  APPRAISAL_2014,
  COUNCIL_RULE_SETS,
  IDENTIFICATION_TT06_2023,
  SELECTION_RUBRICS,
  SELECTION_TT08_2017,
  SELECTION_TT20_2023,
  compositionIssues,
  councilGrade,
  countMet,
  invalidBallots,
  memberGrade,
  quorum,
  ruleSetInForce,
  selectionResults,
  type Attendance,
  type CouncilRole,
  type Grade,
  type PointBallot,
  type SelectionSubject,
} from "./index.js";

const points = SELECTION_TT20_2023.scoring.method === "points" ? SELECTION_TT20_2023.scoring : (null as never);
const points08 = SELECTION_TT08_2017.scoring.method === "points" ? SELECTION_TT08_2017.scoring : (null as never);
const grades = ACCEPTANCE_TT11_2014.scoring.method === "grades" ? ACCEPTANCE_TT11_2014.scoring : (null as never);
const ident = IDENTIFICATION_TT06_2023.scoring.method === "criteria_met" ? IDENTIFICATION_TT06_2023.scoring : (null as never);
const appraisal = APPRAISAL_2014.scoring.method === "criteria_met" ? APPRAISAL_2014.scoring : (null as never);
const deTai = SELECTION_RUBRICS.de_tai;

/** A ballot giving each criterion the same share of its maximum. */
const ballot = (memberId: string, share: number, override: Record<string, number> = {}): PointBallot => ({
  memberId,
  points: Object.fromEntries(deTai.map((c) => [c.key, override[c.key] ?? Math.round(c.max * share)])),
});
const subject = (subjectId: string, ballots: PointBallot[], extra: Partial<SelectionSubject> = {}): SelectionSubject => ({
  subjectId,
  criteria: deTai,
  contentCriterion: "content",
  ballots,
  proposedByApplicant: false,
  stateBudget: 1_000_000_000,
  excellentRecord: false,
  ...extra,
});

const shuffle = <T>(xs: readonly T[], seed: number) => {
  const a = [...xs];
  let s = seed || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
};

describe("rule sets", () => {
  it("every rubric totals 100 points, as the B2-3 scoring sheets", () => {
    for (const rubric of Object.values(SELECTION_RUBRICS)) expect(rubric.reduce((s, c) => s + c.max, 0)).toBe(100);
    expect(SELECTION_RUBRICS.de_tai.map((c) => c.max)).toEqual([12, 24, 16, 16, 16, 16]);
    expect(SELECTION_RUBRICS.khxh_de_an.map((c) => c.max)).toEqual([12, 12, 12, 20, 24, 20]);
    expect(SELECTION_RUBRICS.du_an_sxtn.map((c) => c.max)).toEqual([8, 20, 12, 12, 16, 16, 16]);
  });
  it("keys and versions are unique; the selection version follows the call's date (TT 08/2017 before 27/11/2023)", () => {
    const ids = COUNCIL_RULE_SETS.map((r) => `${r.key}@${r.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ruleSetInForce(COUNCIL_RULE_SETS, "selection", "2023-11-26")?.legalBasis).toBe("TT 08/2017/TT-BKHCN");
    expect(ruleSetInForce(COUNCIL_RULE_SETS, "selection", "2023-11-27")?.legalBasis).toBe("TT 20/2023/TT-BKHCN");
    expect(ruleSetInForce(COUNCIL_RULE_SETS, "acceptance", "2010-01-01")).toBeNull();
  });
  it("composition: a 9-member acceptance council with chair, 2 reviewers and secretary is complete; 8 members is not", () => {
    const nine: CouncilRole[] = [
      "chair",
      "vice_chair",
      "reviewer",
      "reviewer",
      "scientific_secretary",
      "member",
      "member",
      "member",
      "member",
      "admin_secretary",
    ];
    expect(compositionIssues(ACCEPTANCE_TT11_2014, nine)).toEqual([]);
    expect(compositionIssues(ACCEPTANCE_TT11_2014, nine.slice(0, 8)).map((i) => i.code)).toContain("size");
    expect(
      compositionIssues(
        ACCEPTANCE_TT11_2014,
        nine.filter((r) => r !== "chair"),
      ),
    ).toContainEqual(expect.objectContaining({ code: "role", role: "chair" }));
  });
});

describe("quorum", () => {
  const council = (presentMask: boolean[], authorised = false): Attendance[] => {
    const roles: CouncilRole[] = ["chair", "vice_chair", "reviewer", "reviewer", "scientific_secretary", "member", "member", "member", "member"];
    return roles.map((role, i) => ({ memberId: `m${i}`, role, present: presentMask[i] ?? false, authorisedToChair: role === "vice_chair" && authorised }));
  };
  it("6 of 9 with chair, both reviewers and secretary is a quorum; 5 of 9 is not", () => {
    expect(quorum(ACCEPTANCE_TT11_2014, council([true, false, true, true, true, true, true, false, false])).met).toBe(true);
    const q = quorum(ACCEPTANCE_TT11_2014, council([true, false, true, true, true, true, false, false, false]));
    expect(q).toMatchObject({ met: false, required: 6, present: 5, reasons: ["too_few_present"] });
  });
  it("without the chair only an authorised vice-chair chairs; an absent reviewer breaks the quorum", () => {
    const noChair = [false, true, true, true, true, true, true, false, false];
    expect(quorum(ACCEPTANCE_TT11_2014, council(noChair)).reasons).toEqual(["chair_absent"]);
    expect(quorum(ACCEPTANCE_TT11_2014, council(noChair, true)).met).toBe(true);
    expect(quorum(ACCEPTANCE_TT11_2014, council([true, true, true, false, true, true, true, true, true])).reasons).toEqual(["reviewer_absent"]);
  });
  it("the administrative secretary does not count", () => {
    const members = [
      ...council([true, true, true, true, true, true, false, false, false]),
      { memberId: "x", role: "admin_secretary" as const, present: false },
    ];
    expect(quorum(ACCEPTANCE_TT11_2014, members)).toMatchObject({ votingMembers: 9, met: true });
  });
  it("property: more attendance never breaks a quorum", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), fc.nat(8), (mask, extra) => {
        const before = quorum(SELECTION_TT20_2023, council(mask));
        const more = [...mask];
        more[extra] = true;
        const after = quorum(SELECTION_TT20_2023, council(more));
        return !before.met || after.met;
      }),
    );
  });
});

describe("identification (TT 06/2023): > 3/4 of all ballots say “Thực hiện”", () => {
  const all = { urgency: true, scope: true, no_overlap: true, applicability: true, resources: true };
  const ballots = (yes: number, no: number) => [
    ...Array.from({ length: yes }, (_, i) => ({ memberId: `y${i}`, met: all })),
    ...Array.from({ length: no }, (_, i) => ({ memberId: `n${i}`, met: { ...all, no_overlap: false } })),
  ];
  it("8 of 9 is recommended; 7 of 9 (≈ 0.78) also; 6 of 8 (exactly 3/4) is not", () => {
    expect(countMet(ident, ballots(8, 1), 9).passed).toBe(true);
    expect(countMet(ident, ballots(7, 2), 9).passed).toBe(true);
    expect(countMet(ident, ballots(6, 2), 8)).toMatchObject({ approvals: 6, ballots: 8, passed: false });
  });
  it("one unmet criterion makes the ballot “Không thực hiện”", () => {
    expect(countMet(ident, [{ memberId: "a", met: { ...all, scope: false } }], 1).approvals).toBe(0);
    expect(countMet(ident, [{ memberId: "a", met: { urgency: true } }], 1).approvals).toBe(0);
  });
  it("appraisal: majority of members present, recommended budget = average of approving ballots", () => {
    const yes = (id: string, budget: number) => ({ memberId: id, met: { content: true, budget: true }, recommendedBudget: budget });
    const r = countMet(
      appraisal,
      [yes("a", 900_000_000), yes("b", 1_000_000_001), { memberId: "c", met: { content: true, budget: false }, recommendedBudget: 1 }],
      3,
    );
    expect(r).toMatchObject({ approvals: 2, passed: true, recommendedBudget: 950_000_001 });
    expect(countMet(appraisal, [yes("a", 1), yes("b", 1)], 4).passed).toBe(false);
  });
});

describe("selection (TT 20/2023, TT 08/2017)", () => {
  it("a ballot deviating more than 20% from the average of all totals is invalid and does not count", () => {
    const bs = [ballot("a", 0.8), ballot("b", 0.8), ballot("c", 0.8), ballot("d", 0.8), ballot("e", 0.2)];
    const [r] = selectionResults(points, [subject("s", bs)], 5);
    expect(r.invalidMemberIds).toEqual(["e"]);
    expect(r.validCount).toBe(4);
    expect(r.average).toBe(r.totals.a);
  });
  it("exactly 20% away is still valid", () => {
    // totals 60 and 90 and 90 → average 80; 60 is 25% below; totals 72, 88 → average 80, 72 is 10% below
    expect(
      invalidBallots(
        [1, 5],
        [
          { memberId: "a", total: 64 },
          { memberId: "b", total: 96 },
        ],
      ),
    ).toEqual([]);
    expect(
      invalidBallots(
        [1, 5],
        [
          { memberId: "a", total: 63 },
          { memberId: "b", total: 97 },
        ],
      ),
    ).toEqual(["a", "b"]);
  });
  it("passes with the highest average ≥ 70; the runner-up does not pass", () => {
    const rs = selectionResults(points, [subject("x", [ballot("a", 0.9), ballot("b", 0.85)]), subject("y", [ballot("a", 0.8), ballot("b", 0.75)])], 2);
    expect(rs.map((r) => [r.subjectId, r.rank, r.passed, r.selected])).toEqual([
      ["x", 1, true, true],
      ["y", 2, false, false],
    ]);
  });
  it("below 70 never passes, even when first", () => {
    const [r] = selectionResults(points, [subject("x", [ballot("a", 0.6), ballot("b", 0.65)])], 2);
    expect(r).toMatchObject({ rank: 1, passed: false });
  });
  it("a criterion scored 0 by more than 1/4 of members present fails the dossier (TT 08/2017: 1/3)", () => {
    const bs = [
      ballot("a", 1, { products: 0 }),
      ballot("b", 1, { products: 0 }),
      ballot("c", 1),
      ballot("d", 1),
      ballot("e", 1),
      ballot("f", 1),
      ballot("g", 1),
    ];
    // 2 of 7 > 1/4 → fails under TT 20/2023; 2 of 7 ≤ 1/3 → passes under TT 08/2017
    expect(selectionResults(points, [subject("x", bs)], 7)[0]).toMatchObject({ zeroCriteria: ["products"], passed: false });
    expect(selectionResults(points08, [subject("x", bs)], 7)[0]).toMatchObject({ zeroCriteria: [], passed: true });
  });
  it("the proposing applicant gets +10% of its average when ≥ 70, which can change the ranking", () => {
    const rs = selectionResults(
      points,
      [
        subject("x", [ballot("a", 0.8)]),
        subject("y", [ballot("a", 0.75)], { proposedByApplicant: true }),
        subject("z", [ballot("a", 0.6)], { proposedByApplicant: true }),
      ],
      1,
    );
    const y = rs.find((r) => r.subjectId === "y")!;
    expect(y.bonus).toBeCloseTo((y.average ?? 0) / 10, 10);
    expect(y.rank).toBe(1);
    expect(rs.find((r) => r.subjectId === "z")!.bonus).toBe(0);
  });
  it("ties: lower state budget first, then a Xuất sắc record, then higher content average; still equal = same rank and nobody selected", () => {
    const a = ballot("a", 0.8, { content: 20, overview: 10 });
    const b = ballot("a", 0.8, { content: 18, overview: 12 });
    const r1 = selectionResults(points, [subject("x", [a], { stateBudget: 2 }), subject("y", [a], { stateBudget: 1 })], 1);
    expect(r1.find((r) => r.subjectId === "y")!.rank).toBe(1);
    // a Xuất sắc record breaks an equal budget, and wins over a higher content average
    const r4 = selectionResults(points, [subject("x", [a]), subject("y", [b], { excellentRecord: true })], 1);
    expect(r4.find((r) => r.subjectId === "y")!.rank).toBe(1);
    expect(r4.find((r) => r.subjectId === "x")!.rank).toBe(2);
    // but not over a lower budget
    const r5 = selectionResults(points, [subject("x", [a], { stateBudget: 1 }), subject("y", [a], { excellentRecord: true, stateBudget: 2 })], 1);
    expect(r5.find((r) => r.subjectId === "x")!.rank).toBe(1);
    const r2 = selectionResults(points, [subject("x", [b]), subject("y", [a])], 1);
    expect(r2.find((r) => r.subjectId === "y")!.rank).toBe(1);
    const r3 = selectionResults(points, [subject("x", [a]), subject("y", [a])], 1);
    expect(r3.map((r) => [r.rank, r.passed, r.selected])).toEqual([
      [1, true, false],
      [1, true, false],
    ]);
  });

  const arbBallots = fc
    .array(fc.array(fc.nat(24), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 9 })
    .map((rows) => rows.map((row, i) => ({ memberId: `m${i}`, points: Object.fromEntries(deTai.map((c, k) => [c.key, Math.min(row[k], c.max)])) })));

  it("property: permuting members never changes the result", () => {
    fc.assert(
      fc.property(arbBallots, arbBallots, fc.integer(), (b1, b2, seed) => {
        const present = Math.max(b1.length, b2.length);
        const base = selectionResults(points, [subject("x", b1), subject("y", b2)], present);
        const perm = selectionResults(points, [subject("x", shuffle(b1, seed)), subject("y", shuffle(b2, seed + 1))], present);
        expect(perm).toEqual(base);
      }),
    );
  });
  it("property: an invalid ballot never changes the valid average", () => {
    fc.assert(
      fc.property(arbBallots, (bs) => {
        const [r] = selectionResults(points, [subject("x", bs)], bs.length);
        const validOnly = bs.filter((b) => !r.invalidMemberIds.includes(b.memberId));
        if (!validOnly.length) return true;
        const mean = validOnly.reduce((s, b) => s + deTai.reduce((t, c) => t + b.points[c.key], 0), 0) / validOnly.length;
        expect(r.average).toBeCloseTo(mean, 9);
        return true;
      }),
    );
  });
  it("property: adding zero-criterion votes beyond the threshold fails the dossier", () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 9 }), fc.constantFrom(...deTai.map((c) => c.key)), (n, key) => {
        const zeros = Math.floor(n / 4) + 1;
        const bs = Array.from({ length: n }, (_, i) => ballot(`m${i}`, 1, i < zeros ? { [key]: 0 } : {}));
        const [r] = selectionResults(points, [subject("x", bs)], n);
        expect(r.zeroCriteria).toContain(key);
        expect(r.passed).toBe(false);
      }),
    );
  });
});

describe("acceptance (TT 11/2014)", () => {
  const p = (quantity: Grade, quality: Grade, quantityPercent: number | null = null) => ({ quantity, quality, quantityPercent });
  it("a member's grade", () => {
    expect(memberGrade(grades, { products: [p("excellent", "excellent")], report: "pass" }, false)).toBe("excellent");
    expect(memberGrade(grades, { products: [p("excellent", "excellent")], report: "fail" }, false)).toBe("fail");
    expect(memberGrade(grades, { products: [p("excellent", "pass")], report: "excellent" }, false)).toBe("pass");
    // 3 of 4 quantity criteria ≥ Đạt and the shortfall achieved 80% of the order → Đạt; at 70% → Không đạt
    const three = [p("pass", "pass"), p("pass", "pass"), p("pass", "pass")];
    expect(memberGrade(grades, { products: [...three, p("fail", "pass", 80)], report: "pass" }, false)).toBe("pass");
    expect(memberGrade(grades, { products: [...three, p("fail", "pass", 70)], report: "pass" }, false)).toBe("fail");
    expect(memberGrade(grades, { products: [p("pass", "pass"), p("fail", "pass", 90)], report: "pass" }, false)).toBe("fail");
    expect(memberGrade(grades, { products: [p("pass", "fail")], report: "pass" }, false)).toBe("fail");
    expect(memberGrade(grades, { products: [p("excellent", "excellent")], report: "excellent" }, true)).toBe("fail");
  });
  it("the council's grade thresholds", () => {
    const g = (e: number, pa: number, f: number): Grade[] => [...Array(e).fill("excellent"), ...Array(pa).fill("pass"), ...Array(f).fill("fail")];
    expect(councilGrade(grades, g(7, 2, 0), 9).grade).toBe("excellent");
    expect(councilGrade(grades, g(6, 3, 0), 9).grade).toBe("pass");
    expect(councilGrade(grades, g(8, 0, 1), 9).grade).toBe("pass");
    expect(councilGrade(grades, g(0, 6, 3), 9).grade).toBe("pass");
    expect(councilGrade(grades, g(0, 5, 4), 9).grade).toBe("fail");
  });
  it("property: never Xuất sắc when any member says Không đạt; permutation-invariant", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<Grade>("excellent", "pass", "fail"), { minLength: 1, maxLength: 11 }), fc.integer(), (gs, seed) => {
        const r = councilGrade(grades, gs, gs.length);
        if (gs.includes("fail")) expect(r.grade).not.toBe("excellent");
        expect(councilGrade(grades, shuffle(gs, seed), gs.length)).toEqual(r);
      }),
    );
  });
});
