// Reading councils: one council, the lists (search, filters, sort), a task's councils and the signed-in member's.
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { councilMembers, councils, councilSubjects } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { prepared } from "../../db/prepared.js";
import { can } from "../../platform/policy.js";
import { searchCondition } from "../../platform/list.js";
import { parseSort } from "../../../common/list.js";
import { COUNCIL_SORTS, type Council, type CouncilListQuery, type CouncilSummary, type MyCouncil, type TaskCouncil } from "../../../common/api/council.js";
import { vietnamDate } from "../../platform/clock.js";
import { councilPolicy } from "./councils.policy.js";
import { councilLifecycle } from "./councils.lifecycle.js";
import { mustLoad, loadCouncil, present } from "./councils.record.js";

export async function getCouncil(ctx: Ctx, id: string): Promise<Council> {
  const l = await mustLoad(ctx, ctx.db, id);
  return present(ctx, ctx.db, l);
}

// ---------- list ----------
/** Since when a council is at its status (as the "Việc của tôi" items of councils.work.ts count it). */
const statusSince = sql<Date>`(CASE ${councils.status}
  WHEN 'draft' THEN ${councils.createdAt}
  WHEN 'invited' THEN coalesce(${councils.invitedAt}, ${councils.updatedAt})
  WHEN 'in_session' THEN coalesce(greatest(${councils.openedAt}, ${councils.reopenedAt}), ${councils.updatedAt})
  WHEN 'concluded' THEN coalesce(${councils.concludedAt}, ${councils.updatedAt})
  ELSE coalesce(${councils.cancelledAt}, ${councils.updatedAt}) END)`;
/** A council still to meet (draft, invited) has its meeting as deadline; a session that met or a closed council none. */
const deadlineAt = sql<Date | null>`(CASE WHEN ${councils.status} IN ('draft', 'invited') THEN ${councils.meetingAt} END)`;
/** The lifecycle's next step of an open council. */
const NEXT_STEP: Partial<Record<string, keyof typeof councilLifecycle.commands>> = { draft: "invite", invited: "open", in_session: "conclude" };
const cap = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
function nextStepOf(status: string): CouncilSummary["nextAction"] {
  const command = NEXT_STEP[status];
  if (!command) return null;
  const l = councilLifecycle.commands[command].label;
  return { action: command, labelVi: cap(l.vi), labelEn: cap(l.en) };
}

export async function listCouncils(ctx: Ctx, q: CouncilListQuery) {
  const where: SQL | undefined = and(
    searchCondition(councils.searchText, q.q),
    q.kind ? eq(councils.kind, q.kind) : undefined,
    q.status ? eq(councils.status, q.status) : undefined,
    q.taskId ? sql`EXISTS (SELECT 1 FROM council_subjects s WHERE s.council_id = ${councils.id} AND s.task_id = ${q.taskId})` : undefined,
  );
  const { key, desc: d } = parseSort(q.sort, COUNCIL_SORTS, "updatedAt");
  const dir = d || !q.sort ? sql`DESC` : sql`ASC`;
  const today = vietnamDate(ctx.clock.now());
  const order: Record<(typeof COUNCIL_SORTS)[number], SQL> = {
    title: sql`${councils.title} COLLATE vn ${dir}`,
    meetingAt: sql`${councils.meetingAt} ${dir} NULLS LAST`,
    updatedAt: sql`${councils.updatedAt} ${dir}`,
    // the nearest deadline first (an overdue one is nearer than any other), then the longest at its status
    urgency: d ? sql`${deadlineAt} DESC NULLS FIRST, ${statusSince} DESC` : sql`${deadlineAt} ASC NULLS LAST, ${statusSince} ASC`,
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
        statusSince: sql<Date>`${statusSince}`.mapWith(councils.createdAt),
        deadlineAt: sql<Date | null>`${deadlineAt}`.mapWith(councils.meetingAt),
      })
      .from(councils)
      .where(where)
      .orderBy(order[key], councils.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.$count(councils, where),
  ]);
  const items: CouncilSummary[] = rows.map(({ deadlineAt: due, ...r }) => {
    const deadline = due ? vietnamDate(due) : null;
    return {
      ...r,
      meetingAt: r.meetingAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      statusSince: r.statusSince.toISOString(),
      nextAction: nextStepOf(r.status),
      deadline,
      overdue: !!deadline && deadline < today,
    };
  });
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
// An expert's councils, prepared once (db/prepared.ts): the page every expert's home and "Phiếu của tôi" read.
const myCouncilsStatement = (db: Executor, name: string) =>
  db
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
    .where(and(eq(councilMembers.personId, sql.placeholder("personId")), sql`${councils.status} <> 'draft'`))
    .orderBy(desc(councils.updatedAt), councils.id)
    .prepare(name);

export async function myCouncils(ctx: Ctx): Promise<{ items: MyCouncil[] }> {
  const personId = ctx.actor!.personId;
  if (!personId) return { items: [] };
  const rows = await prepared(ctx.db, "my_councils", myCouncilsStatement).execute({ personId });
  return {
    items: rows.map((r) => ({ ...r, meetingAt: r.meetingAt?.toISOString() ?? null, declarationSignedAt: r.declarationSignedAt?.toISOString() ?? null })),
  };
}
