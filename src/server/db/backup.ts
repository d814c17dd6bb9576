// Backup and restore (SECURITY.md 25), the same code for the embedded database and a PostgreSQL server: both are
// reached through node-postgres.
//
// A backup is a gzip'd NDJSON file, one JSON value per line:
//   {"kind":"khcn-backup","formatVersion":1,"createdAt":…,"source":"embedded"|"server","migration":…,"migrations":[…],"tables":[…]}
//   {"table":"organisations","columns":[{"name":"id","type":"uuid","kind":"text"},…]}
//   ["5f0c…","university","Trường Đại học …",…]          one array per row, values in the column order above
//   {"end":"organisations","rows":75,"checksum":"…"}
//   … the next table …
//   {"done":true,"tables":{"organisations":{"rows":75,"checksum":"…"},…},"auditChain":{"ok":true,"checked":12,"brokenAt":null}}
// Tables come in foreign-key order (parents first); schema_migrations is recorded in the header, not dumped.
// Derived tables (DERIVED_TABLES: summaries kept by triggers) are not dumped either: restore rebuilds them from the
// restored rows.
// Generated columns (search_text, given_name) are left out: the database recomputes them.
// Values: SQL NULL → null; integer and boolean → JSON number/boolean; bytea → base64 string; arrays → JSON arrays;
// json/jsonb → the JSON text as a string (exact: keeps JSON null apart from SQL NULL, and numbers as written);
// everything else → PostgreSQL's text form (timestamps in UTC, ISO style).
//
// A table's checksum is SHA-256 over its column names and the sorted SHA-256 of each row's line, so it does not
// depend on row order or collation. Restore recomputes it from the restored rows with the same reader.
//
// Restore goes into an EMPTY database: it applies the migrations up to the backup's, refuses if any table has
// rows, inserts every table in one transaction (foreign keys checked at the end of it, so self-references and
// cycles need no special order), resets the sequences, checks row counts, checksums and the audit chain, commits,
// and then applies any newer migrations this version of the application has.
import { dataDirHolder } from "./data-dir-lock.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import crypto from "node:crypto";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { once } from "node:events";
import type pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "./schema/index.js";
import { listMigrations, migrate } from "./migrate.js";
import { verifyAuditChain } from "../platform/audit.js";
import type { Config } from "../config.js";
import { openDatabase, type Database } from "./client.js";

export const BACKUP_KIND = "khcn-backup";
export const BACKUP_FORMAT_VERSION = 1;

/** An error meant for the operator, in Vietnamese and English. */
export class BackupError extends Error {
  constructor(
    public readonly vi: string,
    en: string,
  ) {
    super(en);
    this.name = "BackupError";
  }
}

type Kind = "text" | "int" | "bool" | "json" | "bytea" | "array";
type Value = string | number | boolean | null | unknown[];

export interface ColumnInfo {
  name: string;
  type: string;
  kind: Kind;
}

interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Columns fed by a sequence (serial, bigserial, identity) and the sequence's name. */
  sequences: { column: string; sequence: string }[];
  identityAlways: boolean;
}

interface ForeignKey {
  name: string;
  table: string;
  references: string;
  deferrable: boolean;
  deferred: boolean;
}

export interface TableSummary {
  rows: number;
  checksum: string;
}

export interface AuditChainStatus {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
}

export interface BackupSummary {
  file: string;
  migration: string;
  tables: Record<string, TableSummary>;
  auditChain: AuditChainStatus;
}

export interface RestoreSummary extends BackupSummary {
  /** Migrations applied after the restore because this version of the application is newer than the backup. */
  migratedTo: string;
}

interface Trailer {
  done: true;
  tables: Record<string, TableSummary>;
  auditChain: AuditChainStatus;
}

interface Header {
  kind: string;
  formatVersion: number;
  createdAt: string;
  source: string;
  migration: string;
  migrations: { id: string; checksum: string }[];
  tables: string[];
}

const ident = (name: string) => '"' + name.replace(/"/g, '""') + '"';
const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

// Text output that does not depend on the server's or the session's defaults.
async function fixOutputSettings(c: pg.ClientBase) {
  await c.query(
    "SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'",
  );
}

function kindOf(typname: string, typcategory: string): Kind {
  if (typcategory === "A") return "array";
  if (typname === "json" || typname === "jsonb") return "json";
  if (typname === "bytea") return "bytea";
  if (typname === "bool") return "bool";
  if (typname === "int2" || typname === "int4") return "int";
  return "text";
}

/** Tables derived from others by triggers: not dumped; restore runs their rebuild after inserting everything. */
export const DERIVED_TABLES: Record<string, string> = {
  dossier_output_totals: "SELECT task_stats_rebuild()",
  task_stat_deltas: "SELECT task_stats_rebuild()",
};

async function describeTables(c: pg.ClientBase): Promise<{ tables: TableInfo[]; foreignKeys: ForeignKey[] }> {
  const cols = await c.query<{
    table: string;
    name: string;
    type: string;
    typname: string;
    typcategory: string;
    identity: string;
    sequence: string | null;
  }>(
    `
    SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           bt.typname, bt.typcategory, a.attidentity AS identity,
           pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations' AND a.attgenerated = ''
       AND NOT (c.relname = ANY ($1::text[]))
     ORDER BY c.relname, a.attnum`,
    [Object.keys(DERIVED_TABLES)],
  );
  const pks = await c.query<{ table: string; column: string }>(`
    SELECT c.relname AS "table", a.attname AS "column"
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indisprimary AND n.nspname = 'public'
     ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`);
  const fks = await c.query<ForeignKey>(`
    SELECT k.conname AS name, t.relname AS "table", r.relname AS "references",
           k.condeferrable AS deferrable, k.condeferred AS deferred
      FROM pg_constraint k
      JOIN pg_class t ON t.oid = k.conrelid
      JOIN pg_class r ON r.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public'
     ORDER BY t.relname, k.conname`);

  const byName = new Map<string, TableInfo>();
  for (const r of cols.rows) {
    let t = byName.get(r.table);
    if (!t) byName.set(r.table, (t = { name: r.table, columns: [], primaryKey: [], sequences: [], identityAlways: false }));
    t.columns.push({ name: r.name, type: r.type, kind: kindOf(r.typname, r.typcategory) });
    if (r.sequence) t.sequences.push({ column: r.name, sequence: r.sequence });
    if (r.identity === "a") t.identityAlways = true;
  }
  for (const r of pks.rows) byName.get(r.table)?.primaryKey.push(r.column);
  return { tables: dependencyOrder([...byName.values()], fks.rows), foreignKeys: fks.rows };
}

/** Parents before children (alphabetical among equals); a cycle is broken at its alphabetically first table. */
function dependencyOrder(tables: TableInfo[], fks: ForeignKey[]): TableInfo[] {
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const fk of fks) if (fk.table !== fk.references) parents.get(fk.table)?.add(fk.references);
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: TableInfo[] = [];
  while (remaining.size) {
    const names = [...remaining.keys()].sort();
    const next = names.find((n) => [...parents.get(n)!].every((p) => !remaining.has(p))) ?? names[0];
    ordered.push(remaining.get(next)!);
    remaining.delete(next);
  }
  return ordered;
}

function selectExpression(col: ColumnInfo): string {
  const c = ident(col.name);
  if (col.kind === "array") return `to_json(${c})::text`;
  if (col.kind === "bytea") return `translate(encode(${c}, 'base64'), E'\\n', '')`;
  return `${c}::text`;
}

function encodeValue(kind: Kind, v: string | null): Value {
  if (v === null) return null;
  switch (kind) {
    case "int":
      return Number(v);
    case "bool":
      return v === "t";
    case "array":
      return JSON.parse(v) as unknown[];
    default:
      return v;
  }
}

function decodeValue(kind: Kind, v: Value): unknown {
  if (v === null) return null;
  if (kind === "bytea") return Buffer.from(v as string, "base64");
  return v;
}

/** Reads a table's rows in the backup's encoding, in batches, through a cursor (inside a transaction). */
async function* readRows(c: pg.ClientBase, table: string, columns: ColumnInfo[], primaryKey: string[]) {
  const cursor = "khcn_backup_" + crypto.randomBytes(4).toString("hex");
  const order = primaryKey.length ? ` ORDER BY ${primaryKey.map(ident).join(", ")}` : "";
  const batch = columns.some((col) => col.kind === "bytea") ? 20 : 1000;
  await c.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${columns.map(selectExpression).join(", ")} FROM ${ident(table)}${order}`);
  try {
    for (;;) {
      const r = await c.query<string[]>({ text: `FETCH ${batch} FROM ${cursor}`, rowMode: "array" });
      for (const row of r.rows) yield row.map((v, i) => encodeValue(columns[i].kind, v));
      if (r.rows.length < batch) break;
    }
  } finally {
    await c.query(`CLOSE ${cursor}`);
  }
}

/** Order-independent checksum of a table: its column names and the sorted hashes of its row lines. */
class TableHasher {
  private hashes: string[] = [];
  constructor(private columns: string[]) {}
  add(line: string) {
    this.hashes.push(sha256(line));
  }
  get rows() {
    return this.hashes.length;
  }
  digest(): string {
    return sha256(JSON.stringify(this.columns) + "\n" + this.hashes.sort().join("\n"));
  }
}

/** Row counts and checksums of the given tables as they are now (inside the caller's transaction). */
async function summarise(c: pg.ClientBase, tables: { name: string; columns: ColumnInfo[]; primaryKey: string[] }[]) {
  const out: Record<string, TableSummary> = {};
  for (const t of tables) {
    const h = new TableHasher(t.columns.map((col) => col.name));
    for await (const row of readRows(c, t.name, t.columns, t.primaryKey)) h.add(JSON.stringify(row));
    out[t.name] = { rows: h.rows, checksum: h.digest() };
  }
  return out;
}

async function auditChainOf(c: pg.PoolClient): Promise<AuditChainStatus> {
  return verifyAuditChain(drizzle(c, { schema }));
}

/** Row counts and checksums of every application table, computed exactly as backup and restore do. */
export async function databaseChecksums(pool: pg.Pool): Promise<Record<string, TableSummary>> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await fixOutputSettings(c);
    const { tables } = await describeTables(c);
    return await summarise(c, tables);
  } finally {
    await c.query("ROLLBACK").catch(() => undefined);
    c.release();
  }
}

/** Writes a consistent snapshot of the database to `file` (gzip'd NDJSON). */
export async function backupDatabase(pool: pg.Pool, file: string, opts: { source?: string } = {}): Promise<BackupSummary> {
  const target = path.resolve(file);
  const partial = target + ".partial";
  const c = await pool.connect();
  const gz = zlib.createGzip();
  const written = pipeline(gz, fs.createWriteStream(partial));
  const write = async (value: unknown) => {
    if (!gz.write(JSON.stringify(value) + "\n")) await once(gz, "drain");
  };
  try {
    // One snapshot for the whole file, so counts and checksums match the rows and the tables match each other.
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await fixOutputSettings(c);
    const hasMigrations = await c.query("SELECT to_regclass('public.schema_migrations') IS NOT NULL AS ok");
    if (!hasMigrations.rows[0].ok)
      throw new BackupError("Cơ sở dữ liệu chưa có lược đồ KHCN (chưa chạy migration).", "The database has no KHCN schema (no migrations applied).");
    const migrations = (await c.query<{ id: string; checksum: string }>("SELECT id, checksum FROM schema_migrations ORDER BY id")).rows;
    const { tables } = await describeTables(c);
    const header: Header = {
      kind: BACKUP_KIND,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: opts.source ?? "unknown",
      migration: migrations.at(-1)?.id ?? "",
      migrations,
      tables: tables.map((t) => t.name),
    };
    await write(header);
    const summary: Record<string, TableSummary> = {};
    for (const t of tables) {
      await write({ table: t.name, columns: t.columns });
      const h = new TableHasher(t.columns.map((col) => col.name));
      for await (const row of readRows(c, t.name, t.columns, t.primaryKey)) {
        const line = JSON.stringify(row);
        h.add(line);
        if (!gz.write(line + "\n")) await once(gz, "drain");
      }
      summary[t.name] = { rows: h.rows, checksum: h.digest() };
      await write({ end: t.name, ...summary[t.name] });
    }
    const auditChain = await auditChainOf(c);
    await write({ done: true, tables: summary, auditChain });
    gz.end();
    await written;
    await c.query("COMMIT");
    fs.renameSync(partial, target);
    return { file: target, migration: header.migration, tables: summary, auditChain };
  } catch (err) {
    gz.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    await c.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/** The lines of a backup file, parsed, in order. */
async function* readBackupLines(file: string): AsyncGenerator<unknown> {
  if (!fs.existsSync(file)) throw new BackupError(`Không tìm thấy tệp sao lưu: ${file}`, `Backup file not found: ${file}`);
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (!line) continue;
      try {
        yield JSON.parse(line) as unknown;
      } catch {
        throw new BackupError(`Tệp sao lưu hỏng ở dòng ${n}.`, `The backup file is damaged at line ${n}.`);
      }
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(
      `Không đọc được tệp sao lưu (không phải tệp gzip hoặc bị cắt cụt): ${(err as Error).message}`,
      `Cannot read the backup file (not gzip, or truncated): ${(err as Error).message}`,
    );
  }
}

function checkHeader(value: unknown): Header {
  const h = value as Header | undefined;
  if (!h || h.kind !== BACKUP_KIND) throw new BackupError("Tệp này không phải bản sao lưu KHCN.", "This file is not a KHCN backup.");
  if (h.formatVersion !== BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `Phiên bản định dạng sao lưu ${h.formatVersion} không được hỗ trợ (cần ${BACKUP_FORMAT_VERSION}).`,
      `Backup format version ${h.formatVersion} is not supported (expected ${BACKUP_FORMAT_VERSION}).`,
    );
  // The backup's migrations must be the first migrations of this version of the application, unchanged.
  const known = listMigrations();
  h.migrations.forEach((m, i) => {
    if (known[i]?.id !== m.id || known[i]?.checksum !== m.checksum)
      throw new BackupError(
        `Bản sao lưu được tạo ở migration ${h.migration}, không khớp với phiên bản ứng dụng này (khác ở ${m.id}). Hãy khôi phục bằng phiên bản ứng dụng đã tạo bản sao lưu.`,
        `The backup was made at migration ${h.migration}, which does not match this version of the application (differs at ${m.id}). Restore it with the version that made it.`,
      );
  });
  return h;
}

/** Applies this application's migrations up to and including `id` (the backup's schema). */
async function migrateTo(pool: pg.Pool, id: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-migrations-"));
  try {
    for (const m of listMigrations()) if (m.id <= id) fs.writeFileSync(path.join(dir, m.id + ".sql"), m.sql);
    await migrate(pool, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Restores a backup into an empty database, verifies it, and brings it to this version's newest migration. */
export async function restoreDatabase(pool: pg.Pool, file: string): Promise<RestoreSummary> {
  const lines = readBackupLines(path.resolve(file));
  try {
    return await restoreFrom(pool, file, lines);
  } finally {
    await lines.return(undefined);
  }
}

async function restoreFrom(pool: pg.Pool, file: string, lines: AsyncGenerator<unknown>): Promise<RestoreSummary> {
  const first = await lines.next();
  const header = checkHeader(first.done ? undefined : first.value);

  await migrateTo(pool, header.migration);
  const applied = (await pool.query<{ id: string }>("SELECT id FROM schema_migrations ORDER BY id")).rows.map((r) => r.id);
  if (applied.join() !== header.migrations.map((m) => m.id).join())
    throw new BackupError(
      `Cơ sở dữ liệu đích đang ở migration ${applied.at(-1)}, khác với bản sao lưu (${header.migration}). Hãy khôi phục vào một cơ sở dữ liệu mới, trống.`,
      `The target database is at migration ${applied.at(-1)}, not the backup's (${header.migration}). Restore into a new, empty database.`,
    );

  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await fixOutputSettings(c);
    const { tables, foreignKeys } = await describeTables(c);
    const byName = new Map(tables.map((t) => [t.name, t]));

    const notEmpty: string[] = [];
    for (const t of tables) if ((await c.query(`SELECT EXISTS (SELECT 1 FROM ${ident(t.name)}) AS x`)).rows[0].x) notEmpty.push(t.name);
    if (notEmpty.length)
      throw new BackupError(
        `Cơ sở dữ liệu đích không trống (có dữ liệu trong: ${notEmpty.join(", ")}). Chỉ khôi phục vào một cơ sở dữ liệu mới, trống.`,
        `The target database is not empty (rows in: ${notEmpty.join(", ")}). Restore only into a new, empty database.`,
      );

    // Foreign keys are checked once, at the end: rows may then come in any order (self-references, cycles).
    const toDefer = foreignKeys.filter((fk) => !fk.deferred);
    for (const fk of toDefer) await c.query(`ALTER TABLE ${ident(fk.table)} ALTER CONSTRAINT ${ident(fk.name)} DEFERRABLE INITIALLY DEFERRED`);

    const seen = new Map<string, TableSummary>();
    let current: { info: TableInfo; columns: ColumnInfo[]; hasher: TableHasher } | null = null;
    let batch: unknown[][] = [];
    let batchBytes = 0;
    let trailer: Trailer | null = null;

    const flush = async () => {
      if (!current || !batch.length) return;
      const cols = current.columns;
      const values = batch.map((_, r) => "(" + cols.map((_, i) => "$" + (r * cols.length + i + 1)).join(", ") + ")");
      await c.query(
        `INSERT INTO ${ident(current.info.name)} (${cols.map((col) => ident(col.name)).join(", ")})` +
          (current.info.identityAlways ? " OVERRIDING SYSTEM VALUE" : "") +
          ` VALUES ${values.join(", ")}`,
        batch.flat(),
      );
      batch = [];
      batchBytes = 0;
    };

    for await (const line of lines) {
      if (trailer) throw new BackupError("Tệp sao lưu có dữ liệu sau phần kết.", "The backup file has data after its end.");
      if (Array.isArray(line)) {
        if (!current) throw new BackupError("Tệp sao lưu hỏng (dòng dữ liệu ngoài bảng).", "The backup file is damaged (a row outside a table).");
        if (line.length !== current.columns.length)
          throw new BackupError(
            `Tệp sao lưu hỏng (số cột sai ở bảng ${current.info.name}).`,
            `The backup file is damaged (wrong column count in ${current.info.name}).`,
          );
        const text = JSON.stringify(line);
        current.hasher.add(text);
        batch.push(line.map((v, i) => decodeValue(current!.columns[i].kind, v as Value)));
        batchBytes += text.length;
        if (batch.length * current.columns.length >= 30_000 || batchBytes >= 8_000_000) await flush();
        continue;
      }
      const obj = line as Record<string, unknown>;
      if (typeof obj.table === "string") {
        const info = byName.get(obj.table);
        const columns = obj.columns as ColumnInfo[];
        const want = info?.columns.map((col) => `${col.name} ${col.type}`).join(", ");
        const got = columns.map((col) => `${col.name} ${col.type}`).join(", ");
        if (!info || want !== got)
          throw new BackupError(
            `Bảng ${obj.table} trong bản sao lưu không khớp với lược đồ (${got} ≠ ${want ?? "không có bảng"}).`,
            `Table ${obj.table} in the backup does not match the schema (${got} ≠ ${want ?? "no such table"}).`,
          );
        current = { info, columns: info.columns, hasher: new TableHasher(columns.map((col) => col.name)) };
      } else if (typeof obj.end === "string") {
        await flush();
        if (!current || current.info.name !== obj.end || current.hasher.rows !== obj.rows || current.hasher.digest() !== obj.checksum)
          throw new BackupError(
            `Tệp sao lưu hỏng: số dòng hoặc checksum của bảng ${obj.end} không khớp với nội dung.`,
            `The backup file is damaged: the row count or checksum of table ${obj.end} does not match its rows.`,
          );
        seen.set(obj.end, { rows: current.hasher.rows, checksum: current.hasher.digest() });
        current = null;
      } else if (obj.done === true) {
        trailer = obj as unknown as Trailer;
      }
    }
    if (!trailer) throw new BackupError("Tệp sao lưu bị cắt cụt (thiếu phần kết).", "The backup file is truncated (no end record).");
    const missing = tables.filter((t) => !seen.has(t.name)).map((t) => t.name);
    if (missing.length) throw new BackupError(`Tệp sao lưu thiếu các bảng: ${missing.join(", ")}.`, `The backup file lacks tables: ${missing.join(", ")}.`);

    // Derived tables: the triggers filled them while rows arrived (before their inputs were all there); recompute.
    const rebuilds = new Set<string>();
    for (const [table, rebuild] of Object.entries(DERIVED_TABLES))
      if ((await c.query("SELECT to_regclass($1) IS NOT NULL AS ok", [`public.${table}`])).rows[0].ok) rebuilds.add(rebuild);
    for (const rebuild of rebuilds) await c.query(rebuild);

    // Check the foreign keys now, then give the constraints back their declared behaviour.
    try {
      await c.query("SET CONSTRAINTS ALL IMMEDIATE");
    } catch (err) {
      throw new BackupError(
        `Dữ liệu khôi phục vi phạm khóa ngoại: ${(err as Error).message}`,
        `The restored rows break a foreign key: ${(err as Error).message}`,
      );
    }
    for (const fk of toDefer)
      await c.query(`ALTER TABLE ${ident(fk.table)} ALTER CONSTRAINT ${ident(fk.name)} ${fk.deferrable ? "DEFERRABLE INITIALLY IMMEDIATE" : "NOT DEFERRABLE"}`);

    // New rows continue after the restored ones (audit_log.id and any other sequence-fed column).
    for (const t of tables)
      for (const s of t.sequences)
        await c.query(`SELECT setval($1::regclass, coalesce(max(${ident(s.column)}), 1), max(${ident(s.column)}) IS NOT NULL) FROM ${ident(t.name)}`, [
          s.sequence,
        ]);

    // Verify what the database now holds, read back the way the backup was written.
    const restored = await summarise(c, tables);
    const wrong = tables
      .filter((t) => restored[t.name].rows !== trailer!.tables[t.name]?.rows || restored[t.name].checksum !== trailer!.tables[t.name]?.checksum)
      .map((t) => `${t.name} (${restored[t.name].rows}/${trailer!.tables[t.name]?.rows})`);
    if (wrong.length)
      throw new BackupError(
        `Dữ liệu sau khôi phục không khớp với bản sao lưu ở các bảng: ${wrong.join(", ")}. Không có gì được ghi.`,
        `The restored data does not match the backup in: ${wrong.join(", ")}. Nothing was written.`,
      );
    const auditChain = await auditChainOf(c);
    if (auditChain.ok !== trailer.auditChain.ok || auditChain.checked !== trailer.auditChain.checked || auditChain.brokenAt !== trailer.auditChain.brokenAt)
      throw new BackupError(
        "Chuỗi băm của nhật ký kiểm toán sau khôi phục khác với lúc sao lưu. Không có gì được ghi.",
        "The audit log's hash chain after restore differs from the backup's. Nothing was written.",
      );
    await c.query("COMMIT");
    const migratedTo = await migrate(pool);
    return { file: path.resolve(file), migration: header.migration, migratedTo, tables: restored, auditChain };
  } catch (err) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

// ─── Opening the database from the command line ───────────────────────────

/**
 * The embedded database has one owner (db/data-dir-lock.ts): a running KHCN server holds DATA_DIR/khcn.lock.
 * A lock left by a crashed process is taken over automatically.
 */
export function assertEmbeddedNotInUse(dataDir: string) {
  const pid = dataDirHolder(dataDir);
  if (pid !== null)
    throw new BackupError(
      `Cơ sở dữ liệu nhúng ở ${dataDir} đang được tiến trình ${pid} dùng (máy chủ KHCN đang chạy). Hãy dừng ứng dụng rồi chạy lại lệnh.`,
      `The embedded database in ${dataDir} is in use by process ${pid} (a KHCN server is running). Stop the application and run the command again.`,
    );
}

/**
 * Opens the configured database for a maintenance command: the PostgreSQL server of DATABASE_URL, or the embedded
 * database in DATA_DIR (which the application must not be using at the same time).
 */
export async function openForMaintenance(config: Config, opts: { mustExist: boolean }): Promise<Database> {
  if (!config.databaseUrl) {
    if (opts.mustExist && !fs.existsSync(path.join(config.dataDir, "PG_VERSION")))
      throw new BackupError(
        `Không có cơ sở dữ liệu nhúng trong ${config.dataDir} (DATA_DIR).`,
        `There is no embedded database in ${config.dataDir} (DATA_DIR).`,
      );
    assertEmbeddedNotInUse(config.dataDir);
  }
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
}

/** A printable table of row counts and checksums. */
export function summaryLines(s: BackupSummary): string[] {
  const names = Object.keys(s.tables);
  const w = Math.max(...names.map((n) => n.length), 5);
  return [
    ...names.map((n) => `  ${n.padEnd(w)}  ${String(s.tables[n].rows).padStart(9)}  ${s.tables[n].checksum.slice(0, 16)}`),
    `  audit chain: ${s.auditChain.ok ? "ok" : `broken at id ${s.auditChain.brokenAt}`} (${s.auditChain.checked} rows)`,
  ];
}
