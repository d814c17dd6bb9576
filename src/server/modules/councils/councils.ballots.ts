// Ballots: a member saves or submits their scores for a subject (an officer enters a paper ballot for a member),
// checked against the criteria of the council's rule set; ballot writes refuse a concluded council with 409 LOCKED
// (and the database refuses them too, by trigger). Individual ballots are read by their member, and by officers after
// the conclusion (audited).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { councilBallots, councilBallotScores } from "../../db/schema/index.js";
import type { Ctx } from "../../platform/context.js";
import { AppError, badInput, notFound, staleVersion } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { VOTING_ROLES } from "../../../common/councils/index.js";
import { type Ballot, type CriterionView, type ballotInput } from "../../../common/api/council.js";
import { councilLocked } from "./councils.lifecycle.js";
import type { z } from "zod";
import { linesText, recheckMember } from "./councils.members.js";
import { mustLoad, assertCan, criteriaOf } from "./councils.record.js";

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
