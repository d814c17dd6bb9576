// Excel workbooks (exceljs): reading an uploaded sheet into text cells, and writing tables with a styled header,
// Vietnamese dates and formula injection neutralised (SECURITY.md 14). Uploads are checked (type, zip bomb) by
// platform/uploads.ts before they get here.
// Neither reading nor writing may hold the event loop (ARCHITECTURE.md, "Imports, exports and files"): uploads are
// read with exceljs's streaming reader, so the caller stops at its row limit, after a cap on the unpacked size of the
// parts it parses; tables are written with the streaming writer in slices (platform/slices.ts).
import zlib from "node:zlib";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { AppError, badInput } from "./errors.js";
import { DateOnly, neutraliseFormula, toVietnamWallClock, type ExportCell } from "./csv.js";
import { slicer } from "./slices.js";
import { checkZipEntry, readZipDirectory, type ZipEntry } from "./zip.js";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

const unreadable = (e: unknown) => {
  if (e instanceof AppError) return e;
  const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").slice(0, 120);
  return badInput("import.bad_workbook", { reason });
};

// ─── Reading uploads, streamed ───

export interface SheetLimits {
  /**
   * Unpacked bytes of all the parts a read parses (worksheets, shared strings, styles, the workbook and its
   * relationships); a workbook over it answers 413 before anything is parsed.
   */
  maxPartBytes: number;
}

/** One worksheet being read. Its rows come one by one, in order; leaving the loop early stops parsing the sheet. */
export interface StreamedSheet {
  name: string;
  rows: AsyncIterable<ExcelJS.Row>;
}

const MIB = 1024 * 1024;
export const sheetTooLarge = (maxBytes: number) =>
  new AppError("SHEET_TOO_LARGE", 413, "import.sheet_too_large", null, { max: Math.round((maxBytes / MIB) * 10) / 10 });

/** The parts the streaming reader needs before any worksheet, in the order it needs them. */
const HEAD_PARTS = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"] as const;
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/** Bytes of unpacked XML handed to the parser at a time (a few milliseconds of parsing). */
const PIECE = 32 * 1024;

/** Where `buf` may be cut without splitting a UTF-8 character: its length, or the start of its last, incomplete one. */
function utf8Boundary(buf: Buffer): number {
  for (let i = buf.length - 1, back = 0; i >= 0 && back < 4; i--, back++) {
    const b = buf[i];
    if (b < 0x80) return buf.length; // ASCII: everything before is whole
    if (b >= 0xc0) {
      const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return i + size <= buf.length ? buf.length : i;
    }
  }
  return buf.length;
}

/** A part's unpacked bytes in pieces of about PIECE bytes, each ending on a whole UTF-8 character. */
async function* unpacked(e: Pick<ZipEntry, "method" | "data">): AsyncGenerator<Buffer> {
  const source: AsyncIterable<Buffer> =
    e.method === 8
      ? Readable.from([e.data], { objectMode: false }).pipe(zlib.createInflateRaw({ chunkSize: PIECE }))
      : (async function* () {
          for (let at = 0; at < e.data.length; at += PIECE) yield e.data.subarray(at, at + PIECE);
        })();
  let carry: Buffer | null = null;
  for await (const chunk of source) {
    const piece: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = utf8Boundary(piece);
    carry = cut < piece.length ? piece.subarray(cut) : null;
    if (cut > 0) yield piece.subarray(0, cut);
  }
  if (carry) yield carry;
}

/** Bytes no XML parser accepts. */
const UNREADABLE = Buffer.alloc(PIECE, "<");

/**
 * The parts as a zip stream of their own, each unpacked here and stored: a local header (with the sizes, no data
 * descriptor) and the unpacked bytes of each part the central directory lists, in `parts` order, then an end record.
 * The reader thus sees exactly the entries that were measured, never a sheet before the shared strings and styles it
 * refers to (exceljs would otherwise spool such a sheet to a temporary file), and its XML in pieces that end on whole
 * characters (exceljs decodes each piece on its own: a Vietnamese letter split between two would be lost).
 * The sizes were verified by unpacking (checkZipEntry) before. Should a part unpack differently all the same, the rest
 * of its declared size is filled with bytes no XML parser accepts: the read fails (400) instead of waiting for bytes.
 */
async function* reframe(parts: Pick<ZipEntry, "name" | "method" | "crc" | "uncomp" | "data">[]): AsyncGenerator<Buffer> {
  for (const e of parts) {
    const name = Buffer.from(e.name, "utf8");
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 name; sizes in this header
    head.writeUInt16LE(0, 8); // stored
    head.writeUInt32LE(e.crc, 14);
    head.writeUInt32LE(e.uncomp, 18);
    head.writeUInt32LE(e.uncomp, 22);
    head.writeUInt16LE(name.length, 26);
    yield Buffer.concat([head, name]);
    let sent = 0;
    try {
      for await (const piece of unpacked(e)) {
        if (sent + piece.length > e.uncomp) throw new Error("longer than declared");
        sent += piece.length;
        yield piece;
      }
    } catch {
      // below
    }
    for (let left = e.uncomp - sent; left > 0; left -= UNREADABLE.length) yield UNREADABLE.subarray(0, Math.min(left, UNREADABLE.length));
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

async function* rowsOf(ws: ExcelJS.stream.xlsx.WorksheetReader): AsyncGenerator<ExcelJS.Row> {
  try {
    for await (const row of ws) yield row;
  } catch (e) {
    throw unreadable(e);
  }
}

/**
 * Reads the worksheets of an uploaded workbook one after the other, streamed: the parts it parses must unpack to at
 * most `limits.maxPartBytes` (checked from the zip's directory, each size then verified by unpacking without keeping
 * the output), and parsing goes as far as the caller reads — a caller that stops at its row limit has parsed no
 * further. Unreadable content answers 400 with the reason.
 */
export async function* streamSheets(content: Buffer, limits: SheetLimits): AsyncGenerator<StreamedSheet> {
  const entries = readZipDirectory(content);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const sheets = entries.filter((e) => SHEET_PART.test(e.name)).sort((a, b) => Number(SHEET_PART.exec(a.name)![1]) - Number(SHEET_PART.exec(b.name)![1]));
  const head = HEAD_PARTS.map((n) => byName.get(n)).filter((e): e is ZipEntry => !!e);
  const parts = [...head, ...sheets];
  if (parts.reduce((n, e) => n + e.uncomp, 0) > limits.maxPartBytes) throw sheetTooLarge(limits.maxPartBytes);
  for (const name of ["xl/_rels/workbook.xml.rels", "xl/workbook.xml"]) {
    if (!byName.has(name)) throw badInput("import.bad_workbook", { reason: `${name} is missing` });
  }
  for (const e of parts) await checkZipEntry(e);
  if (!byName.has("xl/sharedStrings.xml")) {
    const data = EMPTY_SHARED_STRINGS;
    const sst = { name: "xl/sharedStrings.xml", method: 0, crc: 0, comp: data.length, uncomp: data.length, data };
    parts.splice(head.length, 0, { ...sst, flags: 0 });
  }

  const source = Readable.from(reframe(parts), { objectMode: false });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // dates are numbers with a date format
    hyperlinks: "ignore",
    entries: "ignore",
  });
  try {
    const sheetsRead = reader[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
      try {
        next = await sheetsRead.next();
      } catch (e) {
        throw unreadable(e);
      }
      if (next.done) return;
      const ws = next.value;
      yield { name: String((ws as unknown as { name?: string }).name ?? ""), rows: rowsOf(ws) };
    }
  } finally {
    source.destroy();
  }
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The text a user sees in a cell, trimmed; empty → null. Dates become YYYY-MM-DD, formulas their cached result,
 * rich text its plain text. A leading apostrophe that neutralised a formula on export is removed again, so an
 * exported file can be imported back.
 */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const s = value.replace(/\u00a0/g, " ").trim();
    if (!s) return null;
    return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return cellText(value.richText.map((r) => r.text).join(""));
    if ("error" in value) return null;
    if ("formula" in value || "sharedFormula" in value) {
      return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    }
    if ("text" in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  }
  return null;
}

export interface TableColumn {
  header: string;
  /** Width in characters; default from the header. */
  width?: number;
  /** A comment on the header cell (format hints in templates). */
  note?: string;
  /** Required columns are marked in the header (templates). */
  required?: boolean;
  /** Keep the column as text in Excel (codes with leading zeros, tax codes, phone numbers). */
  text?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: TableColumn[];
  /** The rows, or pages of rows read one after another (a large export reads its rows in pages). */
  rows: ExportCell[][] | AsyncIterable<ExportCell[][]>;
  /** How booleans are written, e.g. ["Có", "Không"]. */
  yesNo: [string, string];
  /** Rows drawn in grey italics after the header (a template's sample row). */
  sampleRows?: number;
}

const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const TEXT_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: "@" });
const DATE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: "dd/mm/yyyy" });
const DATE_TIME_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: "dd/mm/yyyy hh:mm" });
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const REQUIRED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF9C2A00" } };

function xlsxCell(v: ExportCell, yesNo: [string, string]): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof DateOnly) return new Date(v.iso.slice(0, 10) + "T00:00:00Z");
  if (v instanceof Date) return toVietnamWallClock(v);
  if (typeof v === "boolean") return v ? yesNo[0] : yesNo[1];
  if (typeof v === "number") return v;
  return neutraliseFormula(v);
}

/**
 * Writes sheets with the streaming writer (an export may have 100,000 rows): bold white header on dark blue
 * (required columns dark red), frozen header row, auto-filter, dd/mm/yyyy dates, print setup (A4 landscape, fit to
 * width, header row repeated). Rows are written in slices of
 * SLICE_MS with a turn of the event loop between them, so other requests are answered while a large file is built.
 */
export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const pause = slicer();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "KHCN";
  for (const sheet of sheets) {
    // Printed as users print a register: A4 landscape, every column on the page's width, the header row repeated on
    // every page.
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: "frozen", ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" },
    });
    ws.columns = sheet.columns.map((c, i) => ({
      key: String(i),
      width: c.width ?? Math.min(60, Math.max(12, c.header.length + 4)),
      style: c.text ? { numFmt: "@" } : {},
    }));
    const header = ws.addRow(sheet.columns.map((c) => c.header + (c.required ? " *" : "")));
    header.height = 30;
    header.eachCell((cell, col) => {
      const def = sheet.columns[col - 1];
      cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
      cell.fill = def?.required ? REQUIRED_FILL : HEADER_FILL;
      cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
      if (def?.note) cell.note = def.note;
    });
    header.commit();
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, sheet.columns.length) } };
    // One style object per kind of cell, shared: exceljs looks a style up by the object (a new object per cell
    // costs a rendering of its XML per cell, most of the time of a large export).
    const columnStyles = sheet.columns.map((c) => (c.text ? TEXT_STYLE : PLAIN_STYLE));
    let index = 0;
    for await (const page of pagesOf(sheet.rows)) {
      for (const values of page) {
        const row = ws.addRow(values.map((v) => xlsxCell(v, sheet.yesNo)));
        const sample = index++ < (sheet.sampleRows ?? 0);
        values.forEach((v, i) => {
          const style = v instanceof DateOnly ? DATE_STYLE : v instanceof Date ? DATE_TIME_STYLE : (columnStyles[i] ?? PLAIN_STYLE);
          row.getCell(i + 1).style = sample ? { ...style } : style; // a sample row's font must not reach the shared styles
        });
        if (sample) row.font = { italic: true, color: { argb: "FF7F7F7F" } };
        row.commit();
        await pause();
      }
    }
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

async function* pagesOf(rows: SheetSpec["rows"]): AsyncGenerator<ExportCell[][]> {
  if (Array.isArray(rows)) yield rows;
  else yield* rows;
}
