import { sql, type SQL } from "drizzle-orm";
import { foldVietnamese } from "../../common/list.js";

/** The LIKE pattern of a search phrase (folded, spaces collapsed, LIKE wildcards escaped), or undefined when empty. */
export function searchPattern(q: string | undefined): string | undefined {
  const phrase = foldVietnamese(q ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (!phrase) return undefined;
  return "%" + phrase.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
}

/**
 * Accent-insensitive phrase search on a folded column (f_fold in SQL): "nguyen van an" finds "Nguyễn Văn An".
 * LIKE '%…%' on a column with a GIN trigram index.
 */
export function searchCondition(column: SQL | { getSQL(): SQL }, q: string | undefined, bind: Bind = literal): SQL | undefined {
  const pattern = searchPattern(q);
  if (pattern === undefined) return undefined;
  return sql`${column} LIKE ${bind("q", pattern)}`;
}

/**
 * How a filter puts a value into its SQL: `literal` as a parameter of this statement; a `Placeholders` binder as a
 * named placeholder of a prepared statement (db/prepared.ts), recording the value for its execution.
 */
export type Bind = (name: string, value: unknown) => unknown;
// sql.param, not the bare value: Drizzle renders a bare array inside sql`` as a list of parameters "($1, $2, …)".
export const literal: Bind = (_name, value) => sql.param(value);

export class Placeholders {
  readonly values: Record<string, unknown> = {};
  readonly bind: Bind = (name, value) => {
    this.values[name] = value;
    return sql.placeholder(name);
  };
  /** The names bound so far, in order: with the sort, they decide the statement's text (its cache key). */
  get shape() {
    return Object.keys(this.values).join(",");
  }
}
