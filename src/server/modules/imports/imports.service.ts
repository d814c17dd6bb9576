// Excel imports (nhập dữ liệu từ Excel), SECURITY.md 24.
// Upload: the file is checked (platform/uploads.ts), parsed, and every row validated column by column; the result
// (rows, errors) is stored as an import of the uploader. The same file (SHA-256) or the same Idempotency-Key again
// gives the same import. Commit: ONE transaction re-checks the database, inserts every row with set-based
// statements, marks the import committed and writes one audit row — all or nothing; a second commit inserts nothing.
import crypto from "node:crypto";
import type ExcelJS from "exceljs";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { files, imports } from "../../db/schema/index.js";
import type { Ctx, Executor } from "../../platform/context.js";
import { AppError, badInput, forbidden, notFound } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { abilitiesOf, authorize } from "../../platform/policy.js";
import { t, type Lang } from "../../platform/messages.js";
import { storeFile, type Upload } from "../../platform/uploads.js";
import { slicer } from "../../platform/slices.js";
import { cellText, streamSheets, writeWorkbook, type SheetLimits, type SheetSpec } from "../../platform/xlsx.js";
import {
  loadCodeLists,
  normaliseHeader,
  resolveOrganisations,
  type ImportKind,
  type ImportKindKey,
  type Lookups,
  type RowError,
  type StoredRow,
} from "./columns.js";
import { importKinds } from "./kinds/index.js";
import { importPolicy } from "./imports.policy.js";
import type { CommitResult, ImportView } from "./imports.schemas.js";
import { vietnamDate } from "../../platform/clock.js";

/** Rows per file. Larger lists are split into several files. */
export const MAX_IMPORT_ROWS = 20_000;
/** Errors kept and shown per import (errorCount counts them all). */
const MAX_STORED_ERRORS = 1000;
const PREVIEW_ROWS = 20;
/** Rows searched for the header row at the top of the sheet. */
const HEADER_SEARCH_ROWS = 10;

function kindOf(key: string): ImportKind {
  const kind = importKinds[key as ImportKindKey];
  if (!kind) throw badInput("import.unknown_kind");
  return kind;
}

// ─── Reading and validating a workbook ───

/**
 * What an import reads of a workbook (ARCHITECTURE.md, "Imports, exports and files"): the parts it parses unpack to
 * at most 40 MiB — 20,000 rows of about 2 KiB of sheet XML, far more than a filled template needs and far below the
 * general zip-bomb limit of uploads — else 413 before parsing; the rows are streamed and reading stops at the first
 * row over MAX_IMPORT_ROWS below the header with a value (400 naming the limit). Formatted rows without values do
 * not count.
 */
export const IMPORT_SHEET_LIMITS: SheetLimits = { maxPartBytes: 40 * 1024 * 1024 };

interface Header {
  headerRow: number;
  /** column key → column number */
  columns: Map<string, number>;
}

interface RawRow {
  row: number;
  cells: Map<string, string>;
}

const tooManyRows = () => new AppError("TOO_MANY_ROWS", 400, "import.too_many_rows", null, { max: MAX_IMPORT_ROWS });

/**
 * The data rows of the workbook: the header row is the row among the top rows of a sheet that names the most of the
 * kind's columns, in the first sheet that has one (the data sheet comes first; later sheets such as “Danh mục” are
 * reference only); the rows below it with a value in one of the kind's columns are the data.
 */
async function readTable(content: Buffer, kind: ImportKind, lang: Lang): Promise<RawRow[]> {
  const aliases = new Map<string, string>();
  for (const c of kind.columns) for (const a of [c.key, c.label.en, c.label.vi]) aliases.set(normaliseHeader(a), c.key);
  const headerIn = (rows: ExcelJS.Row[]): Header | null => {
    let best = null as Header | null;
    for (const row of rows) {
      const found = new Map<string, number>();
      row.eachCell((cell, col) => {
        const text = cellText(cell.value);
        const key = text ? aliases.get(normaliseHeader(text)) : undefined;
        if (key && !found.has(key)) found.set(key, col);
      });
      if (found.size && (!best || found.size > best.columns.size)) best = { headerRow: row.number, columns: found };
    }
    return best;
  };

  const pause = slicer();
  const out: RawRow[] = [];
  let header: Header | null = null;
  let filled = 0; // rows below the header with a value in any column
  const take = (row: ExcelJS.Row) => {
    if (!row.hasValues) return;
    // The row limit stops the reading here: rows past it are never parsed.
    if (++filled > MAX_IMPORT_ROWS) throw tooManyRows();
    const cells = new Map<string, string>();
    for (const [key, col] of header!.columns) {
      const text = cellText(row.getCell(col).value);
      if (text !== null) cells.set(key, text);
    }
    if (cells.size) out.push({ row: row.number, cells });
  };

  for await (const sheet of streamSheets(content, IMPORT_SHEET_LIMITS)) {
    const top: ExcelJS.Row[] = [];
    for await (const row of sheet.rows) {
      if (!header) {
        if (row.number <= HEADER_SEARCH_ROWS) {
          top.push(row);
          continue;
        }
        header = headerIn(top);
        if (!header) break; // no header at the top of this sheet: the next one
        for (const r of top) if (r.number > header.headerRow) take(r);
      }
      take(row);
      await pause();
    }
    if (!header) {
      header = headerIn(top);
      if (header) for (const r of top) if (r.number > header.headerRow) take(r);
    }
    if (header) break;
  }

  const missing = kind.columns.filter((c) => c.required && !header?.columns.has(c.key));
  if (!header || missing.length) {
    const names = (missing.length ? missing : kind.columns.filter((c) => c.required)).map((c) => c.label[lang]);
    throw badInput("import.missing_columns", { columns: names.join(", ") });
  }
  if (!out.length) throw badInput("import.empty");
  return out;
}

async function buildLookups(db: Executor, day: string, kind: ImportKind, raw: RawRow[]): Promise<Lookups> {
  const lists = await loadCodeLists(
    db,
    day,
    kind.columns.flatMap((c) => (c.codeList ? [c.codeList] : [])),
  );
  const refColumns = kind.columns.filter((c) => c.organisationRef).map((c) => c.key);
  const names = raw.flatMap((r) => refColumns.map((k) => r.cells.get(k)).filter((v): v is string => !!v));
  return {
    codes: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v!.matcher])),
    organisations: await resolveOrganisations(db, names),
  };
}

const clip = (v: string | null) => (v === null ? null : v.length > 200 ? v.slice(0, 200) + "…" : v);

interface Validation {
  rows: StoredRow[];
  errors: RowError[];
}

/** Parses every cell, then finds duplicates inside the file and against the database. */
async function validateWorkbook(db: Executor, day: string, kind: ImportKind, content: Buffer, lang: Lang): Promise<Validation> {
  const raw = await readTable(content, kind, lang);
  const lookups = await buildLookups(db, day, kind, raw);
  const errors: RowError[] = [];
  const failed = new Set<string>(); // "row:column" with an error already
  const rawByRow = new Map(raw.map((r) => [r.row, r.cells]));
  const pause = slicer();

  const rows: StoredRow[] = [];
  for (const { row, cells } of raw) {
    const rec: StoredRow = { row, id: crypto.randomUUID() };
    for (const col of kind.columns) {
      const value = cells.get(col.key) ?? null;
      if (value === null) {
        rec[col.key] = col.empty ?? null;
        if (col.required) {
          errors.push({ row, column: col.key, value: null, key: "import.required" });
          failed.add(`${row}:${col.key}`);
        }
        continue;
      }
      const p = col.parse(value, lookups);
      if (p.ok) {
        rec[col.key] = p.value;
        Object.assign(rec, p.extra);
      } else {
        rec[col.key] = col.empty ?? null;
        errors.push({ row, column: col.key, value: clip(value), key: p.key, params: p.params });
        failed.add(`${row}:${col.key}`);
      }
    }
    rows.push(rec);
    await pause();
  }

  for (const rec of rows) {
    for (const e of kind.checkRow?.(rec) ?? []) {
      if (failed.has(`${rec.row}:${e.column}`)) continue;
      errors.push({ ...e, row: rec.row, value: clip(rawByRow.get(rec.row)?.get(e.column) ?? null) });
      failed.add(`${rec.row}:${e.column}`);
    }
    await pause();
  }

  for (const uk of kind.uniqueKeys) {
    const first = new Map<string, number>();
    for (const rec of rows) {
      if (failed.has(`${rec.row}:${uk.column}`)) continue;
      const k = uk.key(rec);
      if (k === null) continue;
      const seen = first.get(k);
      if (seen === undefined) first.set(k, rec.row);
      else {
        const cell = rawByRow.get(rec.row)?.get(uk.column) ?? null;
        errors.push({ row: rec.row, column: uk.column, value: clip(cell), key: "import.duplicate_in_file", params: { row: seen } });
        failed.add(`${rec.row}:${uk.column}`);
      }
    }
  }

  // Only the keys the check reads go to the database (the rows themselves are stored once, with the import).
  const checked = Object.keys(kind.checkedColumns);
  const keys = rows.map((rec) => Object.fromEntries(checked.map((k) => [k, rec[k] ?? null])));
  for (const e of await kind.checkDatabase(db, sql`${JSON.stringify(keys)}::jsonb`)) {
    if (failed.has(`${e.row}:${e.column}`)) continue;
    const cell = rawByRow.get(e.row)?.get(e.column) ?? e.value;
    errors.push({ ...e, value: clip(cell) });
  }

  const order = new Map(kind.columns.map((c, i) => [c.key, i]));
  errors.sort((a, b) => a.row - b.row || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
  return { rows, errors };
}

// ─── Upload ───

interface ImportHead {
  id: string;
  status: "invalid" | "ready" | "committed";
  fileSha256: string;
  version: number;
}

/** The uploader's import with this Idempotency-Key, else with this file content. */
async function findExisting(db: Executor, kind: ImportKindKey, userId: string, sha256: string, key: string | null) {
  const rows = await db
    .select({ id: imports.id, status: imports.status, fileSha256: imports.fileSha256, version: imports.version, idempotencyKey: imports.idempotencyKey })
    .from(imports)
    .where(
      and(
        eq(imports.kind, kind),
        eq(imports.createdBy, userId),
        key ? or(eq(imports.idempotencyKey, key), eq(imports.fileSha256, sha256)) : eq(imports.fileSha256, sha256),
      ),
    );
  return (rows.find((r) => key && r.idempotencyKey === key) ?? rows[0] ?? null) as ImportHead | null;
}

class UploadRace extends Error {}

export async function uploadImport(ctx: Ctx, kindKey: ImportKindKey, receive: () => Promise<Upload>, idempotencyKey: string | null): Promise<ImportView> {
  const kind = kindOf(kindKey);
  const actor = ctx.actor!;
  if (!kind.canImport(actor)) throw forbidden();
  const upload = await receive();

  const existing = await findExisting(ctx.db, kind.kind, actor.userId, upload.sha256, idempotencyKey);
  if (existing) {
    // The same file again: an invalid import is checked again (the registry may have changed since), same id.
    if (existing.status === "invalid" && existing.fileSha256 === upload.sha256) await revalidate(ctx, kind, existing, upload);
    return getImport(ctx, existing.id);
  }

  const { rows, errors } = await validateWorkbook(ctx.db, vietnamDate(ctx.clock.now()), kind, upload.content, ctx.lang);
  const status = errors.length ? "invalid" : "ready";
  try {
    const id = await ctx.db.transaction(async (tx) => {
      const fileId = await storeFile(tx, upload, actor.userId, ctx.clock.now());
      const [row] = await tx
        .insert(imports)
        .values({
          kind: kind.kind,
          fileId,
          fileSha256: upload.sha256,
          idempotencyKey,
          status,
          totalRows: rows.length,
          errorCount: errors.length,
          errors: errors.slice(0, MAX_STORED_ERRORS),
          rows,
          createdBy: actor.userId,
          createdAt: ctx.clock.now(),
        })
        .onConflictDoNothing()
        .returning({ id: imports.id });
      if (!row) throw new UploadRace();
      await audit(tx, ctx, {
        action: "import.upload",
        entityType: "import",
        entityId: row.id,
        details: { kind: kind.kind, fileName: upload.originalName, sha256: upload.sha256, totalRows: rows.length, errorCount: errors.length, status },
      });
      return row.id;
    });
    return getImport(ctx, id);
  } catch (e) {
    if (!(e instanceof UploadRace)) throw e;
    // The same upload arrived twice at once: the other request created the import.
    const other = await findExisting(ctx.db, kind.kind, actor.userId, upload.sha256, idempotencyKey);
    if (!other) throw e;
    return getImport(ctx, other.id);
  }
}

async function revalidate(ctx: Ctx, kind: ImportKind, existing: ImportHead, upload: Upload) {
  const { rows, errors } = await validateWorkbook(ctx.db, vietnamDate(ctx.clock.now()), kind, upload.content, ctx.lang);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(imports)
      .set({
        status: errors.length ? "invalid" : "ready",
        totalRows: rows.length,
        errorCount: errors.length,
        errors: errors.slice(0, MAX_STORED_ERRORS),
        rows,
        version: sql`${imports.version} + 1`,
      })
      .where(and(eq(imports.id, existing.id), eq(imports.status, "invalid"), eq(imports.version, existing.version)))
      .returning({ id: imports.id });
    if (!updated.length) return; // changed meanwhile: the caller reads the current state
    await audit(tx, ctx, {
      action: "import.revalidate",
      entityType: "import",
      entityId: existing.id,
      details: { kind: kind.kind, totalRows: rows.length, errorCount: errors.length },
    });
  });
}

// ─── Reading an import ───

export async function getImport(ctx: Ctx, id: string): Promise<ImportView> {
  const [r] = await ctx.db
    .select({
      id: imports.id,
      kind: imports.kind,
      status: imports.status,
      createdBy: imports.createdBy,
      totalRows: imports.totalRows,
      errorCount: imports.errorCount,
      errors: imports.errors,
      createdAt: imports.createdAt,
      committedAt: imports.committedAt,
      fileName: files.originalName,
      // The first rows only, without unfolding the whole stored array (20,000 rows).
      preview: sql<StoredRow[]>`jsonb_path_query_array(${imports.rows}, ${`$[0 to ${PREVIEW_ROWS - 1}]`}::jsonpath)`,
      created: sql<number | null>`jsonb_array_length(${imports.createdIds})`,
    })
    .from(imports)
    .leftJoin(files, eq(files.id, imports.fileId))
    .where(eq(imports.id, id));
  if (!r) throw notFound();
  authorize(ctx.actor, importPolicy, "read", r);
  const kind = kindOf(r.kind);
  const lang = ctx.lang;
  const byKey = new Map(kind.columns.map((c) => [c.key, c]));
  return {
    id: r.id,
    kind: kind.kind,
    status: r.status,
    fileName: r.fileName,
    totalRows: r.totalRows,
    errorCount: r.errorCount,
    errors: (r.errors as RowError[]).map((e) => ({
      row: e.row,
      column: e.column,
      columnLabel: byKey.get(e.column)?.label[lang] ?? e.column,
      value: e.value,
      // A message naming another column (params.columnKey) names it in the reader's language.
      message: t(lang, e.key, { ...e.params, column: byKey.get(String(e.params?.columnKey))?.label[lang] }),
    })),
    columns: kind.columns.map((c) => ({ key: c.key, label: c.label[lang], required: !!c.required })),
    preview: (r.preview ?? []).map((rec) => ({ row: rec.row, ...Object.fromEntries(kind.columns.map((c) => [c.key, rec[c.key] ?? null])) })),
    created: r.created === null ? null : Number(r.created),
    createdAt: r.createdAt.toISOString(),
    committedAt: r.committedAt?.toISOString() ?? null,
    abilities: abilitiesOf(ctx.actor, importPolicy, r),
  };
}

// ─── Commit ───

type CommitOutcome = { kind: "committed"; created: number } | { kind: "stale"; errorCount: number };

export async function commitImport(ctx: Ctx, id: string): Promise<CommitResult> {
  let kindKey: string | null = null;
  let outcome: CommitOutcome;
  try {
    outcome = await ctx.db.transaction(async (tx): Promise<CommitOutcome> => {
      // The row lock makes concurrent commits of one import wait here, then see it committed.
      const [imp] = await tx
        .select({
          id: imports.id,
          kind: imports.kind,
          status: imports.status,
          version: imports.version,
          createdBy: imports.createdBy,
          totalRows: imports.totalRows,
          errorCount: imports.errorCount,
          fileSha256: imports.fileSha256,
          created: sql<number | null>`jsonb_array_length(${imports.createdIds})`,
        })
        .from(imports)
        .where(eq(imports.id, id))
        .for("update");
      if (!imp) throw notFound();
      authorize(ctx.actor, importPolicy, "read", imp);
      if (imp.status === "committed") return { kind: "committed", created: Number(imp.created ?? 0) };
      authorize(ctx.actor, importPolicy, "commit", imp);
      if (imp.status === "invalid") throw new AppError("IMPORT_INVALID", 409, "import.has_errors", null, { count: imp.errorCount });
      const kind = kindOf(imp.kind);
      kindKey = kind.kind;
      const source: SQL = sql`(SELECT i.rows FROM imports i WHERE i.id = ${id})`;

      // The registry may have changed since the upload (someone registered the same organisation meanwhile).
      const fresh = await kind.checkDatabase(tx, source);
      if (fresh.length) {
        await tx
          .update(imports)
          .set({ status: "invalid", errors: fresh.slice(0, MAX_STORED_ERRORS), errorCount: fresh.length, version: sql`${imports.version} + 1` })
          .where(and(eq(imports.id, id), eq(imports.status, "ready"), eq(imports.version, imp.version)));
        await audit(tx, ctx, {
          action: "import.commit",
          outcome: "failure",
          entityType: "import",
          entityId: id,
          details: { kind: kind.kind, reason: "changed_since_upload", errorCount: fresh.length },
        });
        return { kind: "stale", errorCount: fresh.length };
      }

      const created = await kind.insertAll(tx, ctx, source);
      const done = await tx
        .update(imports)
        .set({
          status: "committed",
          committedAt: ctx.clock.now(),
          createdIds: sql`jsonb_path_query_array("imports"."rows", '$[*].id')`,
          version: sql`${imports.version} + 1`,
        })
        .where(and(eq(imports.id, id), eq(imports.status, "ready"), eq(imports.version, imp.version)))
        .returning({ id: imports.id });
      if (!done.length) throw new AppError("VERSION_CONFLICT", 409, "error.conflict_version");
      await audit(tx, ctx, {
        action: "import.commit",
        entityType: "import",
        entityId: id,
        details: { kind: kind.kind, created, totalRows: imp.totalRows, fileSha256: imp.fileSha256 },
      });
      return { kind: "committed", created };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = databaseErrorCode(e);
    // A row the database refuses (a constraint no check above knows): nothing was written; say so, and record it.
    if (code && (code.startsWith("23") || code.startsWith("22"))) {
      await ctx.db.transaction((tx) =>
        audit(tx, ctx, {
          action: "import.commit",
          outcome: "failure",
          entityType: "import",
          entityId: id,
          details: { kind: kindKey, reason: "database_refused", sqlState: code },
        }),
      );
      throw new AppError("IMPORT_FAILED", 409, "import.commit_failed");
    }
    throw e;
  }
  if (outcome.kind === "stale") throw new AppError("IMPORT_STALE", 409, "import.changed_since_upload", null, { count: outcome.errorCount });
  return { id, status: "committed", created: outcome.created };
}

/** SQLSTATE of a database error, also when Drizzle wraps the driver's error. */
function databaseErrorCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return null;
}

// ─── Template ───

export async function importTemplate(ctx: Ctx, kindKey: ImportKindKey): Promise<{ fileName: string; content: Buffer }> {
  const kind = kindOf(kindKey);
  if (!kind.canImport(ctx.actor!)) throw forbidden();
  const lang = ctx.lang;
  const yesNo: [string, string] = [t(lang, "import.yes"), t(lang, "import.no")];
  const lists = await loadCodeLists(
    ctx.db,
    vietnamDate(ctx.clock.now()),
    kind.columns.flatMap((c) => (c.codeList ? [c.codeList] : [])),
  );
  const data: SheetSpec = {
    name: kind.title[lang],
    columns: kind.columns.map((c) => ({ header: c.label[lang], width: c.width, note: c.hint?.[lang], required: c.required, text: c.text })),
    rows: [kind.columns.map((c) => (c.sample === "" ? null : c.sample))],
    yesNo,
    sampleRows: 1,
  };
  const codeRows = kind.columns.flatMap((c) =>
    c.codeList ? (lists[c.codeList]?.rows ?? []).map((code) => [c.label[lang], code.code, code.labelVi, code.labelEn]) : [],
  );
  const codesSheet: SheetSpec = {
    name: t(lang, "import.template.codes_sheet"),
    columns: [
      { header: t(lang, "import.template.column"), width: 24 },
      { header: t(lang, "import.template.code"), width: 14, text: true },
      { header: t(lang, "import.template.meaning_vi"), width: 48 },
      { header: t(lang, "import.template.meaning_en"), width: 48 },
    ],
    rows: codeRows,
    yesNo,
  };
  return {
    fileName: `${t(lang, "import.template.file")} - ${kind.title[lang]}.xlsx`,
    content: await writeWorkbook([data, codesSheet]),
  };
}
