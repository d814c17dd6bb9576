// Excel workbooks (exceljs): reading an uploaded sheet into text cells, and writing tables with a styled header,
// Vietnamese dates and formula injection neutralised (SECURITY.md 14). Uploads are checked (type, zip bomb) by
// platform/uploads.ts before they get here.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { badInput } from "./errors.js";
import { DateOnly, neutraliseFormula, toVietnamWallClock, type ExportCell } from "./csv.js";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;

/** Opens a workbook from bytes; an unreadable file answers 400 with the reason. */
export async function readWorkbook(content: Buffer): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " ").slice(0, 120);
    throw badInput("import.bad_workbook", { reason });
  }
  return wb;
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
  rows: ExportCell[][];
  /** How booleans are written, e.g. ["Có", "Không"]. */
  yesNo: [string, string];
  /** Rows drawn in grey italics after the header (a template's sample row). */
  sampleRows?: number;
}

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
 * (required columns dark red), frozen header row, auto-filter, dd/mm/yyyy dates.
 */
export async function writeWorkbook(sheets: SheetSpec[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "KHCN";
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
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
    sheet.rows.forEach((values, index) => {
      const row = ws.addRow(values.map((v) => xlsxCell(v, sheet.yesNo)));
      values.forEach((v, i) => {
        if (v instanceof DateOnly) row.getCell(i + 1).numFmt = "dd/mm/yyyy";
        else if (v instanceof Date) row.getCell(i + 1).numFmt = "dd/mm/yyyy hh:mm";
      });
      if (index < (sheet.sampleRows ?? 0)) row.font = { italic: true, color: { argb: "FF7F7F7F" } };
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
