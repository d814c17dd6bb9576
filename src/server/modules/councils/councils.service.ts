// Councils: one engine for identification, selection, appraisal and acceptance councils, counted by the council's own
// rule-set version (src/common/councils). Lifecycle: draft → invited → in_session → concluded (locked), or cancelled;
// re-opening a concluded council (→ in_session, results removed) needs a leader or administrator and a reason.
// Every write: one transaction, council version check, audit row. Ballot writes refuse a concluded council with 409 LOCKED
// (and the database refuses them too, by trigger).
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import {
  councilBallots,
  councilBallotScores,
  councilConflictChecks,
  councilMembers,
  councilResults,
  councils,
  councilSubjects,
  people,
  taskDossierBudget,
  taskDossierProducts,
  taskDossiers,
  tasks,
  organisations,
  users,
} from "../../db/schema/index.js";
import type { Ctx, Executor, Tx } from "../../platform/context.js";
import { AppError, badInput, forbidden, notFound, staleVersion } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import type { AuditAction } from "../../platform/audit-actions.js";
import { abilitiesOf, authorize, can } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { parseSort } from "../../../common/list.js";
import {
  VOTING_ROLES,
  compositionIssues,
  councilGrade,
  countMet,
  memberGrade,
  quorum,
  ruleSetInForce,
  selectionResults,
  EXCELLENT_RECORD_YEARS,
  type CouncilKind,
  type CouncilRuleSet,
  type Grade,
  type QuorumReason,
} from "../../../common/councils/index.js";
import {
  COUNCIL_SORTS,
  type Ballot,
  type ConflictCheck,
  type Council,
  type CouncilListQuery,
  type CouncilResult,
  type CouncilSummary,
  type CriterionView,
  type MyCouncil,
  type attendanceInput,
  type ballotInput,
  type councilInput,
  type councilUpdate,
  type memberInput,
  type paperDeclarationInput,
  type TaskCouncil,
} from "../../../common/api/council.js";
import { councilPolicy, isCouncilInsider, ownSubjectIds, type CouncilRef, type SubjectParties } from "./councils.policy.js";
import { loadRuleSet, storedRuleSets } from "./councils.rulesets.js";
import { conflictsOf } from "./councils.conflicts.js";
import { councilLifecycle, councilLocked } from "./councils.lifecycle.js";
import { authorizeCommand, runCommand } from "../../platform/lifecycle.js";
import type { z } from "zod";
import type { ConflictLine } from "../../db/schema/index.js";
import { eachTogether } from "../../platform/together.js";
import { vietnamDate, startOfVietnamDay } from "../../platform/clock.js";

type CouncilRow = typeof councils.$inferSelect;
type MemberRow = typeof councilMembers.$inferSelect & { fullName: string; recordedByName: string | null };
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

const REASON_TEXT: Record<QuorumReason, { vi: string; en: string }> = {
  too_few_present: { vi: "chưa đủ 2/3 thành viên có mặt", en: "fewer members present than required" },
  chair_absent: { vi: "vắng chủ tịch (và không có phó chủ tịch được uỷ quyền)", en: "the chair is absent (and no authorised vice-chair)" },
  reviewer_absent: { vi: "vắng phản biện", en: "a reviewer is absent" },
  secretary_absent: { vi: "vắng thư ký khoa học", en: "the scientific secretary is absent" },
};

type CouncilAbility = keyof typeof councilLifecycle.commands;

// ---------- loading ----------
interface Loaded {
  c: CouncilRow;
  rules: CouncilRuleSet;
  subjects: SubjectRow[];
  members: MemberRow[];
  ref: CouncilRef;
}

async function loadCouncil(db: Executor, id: string, lock = false): Promise<Loaded | null> {
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

async function mustLoad(ctx: Ctx, db: Executor, id: string, lock = false) {
  const l = await loadCouncil(db, id, lock);
  if (!l) throw notFound();
  authorize(ctx.actor, councilPolicy, "read", l.ref);
  return l;
}

const quorumOf = (l: Pick<Loaded, "rules" | "members">) =>
  quorum(
    l.rules,
    l.members.map((m) => ({ memberId: m.id, role: m.role, present: m.present, authorisedToChair: m.authorisedToChair })),
  );

// ---------- criteria ----------
async function criteriaOf(db: Executor, rules: CouncilRuleSet, s: Pick<SubjectRow, "taskType" | "dossierId">): Promise<CriterionView[]> {
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
async function present(ctx: Ctx, db: Executor, l: Loaded): Promise<Council> {
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
    ruleSet: { key: l.rules.key, version: l.rules.version, legalBasis: l.rules.legalBasis, nameVi: l.rules.nameVi, nameEn: l.rules.nameEn, note: l.rules.note },
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
    concludedAt: l.c.concludedAt?.toISOString() ?? null,
    reopenReason: party ? null : l.c.reopenReason,
    cancelReason: l.c.cancelReason,
    version: l.c.version,
    createdAt: l.c.createdAt.toISOString(),
    updatedAt: l.c.updatedAt.toISOString(),
    abilities: (({ ballot: _b, declare: _d, ...rest }) => rest)(abilitiesOf(a, councilPolicy, l.ref)),
  };
}

export async function getCouncil(ctx: Ctx, id: string): Promise<Council> {
  const l = await mustLoad(ctx, ctx.db, id);
  return present(ctx, ctx.db, l);
}

// ---------- list ----------
export async function listCouncils(ctx: Ctx, q: CouncilListQuery) {
  const where: SQL | undefined = and(
    searchCondition(councils.searchText, q.q),
    q.kind ? eq(councils.kind, q.kind) : undefined,
    q.status ? eq(councils.status, q.status) : undefined,
    q.taskId ? sql`EXISTS (SELECT 1 FROM council_subjects s WHERE s.council_id = ${councils.id} AND s.task_id = ${q.taskId})` : undefined,
  );
  const { key, desc: d } = parseSort(q.sort, COUNCIL_SORTS, "updatedAt");
  const dir = d || !q.sort ? sql`DESC` : sql`ASC`;
  const order: Record<(typeof COUNCIL_SORTS)[number], SQL> = {
    title: sql`${councils.title} COLLATE vn ${dir}`,
    meetingAt: sql`${councils.meetingAt} ${dir} NULLS LAST`,
    updatedAt: sql`${councils.updatedAt} ${dir}`,
  };
  const outer = sql.raw(`"councils"."id"`);
  const [rows, total] = await Promise.all([
    ctx.db
      .select({
        id: councils.id,
        kind: councils.kind,
        title: councils.title,
        status: councils.status,
        meetingAt: councils.meetingAt,
        decisionNumber: councils.decisionNumber,
        legalBasis: sql<string>`(SELECT r.legal_basis FROM council_rule_sets r WHERE r.key = "councils"."rule_set_key" AND r.version = "councils"."rule_set_version")`,
        subjects: sql<number>`(SELECT count(*)::int FROM council_subjects s WHERE s.council_id = ${outer})`,
        members: sql<number>`(SELECT count(*)::int FROM council_members m WHERE m.council_id = ${outer})`,
        updatedAt: councils.updatedAt,
      })
      .from(councils)
      .where(where)
      .orderBy(order[key], councils.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(councils, where),
  ]);
  const items: CouncilSummary[] = rows.map((r) => ({ ...r, meetingAt: r.meetingAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString() }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * The councils of one task, for its page: every council of the task the actor may read (the councils policy decides:
 * staff and leaders all of them; members those they sit on; an applicant those where one of the subjects is theirs —
 * see subjectParties). Cancelled councils are listed too (with their status).
 */
export async function councilsOfTask(ctx: Ctx, taskId: string): Promise<{ items: TaskCouncil[] }> {
  const rows = await ctx.db
    .selectDistinct({ id: councils.id, updatedAt: councils.updatedAt })
    .from(councils)
    .innerJoin(councilSubjects, eq(councilSubjects.councilId, councils.id))
    .where(eq(councilSubjects.taskId, taskId))
    .orderBy(desc(councils.updatedAt), councils.id);
  const items: TaskCouncil[] = [];
  for (const r of rows) {
    const l = await loadCouncil(ctx.db, r.id);
    if (!l || !can(ctx.actor, councilPolicy, "read", l.ref)) continue;
    items.push({
      id: l.c.id,
      kind: l.c.kind,
      title: l.c.title,
      status: l.c.status,
      meetingAt: l.c.meetingAt?.toISOString() ?? null,
      decisionNumber: l.c.decisionNumber,
      decisionDate: l.c.decisionDate,
      concludedAt: l.c.concludedAt?.toISOString() ?? null,
      legalBasis: l.rules.legalBasis,
    });
  }
  return { items };
}

// ---------- create / update ----------
type CreateInput = z.output<typeof councilInput>;

async function subjectsFor(tx: Executor, kind: CouncilKind, taskIds: string[]) {
  const ids = [...new Set(taskIds)];
  if (kind !== "identification" && ids.length !== 1) throw badInput("council.subjects.one_task", {}, [{ path: "taskIds", code: "too_many", message: "" }]);
  const found = await tx.select().from(tasks).where(inArray(tasks.id, ids));
  if (found.length !== ids.length) throw badInput("council.subjects.unknown_task", {}, [{ path: "taskIds", code: "not_found", message: "" }]);
  const byId = new Map(found.map((t) => [t.id, t]));
  const ordered = ids.map((id) => byId.get(id)!);
  if (kind === "identification") return { task: ordered[0], rows: ordered.map((t) => ({ taskId: t.id, dossierId: null as string | null })) };
  const task = ordered[0];
  if (kind === "selection") {
    const valid = await tx
      .select({ id: taskDossiers.id })
      .from(taskDossiers)
      .where(and(eq(taskDossiers.taskId, task.id), eq(taskDossiers.status, "valid")))
      .orderBy(asc(taskDossiers.createdAt), asc(taskDossiers.id));
    if (!valid.length) throw new AppError("NO_VALID_DOSSIER", 409, "council.subjects.no_valid_dossier");
    return { task, rows: valid.map((d) => ({ taskId: task.id, dossierId: d.id as string | null })) };
  }
  return { task, rows: [{ taskId: task.id, dossierId: task.selectedDossierId }] };
}

/** The rule-set version for a new council: selection follows the date its selection call was announced (TT 08/2017 before 27/11/2023). */
async function ruleSetFor(tx: Executor, ctx: Ctx, kind: CouncilKind, task: typeof tasks.$inferSelect) {
  let day = vietnamDate(ctx.clock.now());
  if (kind === "selection" && task.selectionCallId) {
    const r = await tx.execute<{ d: string | null } & Record<string, unknown>>(
      sql`SELECT (published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS d FROM calls WHERE id = ${task.selectionCallId}`,
    );
    if (r.rows[0]?.d) day = r.rows[0].d;
  }
  const rules = ruleSetInForce(await storedRuleSets(tx), kind, day);
  if (!rules) throw new AppError("NO_RULE_SET", 409, "council.no_rule_set", { kind, day }, { day });
  return rules;
}

const snapshot = (c: CouncilRow) => ({
  kind: c.kind,
  ruleSet: `${c.ruleSetKey}@${c.ruleSetVersion}`,
  title: c.title,
  meetingAt: c.meetingAt?.toISOString() ?? null,
  place: c.place,
  decisionNumber: c.decisionNumber,
  decisionDate: c.decisionDate,
  status: c.status,
});

export async function createCouncil(ctx: Ctx, input: CreateInput): Promise<Council> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const { task, rows } = await subjectsFor(tx, input.kind, input.taskIds);
    const rules = await ruleSetFor(tx, ctx, input.kind, task);
    const [c] = await tx
      .insert(councils)
      .values({
        kind: input.kind,
        ruleSetKey: rules.key,
        ruleSetVersion: rules.version,
        title: input.title,
        meetingAt: input.meetingAt ? new Date(input.meetingAt) : null,
        place: input.place,
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        status: "draft",
        createdAt: now,
        updatedAt: now,
        createdBy: ctx.actor!.userId,
        updatedBy: ctx.actor!.userId,
      })
      .returning();
    await tx.insert(councilSubjects).values(
      rows.map((r, i) => ({
        councilId: c.id,
        taskId: r.taskId,
        dossierId: r.dossierId,
        position: i + 1,
        lateSubmission: input.kind === "acceptance" && input.lateSubmission,
      })),
    );
    await audit(tx, ctx, { action: "council.create", entityType: "council", entityId: c.id, after: { ...snapshot(c), subjects: rows } });
    return c.id;
  });
  return getCouncil(ctx, id);
}

/** Bumps the council's version when the caller's matches; 409 with the current council otherwise. */
async function bump(tx: Executor, ctx: Ctx, l: Loaded, expected: number, set: Partial<typeof councils.$inferInsert> = {}) {
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

function assertCan(ctx: Ctx, l: Loaded, ability: CouncilAbility | "viewScores") {
  if (can(ctx.actor, councilPolicy, ability, l.ref)) return;
  // Individual scores are confidential until conclusion: a refusal, never a hint about the council's state.
  if (ability === "viewScores") throw forbidden();
  // A concluded council: 409 LOCKED; someone who could do this in another state: 409 INVALID_STATE naming the state
  // and what is possible now; anyone else: 403 (platform/lifecycle.ts).
  authorizeCommand(ctx.actor, ctx.lang, councilLifecycle, l.ref, ability);
}

export async function updateCouncil(ctx: Ctx, id: string, input: z.output<typeof councilUpdate>): Promise<Council> {
  await ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id, true);
    assertCan(ctx, l, "update");
    const after = await bump(tx, ctx, l, input.version, {
      title: input.title,
      meetingAt: input.meetingAt ? new Date(input.meetingAt) : null,
      place: input.place,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
    });
    await audit(tx, ctx, { action: "council.update", entityType: "council", entityId: id, before: snapshot(l.c), after: snapshot(after) });
  });
  return getCouncil(ctx, id);
}

// ---------- members and conflicts ----------
/** The conflict check of one person for one role, on the registries as they are now; every check is kept. */
async function runCheck(tx: Executor, ctx: Ctx, l: Loaded, personId: string, role: MemberRow["role"]) {
  const [p] = await tx.select({ id: people.id, fullName: people.fullName }).from(people).where(eq(people.id, personId));
  if (!p) throw badInput("council.member.unknown_person", {}, [{ path: "personId", code: "not_found", message: "" }]);
  const r = await conflictsOf(tx, l.c.id, personId, role, l.rules, vietnamDate(ctx.clock.now()));
  const [row] = await tx
    .insert(councilConflictChecks)
    .values({ councilId: l.c.id, personId, role, conflict: r.conflict, lines: r.lines, checkedAt: ctx.clock.now(), checkedBy: ctx.actor!.userId })
    .returning();
  const check: ConflictCheck = { personId, fullName: p.fullName, role, conflict: r.conflict, lines: r.lines, checkedAt: row.checkedAt.toISOString() };
  return check;
}

const sameLine = (a: ConflictLine, b: ConflictLine) => a.code === b.code && a.vi === b.vi;

/**
 * The lines that block a member: conflicts (not role limits) that the leader's override does not cover. An override
 * granted before its lines were kept (migration 0026) covers whatever was found when it was granted.
 */
function blockingLines(m: Pick<MemberRow, "conflictOverrideBy" | "conflictOverrideLines">, lines: ConflictLine[]): ConflictLine[] {
  if (m.conflictOverrideBy && !m.conflictOverrideLines) return [];
  const covered = m.conflictOverrideBy ? (m.conflictOverrideLines ?? []) : [];
  return lines.filter((x) => !x.limit && !covered.some((c) => sameLine(c, x)));
}

/**
 * The conflict check again for a sitting member, on the registries as they are now (a member may since have joined an
 * applicant organisation, a dossier's team…): kept in council_conflict_checks and stored on the member.
 */
async function recheckMember(tx: Executor, ctx: Ctx, l: Loaded, m: MemberRow) {
  const check = await runCheck(tx, ctx, l, m.personId, m.role);
  await tx
    .update(councilMembers)
    .set({ conflictLines: check.lines, conflictCheckedAt: new Date(check.checkedAt) })
    .where(eq(councilMembers.id, m.id));
  return { lines: check.lines, blocking: blockingLines(m, check.lines) };
}

const linesText = (lines: ConflictLine[], lang: "vi" | "en") => lines.map((x) => x[lang]).join("; ");

/**
 * The conflict check again for `members` (every check kept): those with a conflict that no override covers, with the
 * lines that block them, and the refusal's text ("Name: line; line.").
 */
async function blockedMembers(tx: Executor, ctx: Ctx, l: Loaded, members: MemberRow[]) {
  const blocked: { memberId: string; personId: string; fullName: string; role: MemberRow["role"]; lines: ConflictLine[] }[] = [];
  for (const m of members) {
    const r = await recheckMember(tx, ctx, l, m);
    if (r.blocking.length) blocked.push({ memberId: m.id, personId: m.personId, fullName: m.fullName, role: m.role, lines: r.blocking });
  }
  return { members: blocked, text: blocked.map((b) => `${b.fullName}: ${linesText(b.lines, ctx.lang)}.`).join(" ") };
}

export async function checkConflict(ctx: Ctx, id: string, input: { personId: string; role: MemberRow["role"] }): Promise<ConflictCheck> {
  return ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id);
    assertCan(ctx, l, "members");
    const check = await runCheck(tx, ctx, l, input.personId, input.role);
    await audit(tx, ctx, {
      action: "council.conflict_check",
      entityType: "council",
      entityId: id,
      details: { personId: input.personId, role: input.role, conflict: check.conflict, lines: check.lines.map((x) => x.code) },
    });
    return check;
  });
}

export async function addMember(ctx: Ctx, id: string, input: z.output<typeof memberInput>): Promise<Council> {
  // A refusal keeps its conflict check and its audit row: it is returned, and thrown once they are committed.
  const refusal = await ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id, true);
    assertCan(ctx, l, "members");
    if (l.members.some((m) => m.personId === input.personId)) {
      throw new AppError("DUPLICATE", 409, "council.member.duplicate", [{ path: "personId", code: "duplicate", message: "" }]);
    }
    const check = await runCheck(tx, ctx, l, input.personId, input.role);
    const override = check.conflict ? input.overrideReason : null;
    if (check.conflict) {
      if (!override || !can(ctx.actor, councilPolicy, "overrideConflict", l.ref)) {
        await audit(tx, ctx, {
          action: "council.member_refused",
          entityType: "council",
          entityId: id,
          outcome: "denied",
          details: { personId: input.personId, role: input.role, lines: check.lines },
        });
        return new AppError("CONFLICT_OF_INTEREST", 409, "council.conflict", { lines: check.lines });
      }
    }
    await bump(tx, ctx, l, input.version);
    const now = ctx.clock.now();
    const [m] = await tx
      .insert(councilMembers)
      .values({
        councilId: id,
        personId: input.personId,
        role: input.role,
        authorisedToChair: input.role === "vice_chair" && input.authorisedToChair,
        conflictOverrideBy: override ? ctx.actor!.userId : null,
        conflictOverrideReason: override,
        conflictOverriddenAt: override ? now : null,
        conflictOverrideLines: override ? check.lines.filter((x) => !x.limit) : null,
        conflictLines: check.lines,
        conflictCheckedAt: now,
        createdAt: now,
        createdBy: ctx.actor!.userId,
      })
      .returning();
    await audit(tx, ctx, {
      action: override ? "council.member_add_override" : "council.member_add",
      entityType: "council",
      entityId: id,
      after: { memberId: m.id, personId: m.personId, role: m.role },
      details: override ? { reason: override, lines: check.lines } : check.lines.length ? { lines: check.lines } : undefined,
    });
    return null;
  });
  if (refusal) throw refusal;
  return getCouncil(ctx, id);
}

/**
 * A leader or administrator overrides, with a reason, a conflict found late for a sitting member (at invitation or
 * before a ballot): the check runs again now, and the override covers the lines it finds (audited). A member with
 * nothing blocking answers 409 NO_CONFLICT.
 */
export async function overrideMemberConflict(ctx: Ctx, id: string, memberId: string, input: { version: number; reason: string }): Promise<Council> {
  const refusal = await ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id, true);
    if (l.c.status === "concluded") throw councilLocked();
    assertCan(ctx, l, "overrideConflict");
    const m = l.members.find((x) => x.id === memberId);
    if (!m) throw notFound();
    const r = await recheckMember(tx, ctx, l, m);
    if (!r.blocking.length) return new AppError("NO_CONFLICT", 409, "council.conflict.nothing_to_override", { lines: r.lines }, { name: m.fullName });
    await bump(tx, ctx, l, input.version);
    const now = ctx.clock.now();
    const covered = [...(m.conflictOverrideLines ?? []), ...r.blocking];
    await tx
      .update(councilMembers)
      .set({
        conflictOverrideBy: ctx.actor!.userId,
        conflictOverrideReason: input.reason,
        conflictOverriddenAt: now,
        conflictOverrideLines: covered,
        version: sql`${councilMembers.version} + 1`,
      })
      .where(eq(councilMembers.id, m.id));
    await audit(tx, ctx, {
      action: "council.member_override",
      entityType: "council",
      entityId: id,
      before: { memberId: m.id, reason: m.conflictOverrideReason, lines: m.conflictOverrideLines },
      after: { memberId: m.id, personId: m.personId, role: m.role, reason: input.reason, lines: covered },
      details: { lines: r.blocking },
    });
    return null;
  });
  if (refusal) throw refusal;
  return getCouncil(ctx, id);
}

export async function removeMember(ctx: Ctx, id: string, memberId: string, version: number): Promise<Council> {
  await ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id, true);
    assertCan(ctx, l, "members");
    const m = l.members.find((x) => x.id === memberId);
    if (!m) throw notFound();
    await bump(tx, ctx, l, version);
    await tx.delete(councilMembers).where(eq(councilMembers.id, memberId));
    await audit(tx, ctx, { action: "council.member_remove", entityType: "council", entityId: id, before: { memberId, personId: m.personId, role: m.role } });
  });
  return getCouncil(ctx, id);
}

// ---------- transitions ----------
export type CouncilAction = "invite" | "open" | "conclude" | "reopen" | "cancel";

/**
 * The council's transitions on the lifecycle kit (councils.lifecycle.ts): invite (composition, then the conflict check
 * again — a refusal whose checks are kept), open, cancel, re-open with a reason (the results removed), conclude (the
 * conflict check for the present voters, then quorum, ballots and results, written before the lock).
 */
export async function transitionCouncil(ctx: Ctx, id: string, action: CouncilAction, body: { version: number; reason?: string }): Promise<Council> {
  const now = ctx.clock.now();
  const common = {
    id,
    command: action,
    version: body.version,
    load: (tx: Tx, councilId: string, forUpdate: boolean) => loadCouncil(tx, councilId, forUpdate),
    refOf: (l: Loaded) => l.ref,
    present: (l: Loaded, tx: Tx) => present(ctx, tx, l),
  };
  const blockedRefusal = async (
    tx: Tx,
    l: Loaded,
    members: Loaded["members"],
    refused: AuditAction,
    key: "council.conflict.invite" | "council.conflict.conclude",
  ) => {
    const blocked = await blockedMembers(tx, ctx, l, members);
    if (!blocked.members.length) return null;
    await audit(tx, ctx, { action: refused, entityType: "council", entityId: id, outcome: "denied", details: { members: blocked.members } });
    return new AppError("CONFLICT_OF_INTEREST", 409, key, { members: blocked.members }, { members: blocked.text });
  };
  if (action === "invite") {
    await runCommand(ctx, councilLifecycle, {
      ...common,
      guard: (l) => {
        const issues = compositionIssues(
          l.rules,
          l.members.map((m) => m.role),
        );
        if (issues.length) throw new AppError("COUNCIL_COMPOSITION", 409, "council.composition", { issues }, { legalBasis: l.rules.legalBasis });
      },
      // The conflict check again, on the registries as they are now: a conflict found since a member was added blocks
      // the invitations until the member is replaced or a leader overrides it (the checks and the refusal are kept).
      refuse: (l, tx) => blockedRefusal(tx, l, l.members, "council.invite_refused", "council.conflict.invite"),
      set: () => ({ invitedAt: now }),
      effect: async (tx, l) => {
        await tx.update(councilMembers).set({ invitedAt: now }).where(eq(councilMembers.councilId, id));
        return { details: { members: l.members.length } };
      },
    });
  } else if (action === "open") {
    await runCommand(ctx, councilLifecycle, { ...common, set: () => ({ openedAt: now }) });
  } else if (action === "cancel") {
    await runCommand(ctx, councilLifecycle, {
      ...common,
      set: () => ({ cancelledAt: now, cancelReason: body.reason ?? null }),
      details: { reason: body.reason },
    });
  } else if (action === "reopen") {
    const reason = body.reason?.trim();
    await runCommand(ctx, councilLifecycle, {
      ...common,
      guard: () => {
        if (!reason) throw badInput("council.reopen.reason");
      },
      set: () => ({ reopenedAt: now, reopenedBy: ctx.actor!.userId, reopenReason: reason, concludedAt: null, concludedBy: null }),
      effect: async (tx) => {
        const removed = await tx.delete(councilResults).where(eq(councilResults.councilId, id)).returning({ id: councilResults.id });
        return { details: { reason, resultsRemoved: removed.length } };
      },
    });
  } else {
    await runCommand(ctx, councilLifecycle, {
      ...common,
      // Once more before the results: a present voting member found in conflict since their ballots were accepted
      // would have their scores counted. Refused (checks and refusal kept) until a leader overrides the conflict or
      // the member is recorded absent, which leaves their ballots out of the count.
      refuse: (l, tx) =>
        blockedRefusal(
          tx,
          l,
          l.members.filter((m) => m.present && VOTING_ROLES.includes(m.role)),
          "council.conclude_refused",
          "council.conflict.conclude",
        ),
      // The results are written before the status change: from then on the lock trigger refuses every write.
      prepare: async (l, tx) => ({ details: await computeResults(tx, ctx, l) }),
      set: () => ({ concludedAt: now, concludedBy: ctx.actor!.userId, quorumMet: true }),
    });
  }
  return getCouncil(ctx, id);
}

/** Quorum, every present voting member's ballots submitted, then the results per subject (before the lock). */
async function computeResults(tx: Executor, ctx: Ctx, l: Loaded) {
  const q = quorumOf(l);
  if (!q.met) {
    const reasons = (lang: "vi" | "en") => q.reasons.map((r) => REASON_TEXT[r][lang]).join("; ");
    throw new AppError(
      "COUNCIL_NO_QUORUM",
      409,
      "council.no_quorum",
      { quorum: q },
      { present: q.present, total: q.votingMembers, required: q.required, reasons: reasons(ctx.lang) },
    );
  }
  const voters = l.members.filter((m) => m.present && VOTING_ROLES.includes(m.role));
  const voterIds = new Set(voters.map((m) => m.id));
  const ballots = (
    await tx
      .select()
      .from(councilBallots)
      .where(and(eq(councilBallots.councilId, l.c.id), eq(councilBallots.status, "submitted")))
  ).filter((b) => voterIds.has(b.memberId));
  const missing = voters.length * l.subjects.length - ballots.length;
  if (missing > 0) throw new AppError("BALLOTS_MISSING", 409, "council.ballots_missing", { missing }, { count: missing });
  const scores = ballots.length
    ? await tx
        .select()
        .from(councilBallotScores)
        .where(
          inArray(
            councilBallotScores.ballotId,
            ballots.map((b) => b.id),
          ),
        )
    : [];
  const scoresOf = new Map<string, typeof scores>();
  for (const s of scores) scoresOf.set(s.ballotId, [...(scoresOf.get(s.ballotId) ?? []), s]);
  const bySubject = (sid: string) => ballots.filter((b) => b.subjectId === sid);
  const now = ctx.clock.now();
  const present = voters.length;
  const sc = l.rules.scoring;
  type Row = typeof councilResults.$inferInsert;
  const rows: Row[] = [];
  const base = (sid: string) => ({ councilId: l.c.id, subjectId: sid, computedAt: now });
  if (sc.method === "criteria_met") {
    for (const s of l.subjects) {
      const bs = bySubject(s.id).map((b) => ({
        memberId: b.memberId,
        met: Object.fromEntries((scoresOf.get(b.id) ?? []).map((x) => [x.criterionKey, x.met])),
        recommendedBudget: b.recommendedBudget,
      }));
      const r = countMet(sc, bs, present);
      rows.push({
        ...base(s.id),
        ballots: r.ballots,
        validCount: r.ballots,
        invalidCount: 0,
        approvals: r.approvals,
        passed: r.passed,
        recommendedBudget: r.recommendedBudget,
        details: { base: r.base, present },
      });
    }
  } else if (sc.method === "points") {
    const budgets = new Map<string, number>();
    const dossierIds = l.subjects.map((s) => s.dossierId).filter((x): x is string => !!x);
    if (dossierIds.length) {
      const b = await tx
        .select({ dossierId: taskDossierBudget.dossierId, total: sql<number>`coalesce(sum(${taskDossierBudget.amount}), 0)::float8` })
        .from(taskDossierBudget)
        .where(and(inArray(taskDossierBudget.dossierId, dossierIds), eq(taskDossierBudget.source, "city")))
        .groupBy(taskDossierBudget.dossierId);
      for (const x of b) budgets.set(x.dossierId, Number(x.total));
    }
    // Second tie-break: the dossier's PI or organisation had another task graded Xuất sắc by an acceptance council
    // concluded in the past EXCELLENT_RECORD_YEARS years.
    const excellent = new Set<string>();
    if (dossierIds.length) {
      const since = new Date(now);
      since.setUTCFullYear(since.getUTCFullYear() - EXCELLENT_RECORD_YEARS);
      const r = await tx.execute<{ id: string }>(sql`
        SELECT d.id FROM task_dossiers d
         WHERE d.id IN (SELECT jsonb_array_elements_text(${JSON.stringify(dossierIds)}::jsonb)::uuid)
           AND EXISTS (
             SELECT 1 FROM tasks t
               JOIN council_subjects cs ON cs.task_id = t.id
               JOIN councils c ON c.id = cs.council_id AND c.kind = 'acceptance' AND c.status = 'concluded'
              WHERE t.result_grade = 'excellent' AND t.id <> d.task_id
                AND (t.pi_person_id = d.pi_person_id OR t.lead_organisation_id = d.lead_organisation_id)
                AND c.concluded_at >= ${since.toISOString()}::timestamptz)`);
      for (const x of r.rows) excellent.add(x.id);
    }
    const results = selectionResults(
      sc,
      l.subjects.map((s) => {
        const rubricKey = sc.rubricByTaskType[s.taskType] ?? "de_tai";
        return {
          subjectId: s.id,
          criteria: sc.rubrics[rubricKey],
          contentCriterion: sc.contentCriterion[rubricKey],
          ballots: bySubject(s.id).map((b) => ({
            memberId: b.memberId,
            points: Object.fromEntries((scoresOf.get(b.id) ?? []).map((x) => [x.criterionKey, x.points ?? 0])),
          })),
          proposedByApplicant: !!s.proposingOrganisationId && s.proposingOrganisationId === s.dossierOrg,
          stateBudget: s.dossierId ? (budgets.get(s.dossierId) ?? 0) : 0,
          excellentRecord: !!s.dossierId && excellent.has(s.dossierId),
        };
      }),
      present,
    );
    for (const r of results) {
      rows.push({
        ...base(r.subjectId),
        ballots: r.validCount + r.invalidCount,
        validCount: r.validCount,
        invalidCount: r.invalidCount,
        average: r.average,
        bonus: r.bonus,
        score: r.score,
        rank: r.rank,
        passed: r.passed,
        selected: r.selected,
        details: {
          invalidMemberIds: r.invalidMemberIds,
          zeroCriteria: r.zeroCriteria,
          contentAverage: r.contentAverage,
          meetsThresholds: r.meetsThresholds,
          present,
        },
      });
    }
  } else {
    for (const s of l.subjects) {
      const grades: Grade[] = bySubject(s.id).map((b) => {
        const lines = scoresOf.get(b.id) ?? [];
        const products = new Map<string, { quantity: Grade; quantityPercent: number | null; quality: Grade }>();
        for (const x of lines) {
          const m = /^product:([^:]+):(quantity|quality)$/.exec(x.criterionKey);
          if (!m) continue;
          const p = products.get(m[1]) ?? { quantity: "fail" as Grade, quantityPercent: null, quality: "fail" as Grade };
          if (m[2] === "quantity") Object.assign(p, { quantity: x.level ?? "fail", quantityPercent: x.percent });
          else p.quality = x.level ?? "fail";
          products.set(m[1], p);
        }
        const report = lines.find((x) => x.criterionKey === "report")?.level ?? "fail";
        return memberGrade(sc, { products: [...products.values()], report }, s.lateSubmission);
      });
      const g = councilGrade(sc, grades, present);
      rows.push({
        ...base(s.id),
        ballots: grades.length,
        validCount: grades.length,
        invalidCount: 0,
        grade: g.grade,
        passed: g.grade !== "fail",
        details: { gradeCounts: g.counts, present },
      });
    }
  }
  if (rows.length) await tx.insert(councilResults).values(rows);
  return {
    quorum: q,
    results: rows.map((r) => ({ subjectId: r.subjectId, passed: r.passed, rank: r.rank ?? null, grade: r.grade ?? null, selected: r.selected ?? false })),
  };
}

// ---------- attendance ----------
export async function recordAttendance(ctx: Ctx, id: string, input: z.output<typeof attendanceInput>): Promise<Council> {
  await ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id, true);
    assertCan(ctx, l, "attend");
    const known = new Map(l.members.map((m) => [m.id, m]));
    for (const a of input.members) if (!known.has(a.memberId)) throw notFound();
    const next = l.members.map((m) => {
      const a = input.members.find((x) => x.memberId === m.id);
      return a ? { ...m, present: a.present, authorisedToChair: m.role === "vice_chair" ? (a.authorisedToChair ?? m.authorisedToChair) : false } : m;
    });
    const q = quorum(
      l.rules,
      next.map((m) => ({ memberId: m.id, role: m.role, present: m.present, authorisedToChair: m.authorisedToChair })),
    );
    await bump(tx, ctx, l, input.version, { quorumMet: q.met });
    for (const m of next) {
      const before = known.get(m.id)!;
      if (before.present !== m.present || before.authorisedToChair !== m.authorisedToChair) {
        await tx
          .update(councilMembers)
          .set({ present: m.present, authorisedToChair: m.authorisedToChair, version: sql`${councilMembers.version} + 1` })
          .where(eq(councilMembers.id, m.id));
      }
    }
    await audit(tx, ctx, {
      action: "council.attendance",
      entityType: "council",
      entityId: id,
      after: { present: next.filter((m) => m.present).map((m) => m.id), quorum: q },
    });
  });
  return getCouncil(ctx, id);
}

// ---------- declaration ----------
export async function signDeclaration(ctx: Ctx, id: string, input: { statement: string }): Promise<Council> {
  await ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id);
    assertCan(ctx, l, "declare");
    const me = l.members.find((m) => m.personId === ctx.actor!.personId)!;
    await tx
      .update(councilMembers)
      .set({ declarationSignedAt: ctx.clock.now(), declarationStatement: input.statement, version: sql`${councilMembers.version} + 1` })
      .where(eq(councilMembers.id, me.id));
    await audit(tx, ctx, { action: "council.declaration", entityType: "council", entityId: id, details: { memberId: me.id, statement: input.statement } });
  });
  return getCouncil(ctx, id);
}

/**
 * The secretary (an officer) records a member's declaration signed on paper, with the day it was signed: the member
 * may then take part on paper (their paper ballots are entered by an officer). Audited; 409 LOCKED once concluded.
 */
export async function recordPaperDeclaration(ctx: Ctx, id: string, memberId: string, input: z.output<typeof paperDeclarationInput>): Promise<Council> {
  await ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id, true);
    assertCan(ctx, l, "paperDeclaration");
    const m = l.members.find((x) => x.id === memberId);
    if (!m) throw notFound();
    if (m.declarationSignedAt) throw new AppError("DECLARATION_SIGNED", 409, "council.declaration.already_signed");
    if (input.signedOn > vietnamDate(ctx.clock.now())) {
      throw badInput("council.declaration.future_date", {}, [{ path: "signedOn", code: "future", message: "" }]);
    }
    await bump(tx, ctx, l, input.version);
    const now = ctx.clock.now();
    await tx
      .update(councilMembers)
      .set({
        declarationSignedAt: startOfVietnamDay(input.signedOn),
        declarationStatement: input.statement,
        declarationPaper: true,
        declarationRecordedBy: ctx.actor!.userId,
        declarationRecordedAt: now,
        version: sql`${councilMembers.version} + 1`,
      })
      .where(eq(councilMembers.id, m.id));
    await audit(tx, ctx, {
      action: "council.declaration_paper",
      entityType: "council",
      entityId: id,
      after: { memberId: m.id, personId: m.personId, paper: true, signedOn: input.signedOn },
      details: { statement: input.statement },
    });
  });
  return getCouncil(ctx, id);
}

// ---------- ballots ----------
function validateScores(criteria: CriterionView[], input: z.output<typeof ballotInput>, submit: boolean): string | null {
  const byKey = new Map(input.scores.map((s) => [s.criterionKey, s]));
  for (const k of byKey.keys()) if (!criteria.some((c) => c.key === k)) return `unknown criterion ${k}`;
  if (byKey.size !== input.scores.length) return "duplicate criterion";
  for (const c of criteria) {
    const s = byKey.get(c.key);
    if (!s) {
      if (submit) return `missing ${c.key}`;
      continue;
    }
    if (c.kind === "points") {
      if (s.points == null ? submit : s.points > (c.max ?? 100)) return `${c.key}: 0–${c.max}`;
      if (s.level != null || s.met != null) return `${c.key}: points only`;
    } else if (c.kind === "met") {
      if (s.met == null && submit) return `${c.key}: met`;
      if (s.points != null || s.level != null) return `${c.key}: met only`;
    } else {
      if (s.level == null && submit) return `${c.key}: level`;
      if (s.points != null || s.met != null) return `${c.key}: level only`;
    }
  }
  return null;
}

const presentBallot = (b: typeof councilBallots.$inferSelect, scores: (typeof councilBallotScores.$inferSelect)[]): Ballot => ({
  id: b.id,
  subjectId: b.subjectId,
  memberId: b.memberId,
  status: b.status,
  comment: b.comment,
  recommendedBudget: b.recommendedBudget,
  paper: b.paper,
  submittedAt: b.submittedAt?.toISOString() ?? null,
  scores: scores.map((s) => ({ criterionKey: s.criterionKey, points: s.points, level: s.level, met: s.met, percent: s.percent })),
  version: b.version,
});

export async function saveBallot(ctx: Ctx, id: string, subjectId: string, input: z.output<typeof ballotInput>): Promise<Ballot> {
  const out = await ctx.db.transaction(async (tx): Promise<Ballot | AppError> => {
    const l = await mustLoad(ctx, tx, id);
    const paper = !!input.memberId;
    if (l.c.status === "concluded") throw councilLocked();
    assertCan(ctx, l, paper ? "paperBallot" : "ballot");
    const member = paper ? l.members.find((m) => m.id === input.memberId) : l.members.find((m) => m.personId === ctx.actor!.personId);
    if (!member || !VOTING_ROLES.includes(member.role)) throw new AppError("NOT_A_MEMBER", paper ? 409 : 403, "council.ballot.not_member");
    if (!member.declarationSignedAt) throw new AppError("DECLARATION_REQUIRED", 409, "council.declaration_required");
    const subject = l.subjects.find((s) => s.id === subjectId);
    if (!subject) throw notFound();
    // The conflict check again before the ballot is accepted: a conflict found since the invitation (a member who
    // joined an applicant organisation, a dossier's team…) refuses it until a leader overrides it (refusal kept).
    const recheck = await recheckMember(tx, ctx, l, member);
    if (recheck.blocking.length) {
      const details = { memberId: member.id, personId: member.personId, subjectId, lines: recheck.blocking };
      await audit(tx, ctx, { action: "council.ballot_refused", entityType: "council", entityId: id, outcome: "denied", details });
      return new AppError("CONFLICT_OF_INTEREST", 409, "council.conflict.ballot", details, {
        name: member.fullName,
        lines: linesText(recheck.blocking, ctx.lang),
      });
    }
    const criteria = await criteriaOf(tx, l.rules, subject);
    const problem = validateScores(criteria, input, input.submit);
    if (problem) throw badInput("council.ballot.invalid_scores", { reason: problem }, [{ path: "scores", code: "invalid", message: problem }]);
    const wantsBudget = l.rules.scoring.method === "criteria_met" && l.rules.scoring.recommendedBudget;
    const now = ctx.clock.now();
    const [existing] = await tx
      .select()
      .from(councilBallots)
      .where(and(eq(councilBallots.memberId, member.id), eq(councilBallots.subjectId, subjectId)))
      .for("update");
    if (existing?.status === "submitted") throw new AppError("BALLOT_SUBMITTED", 409, "council.ballot.submitted");
    const values = {
      status: input.submit ? ("submitted" as const) : ("draft" as const),
      comment: input.comment,
      recommendedBudget: wantsBudget ? (input.recommendedBudget ?? null) : null,
      paper,
      recordedBy: ctx.actor!.userId,
      submittedAt: input.submit ? now : null,
      updatedAt: now,
    };
    let ballot: typeof councilBallots.$inferSelect;
    if (existing) {
      if (input.version !== undefined && input.version !== existing.version) {
        const scores = await tx.select().from(councilBallotScores).where(eq(councilBallotScores.ballotId, existing.id));
        throw staleVersion(presentBallot(existing, scores));
      }
      const [u] = await tx
        .update(councilBallots)
        .set({ ...values, version: sql`${councilBallots.version} + 1` })
        .where(and(eq(councilBallots.id, existing.id), eq(councilBallots.status, "draft"), eq(councilBallots.version, existing.version)))
        .returning();
      if (!u) throw new AppError("BALLOT_SUBMITTED", 409, "council.ballot.submitted");
      ballot = u;
      await tx.delete(councilBallotScores).where(eq(councilBallotScores.ballotId, existing.id));
    } else {
      [ballot] = await tx
        .insert(councilBallots)
        .values({ councilId: id, memberId: member.id, subjectId, createdAt: now, ...values })
        .returning();
    }
    if (input.scores.length) {
      await tx.insert(councilBallotScores).values(
        input.scores.map((s) => ({
          ballotId: ballot.id,
          criterionKey: s.criterionKey,
          points: s.points ?? null,
          level: s.level ?? null,
          met: s.met ?? null,
          percent: s.percent ?? null,
        })),
      );
    }
    const scores = await tx.select().from(councilBallotScores).where(eq(councilBallotScores.ballotId, ballot.id));
    await audit(tx, ctx, {
      action: paper ? "council.ballot_paper" : input.submit ? "council.ballot_submit" : "council.ballot_save",
      entityType: "council",
      entityId: id,
      after: { ballotId: ballot.id, memberId: member.id, subjectId, status: ballot.status },
    });
    return presentBallot(ballot, scores);
  });
  if (out instanceof AppError) throw out;
  return out;
}

/** Individual ballots: a member's own (any time), or every ballot for staff after conclusion. Every view is audited. */
export async function listBallots(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const l = await mustLoad(ctx, tx, id);
    assertCan(ctx, l, "viewScores");
    const me = l.members.find((m) => m.personId === ctx.actor!.personId);
    const staffView = l.c.status === "concluded" && ctx.actor!.roles.some((r) => r === "admin" || r === "officer");
    const where = staffView
      ? eq(councilBallots.councilId, id)
      : and(eq(councilBallots.councilId, id), eq(councilBallots.memberId, me?.id ?? "00000000-0000-0000-0000-000000000000"));
    const rows = await tx.select().from(councilBallots).where(where).orderBy(asc(councilBallots.createdAt), asc(councilBallots.id));
    const scores = rows.length
      ? await tx
          .select()
          .from(councilBallotScores)
          .where(
            inArray(
              councilBallotScores.ballotId,
              rows.map((r) => r.id),
            ),
          )
      : [];
    const byMember = new Map(l.members.map((m) => [m.id, m]));
    await audit(tx, ctx, {
      action: "council.scores_view",
      entityType: "council",
      entityId: id,
      details: { scope: staffView ? "all" : "own", ballots: rows.length },
    });
    return {
      ballots: rows.map((b) => ({
        ...presentBallot(
          b,
          scores.filter((s) => s.ballotId === b.id),
        ),
        memberName: byMember.get(b.memberId)?.fullName ?? "",
        role: byMember.get(b.memberId)?.role ?? "member",
      })),
    };
  });
}

/** The signed-in expert's councils (not drafts: a member learns of a council when invited). */
export async function myCouncils(ctx: Ctx): Promise<{ items: MyCouncil[] }> {
  const personId = ctx.actor!.personId;
  if (!personId) return { items: [] };
  const rows = await ctx.db
    .select({
      councilId: councils.id,
      memberId: councilMembers.id,
      kind: councils.kind,
      title: councils.title,
      status: councils.status,
      meetingAt: councils.meetingAt,
      role: councilMembers.role,
      declarationSignedAt: councilMembers.declarationSignedAt,
      subjects: sql<number>`(SELECT count(*)::int FROM council_subjects s WHERE s.council_id = "councils"."id")`,
      submitted: sql<number>`(SELECT count(*)::int FROM council_ballots b WHERE b.member_id = "council_members"."id" AND b.status = 'submitted')`,
    })
    .from(councilMembers)
    .innerJoin(councils, eq(councils.id, councilMembers.councilId))
    .where(and(eq(councilMembers.personId, personId), sql`${councils.status} <> 'draft'`))
    .orderBy(desc(councils.updatedAt), councils.id);
  return {
    items: rows.map((r) => ({ ...r, meetingAt: r.meetingAt?.toISOString() ?? null, declarationSignedAt: r.declarationSignedAt?.toISOString() ?? null })),
  };
}

/** For the official documents of a council (councils.documents.ts). */
export { loadCouncil, criteriaOf, quorumOf, type Loaded as LoadedCouncil };
