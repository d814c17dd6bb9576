// Helpers shared by the monitoring services: the task summary, the people a task notifies.
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import type { TaskBrief } from "../../../common/api/monitoring.js";

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86400_000);

/** Share (0–100) of a milestone's days that have started by `today` (both ends inclusive). */
export function elapsedPercent(startsOn: string, endsOn: string, today: string): number {
  const length = daysBetween(startsOn, endsOn) + 1;
  const elapsed = Math.min(Math.max(daysBetween(startsOn, today) + 1, 0), length);
  return Math.round((elapsed / length) * 1000) / 10;
}

export type TaskRow = {
  id: string;
  code: string;
  title_vi: string;
  title_en: string | null;
  state: string;
  start_date: string | null;
  end_date: string | null;
  pi_person_id: string | null;
  lead_organisation_id: string | null;
  selected_dossier_id: string | null;
  pi_name: string | null;
  lead_organisation_name: string | null;
};

export async function loadTask(db: Executor, taskId: string, lock = false): Promise<TaskRow | null> {
  const r = await db.execute<TaskRow>(sql`
    SELECT t.id, t.code, t.title_vi, t.title_en, t.state, t.start_date::text AS start_date, t.end_date::text AS end_date,
           t.pi_person_id, t.lead_organisation_id, t.selected_dossier_id,
           p.full_name AS pi_name, o.name_vi AS lead_organisation_name
    FROM tasks t
    LEFT JOIN people p ON p.id = t.pi_person_id
    LEFT JOIN organisations o ON o.id = t.lead_organisation_id
    WHERE t.id = ${taskId}${lock ? sql` FOR SHARE OF t` : sql``}`);
  return r.rows[0] ?? null;
}

export const taskBriefOf = (t: TaskRow): TaskBrief => ({
  id: t.id,
  code: t.code,
  titleVi: t.title_vi,
  titleEn: t.title_en,
  state: t.state,
  startDate: t.start_date,
  endDate: t.end_date,
  piName: t.pi_name,
  leadOrganisationName: t.lead_organisation_name,
});

/** Active accounts of the task's PI and of its lead organisation's representatives. */
export async function taskRecipients(db: Executor, taskId: string): Promise<string[]> {
  const r = await db.execute<{ id: string }>(sql`
    SELECT u.id FROM users u JOIN tasks t ON t.id = ${taskId}
    WHERE u.status = 'active'
      AND ((t.pi_person_id IS NOT NULL AND u.person_id = t.pi_person_id)
        OR ('org_rep' = ANY(u.roles) AND t.lead_organisation_id IS NOT NULL AND u.organisation_id = t.lead_organisation_id))`);
  return r.rows.map((x) => x.id);
}

/** Milestones of the task's selected dossier (the approved timeline). */
export async function loadMilestones(db: Executor, dossierId: string | null) {
  if (!dossierId) return [];
  const r = await db.execute<{ id: string; position: number; content: string; starts_on: string; ends_on: string; deliverable: string | null }>(sql`
    SELECT id, position, content, starts_on::text AS starts_on, ends_on::text AS ends_on, deliverable
    FROM task_dossier_milestones WHERE dossier_id = ${dossierId} ORDER BY position`);
  return r.rows;
}

/** Overall completion: each milestone's % weighted by its length in days; milestones not reported count 0. */
export function overallPercent(
  milestones: { id: string; starts_on: string; ends_on: string }[],
  items: { milestoneId: string; percent: number }[],
): number | null {
  if (!milestones.length) return null;
  const byId = new Map(items.map((i) => [i.milestoneId, i.percent]));
  let total = 0;
  let done = 0;
  for (const m of milestones) {
    const w = daysBetween(m.starts_on, m.ends_on) + 1;
    total += w;
    done += (w * (byId.get(m.id) ?? 0)) / 100;
  }
  return Math.round((done / total) * 10000) / 100;
}
