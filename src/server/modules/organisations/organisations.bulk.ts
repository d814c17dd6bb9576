// The registry's set-based insert of many organisations (the import's commit): one INSERT … SELECT over a relation
// the caller provides, inside the caller's transaction — all rows or none, never a statement per row.
import { sql, type SQL } from "drizzle-orm";
import type { Ctx, Tx } from "../../platform/context.js";

/**
 * Inserts every row of `from`, a FROM item aliased `r` with the columns "row" (the order), id, type, "nameVi",
 * "nameEn", abbreviation, "taxCode", "orgIdCode", ror, "parentId", address, commune, district, governance (default local),
 * fields (default none), website, email, phone, "foundedYear". Returns how many were inserted.
 */
export async function insertOrganisations(tx: Tx, ctx: Pick<Ctx, "clock" | "actor">, from: SQL): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const by = ctx.actor!.userId;
  const r = await tx.execute(sql`
    INSERT INTO organisations (id, type, name_vi, name_en, abbreviation, tax_code, org_id_code, ror, parent_id, address,
                               commune, district, governance, fields, website, email, phone, founded_year,
                               created_at, updated_at, created_by, updated_by)
    SELECT r.id, r.type, r."nameVi", r."nameEn", r.abbreviation, r."taxCode", r."orgIdCode", r.ror, r."parentId", r.address,
           r.commune, r.district, coalesce(r.governance, 'local'), coalesce(r.fields, '{}'), r.website, r.email, r.phone, r."foundedYear",
           ${now}::timestamptz, ${now}::timestamptz, ${by}::uuid, ${by}::uuid
      FROM ${from}
     ORDER BY r."row"`);
  return r.rowCount ?? 0;
}
