// A person's S&T activities as the registry records them, for the person page and the scientific CV
// (docs/scientific-cv.md): the tasks they led (the task's PI) or joined (the selected dossier's team), the councils
// they sat on (membership and role, never a score), and the registered results of the tasks they led.
//
// Each list holds only what the caller may know:
// - a task: the person's own (they see their own record of work), a task the caller may see (tasks.access.ts, purpose
//   "task"), or one whose result is in the public catalogue (registered, with its summary);
// - a council membership: only to those inside that council (the Department's staff, leaders, and its members — the
//   person is one): applicants never learn who sat on a council (SECURITY.md 8); draft and cancelled councils are not
//   listed (nobody sat on them);
// - a result: the person's own, one the caller may see for its result (purpose "result"), or a published one.
import { sql, type SQL } from "drizzle-orm";
import type { Actor, Ctx, Executor } from "../../platform/context.js";
import { hasRole } from "../../platform/context.js";
import { visibleTasksSql } from "../tasks/tasks.access.js";
import { allDefinitions } from "../tasks/tasks.service.js";
import { DECIDING_ROLES } from "../../../common/roles.js";
import type { PersonActivities, PersonCouncilItem, PersonResultItem, PersonTaskItem } from "../../../common/api/person-activities.js";

/** The result is in the public catalogue: registered, with its summary (results/public-results.service.ts). */
const published = (alias: string) =>
  sql.raw(
    `("${alias}".registration_code IS NOT NULL AND "${alias}".registered_at IS NOT NULL AND EXISTS (SELECT 1 FROM task_result_summaries s WHERE s.task_id = "${alias}".id))`,
  );

const isSelf = (actor: Actor, personId: string) => actor.personId === personId;
const bool = (v: boolean): SQL => (v ? sql`true` : sql`false`);

type TaskRowSql = {
  id: string;
  code: string;
  title_vi: string;
  title_en: string | null;
  role: PersonTaskItem["role"];
  start_date: string | null;
  end_date: string | null;
  year: number;
  state: string;
  template_key: string;
  template_version: number;
  result_grade: PersonTaskItem["resultGrade"];
  can_open: boolean;
};

async function tasksOf(ctx: Ctx, db: Executor, actor: Actor, personId: string): Promise<PersonTaskItem[]> {
  const now = ctx.clock.now();
  const canOpen = visibleTasksSql(actor, "t", { purpose: "task", now });
  const rows = await db.execute<TaskRowSql>(sql`
    WITH mine AS (
      SELECT t.id, 'pi'::text AS role, 0 AS rank FROM tasks t WHERE t.pi_person_id = ${personId}
      UNION ALL
      SELECT t.id, m.role, 1 AS rank FROM tasks t JOIN task_dossier_team m ON m.dossier_id = t.selected_dossier_id
       WHERE m.person_id = ${personId}
    )
    SELECT DISTINCT ON (t.id) t.id, t.code, t.title_vi, t.title_en, mine.role, t.start_date::text AS start_date,
           t.end_date::text AS end_date, t.year, t.state, t.template_key, t.template_version, t.result_grade,
           (${canOpen}) AS can_open
      FROM mine JOIN tasks t ON t.id = mine.id
     WHERE (${bool(isSelf(actor, personId))} OR ${canOpen} OR ${published("t")})
     ORDER BY t.id, mine.rank`);
  const defs = await allDefinitions(db);
  return rows.rows
    .map((r): PersonTaskItem => {
      const step = defs.get(`${r.template_key}@${r.template_version}`)?.steps.find((s) => s.key === r.state);
      return {
        id: r.id,
        code: r.code,
        titleVi: r.title_vi,
        titleEn: r.title_en,
        role: r.role,
        startDate: r.start_date,
        endDate: r.end_date,
        year: Number(r.year),
        state: r.state,
        stateLabelVi: step?.labelVi ?? r.state,
        stateLabelEn: step?.labelEn ?? r.state,
        resultGrade: r.result_grade,
        canOpen: !!r.can_open,
      };
    })
    .sort((a, b) => (b.startDate ?? `${b.year}`).localeCompare(a.startDate ?? `${a.year}`) || a.code.localeCompare(b.code));
}

async function councilsOf(db: Executor, actor: Actor, personId: string): Promise<PersonCouncilItem[]> {
  // Inside the council: the Department's staff and leaders see every membership; anyone else only those of the
  // councils they sit on themselves (the person sits on each of their own).
  const insider = hasRole(actor, ...DECIDING_ROLES)
    ? sql`true`
    : actor.personId
      ? sql`EXISTS (SELECT 1 FROM council_members x WHERE x.council_id = c.id AND x.person_id = ${actor.personId})`
      : sql`false`;
  const rows = await db.execute<{
    id: string;
    kind: PersonCouncilItem["kind"];
    title: string;
    status: PersonCouncilItem["status"];
    role: PersonCouncilItem["role"];
    meeting_at: string | Date | null;
  }>(sql`
    SELECT c.id, c.kind, c.title, c.status, m.role, coalesce(c.meeting_at, c.opened_at) AS meeting_at
      FROM council_members m JOIN councils c ON c.id = m.council_id
     WHERE m.person_id = ${personId} AND c.status IN ('invited', 'in_session', 'concluded') AND ${insider}
     ORDER BY coalesce(c.meeting_at, c.opened_at, c.created_at) DESC, c.id`);
  if (!rows.rows.length) return [];
  const ids = rows.rows.map((r) => r.id);
  const subjects = await db.execute<{ council_id: string; id: string; code: string; title_vi: string }>(sql`
    SELECT s.council_id, t.id, t.code, t.title_vi FROM council_subjects s JOIN tasks t ON t.id = s.task_id
     WHERE s.council_id IN (${sql.join(
       ids.map((id) => sql`${id}::uuid`),
       sql`, `,
     )})
     ORDER BY s.council_id, s.position`);
  return rows.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    role: r.role,
    status: r.status,
    meetingAt: r.meeting_at ? new Date(r.meeting_at).toISOString() : null,
    tasks: subjects.rows.filter((s) => s.council_id === r.id).map((s) => ({ id: s.id, code: s.code, titleVi: s.title_vi })),
  }));
}

async function resultsOf(ctx: Ctx, db: Executor, actor: Actor, personId: string): Promise<PersonResultItem[]> {
  const now = ctx.clock.now();
  const canOpen = visibleTasksSql(actor, "t", { purpose: "task", now });
  const forResult = visibleTasksSql(actor, "t", { purpose: "result", now });
  const rows = await db.execute<{
    id: string;
    code: string;
    title_vi: string;
    registration_code: string;
    registered_at: string | Date;
    result_grade: PersonResultItem["resultGrade"];
    published: boolean;
    can_open: boolean;
  }>(sql`
    SELECT t.id, t.code, t.title_vi, t.registration_code, t.registered_at, t.result_grade,
           ${published("t")} AS published, (${canOpen}) AS can_open
      FROM tasks t
     WHERE t.pi_person_id = ${personId} AND t.registration_code IS NOT NULL AND t.registered_at IS NOT NULL
       AND (${bool(isSelf(actor, personId))} OR ${forResult} OR ${published("t")})
     ORDER BY t.registered_at DESC, t.code`);
  return rows.rows.map((r) => ({
    id: r.id,
    code: r.code,
    titleVi: r.title_vi,
    registrationCode: r.registration_code,
    registeredAt: new Date(r.registered_at).toISOString(),
    resultGrade: r.result_grade,
    published: !!r.published,
    canOpenTask: !!r.can_open,
  }));
}

/** The person's activities as the caller may know them (the caller has already been allowed to read the person). */
export async function personActivitiesFor(ctx: Ctx, db: Executor, personId: string): Promise<PersonActivities> {
  const actor = ctx.actor!;
  // One statement after another: inside a transaction they share its one connection.
  const tasks = await tasksOf(ctx, db, actor, personId);
  const councils = await councilsOf(db, actor, personId);
  const results = await resultsOf(ctx, db, actor, personId);
  return { personId, tasks, councils, results };
}
