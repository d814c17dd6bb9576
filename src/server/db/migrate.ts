// Versioned SQL migrations, applied at start-up in file-name order, all pending ones in one transaction.
// The same files run on PGlite and on a PostgreSQL server (written for PostgreSQL 15).
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type pg from "pg";
import { migrationsDir } from "../paths.js";

export interface MigrationFile {
  id: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = migrationsDir): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = fs.readFileSync(path.join(dir, f), "utf8");
      return { id: f.replace(/\.sql$/, ""), sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/** Applies pending migrations; returns the id of the newest one applied. */
export async function migrate(pool: pg.Pool, dir = migrationsDir): Promise<string> {
  const client = await pool.connect();
  try {
    // Start-up migrates inside the start-up lock (startup-lock.ts); this lock of its own covers the commands that
    // migrate alone (restore) against a server starting at the same moment. The bookkeeping table is created under
    // it too: two concurrent CREATE TABLE IF NOT EXISTS collide on the catalogue.
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(7261001)");
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Map(
      (await client.query<{ id: string; checksum: string }>("SELECT id, checksum FROM schema_migrations")).rows.map((r) => [r.id, r.checksum]),
    );
    let latest = "";
    for (const m of listMigrations(dir)) {
      latest = m.id;
      const applied = done.get(m.id);
      if (applied) {
        if (applied !== m.checksum) throw new Error(`Migration ${m.id} was changed after it was applied`);
        continue;
      }
      await client.query(m.sql);
      await client.query("INSERT INTO schema_migrations (id, checksum) VALUES ($1, $2)", [m.id, m.checksum]);
    }
    await client.query("COMMIT");
    return latest;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
