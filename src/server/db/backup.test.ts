// Backup → restore round trip (SECURITY.md 25) on the database of this test run (embedded, or the PostgreSQL server
// when TEST_DATABASE_URL is set), plus the refusals that keep a restore from mixing or losing data, and the CLI.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, testDbMode, type TestApp } from "../testing/harness.js";
import { buildDossier, buildOrganisation, buildPerson, buildTask, buildUser, stamps } from "../testing/factories.js";
import { audit, verifyAuditChain } from "../platform/audit.js";
import type { AuditAction } from "../platform/audit-actions.js";
import { TestClock } from "../platform/clock.js";
import { TEST_START } from "../testing/test-clock.js";
import { openDatabase, type Database } from "./client.js";
import { migrate } from "./migrate.js";
import { createScratchDatabase } from "./scratch-database.js";
import { projectRoot } from "../paths.js";
import { consents, files, imports, laboratories, personAffiliations } from "./schema/index.js";
import { assertEmbeddedNotInUse, backupDatabase, BackupError, databaseChecksums, restoreDatabase } from "./backup.js";

const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-backup-test-"));
const cleanups: (() => Promise<void>)[] = [];

/** A new, empty database of the kind under test (nothing migrated). */
async function freshDatabase(mode = testDbMode()): Promise<Database> {
  if (mode === "embedded") {
    const database = await openDatabase({ dataDir: null, poolSize: 2 });
    cleanups.push(() => database.close());
    return database;
  }
  const { url, drop } = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  cleanups.push(async () => {
    await database.close();
    await drop();
  });
  return database;
}

async function rowCounts(database: Database) {
  const sums = await databaseChecksums(database.pool);
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.rows]));
}

let t: TestApp;
let dumpFile: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const ctx = { actor: null, ip: "10.0.0.1", correlationId: "seed", clock: new TestClock(new Date("2026-11-27T03:00:00.123Z")) };

  // Registries with a parent/child pair inserted child-last and a tricky mix of values.
  // (ids chosen so that the child sorts first in the dump: restore must not depend on row order).
  const parent = await buildOrganisation(db, {
    id: "ffffffff-0000-4000-8000-000000000001",
    type: "university",
    nameVi: "Trường Đại học Hải Phòng",
    fields: ["101", 'a "quoted", comma', "back\\slash"],
  });
  const child = await buildOrganisation(db, {
    id: "00000000-0000-4000-8000-000000000002",
    nameVi: "Viện Khoa học Biển — phân viện",
    parentId: parent.id,
    fields: [],
  });
  await db
    .insert(laboratories)
    .values({ organisationId: child.id, name: "PTN Vật liệu", scheme: "VILAS", accreditationNumber: "VILAS 001", expiresOn: "2028-06-30" });
  const person = await buildPerson(db, {
    fullName: "Nguyễn Thị Ánh Tuyết",
    keywords: ["đa dạng sinh học", "line\nbreak", "tab\tand 'quote'", ""],
    primaryOrganisationId: child.id,
    isExpert: true,
    expertSince: "2020-01-15",
  });
  await db.insert(personAffiliations).values({ personId: person.id, organisationId: parent.id, position: "Giảng viên", startDate: "2010-09-01" });
  await db.insert(consents).values({ personId: person.id, purpose: "expert_pool", noticeVersion: "2025-1", granted: true, recordedAt: stamps(db).createdAt });
  const officerUser = await buildUser(db, { username: "officer1", roles: ["officer", "expert"], personId: person.id, organisationId: parent.id });

  // A task with a selected dossier and products: the analytics summary (a derived table) is rebuilt on restore.
  const task = await buildTask(db, {
    code: "NV-BK-1",
    titleVi: "Nhiệm vụ sao lưu",
    state: "in_progress",
    year: 2026,
    fieldCode: "101",
    leadOrganisationId: child.id,
    approvedBudgetCity: 750000000,
  });
  const dossier = await buildDossier(db, {
    taskId: task.id,
    status: "selected",
    ownerUserId: officerUser.id,
    piPersonId: person.id,
    leadOrganisationId: child.id,
  });
  await db.execute(sql`
    INSERT INTO task_dossier_products (dossier_id, position, name, output_type, quantity, unit, quality_target)
    VALUES (${dossier.id}, 1, 'Mô hình', 'model', 2.5, 'mô hình', 'Đạt')`);
  await db.execute(sql`UPDATE tasks SET selected_dossier_id = ${dossier.id} WHERE id = ${task.id}`);

  // A stored file (binary, with NUL bytes) and an import whose jsonb holds nested data and a JSON null.
  const content = Buffer.concat([Buffer.from([0, 1, 2, 255, 0]), crypto.randomBytes(3000)]);
  const [file] = await db
    .insert(files)
    .values({
      originalName: "danh sách.xlsx",
      mediaType: "application/octet-stream",
      sizeBytes: content.length,
      sha256: "x",
      content,
      createdAt: stamps(db).createdAt,
    })
    .returning();
  const [imp] = await db
    .insert(imports)
    .values({
      kind: "people",
      fileId: file.id,
      fileSha256: "x",
      status: "invalid",
      totalRows: 2,
      errorCount: 1,
      errors: [{ row: 2, column: "Họ và tên", message: "Bắt buộc", value: null }],
      rows: [{ n: 1.5, big: 12345678901234, nested: { a: [1, "hai", true] } }],
      createdAt: stamps(db).createdAt,
    })
    .returning();
  await db.execute(sql`UPDATE imports SET created_ids = 'null'::jsonb WHERE id = ${imp.id}`);

  // Audit rows written the way the application writes them, plus those of a real sign-in through the app.
  for (let i = 0; i < 5; i++)
    await db.transaction((tx) => audit(tx, ctx, { action: "test.write" as AuditAction, entityType: "people", entityId: person.id, after: { i, tên: "Ánh" } }));
  await new Client(t).login("officer1");

  dumpFile = path.join(tmp, "dump.ndjson.gz");
});

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`backup and restore (${testDbMode()})`, () => {
  it("restores into a fresh database with the same rows, checksums, audit chain and sequences", async () => {
    const before = await databaseChecksums(t.database.pool);
    const backup = await backupDatabase(t.database.pool, dumpFile, { source: t.database.mode });
    expect(backup.tables).toEqual(before);
    for (const table of ["organisations", "people", "users", "sessions", "audit_log", "files", "imports", "codes", "consents"])
      expect(backup.tables[table].rows, table).toBeGreaterThan(0);
    expect(backup.auditChain).toMatchObject({ ok: true, brokenAt: null });
    expect(backup.auditChain.checked).toBeGreaterThanOrEqual(6);

    const target = await freshDatabase();
    const restored = await restoreDatabase(target.pool, dumpFile);
    expect(restored.tables).toEqual(before);
    expect(await databaseChecksums(target.pool)).toEqual(before);
    expect(await verifyAuditChain(target.db)).toEqual(await verifyAuditChain(t.database.db));

    // Derived tables are not in the file; restore rebuilt them to the same sums.
    expect(backup.tables.task_stat_deltas).toBeUndefined();
    const summary = (pool: typeof target.pool) =>
      pool
        .query(
          `SELECT dim, key, year, origin, sum(n)::int AS n, sum(city)::text AS city, sum(quantity)::text AS q
                  FROM task_stat_deltas GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4`,
        )
        .then((r) => r.rows);
    const expected = await summary(t.database.pool);
    expect(expected.some((r) => r.dim === "output" && r.key === "model" && Number(r.q) === 2.5)).toBe(true);
    expect(await summary(target.pool)).toEqual(expected);

    // Spot checks of the values that are easiest to get wrong.
    const [f] = await target.db.select().from(files);
    const [orig] = await t.database.db.select().from(files);
    expect(Buffer.compare(f.content, orig.content)).toBe(0);
    const j = await target.pool.query("SELECT created_ids IS NULL AS sql_null, created_ids::text AS v FROM imports");
    expect(j.rows[0]).toEqual({ sql_null: false, v: "null" });
    const p = await target.pool.query("SELECT keywords, search_text, given_name FROM people WHERE full_name = 'Nguyễn Thị Ánh Tuyết'");
    expect(p.rows[0]).toEqual({
      keywords: ["đa dạng sinh học", "line\nbreak", "tab\tand 'quote'", ""],
      search_text: "nguyen thi anh tuyet",
      given_name: "Tuyết",
    });

    // The audit sequence continues after the restored rows, and the chain stays intact.
    const maxId = Number((await target.pool.query("SELECT max(id) AS m FROM audit_log")).rows[0].m);
    await target.db.transaction((tx) =>
      audit(tx, { actor: null, ip: null, correlationId: "after-restore", clock: new TestClock(TEST_START) }, { action: "test.after_restore" as AuditAction }),
    );
    const next = await target.pool.query("SELECT id FROM audit_log WHERE correlation_id = 'after-restore'");
    expect(Number(next.rows[0].id)).toBe(maxId + 1);
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
  });

  it("refuses a database that already has rows, and changes nothing", async () => {
    const before = await databaseChecksums(t.database.pool);
    await expect(restoreDatabase(t.database.pool, dumpFile)).rejects.toThrow(/not empty/);
    expect(await databaseChecksums(t.database.pool)).toEqual(before);
  });

  it("refuses a damaged or truncated file and leaves the target empty", async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(dumpFile)).toString("utf8").split("\n");
    const i = lines.findIndex((l) => l.includes("Nguyễn Thị Ánh Tuyết"));
    expect(i).toBeGreaterThan(0);
    const damaged = path.join(tmp, "damaged.ndjson.gz");
    fs.writeFileSync(damaged, zlib.gzipSync(lines.map((l, n) => (n === i ? l.replace("Tuyết", "Tuyet") : l)).join("\n")));
    const truncated = path.join(tmp, "truncated.ndjson.gz");
    fs.writeFileSync(truncated, zlib.gzipSync(lines.slice(0, i + 1).join("\n")));
    const cut = path.join(tmp, "cut.ndjson.gz");
    const whole = fs.readFileSync(dumpFile);
    fs.writeFileSync(cut, whole.subarray(0, Math.floor(whole.length * 0.8)));

    const target = await freshDatabase();
    await expect(restoreDatabase(target.pool, damaged)).rejects.toThrow(/checksum of table people/);
    await expect(restoreDatabase(target.pool, truncated)).rejects.toThrow(/truncated|lacks tables/);
    await expect(restoreDatabase(target.pool, cut)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(target.pool, path.join(tmp, "missing.gz"))).rejects.toThrow(/not found/);
    expect(Object.values(await rowCounts(target)).every((n) => n === 0)).toBe(true);

    // The same target still takes the good file afterwards.
    await restoreDatabase(target.pool, dumpFile);
    expect(await databaseChecksums(target.pool)).toEqual(await databaseChecksums(t.database.pool));
  });

  it.runIf(testDbMode() === "server")("moves a server database to the embedded one and back", async () => {
    const embedded = await freshDatabase("embedded");
    await restoreDatabase(embedded.pool, dumpFile);
    const again = path.join(tmp, "from-embedded.ndjson.gz");
    await backupDatabase(embedded.pool, again, { source: "embedded" });
    const server = await freshDatabase("server");
    await restoreDatabase(server.pool, again);
    expect(await databaseChecksums(server.pool)).toEqual(await databaseChecksums(t.database.pool));
  });

  it.runIf(testDbMode() === "embedded")("refuses an embedded database folder that is open elsewhere", async () => {
    const dir = path.join(tmp, "busy");
    const database = await openDatabase({ dataDir: dir, poolSize: 1 });
    try {
      expect(() => assertEmbeddedNotInUse(dir)).toThrow(/in use/);
    } finally {
      await database.close();
    }
    expect(() => assertEmbeddedNotInUse(dir)).not.toThrow();
  });
});

describe(`npm run db:backup / db:restore (${testDbMode()})`, () => {
  // The commands as an operator runs them: configured through DATA_DIR or DATABASE_URL.
  async function command(script: string, args: string[], env: Record<string, string>) {
    try {
      const r = await run(process.execPath, ["--import", "tsx", path.join("scripts", script), ...args], {
        cwd: projectRoot,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      });
      return { code: 0, out: r.stdout + r.stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, out: e.stdout + e.stderr };
    }
  }

  it("backs up and restores through the commands, and refuses a non-empty target", async () => {
    const file = path.join(tmp, "cli.ndjson.gz");
    let source: Record<string, string>;
    let target: Record<string, string>;
    let targetDb: () => Promise<Database>;
    let expected: Awaited<ReturnType<typeof databaseChecksums>>;
    if (testDbMode() === "embedded") {
      // The test app's database is in memory; make a small one on disk for the command to open.
      const dir = path.join(tmp, "cli-source");
      const db = await openDatabase({ dataDir: dir, poolSize: 1 });
      await migrate(db.pool);
      await buildOrganisation(db.db, { nameVi: "Sở Khoa học và Công nghệ" });
      await db.db.transaction((tx) =>
        audit(tx, { actor: null, ip: null, correlationId: "cli", clock: new TestClock(TEST_START) }, { action: "test.cli" as AuditAction }),
      );
      expected = await databaseChecksums(db.pool);
      await db.close();
      source = { DATA_DIR: dir };
      target = { DATA_DIR: path.join(tmp, "cli-target") };
      targetDb = () => openDatabase({ dataDir: path.join(tmp, "cli-target"), poolSize: 1 });
    } else {
      source = { DATABASE_URL: t.database.url };
      expected = await databaseChecksums(t.database.pool);
      const created = await createScratchDatabase(process.env.TEST_DATABASE_URL!);
      cleanups.push(created.drop);
      target = { DATABASE_URL: created.url };
      targetDb = () => openDatabase({ databaseUrl: created.url, poolSize: 1 });
    }

    const b = await command("db-backup.ts", [file], source);
    expect(b.out).toContain("audit chain: ok");
    expect(b.code).toBe(0);
    const r = await command("db-restore.ts", [file], target);
    expect(r.out).toContain("restored and verified");
    expect(r.code).toBe(0);
    const again = await command("db-restore.ts", [file], target);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/Cơ sở dữ liệu đích không trống[\s\S]*not empty/);
    const usage = await command("db-restore.ts", [], target);
    expect(usage.code).toBe(2);

    const restored = await targetDb();
    try {
      const sums = await databaseChecksums(restored.pool);
      expect(sums).toEqual(expected);
      expect(sums.organisations.rows).toBeGreaterThan(0);
      expect(sums.audit_log.rows).toBeGreaterThan(0);
      expect((await verifyAuditChain(restored.db)).ok).toBe(true);
    } finally {
      await restored.close();
    }
    // three commands, each a fresh Node process: slow to start on a loaded machine
  }, 240_000);
});
