// The council's commands: create and edit the draft, the lifecycle transitions (invite, open, conclude with its
// results computed and locked, re-open, cancel), attendance and the conflict-of-interest declarations.
// Lifecycle: draft → invited → in_session → concluded (locked), or cancelled; re-opening a concluded council
// (→ in_session, results removed) needs a leader or administrator and a reason. Every write: one transaction, council
// version check, audit row.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { councilMembers, councilResults, councils, councilSubjects, taskDossierBudget, taskDossiers, tasks } from "../../db/schema/index.js";
import type { Ctx, Executor, Tx } from "../../platform/context.js";
import { AppError, badInput, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import type { AuditAction } from "../../platform/audit-actions.js";
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
  type Grade,
} from "../../../common/councils/index.js";
import { type Council, type attendanceInput, type councilInput, type councilUpdate, type paperDeclarationInput } from "../../../common/api/council.js";
import { storedRuleSets } from "./councils.rulesets.js";
import { councilLifecycle } from "./councils.lifecycle.js";
import { runCommand } from "../../platform/lifecycle.js";
import type { z } from "zod";
import { vietnamDate, startOfVietnamDay } from "../../platform/clock.js";
import { snapshot, type Loaded, quorumOf, mustLoad, bump, assertCan, loadCouncil, present, presentVotes, REASON_TEXT } from "./councils.record.js";
import { blockedMembers } from "./councils.members.js";
import { getCouncil } from "./councils.read.js";

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
  const { voters, ballots, scores } = await presentVotes(tx, l);
  const missing = voters.length * l.subjects.length - ballots.length;
  if (missing > 0) throw new AppError("BALLOTS_MISSING", 409, "council.ballots_missing", { missing }, { count: missing });
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
