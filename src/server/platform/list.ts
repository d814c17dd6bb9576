import { sql, type SQL } from "drizzle-orm";
import { foldVietnamese } from "../../common/list.js";

/**
 * Accent-insensitive phrase search on a folded column (f_fold in SQL): "nguyen van an" finds "Nguyễn Văn An".
 * LIKE '%…%' on a column with a GIN trigram index.
 */
export function searchCondition(column: SQL | { getSQL(): SQL }, q: string | undefined): SQL | undefined {
  const phrase = foldVietnamese(q ?? "").replace(/\s+/g, " ").trim();
  if (!phrase) return undefined;
  return sql`${column} LIKE ${"%" + phrase.replace(/[\\%_]/g, (c) => "\\" + c) + "%"}`;
}
