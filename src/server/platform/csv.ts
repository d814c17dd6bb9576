// CSV for spreadsheet users (SECURITY.md 14): RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark so Excel
// opens Vietnamese text correctly, and formula injection neutralised in every text cell.
import { VN_OFFSET_MS } from "./clock.js";
import { slicer } from "./slices.js";

/** A value of one exported cell. Dates are instants (timestamptz) or calendar dates ("YYYY-MM-DD" → use dateOnly). */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A calendar date (no time of day, no time zone), e.g. a `date` column. */
export class DateOnly {
  constructor(public readonly iso: string) {}
}
export const dateOnly = (iso: string | null | undefined) => (iso ? new DateOnly(iso) : null);

export type ExportCell = CellValue | DateOnly;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet could run as a formula (starts with = + - @ TAB or CR) gets a leading apostrophe,
 * so "=1+1" is shown as text, never evaluated (OWASP "CSV injection").
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? "'" + text : text;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 27/11/2026 10:05 in Vietnam time. */
export function formatDateTimeVi(d: Date): string {
  const v = new Date(d.getTime() + VN_OFFSET_MS);
  return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
}

/** "2026-11-27" → 27/11/2026 */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/** A Date whose UTC fields read as Vietnam local time (spreadsheets have no time zones). */
export function toVietnamWallClock(d: Date): Date {
  return new Date(d.getTime() + VN_OFFSET_MS);
}

function cellText(v: ExportCell, yesNo: [string, string]): string {
  if (v === null || v === undefined) return "";
  if (v instanceof DateOnly) return formatDateVi(v.iso);
  if (v instanceof Date) return formatDateTimeVi(v);
  if (typeof v === "boolean") return v ? yesNo[0] : yesNo[1];
  if (typeof v === "number") return String(v);
  return neutraliseFormula(v);
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
export function quoteCsvField(text: string): string {
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

export interface CsvOptions {
  /** How booleans are written, e.g. ["Có", "Không"]. */
  yesNo?: [string, string];
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const headerLine = (headers: string[]) => headers.map((h) => quoteCsvField(neutraliseFormula(h))).join(",");
const rowLine = (row: ExportCell[], yesNo: [string, string]) => row.map((c) => quoteCsvField(cellText(c, yesNo))).join(",");

/** A whole CSV file: BOM, header line, one line per row, CRLF after each line. */
export function toCsv(headers: string[], rows: ExportCell[][], options: CsvOptions = {}): Buffer {
  const yesNo = options.yesNo ?? ["true", "false"];
  const lines: string[] = [headerLine(headers)];
  for (const row of rows) lines.push(rowLine(row, yesNo));
  return Buffer.concat([BOM, Buffer.from(lines.join("\r\n") + "\r\n", "utf8")]);
}

/**
 * The same file as toCsv for rows that come in pages (a large export), written in slices with a turn of the event
 * loop between them (platform/slices.ts), so other requests are answered while it is built.
 */
export async function writeCsv(headers: string[], pages: AsyncIterable<ExportCell[][]>, options: CsvOptions = {}): Promise<Buffer> {
  const yesNo = options.yesNo ?? ["true", "false"];
  const pause = slicer();
  const parts: Buffer[] = [BOM, Buffer.from(headerLine(headers) + "\r\n", "utf8")];
  for await (const page of pages) {
    let text = "";
    for (const row of page) {
      text += rowLine(row, yesNo) + "\r\n";
      const turn = pause();
      if (turn) {
        parts.push(Buffer.from(text, "utf8"));
        text = "";
        await turn;
      }
    }
    parts.push(Buffer.from(text, "utf8"));
  }
  return Buffer.concat(parts);
}
