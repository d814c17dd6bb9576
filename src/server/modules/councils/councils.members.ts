// Members and conflicts of interest: a person checked against the council's subjects line by line (each check kept),
// added or removed while the council is a draft, checked again on the current registries before a sitting member
// acts, and a late conflict overridden by a leader with a reason.
import { eq, sql } from "drizzle-orm";
import { councilConflictChecks, councilMembers, people } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { can } from "../../platform/policy.js";
import { type ConflictCheck, type Council, type memberInput } from "../../../common/api/council.js";
import { councilPolicy } from "./councils.policy.js";
import { conflictsOf } from "./councils.conflicts.js";
import { councilLocked } from "./councils.lifecycle.js";
import type { z } from "zod";
import type { ConflictLine } from "../../db/schema/index.js";
import { vietnamDate } from "../../platform/clock.js";
import { type Loaded, mustLoad, bump, assertCan, type MemberRow } from "./councils.record.js";
import { getCouncil } from "./councils.read.js";

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
export function blockingLines(m: Pick<MemberRow, "conflictOverrideBy" | "conflictOverrideLines">, lines: ConflictLine[]): ConflictLine[] {
  if (m.conflictOverrideBy && !m.conflictOverrideLines) return [];
  const covered = m.conflictOverrideBy ? (m.conflictOverrideLines ?? []) : [];
  return lines.filter((x) => !x.limit && !covered.some((c) => sameLine(c, x)));
}

/**
 * The conflict check again for a sitting member, on the registries as they are now (a member may since have joined an
 * applicant organisation, a dossier's team…): kept in council_conflict_checks and stored on the member.
 */
export async function recheckMember(tx: Executor, ctx: Ctx, l: Loaded, m: MemberRow) {
  const check = await runCheck(tx, ctx, l, m.personId, m.role);
  await tx
    .update(councilMembers)
    .set({ conflictLines: check.lines, conflictCheckedAt: new Date(check.checkedAt) })
    .where(eq(councilMembers.id, m.id));
  return { lines: check.lines, blocking: blockingLines(m, check.lines) };
}

export const linesText = (lines: ConflictLine[], lang: "vi" | "en") => lines.map((x) => x[lang]).join("; ");

/**
 * The conflict check again for `members` (every check kept): those with a conflict that no override covers, with the
 * lines that block them, and the refusal's text ("Name: line; line.").
 */
export async function blockedMembers(tx: Executor, ctx: Ctx, l: Loaded, members: MemberRow[]) {
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
