// The set-based insert of many historical tasks (the import of the 1996–2012 tasks): one INSERT … SELECT over a
// relation the caller provides, inside the caller's transaction — all rows or none, never a statement per row.
import { sql, type SQL } from "drizzle-orm";
import type { Ctx, Tx } from "../../platform/context.js";

/**
 * Inserts every row of `from`, a FROM item aliased `r` with the columns "row" (the order), id, code, "titleVi",
 * "taskType", level (default city), field, sector, "startYear", "endYear", "leadOrganisationId", "piName",
 * "budgetCity", "budgetOther", "resultGrade" and "finalState", as finished tasks of the template `templateKey` (its
 * first version). The PI is the only person with the folded name, or none. Returns how many were inserted.
 */
export async function insertHistoricalTasks(tx: Tx, ctx: Pick<Ctx, "clock" | "actor">, from: SQL, templateKey: string): Promise<number> {
  const at = ctx.clock.now().toISOString();
  const by = ctx.actor!.userId;
  // The principal investigator: the only person with this folded name, one probe of people_name_key_idx (migration
  // 0025, which carries the id) per row.
  const r = await tx.execute(sql`
    WITH tpl AS (SELECT min(v.version) AS version FROM process_template_versions v WHERE v.template_key = ${templateKey})
    INSERT INTO tasks (id, code, title_vi, task_type, level, template_key, template_version, state, state_entered_by,
                       state_entered_at, origin, year, field_code, sector_code, lead_organisation_id, pi_person_id,
                       start_date, end_date, approved_budget_city, approved_budget_other, result_grade,
                       created_at, updated_at, created_by, updated_by)
    SELECT r.id, r.code, r."titleVi", r."taskType", coalesce(r.level, 'city'), ${templateKey}, tpl.version,
           r."finalState", ${by}::uuid, ${at}::timestamptz, 'historical', r."startYear", r.field, r.sector,
           r."leadOrganisationId",
           (SELECT min(p.id::text)::uuid FROM people p WHERE r."piName" IS NOT NULL AND p.search_text = f_fold(r."piName")
             HAVING count(*) = 1),
           make_date(r."startYear", 1, 1), CASE WHEN r."endYear" IS NOT NULL THEN make_date(r."endYear", 12, 31) END,
           r."budgetCity", r."budgetOther", r."resultGrade",
           ${at}::timestamptz, ${at}::timestamptz, ${by}::uuid, ${by}::uuid
      FROM ${from} CROSS JOIN tpl
     ORDER BY r."row"`);
  return r.rowCount ?? 0;
}
