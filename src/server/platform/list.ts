import { sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./context.js";
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
  /**
   * The names bound so far, in order: with the sort, they decide the statement's text (its cache key). A filter that
   * adds SQL without binding a value (a yes/no EXISTS) changes the text too: the caller adds its choice to the key.
   */
  get shape() {
    return Object.keys(this.values).join(",");
  }
}

/**
 * The list's total as a column of its page: `(SELECT count(*) FROM table WHERE …)`, an uncorrelated subquery that
 * PostgreSQL runs once per statement, so a page and its total take one statement and one round trip instead of two.
 * Inside the subquery the table's columns bind to the subquery's own FROM. A page past the end has no row to carry
 * the total: `pageTotal` then asks `count` (the same condition as a statement of its own).
 */
export const totalOf = (table: SQL | { getSQL(): SQL } | object, where: SQL | undefined) =>
  sql<number>`(SELECT count(*) FROM ${table}${where ? sql` WHERE ${where}` : sql``})`.mapWith(Number);

/** The list's total in a statement of its own, for a page past the end (`pageTotal`); prepared as `<name>_count`. */
export const countStatement = (db: Executor, table: PgTable, where: SQL | undefined, name: string) =>
  db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(table)
    .where(where)
    .prepare(name && `${name}_count`);

export async function pageTotal<R extends { total: number }>(
  rows: R[],
  page: number,
  count: () => Promise<{ total: number }[]>,
): Promise<{ rows: Omit<R, "total">[]; total: number }> {
  const total = rows.length ? rows[0].total : page === 1 ? 0 : (await count())[0].total;
  return { rows: rows.map(({ total: _total, ...r }) => r), total };
}
