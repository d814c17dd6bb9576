// A council as one record: loading it (members, subjects, results, rule set) for reading or for a command, its
// presentation with the caller's abilities, and the version bump and ability check every council command shares.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import {
  councilBallotScores,
  councilBallots,
  councilMembers,
  councilResults,
  councils,
  councilSubjects,
  people,
  taskDossierProducts,
  taskDossiers,
  tasks,
  organisations,
  users,
} from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { forbidden, notFound, staleVersion } from "../../platform/errors.js";
import { abilitiesOf, authorize, can } from "../../platform/policy.js";
import { quorum, VOTING_ROLES, type CouncilKind, type CouncilRuleSet, type QuorumReason } from "../../../common/councils/index.js";
import { type Council, type CouncilResult, type CriterionView } from "../../../common/api/council.js";
import { councilPolicy, isCouncilInsider, ownSubjectIds, type CouncilRef, type SubjectParties } from "./councils.policy.js";
import { loadRuleSet } from "./councils.rulesets.js";
import { councilLifecycle } from "./councils.lifecycle.js";
import { authorizeCommand } from "../../platform/lifecycle.js";
import { eachTogether } from "../../platform/together.js";
import { blockingLines } from "./councils.members.js";
import { t, type MessageKey } from "../../platform/messages.js";

type CouncilRow = typeof councils.$inferSelect;
export type MemberRow = typeof councilMembers.$inferSelect & { fullName: string; recordedByName: string | null };
type SubjectRow = typeof councilSubjects.$inferSelect & {
  taskCode: string;
  taskTitle: string;
  taskType: string;
  proposingOrganisationId: string | null;
  taskPi: string | null;
  taskLeadOrg: string | null;
  proposerUserId: string | null;
  dossierPi: string | null;
  dossierOrg: string | null;
  dossierOwner: string | null;
  applicantName: string | null;
};

export const REASON_TEXT: Record<QuorumReason, { vi: string; en: string }> = {
  too_few_present: { vi: "chưa đủ 2/3 thành viên có mặt", en: "fewer members present than required" },
  chair_absent: { vi: "vắng chủ tịch (và không có phó chủ tịch được uỷ quyền)", en: "the chair is absent (and no authorised vice-chair)" },
  reviewer_absent: { vi: "vắng phản biện", en: "a reviewer is absent" },
  secretary_absent: { vi: "vắng thư ký khoa học", en: "the scientific secretary is absent" },
};

type CouncilAbility = keyof typeof councilLifecycle.commands;

// ---------- loading ----------
export interface Loaded {
  c: CouncilRow;
  rules: CouncilRuleSet;
  subjects: SubjectRow[];
  members: MemberRow[];
  ref: CouncilRef;
}

export async function loadCouncil(db: Executor, id: string, lock = false): Promise<Loaded | null> {
  const q = db.select().from(councils).where(eq(councils.id, id));
  const [c] = lock ? await q.for("update") : await q;
  if (!c) return null;
  const rules = await loadRuleSet(db, c.ruleSetKey, c.ruleSetVersion);
  const subjects: SubjectRow[] = await db
    .select({
      id: councilSubjects.id,
      councilId: councilSubjects.councilId,
      taskId: councilSubjects.taskId,
      dossierId: councilSubjects.dossierId,
      position: councilSubjects.position,
      lateSubmission: councilSubjects.lateSubmission,
      taskCode: tasks.code,
      taskTitle: tasks.titleVi,
      taskType: tasks.taskType,
      proposingOrganisationId: tasks.proposingOrganisationId,
      taskPi: tasks.piPersonId,
      taskLeadOrg: tasks.leadOrganisationId,
      proposerUserId: tasks.proposerUserId,
      dossierPi: taskDossiers.piPersonId,
      dossierOrg: taskDossiers.leadOrganisationId,
      dossierOwner: taskDossiers.ownerUserId,
      applicantName: organisations.nameVi,
    })
    .from(councilSubjects)
    .innerJoin(tasks, eq(tasks.id, councilSubjects.taskId))
    .leftJoin(taskDossiers, eq(taskDossiers.id, councilSubjects.dossierId))
    .leftJoin(organisations, eq(organisations.id, taskDossiers.leadOrganisationId))
    .where(eq(councilSubjects.councilId, id))
    .orderBy(asc(councilSubjects.position));
  const members: MemberRow[] = (
    await db
      .select({ m: councilMembers, fullName: people.fullName, recordedByName: users.displayName })
      .from(councilMembers)
      .innerJoin(people, eq(people.id, councilMembers.personId))
      .leftJoin(users, eq(users.id, councilMembers.declarationRecordedBy))
      .where(eq(councilMembers.councilId, id))
      .orderBy(asc(councilMembers.createdAt), asc(councilMembers.id))
  ).map((r) => ({ ...r.m, fullName: r.fullName, recordedByName: r.recordedByName }));
  const ref: CouncilRef = {
    status: c.status,
    memberPersonIds: members.map((m) => m.personId),
    subjects: subjects.map((s) => subjectParties(c.kind, s)),
  };
  return { c, rules, subjects, members, ref };
}

/**
 * The applicants of one subject, whose own result it is. A dossier's are its owner, its PI and its lead organisation.
 * In a selection council the subjects are competing dossiers of one task, so the task's own links (its proposer, and
 * its PI and lead organisation, which become the winner's once the decision is taken) make nobody a party: each
 * applicant sees only their dossier. The other kinds consider tasks (identification: each proposal; appraisal and
 * acceptance: the one task), whose proposer, PI, lead and proposing organisations are that subject's applicants too.
 */
function subjectParties(kind: CouncilKind, s: SubjectRow): SubjectParties {
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const task = kind !== "selection";
  return {
    subjectId: s.id,
    userIds: uniq([s.dossierOwner, task ? s.proposerUserId : null]),
    personIds: uniq([s.dossierPi, task ? s.taskPi : null]),
    organisationIds: uniq([s.dossierOrg, ...(task ? [s.taskLeadOrg, s.proposingOrganisationId] : [])]),
  };
}

export async function mustLoad(ctx: Ctx, db: Executor, id: string, lock = false) {
  const l = await loadCouncil(db, id, lock);
  if (!l) throw notFound();
  authorize(ctx.actor, councilPolicy, "read", l.ref);
  return l;
}

export const quorumOf = (l: Pick<Loaded, "rules" | "members">) =>
  quorum(
    l.rules,
    l.members.map((m) => ({ memberId: m.id, role: m.role, present: m.present, authorisedToChair: m.authorisedToChair })),
  );

/**
 * The present voting members, their submitted ballots (in the order they were cast) and those ballots' scores: what
 * the conclusion counts and what the minutes print. Ballots of members absent or not voting are left out.
 */
export async function presentVotes(db: Executor, l: Pick<Loaded, "c" | "members">) {
  const voters = l.members.filter((m) => m.present && VOTING_ROLES.includes(m.role));
  const voterIds = new Set(voters.map((m) => m.id));
  const ballots = (
    await db
      .select()
      .from(councilBallots)
      .where(and(eq(councilBallots.councilId, l.c.id), eq(councilBallots.status, "submitted")))
      .orderBy(asc(councilBallots.createdAt), asc(councilBallots.id))
  ).filter((b) => voterIds.has(b.memberId));
  const ids = ballots.map((b) => b.id);
  const scores = ids.length ? await db.select().from(councilBallotScores).where(inArray(councilBallotScores.ballotId, ids)) : [];
  return { voters, ballots, scores };
}

// ---------- criteria ----------
export async function criteriaOf(db: Executor, rules: CouncilRuleSet, s: Pick<SubjectRow, "taskType" | "dossierId">): Promise<CriterionView[]> {
  const sc = rules.scoring;
  if (sc.method === "criteria_met") return sc.criteria.map((c) => ({ ...c, kind: "met" as const, max: null }));
  if (sc.method === "points") {
    const rubric = sc.rubrics[sc.rubricByTaskType[s.taskType] ?? "de_tai"];
    return rubric.map((c) => ({ key: c.key, labelVi: c.labelVi, labelEn: c.labelEn, kind: "points" as const, max: c.max }));
  }
  const products = s.dossierId
    ? await db
        .select({ id: taskDossierProducts.id, name: taskDossierProducts.name })
        .from(taskDossierProducts)
        .where(eq(taskDossierProducts.dossierId, s.dossierId))
        .orderBy(asc(taskDossierProducts.position))
    : [];
  return [
    ...products.flatMap((p) => [
      {
        key: `product:${p.id}:quantity`,
        labelVi: `${p.name} — số lượng, khối lượng`,
        labelEn: `${p.name} — quantity, volume`,
        kind: "quantity" as const,
        max: null,
      },
      { key: `product:${p.id}:quality`, labelVi: `${p.name} — chất lượng`, labelEn: `${p.name} — quality`, kind: "quality" as const, max: null },
    ]),
    { key: "report", labelVi: "Báo cáo tổng hợp", labelEn: "Summary report", kind: "report" as const, max: null },
  ];
}

// ---------- presenting ----------
export async function present(ctx: Ctx, db: Executor, l: Loaded): Promise<Council> {
  const a = ctx.actor!;
  // Confidentiality (ARCHITECTURE.md, Councils): inside the council (staff, leaders, members) every subject; an
  // applicant only the subjects they applied with — no other subject, no rank, no members.
  const party = !isCouncilInsider(a, l.ref);
  const ownSubjects = party ? new Set(ownSubjectIds(a, l.ref)) : null;
  const seesConflicts = a.roles.some((r) => r === "admin" || r === "officer" || r === "leader");
  const submitted = new Map<string, number>();
  if (!party) {
    const rows = await db
      .select({ memberId: councilBallots.memberId, n: sql<number>`count(*)::int` })
      .from(councilBallots)
      .where(and(eq(councilBallots.councilId, l.c.id), eq(councilBallots.status, "submitted")))
      .groupBy(councilBallots.memberId);
    for (const r of rows) submitted.set(r.memberId, r.n);
  }
  let results: CouncilResult[] | null = null;
  if (l.c.status === "concluded") {
    const rows = await db.select().from(councilResults).where(eq(councilResults.councilId, l.c.id));
    results = rows
      .filter((r) => !ownSubjects || ownSubjects.has(r.subjectId))
      .map((r) => ({
        subjectId: r.subjectId,
        ballots: r.ballots,
        validCount: r.validCount,
        invalidCount: r.invalidCount,
        average: r.average,
        bonus: r.bonus,
        score: r.score,
        approvals: r.approvals,
        rank: ownSubjects ? null : r.rank,
        passed: r.passed,
        meetsThreshold: typeof r.details.meetsThresholds === "boolean" ? r.details.meetsThresholds : null,
        selected: r.selected,
        grade: r.grade,
        recommendedBudget: r.recommendedBudget,
        gradeCounts: (r.details.gradeCounts as CouncilResult["gradeCounts"]) ?? null,
        computedAt: r.computedAt.toISOString(),
      }));
  }
  const subjects = l.subjects.filter((s) => !ownSubjects || ownSubjects.has(s.id));
  const me = l.members.find((m) => m.personId === a.personId) ?? null;
  return {
    id: l.c.id,
    kind: l.c.kind,
    ruleSet: {
      key: l.rules.key,
      version: l.rules.version,
      legalBasis: l.rules.legalBasis,
      nameVi: l.rules.nameVi,
      nameEn: l.rules.nameEn,
      noteVi: l.rules.noteVi,
      noteEn: l.rules.noteEn,
    },
    title: l.c.title,
    meetingAt: l.c.meetingAt?.toISOString() ?? null,
    place: l.c.place,
    decisionNumber: l.c.decisionNumber,
    decisionDate: l.c.decisionDate,
    status: l.c.status,
    quorum: quorumOf(l),
    subjects: await eachTogether(db, subjects, async (s) => ({
      id: s.id,
      taskId: s.taskId,
      taskCode: s.taskCode,
      taskTitle: s.taskTitle,
      dossierId: s.dossierId,
      applicantName: s.applicantName,
      lateSubmission: s.lateSubmission,
      criteria: await criteriaOf(db, l.rules, s),
      recommendedBudget: l.rules.scoring.method === "criteria_met" && l.rules.scoring.recommendedBudget,
    })),
    members: party
      ? []
      : l.members.map((m) => ({
          id: m.id,
          personId: m.personId,
          fullName: m.fullName,
          role: m.role,
          authorisedToChair: m.authorisedToChair,
          invitedAt: m.invitedAt?.toISOString() ?? null,
          declarationSignedAt: m.declarationSignedAt?.toISOString() ?? null,
          declarationPaper: m.declarationPaper,
          declarationRecordedBy: m.declarationPaper ? m.recordedByName : null,
          declarationRecordedAt: m.declarationRecordedAt?.toISOString() ?? null,
          present: m.present,
          conflictOverridden: !!m.conflictOverrideBy,
          conflictOverrideReason: m.conflictOverrideReason,
          blockingConflicts: seesConflicts ? blockingLines(m, m.conflictLines ?? []) : [],
          submitted: submitted.get(m.id) ?? 0,
        })),
    results,
    myMemberId: me?.id ?? null,
    scoring: me
      ? (() => {
          const refusal = ownScoringRefusal(ctx, l, me);
          return { allowed: !refusal, reason: refusal ? { vi: t("vi", refusal), en: t("en", refusal) } : null };
        })()
      : null,
    concludedAt: l.c.concludedAt?.toISOString() ?? null,
    reopenReason: party ? null : l.c.reopenReason,
    cancelReason: l.c.cancelReason,
    version: l.c.version,
    createdAt: l.c.createdAt.toISOString(),
    updatedAt: l.c.updatedAt.toISOString(),
    abilities: (({ ballot: _b, declare: _d, ...rest }) => rest)(abilitiesOf(a, councilPolicy, l.ref)),
  };
}

export const snapshot = (c: CouncilRow) => ({
  kind: c.kind,
  ruleSet: `${c.ruleSetKey}@${c.ruleSetVersion}`,
  title: c.title,
  meetingAt: c.meetingAt?.toISOString() ?? null,
  place: c.place,
  decisionNumber: c.decisionNumber,
  decisionDate: c.decisionDate,
  status: c.status,
});

export async function bump(tx: Executor, ctx: Ctx, l: Loaded, expected: number, set: Partial<typeof councils.$inferInsert> = {}) {
  const updated = await tx
    .update(councils)
    .set({ ...set, updatedAt: ctx.clock.now(), updatedBy: ctx.actor!.userId, version: sql`${councils.version} + 1` })
    .where(and(eq(councils.id, l.c.id), eq(councils.status, l.c.status), eq(councils.version, expected)))
    .returning();
  if (!updated.length) {
    const current = (await loadCouncil(tx, l.c.id)) ?? l;
    throw staleVersion(await present(ctx, tx, current));
  }
  return updated[0];
}

/**
 * Why a member may not score their own ballots now (null: they may) — the checks the ballot command makes before it
 * looks at the scores (councils.ballots.ts saveBallot), so the scoring page offers its form only when a save would
 * be taken and otherwise says why. A conflict of interest is checked again on every save; here the stored check
 * (when added, invited, at the last ballot or override) speaks.
 */
export function ownScoringRefusal(ctx: Ctx, l: Loaded, member: MemberRow | undefined): MessageKey | null {
  if (l.c.status === "concluded") return "council.locked";
  if (!member || !VOTING_ROLES.includes(member.role)) return "council.ballot.not_member";
  if (!can(ctx.actor, councilPolicy, "ballot", l.ref)) return "council.ballot.not_in_session";
  if (!member.declarationSignedAt) return "council.declaration_required";
  if (blockingLines(member, member.conflictLines ?? []).length) return "council.ballot.conflict_pending";
  return null;
}

export function assertCan(ctx: Ctx, l: Loaded, ability: CouncilAbility | "viewScores") {
  if (can(ctx.actor, councilPolicy, ability, l.ref)) return;
  // Individual scores are confidential until conclusion: a refusal, never a hint about the council's state.
  if (ability === "viewScores") throw forbidden();
  // A concluded council: 409 LOCKED; someone who could do this in another state: 409 INVALID_STATE naming the state
  // and what is possible now; anyone else: 403 (platform/lifecycle.ts).
  authorizeCommand(ctx.actor, ctx.lang, councilLifecycle, l.ref, ability);
}
