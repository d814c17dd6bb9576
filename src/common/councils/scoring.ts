// How a council's ballots are counted: pure functions of the rule set, the attendance and the ballots (no database).
// Every threshold is exact: fractions are compared by cross-multiplication, never with rounded decimals.
import { VOTING_ROLES, type CouncilRole, type CouncilRuleSet, type Fraction, type PointCriterion, type Scoring } from "./rules.js";

type Of<M extends Scoring["method"]> = Extract<Scoring, { method: M }>;

// ---------- quorum ----------
export interface Attendance {
  memberId: string;
  role: CouncilRole;
  present: boolean;
  /** A vice-chair authorised in writing to chair the session. */
  authorisedToChair?: boolean;
}
export type QuorumReason = "too_few_present" | "chair_absent" | "reviewer_absent" | "secretary_absent";
export interface Quorum {
  met: boolean;
  votingMembers: number;
  present: number;
  /** The smallest number of voting members present that meets the share. */
  required: number;
  reasons: QuorumReason[];
}

/** n × num/den rounded up: the least count that is ≥ the share. */
export const atLeast = (n: number, [num, den]: Fraction) => Math.ceil((n * num) / den);
/** count > share × n, exactly. */
export const above = (count: number, n: number, [num, den]: Fraction) => count * den > num * n;
/** count ≥ share × n, exactly. */
export const atLeastShare = (count: number, n: number, [num, den]: Fraction) => count * den >= num * n;

export function quorum(rules: Pick<CouncilRuleSet, "quorum">, members: readonly Attendance[]): Quorum {
  const voting = members.filter((m) => VOTING_ROLES.includes(m.role));
  const present = voting.filter((m) => m.present);
  const required = atLeast(voting.length, rules.quorum.present);
  const reasons: QuorumReason[] = [];
  if (voting.length === 0 || present.length < required) reasons.push("too_few_present");
  if (rules.quorum.chair) {
    const chairHere = present.some((m) => m.role === "chair" || (m.role === "vice_chair" && m.authorisedToChair));
    if (!chairHere) reasons.push("chair_absent");
  }
  if (rules.quorum.reviewers) {
    const reviewers = voting.filter((m) => m.role === "reviewer");
    if (reviewers.length === 0 || reviewers.some((m) => !m.present)) reasons.push("reviewer_absent");
  }
  if (rules.quorum.scientificSecretary && !present.some((m) => m.role === "scientific_secretary")) reasons.push("secretary_absent");
  return { met: reasons.length === 0, votingMembers: voting.length, present: present.length, required, reasons };
}

// ---------- composition ----------
export type CompositionIssue =
  { code: "size"; count: number; min: number; max: number } | { code: "role"; role: CouncilRole; count: number; min: number; max: number };

/** Size and role bounds, checked before invitations go out. */
export function compositionIssues(rules: Pick<CouncilRuleSet, "size" | "roles">, roles: readonly CouncilRole[]): CompositionIssue[] {
  const issues: CompositionIssue[] = [];
  const voting = roles.filter((r) => VOTING_ROLES.includes(r)).length;
  if (voting < rules.size.min || voting > rules.size.max) issues.push({ code: "size", count: voting, ...rules.size });
  for (const [role, b] of Object.entries(rules.roles) as [CouncilRole, { min: number; max: number }][]) {
    const count = roles.filter((r) => r === role).length;
    if (count < b.min || count > b.max) issues.push({ code: "role", role, count, ...b });
  }
  return issues;
}

// ---------- Đạt / Không đạt per criterion (identification, appraisal) ----------
export interface MetBallot {
  memberId: string;
  /** criterion key → met */
  met: Record<string, boolean | null | undefined>;
  recommendedBudget?: number | null;
}
export interface MetResult {
  /** Ballots whose every criterion is met ("Thực hiện" / Đạt). */
  approvals: number;
  ballots: number;
  /** The denominator of the rule: every ballot cast, or the voting members present. */
  base: number;
  passed: boolean;
  /** Average (rounded to the đồng) of the approving ballots' recommended budgets; null when none. */
  recommendedBudget: number | null;
}

export const ballotApproves = (criteria: readonly { key: string }[], b: MetBallot) => criteria.every((c) => b.met[c.key] === true);

export function countMet(scoring: Of<"criteria_met">, ballots: readonly MetBallot[], present: number): MetResult {
  const approving = ballots.filter((b) => ballotApproves(scoring.criteria, b));
  const base = scoring.of === "ballots" ? ballots.length : present;
  const budgets = approving.map((b) => b.recommendedBudget).filter((v): v is number => typeof v === "number");
  return {
    approvals: approving.length,
    ballots: ballots.length,
    base,
    passed: base > 0 && above(approving.length, base, scoring.passAbove),
    recommendedBudget: scoring.recommendedBudget && budgets.length ? Math.round(budgets.reduce((a, v) => a + v, 0) / budgets.length) : null,
  };
}

// ---------- 100-point selection ----------
export interface PointBallot {
  memberId: string;
  /** criterion key → points */
  points: Record<string, number>;
}
export interface SelectionSubject {
  subjectId: string;
  criteria: readonly PointCriterion[];
  contentCriterion: string;
  ballots: readonly PointBallot[];
  /** The applicant organisation proposed the task (bonus of 10% of the average when ≥ the pass mark). */
  proposedByApplicant: boolean;
  /** State (city) budget requested, in đồng: the first tie-break (lower ranks higher). */
  stateBudget: number;
  /** The PI or the host organisation had a task graded Xuất sắc in the past EXCELLENT_RECORD_YEARS years: the second
   *  tie-break (such a subject ranks higher). */
  excellentRecord: boolean;
}

/** How far back a "Xuất sắc" acceptance grade counts for the selection tie-break (TT 08/2017/TT-BKHCN). */
export const EXCELLENT_RECORD_YEARS = 5;
export interface SelectionResult {
  subjectId: string;
  totals: Record<string, number>;
  invalidMemberIds: string[];
  validCount: number;
  invalidCount: number;
  /** Average of valid ballots' totals. */
  average: number | null;
  bonus: number;
  /** average + bonus: what ranks. */
  score: number | null;
  contentAverage: number | null;
  /** Criteria scored 0 by more than the share of members present. */
  zeroCriteria: string[];
  /** average ≥ pass mark and no zero-criterion failure. */
  meetsThresholds: boolean;
  /** 1 = best; equal after every tie-break = equal rank. */
  rank: number | null;
  /** Meets the thresholds and ranks first. */
  passed: boolean;
  /** Passed and alone in first place: the council's choice. */
  selected: boolean;
}

type Ratio = { n: number; d: number };
const cmp = (a: Ratio, b: Ratio) => a.n * b.d - b.n * a.d;

export const ballotTotal = (criteria: readonly PointCriterion[], b: PointBallot) => criteria.reduce((s, c) => s + (b.points[c.key] ?? 0), 0);

/** Invalid ballots: total deviates more than the share from the average of ALL totals. */
export function invalidBallots(deviation: Fraction, totals: readonly { memberId: string; total: number }[]): string[] {
  const n = totals.length;
  if (n === 0) return [];
  const sum = totals.reduce((s, t) => s + t.total, 0);
  const [num, den] = deviation;
  // |total − sum/n| > num/den × sum/n  ⇔  |n·total − sum| · den > num · sum
  return totals.filter((t) => Math.abs(n * t.total - sum) * den > num * sum).map((t) => t.memberId);
}

export function selectionResults(scoring: Of<"points">, subjects: readonly SelectionSubject[], present: number): SelectionResult[] {
  const interim = subjects.map((s) => {
    const totals = s.ballots.map((b) => ({ memberId: b.memberId, total: ballotTotal(s.criteria, b) }));
    const invalid = new Set(invalidBallots(scoring.invalidDeviation, totals));
    const valid = s.ballots.filter((b) => !invalid.has(b.memberId));
    const validSum = valid.reduce((acc, b) => acc + ballotTotal(s.criteria, b), 0);
    const avg: Ratio | null = valid.length ? { n: validSum, d: valid.length } : null;
    const contentSum = valid.reduce((acc, b) => acc + (b.points[s.contentCriterion] ?? 0), 0);
    const zeroCriteria = s.criteria
      .filter((c) => above(s.ballots.filter((b) => (b.points[c.key] ?? 0) === 0).length, present, scoring.zeroCriterionAbove))
      .map((c) => c.key);
    const reachesMark = !!avg && avg.n >= scoring.passMin * avg.d;
    const [bn, bd] = scoring.proposerBonus;
    const withBonus = s.proposedByApplicant && reachesMark;
    const score: Ratio | null = avg ? (withBonus ? { n: avg.n * (bd + bn), d: avg.d * bd } : avg) : null;
    return {
      s,
      totals,
      invalid,
      valid,
      avg,
      score,
      bonus: avg && withBonus ? (avg.n * bn) / (avg.d * bd) : 0,
      content: valid.length ? { n: contentSum, d: valid.length } : null,
      zeroCriteria,
      meets: reachesMark && zeroCriteria.length === 0,
    };
  });
  type I = (typeof interim)[number];
  // Higher score first; then lower state budget; then a "Xuất sắc" record in the past 5 years; then higher content
  // average.
  const order = (a: I, b: I) => {
    const byScore = cmp(b.score!, a.score!);
    if (byScore !== 0) return byScore;
    if (a.s.stateBudget !== b.s.stateBudget) return a.s.stateBudget - b.s.stateBudget;
    if (a.s.excellentRecord !== b.s.excellentRecord) return a.s.excellentRecord ? -1 : 1;
    return cmp(b.content ?? { n: 0, d: 1 }, a.content ?? { n: 0, d: 1 });
  };
  const ranked = interim.filter((i) => i.score).sort(order);
  const rank = new Map<string, number>();
  ranked.forEach((r, i) => rank.set(r.s.subjectId, i > 0 && order(ranked[i - 1], r) === 0 ? rank.get(ranked[i - 1].s.subjectId)! : i + 1));
  const firsts = ranked.filter((r) => rank.get(r.s.subjectId) === 1).length;
  return interim.map((i) => {
    const r = rank.get(i.s.subjectId) ?? null;
    const passed = i.meets && r === 1;
    return {
      subjectId: i.s.subjectId,
      totals: Object.fromEntries(i.totals.map((t) => [t.memberId, t.total])),
      invalidMemberIds: [...i.invalid].sort(),
      validCount: i.valid.length,
      invalidCount: i.invalid.size,
      average: i.avg ? i.avg.n / i.avg.d : null,
      bonus: i.bonus,
      score: i.score ? i.score.n / i.score.d : null,
      contentAverage: i.content ? i.content.n / i.content.d : null,
      zeroCriteria: i.zeroCriteria,
      meetsThresholds: i.meets,
      rank: r,
      passed,
      selected: passed && firsts === 1,
    };
  });
}

// ---------- acceptance grades ----------
export const GRADES = ["excellent", "pass", "fail"] as const;
export type Grade = (typeof GRADES)[number];
const atLeastPass = (g: Grade | null | undefined) => g === "excellent" || g === "pass";

export interface ProductGrade {
  quantity: Grade;
  /** Share of the ordered quantity/volume achieved, in percent (for a quantity shortfall). */
  quantityPercent?: number | null;
  quality: Grade;
}
export interface AcceptanceBallot {
  memberId: string;
  products: readonly ProductGrade[];
  report: Grade;
}

/** A member's overall grade (TT 11/2014). */
export function memberGrade(scoring: Of<"grades">, b: Omit<AcceptanceBallot, "memberId">, late: boolean): Grade {
  if (late) return "fail";
  if (!atLeastPass(b.report)) return "fail";
  if (b.products.every((p) => p.quantity === "excellent" && p.quality === "excellent")) return "excellent";
  const qualityOk = b.products.every((p) => atLeastPass(p.quality));
  const quantityOk = b.products.filter((p) => atLeastPass(p.quantity)).length;
  const shortfallsOk = b.products.every((p) => atLeastPass(p.quantity) || (p.quantityPercent ?? 0) >= scoring.shortfallMinPercent);
  if (qualityOk && shortfallsOk && atLeastShare(quantityOk, b.products.length, scoring.quantityPassShare)) return "pass";
  return "fail";
}

export interface CouncilGrade {
  grade: Grade;
  counts: Record<Grade, number>;
  present: number;
}

/** The council's grade from the members' overall grades and the number of voting members present. */
export function councilGrade(scoring: Of<"grades">, grades: readonly Grade[], present: number): CouncilGrade {
  const counts: Record<Grade, number> = { excellent: 0, pass: 0, fail: 0 };
  for (const g of grades) counts[g] += 1;
  let grade: Grade = "pass";
  if (above(counts.fail, present, scoring.failAbove)) grade = "fail";
  else if (counts.fail === 0 && present > 0 && atLeastShare(counts.excellent, present, scoring.excellentShare)) grade = "excellent";
  return { grade, counts, present };
}
