// The Drizzle schema (src/server/db/schema) mirrors the SQL migrations by hand; this test fails when they drift:
// a table or column in one but not the other, or a column whose nullability or type differs. It also holds the rule
// that no column takes its value from the database's clock (migration 0027): times come from the application's clock,
// and that the output-type CHECKs of the migrations allow the API's output types (common/api/task.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { is } from "drizzle-orm";
import { PgTable, getTableConfig } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";
import { OUTPUT_TYPES } from "../../common/api/task.js";
import { createTestApp, testDbMode, type TestApp } from "../testing/harness.js";

interface Column {
  nullable: boolean;
  type: string;
}
type Tables = Record<string, Record<string, Column>>;

// Drizzle names serial types by their sequence; the catalogue by the column's type.
const serialTypes: Record<string, string> = { smallserial: "smallint", serial: "integer", bigserial: "bigint" };

function drizzleTables(): Tables {
  const out: Tables = {};
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const name = config.schema ? `${config.schema}.${config.name}` : config.name;
    out[name] = Object.fromEntries(
      config.columns.map((c) => {
        const type = c.getSQLType();
        return [c.name, { nullable: !c.notNull, type: serialTypes[type] ?? type.replace(/, /g, ",") }];
      }),
    );
  }
  return out;
}

let t: TestApp;
let database: Tables;

beforeAll(async () => {
  t = await createTestApp();
  // Every table the migrations made, except the migrations' own bookkeeping.
  const r = await t.database.pool.query<{ table: string; column: string; nullable: boolean; type: string }>(`
    SELECT c.table_name AS "table", c.column_name AS "column", c.is_nullable = 'YES' AS nullable,
           format_type(a.atttypid, a.atttypmod) AS type
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
     WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE' AND c.table_name <> 'schema_migrations'
     ORDER BY c.table_name, c.ordinal_position`);
  database = {};
  for (const row of r.rows) (database[row.table] ??= {})[row.column] = { nullable: row.nullable, type: row.type };
});
afterAll(async () => t?.close());

describe(`Drizzle schema matches the migrated database (${testDbMode()})`, () => {
  it("has the same tables", () => {
    const inDrizzle = Object.keys(drizzleTables()).sort();
    const inDatabase = Object.keys(database).sort();
    expect(inDatabase.length).toBeGreaterThan(10);
    expect({
      missingFromDrizzle: inDatabase.filter((n) => !inDrizzle.includes(n)),
      missingFromMigrations: inDrizzle.filter((n) => !inDatabase.includes(n)),
    }).toEqual({
      missingFromDrizzle: [],
      missingFromMigrations: [],
    });
  });

  it("has the same columns in every table, with the same nullability and type", () => {
    const drizzle = drizzleTables();
    const problems: string[] = [];
    for (const table of Object.keys(drizzle).filter((n) => database[n])) {
      const d = drizzle[table];
      const db = database[table];
      for (const col of Object.keys(db)) if (!d[col]) problems.push(`${table}.${col}: in the database, not in Drizzle`);
      for (const col of Object.keys(d)) {
        if (!db[col]) {
          problems.push(`${table}.${col}: in Drizzle, not in the database`);
          continue;
        }
        if (d[col].nullable !== db[col].nullable)
          problems.push(
            `${table}.${col}: Drizzle says ${d[col].nullable ? "nullable" : "NOT NULL"}, the database ${db[col].nullable ? "nullable" : "NOT NULL"}`,
          );
        if (d[col].type !== db[col].type) problems.push(`${table}.${col}: Drizzle type ${d[col].type}, database type ${db[col].type}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has no column whose default is the database server's clock, in the migrations or in Drizzle", async () => {
    const r = await t.database.pool.query<{ col: string; def: string }>(`
      SELECT c.table_name || '.' || c.column_name AS col, c.column_default AS def
        FROM information_schema.columns c
        JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
       WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE' AND c.table_name <> 'schema_migrations'
         AND c.column_default ~* '(now|clock_timestamp|statement_timestamp|transaction_timestamp)\\(|current_(date|time|timestamp)|localtime'`);
    expect(r.rows).toEqual([]);
    const inDrizzle: string[] = [];
    for (const value of Object.values(schema)) {
      if (!is(value, PgTable)) continue;
      const config = getTableConfig(value);
      for (const c of config.columns) if (c.hasDefault && /time|date/i.test(c.getSQLType())) inDrizzle.push(`${config.name}.${c.name}`);
    }
    expect(inDrizzle).toEqual([]);
  });

  it("allows in the output-type checks of dossier and contract products exactly the output types of the API", async () => {
    const r = await t.database.pool.query<{ name: string; def: string }>(`
      SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conname IN ('task_dossier_products_type_check', 'contract_products_type_check') ORDER BY conname`);
    expect(r.rows.map((c) => c.name)).toEqual(["contract_products_type_check", "task_dossier_products_type_check"]);
    for (const c of r.rows) expect([...c.def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort()).toEqual([...OUTPUT_TYPES].sort());
  });
});
