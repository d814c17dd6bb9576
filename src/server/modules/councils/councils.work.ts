// The councils' part of "Việc của tôi" (GET /me/work). For the Department's council staff (officer, admin): the
// councils to convene — a draft to send the invitations of, an invited council to open, a session to conclude (the
// lifecycle's next command, councils.lifecycle.ts). For a member (an expert, or anyone sitting on a council): the
// declaration to sign while the council is invited or in session, then, in session, the ballots still to score (a
// voting member, subjects without their submitted ballot). A member sees only their own seats (by their person);
// the deadline is the meeting's day. For a leader or an administrator: the members of open councils blocked by a
// conflict of interest found late that no override covers yet (councils.members.ts blockingLines), to decide.
import { sql } from "drizzle-orm";
import type { Ctx } from "../../platform/context.js";
import { hasRole } from "../../platform/context.js";
import { vietnamDate } from "../../platform/clock.js";
import { workItem } from "../../platform/work.js";
import { WORK_ITEMS_PER_SOURCE, type WorkItem } from "../../../common/api/work.js";
import type { Role } from "../../../common/roles.js";
import { VOTING_ROLES } from "../../../common/councils/rules.js";
import { STAFF_ROLES } from "../../../common/roles.js";
import { councilLifecycle } from "./councils.lifecycle.js";
import { blockingLines } from "./councils.members.js";
import type { ConflictLine } from "../../db/schema/index.js";

type Command = keyof typeof councilLifecycle.commands;
const NEXT: Record<string, Command> = { draft: "invite", invited: "open", in_session: "conclude" };

/** The lifecycle's label of a command, as an action ("Gửi giấy mời"). */
function actionOf(command: Command) {
  const l = councilLifecycle.commands[command].label;
  const cap = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
  return { action: command, actionVi: cap(l.vi), actionEn: cap(l.en) };
}

export async function councilWork(ctx: Ctx): Promise<WorkItem[]> {
  const actor = ctx.actor;
  if (!actor) return [];
  const today = vietnamDate(ctx.clock.now());
  const items: WorkItem[] = [];

  if (hasRole(actor, ...STAFF_ROLES)) {
    const r = await ctx.db.execute<{ id: string; title: string; status: string; meeting_at: Date | string | null; since: Date | string }>(sql`
      SELECT c.id, c.title, c.status, c.meeting_at,
             CASE c.status WHEN 'draft' THEN c.created_at WHEN 'invited' THEN coalesce(c.invited_at, c.updated_at) ELSE coalesce(c.opened_at, c.updated_at) END AS since
        FROM councils c
       WHERE c.status IN ('draft', 'invited', 'in_session')
       ORDER BY c.meeting_at NULLS LAST, c.created_at, c.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    const role: Role = hasRole(actor, "officer") ? "officer" : "admin";
    for (const c of r.rows) {
      const next = actionOf(NEXT[c.status]);
      items.push(
        workItem(today, {
          key: `council:${c.id}:${next.action}`,
          source: "councils",
          role,
          kind: "council",
          recordCode: null,
          recordTitle: c.title,
          ...next,
          href: `/councils/${c.id}`,
          waitingSince: c.since,
          // a session still to be concluded has met: its day is past, not a deadline
          deadline: c.status === "in_session" ? null : c.meeting_at,
        }),
      );
    }
  }

  if (hasRole(actor, "leader", "admin")) {
    const r = await ctx.db.execute<{
      council_id: string;
      member_id: string;
      title: string;
      meeting_at: Date | string | null;
      full_name: string;
      checked_at: Date | string | null;
      conflict_lines: ConflictLine[];
      conflict_override_by: string | null;
      conflict_override_lines: ConflictLine[] | null;
    }>(sql`
      SELECT c.id AS council_id, m.id AS member_id, c.title, c.meeting_at, p.full_name, m.conflict_checked_at AS checked_at,
             m.conflict_lines, m.conflict_override_by, m.conflict_override_lines
        FROM council_members m JOIN councils c ON c.id = m.council_id JOIN people p ON p.id = m.person_id
       WHERE c.status IN ('draft', 'invited', 'in_session') AND jsonb_array_length(coalesce(m.conflict_lines, '[]'::jsonb)) > 0
       ORDER BY c.meeting_at NULLS LAST, c.id, p.full_name
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    const role: Role = hasRole(actor, "leader") ? "leader" : "admin";
    for (const m of r.rows) {
      const blocking = blockingLines({ conflictOverrideBy: m.conflict_override_by, conflictOverrideLines: m.conflict_override_lines }, m.conflict_lines);
      if (!blocking.length) continue;
      items.push(
        workItem(today, {
          key: `council:${m.council_id}:overrideConflict:${m.member_id}`,
          source: "councils",
          role,
          kind: "council",
          recordCode: m.full_name,
          recordTitle: m.title,
          ...actionOf("overrideConflict"),
          href: `/councils/${m.council_id}`,
          waitingSince: m.checked_at,
          deadline: m.meeting_at,
        }),
      );
    }
  }

  if (actor.personId) {
    const r = await ctx.db.execute<{
      council_id: string;
      title: string;
      status: string;
      meeting_at: Date | string | null;
      role: string;
      invited_at: Date | string | null;
      opened_at: Date | string | null;
      signed: boolean;
      to_score: number;
    }>(sql`
      SELECT c.id AS council_id, c.title, c.status, c.meeting_at, m.role, coalesce(m.invited_at, c.invited_at) AS invited_at, c.opened_at,
             m.declaration_signed_at IS NOT NULL AS signed,
             (SELECT count(*)::int FROM council_subjects s
               WHERE s.council_id = c.id
                 AND NOT EXISTS (SELECT 1 FROM council_ballots b WHERE b.member_id = m.id AND b.subject_id = s.id AND b.status = 'submitted')) AS to_score
        FROM council_members m JOIN councils c ON c.id = m.council_id
       WHERE m.person_id = ${actor.personId}::uuid AND c.status IN ('invited', 'in_session')
       ORDER BY c.meeting_at NULLS LAST, c.id
       LIMIT ${WORK_ITEMS_PER_SOURCE}`);
    const role: Role = hasRole(actor, "expert") ? "expert" : actor.roles[0];
    for (const m of r.rows) {
      const base = {
        source: "councils" as const,
        role,
        kind: "council",
        recordCode: null,
        recordTitle: m.title,
        href: `/councils/${m.council_id}/score`,
        deadline: m.meeting_at,
      };
      if (!m.signed) {
        items.push(workItem(today, { ...base, key: `council:${m.council_id}:declare`, ...actionOf("declare"), waitingSince: m.invited_at }));
      } else if (m.status === "in_session" && VOTING_ROLES.includes(m.role as (typeof VOTING_ROLES)[number]) && m.to_score > 0) {
        items.push(workItem(today, { ...base, key: `council:${m.council_id}:ballot`, ...actionOf("ballot"), waitingSince: m.opened_at }));
      }
    }
  }
  return items;
}
