// The registry's set-based insert of many people with their affiliations (the import's commit): one statement over a
// relation the caller provides, inside the caller's transaction — all rows or none, never a statement per row.
import { sql, type SQL } from "drizzle-orm";
import type { Ctx, Tx } from "../../platform/context.js";

/**
 * Inserts every row of `from`, a FROM item aliased `r` with the columns "row" (the order), id, "fullName",
 * "birthYear", gender, degree, title, fields, keywords, orcid, email, phone, address, "isExpert", "organisationId"
 * and position (the affiliation, when "organisationId" is set). Returns how many people were inserted.
 */
export async function insertPeopleWithAffiliations(tx: Tx, ctx: Pick<Ctx, "clock" | "actor">, from: SQL): Promise<number> {
  const at = ctx.clock.now().toISOString();
  const today = at.slice(0, 10);
  const by = ctx.actor!.userId;
  // One statement, one reading of the rows: the people, then their affiliations (the foreign key to the new people
  // is checked at the end of the statement, when both are written).
  const r = await tx.execute<{ people: number }>(sql`
    WITH r AS MATERIALIZED (SELECT * FROM ${from}),
    p AS (
      INSERT INTO people (id, full_name, birth_year, gender, degree, title, fields, keywords, orcid, email, phone, address,
                          is_expert, expert_since, primary_organisation_id, created_at, updated_at, created_by, updated_by)
      SELECT r.id, r."fullName", r."birthYear", r.gender, r.degree, r.title, coalesce(r.fields, '{}'), coalesce(r.keywords, '{}'),
             r.orcid, r.email, r.phone, r.address, coalesce(r."isExpert", false),
             CASE WHEN r."isExpert" THEN ${today}::date END, r."organisationId",
             ${at}::timestamptz, ${at}::timestamptz, ${by}::uuid, ${by}::uuid
        FROM r
       ORDER BY r."row"
      RETURNING 1),
    a AS (
      INSERT INTO person_affiliations (person_id, organisation_id, position)
      SELECT r.id, r."organisationId", r.position
        FROM r
       WHERE r."organisationId" IS NOT NULL
       ORDER BY r."row"
      RETURNING 1)
    SELECT (SELECT count(*) FROM p)::int AS people, (SELECT count(*) FROM a)::int AS affiliations`);
  return Number(r.rows[0].people);
}
