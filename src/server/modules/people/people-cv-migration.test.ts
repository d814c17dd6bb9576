// Migration 0030 on a registry that already holds people: each person gets the scientific CV's training history,
// languages and awards as empty lists (nothing is invented for them), and a person inserted without them afterwards
// gets empty lists too.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../db/client.js";
import { createScratchDatabase } from "../../db/scratch-database.js";
import { listMigrations, migrate } from "../../db/migrate.js";
import { migrationsDir } from "../../paths.js";
import { testDbMode } from "../../testing/harness.js";

let database: Database;
let done: () => Promise<void>;
let tmp: string;

const insertPerson = (name: string) =>
  database.pool.query(`INSERT INTO people (full_name, created_at, updated_at) VALUES ($1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`, [name]);

beforeAll(async () => {
  if (testDbMode() === "server") {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 2 });
    done = async () => (await database.close(), await scratch.drop());
  } else {
    database = await openDatabase({ dataDir: null, poolSize: 2 });
    done = () => database.close();
  }
  // the migrations before 0030, as a database of that time has them, with a person in it
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-0030-"));
  for (const m of listMigrations().filter((x) => x.id < "0030")) fs.writeFileSync(path.join(tmp, `${m.id}.sql`), m.sql);
  await migrate(database.pool, tmp);
  await insertPerson("Nguyễn Văn Cũ");
  await migrate(database.pool, migrationsDir);
});
afterAll(async () => {
  await done?.();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`migration 0030: the scientific CV's lists on people (${testDbMode()})`, () => {
  it("gives existing and new people empty lists", async () => {
    await insertPerson("Trần Thị Mới");
    const { rows } = await database.pool.query<{ full_name: string; education: unknown; languages: unknown; awards: unknown }>(
      `SELECT full_name, education, languages, awards FROM people ORDER BY full_name COLLATE vn`,
    );
    expect(rows).toEqual([
      { full_name: "Nguyễn Văn Cũ", education: [], languages: [], awards: [] },
      { full_name: "Trần Thị Mới", education: [], languages: [], awards: [] },
    ]);
    await expect(database.pool.query(`UPDATE people SET awards = NULL`)).rejects.toThrow(/null/i);
  });
});
