// Test fixtures: a task in progress with its PI, lead organisation and the selected dossier's milestones, written
// straight to the tables (the tasks workflow that leads there is tested by its own module).
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/context.js";
import { testClockOf } from "../../testing/test-clock.js";

export interface TaskFixture {
  taskId: string;
  dossierId: string | null;
  milestoneIds: string[];
}

export async function buildTaskInProgress(
  db: Executor,
  o: {
    piPersonId: string;
    leadOrganisationId: string;
    ownerUserId: string;
    startDate: string;
    endDate: string;
    milestones?: [string, string][];
    state?: string;
  },
): Promise<TaskFixture> {
  const tpl = await db.execute<{ template_key: string; version: number }>(
    sql`SELECT template_key, version FROM process_template_versions WHERE template_key = 'baseline-2013' ORDER BY version LIMIT 1`,
  );
  const code = "NV-TEST-" + crypto.randomBytes(3).toString("hex").toUpperCase();
  const now = testClockOf(db).now().toISOString();
  const t = await db.execute<{ id: string }>(sql`
    INSERT INTO tasks (code, title_vi, task_type, template_key, template_version, state, year, pi_person_id, lead_organisation_id, start_date, end_date, method,
                       created_at, updated_at, state_entered_at)
    VALUES (${code}, ${"Nghiên cứu giống lúa chịu mặn " + code}, 'de_tai', ${tpl.rows[0].template_key}, ${tpl.rows[0].version}, ${o.state ?? "in_progress"}, 2026,
            ${o.piPersonId}, ${o.leadOrganisationId}, ${o.startDate}, ${o.endDate}, 'selection', ${now}, ${now}, ${now})
    RETURNING id`);
  const taskId = t.rows[0].id;
  if (!o.milestones?.length) return { taskId, dossierId: null, milestoneIds: [] };
  const d = await db.execute<{ id: string }>(sql`
    INSERT INTO task_dossiers (task_id, status, owner_user_id, pi_person_id, lead_organisation_id, created_at, updated_at)
    VALUES (${taskId}, 'selected', ${o.ownerUserId}, ${o.piPersonId}, ${o.leadOrganisationId}, ${now}, ${now}) RETURNING id`);
  const dossierId = d.rows[0].id;
  const milestoneIds: string[] = [];
  for (const [i, [from, to]] of o.milestones.entries()) {
    const m = await db.execute<{ id: string }>(sql`
      INSERT INTO task_dossier_milestones (dossier_id, position, content, starts_on, ends_on, deliverable)
      VALUES (${dossierId}, ${i + 1}, ${"Nội dung " + (i + 1)}, ${from}, ${to}, ${"Báo cáo chuyên đề " + (i + 1)}) RETURNING id`);
    milestoneIds.push(m.rows[0].id);
  }
  await db.execute(sql`UPDATE tasks SET selected_dossier_id = ${dossierId} WHERE id = ${taskId}`);
  return { taskId, dossierId, milestoneIds };
}
