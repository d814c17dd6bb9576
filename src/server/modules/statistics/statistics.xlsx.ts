// Spreadsheets of statistical forms, laid out like the official tables: a title block (form code, title, reporting
// unit, receiving unit, period, reference date), then each section — plain fields as "label | value | unit | cell
// key" rows, disaggregation tables with their row and column headers. The same layout function gives every cell its
// address, so the template a reporting unit downloads is read back cell by cell on import (A2 names the form and
// version). The consolidated export uses the same layout with the city's sums.
import ExcelJS from "exceljs";
import type { Ctx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { audit } from "../../platform/audit.js";
import { t, type Lang } from "../../platform/messages.js";
import { neutraliseFormula, formatDateVi, formatDateTimeVi } from "../../platform/csv.js";
import { slicer } from "../../platform/slices.js";
import { cellText, streamSheets, type SheetLimits } from "../../platform/xlsx.js";
import type { Upload } from "../../platform/uploads.js";
import type { CellValues, FormDefinition, ImportCellError, Report } from "../../../common/api/statistics.js";
import { cellIndex, normaliseValue, validateReport } from "../../../common/statistics/validate.js";
import { loadFormDefinition } from "./statistics.forms.js";
import { getReport, reportForImport, reportForRead, reportValues, saveValues } from "./statistics.service.js";
import { consolidatedTable } from "./statistics.consolidation.js";

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E2F3" } };
const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFFFF" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export const formMarker = (def: FormDefinition) => `${def.code} · v${def.version}`;
const colLetter = (n: number) => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

interface HeaderInfo {
  unitLine: string;
  periodLine: string;
  referenceDate: string;
  extraLines: string[];
}

/** Writes the form's layout; returns cellKey → address. `valueOf` gives what to write in each cell. */
function layout(
  ws: ExcelJS.Worksheet,
  def: FormDefinition,
  lang: Lang,
  head: HeaderInfo,
  valueOf: (key: string) => number | string | null,
  selectCounts?: Record<string, number>,
) {
  const L = (vi: string, en: string) => (lang === "vi" ? vi : en);
  const addresses = new Map<string, string>();
  const maxCols = Math.max(4, ...def.sections.flatMap((s) => s.tables.map((tb) => tb.columns.length + 1)));
  ws.getColumn(1).width = 48;
  for (let c = 2; c <= maxCols + 1; c++) ws.getColumn(c).width = 18;
  ws.getCell("A1").value = `${t(lang, "statistics.xlsx.form")} ${def.code}: ${L(def.titleVi, def.titleEn)}`;
  ws.getCell("A1").font = TITLE_FONT;
  ws.getCell("A2").value = formMarker(def);
  ws.getCell("A2").font = { italic: true, color: { argb: "FF7F7F7F" } };
  ws.getCell("A3").value = def.legalBasis;
  ws.getCell("A4").value = head.unitLine;
  ws.getCell("A5").value = head.periodLine;
  ws.getCell("A6").value = `${t(lang, "statistics.xlsx.referenceDate")}: ${formatDateVi(head.referenceDate)}`;
  let row = 7;
  for (const line of head.extraLines) ws.getCell(`A${row++}`).value = line;
  row++;
  const write = (addr: string, v: number | string | null, opts: { input?: boolean; total?: boolean; numFmt?: string } = {}) => {
    const cell = ws.getCell(addr);
    cell.value = v === null ? null : typeof v === "string" ? neutraliseFormula(v) : v;
    cell.border = BORDER;
    if (opts.total) cell.fill = TOTAL_FILL;
    else if (opts.input) cell.fill = INPUT_FILL;
    if (opts.numFmt) cell.numFmt = opts.numFmt;
    if (opts.total) cell.font = { bold: true };
  };
  for (const s of def.sections) {
    ws.getCell(`A${row}`).value = L(s.titleVi, s.titleEn);
    ws.getCell(`A${row}`).font = { bold: true, size: 12 };
    row++;
    if (s.fields.length) {
      for (const [i, h] of [
        t(lang, "statistics.xlsx.item"),
        t(lang, "statistics.xlsx.value"),
        L("Đơn vị tính", "Unit"),
        t(lang, "statistics.xlsx.key"),
      ].entries()) {
        const c = ws.getCell(row, i + 1);
        c.value = h;
        c.font = { bold: true };
        c.fill = HEADER_FILL;
        c.border = BORDER;
      }
      row++;
      for (const f of s.fields) {
        const label = L(f.labelVi, f.labelEn) + (f.required ? " *" : "");
        write(`A${row}`, label);
        const addr = `B${row}`;
        addresses.set(f.key, addr);
        const numeric = f.type === "number" || f.type === "integer";
        write(addr, valueOf(f.key), { input: true, numFmt: numeric ? (f.type === "integer" ? "#,##0" : "#,##0.###") : "@" });
        write(
          `C${row}`,
          (lang === "vi" ? f.unitVi : f.unitEn) ??
            (f.type === "select" ? (f.options ?? []).map((o) => `${o.value} = ${L(o.labelVi, o.labelEn)}`).join("; ") : f.type === "date" ? "YYYY-MM-DD" : ""),
        );
        write(`D${row}`, f.key);
        row++;
        if (selectCounts && f.type === "select")
          for (const o of f.options ?? []) {
            write(`A${row}`, `   ${L(o.labelVi, o.labelEn)}`);
            write(`B${row}`, selectCounts[`${f.key}=${o.value}`] ?? 0, { numFmt: "#,##0" });
            write(`C${row}`, t(lang, "statistics.xlsx.count"));
            write(`D${row}`, `${f.key}=${o.value}`);
            row++;
          }
      }
      row++;
    }
    for (const tb of s.tables) {
      ws.getCell(`A${row}`).value = `${L(tb.titleVi, tb.titleEn)} — ${t(lang, "statistics.xlsx.unitOf", { unit: L(tb.unitVi, tb.unitEn) })}`;
      ws.getCell(`A${row}`).font = { bold: true };
      row++;
      const hdr = [L(tb.rowHeaderVi, tb.rowHeaderEn), ...tb.columns.map((c) => L(c.labelVi, c.labelEn))];
      hdr.forEach((h, i) => {
        const c = ws.getCell(row, i + 1);
        c.value = h;
        c.font = { bold: true };
        c.fill = HEADER_FILL;
        c.border = BORDER;
        c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      });
      row++;
      for (const r of tb.rows) {
        write(`A${row}`, "   ".repeat(r.level ?? 0) + L(r.labelVi, r.labelEn), { total: !!r.total });
        tb.columns.forEach((c, i) => {
          const addr = `${colLetter(i + 2)}${row}`;
          const key = `${tb.key}.${r.key}.${c.key}`;
          addresses.set(key, addr);
          write(addr, valueOf(key), { input: true, total: !!r.total || !!c.total, numFmt: tb.type === "integer" ? "#,##0" : "#,##0.###" });
        });
        row++;
      }
      row++;
    }
  }
  return addresses;
}

async function toBuffer(wb: ExcelJS.Workbook) {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const fileSafe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, "-");

/** The form's template with the report's current values (what the reporting unit fills and uploads). */
export async function reportTemplate(ctx: Ctx, id: string) {
  const r = await reportForRead(ctx, id);
  const def = await loadFormDefinition(ctx.db, r.form_key, r.form_version);
  const values = await reportValues(ctx.db, id);
  const wb = new ExcelJS.Workbook();
  wb.creator = "KHCN";
  const ws = wb.addWorksheet(def.code.replace(/\//g, "-").slice(0, 31));
  layout(
    ws,
    def,
    ctx.lang,
    {
      unitLine: `${t(ctx.lang, "statistics.xlsx.unit")}: ${r.organisation_name}`,
      periodLine: `${t(ctx.lang, "statistics.xlsx.period")}: ${ctx.lang === "vi" ? r.period_name_vi : (r.period_name_en ?? r.period_name_vi)}`,
      referenceDate: `${r.year}-12-31`,
      extraLines: [t(ctx.lang, "statistics.xlsx.templateHint")],
    },
    (k) => values[k] ?? null,
  );
  await ctx.db.transaction(async (tx) =>
    audit(tx, ctx, { action: "statistics_report.export", entityType: "statistical_report", entityId: id, details: { format: "xlsx" } }),
  );
  return { fileName: `${fileSafe(def.code)}_${r.year}_${fileSafe(r.organisation_name).slice(0, 40)}.xlsx`, content: await toBuffer(wb) };
}

/**
 * What the import reads of an upload (ARCHITECTURE.md, "Imports, exports and files"). A form's layout has a few
 * hundred rows and its template unpacks to well under 1 MiB, so the parsed parts may unpack to at most 4 MiB (else
 * 413 before parsing) and the first sheet may have at most 2,000 rows with values: reading stops at the first row
 * over (400).
 */
export const STATISTICS_SHEET_LIMITS: SheetLimits = { maxPartBytes: 4 * 1024 * 1024 };
export const STATISTICS_MAX_ROWS = 2_000;

/** The non-empty cells of the workbook's first sheet by address (null: no sheet), read up to the row limit. */
async function readFormSheet(content: Buffer): Promise<Map<string, ExcelJS.CellValue> | null> {
  const pause = slicer();
  for await (const sheet of streamSheets(content, STATISTICS_SHEET_LIMITS)) {
    const cells = new Map<string, ExcelJS.CellValue>();
    let rows = 0;
    for await (const row of sheet.rows) {
      if (!row.hasValues) continue;
      if (++rows > STATISTICS_MAX_ROWS) throw new AppError("TOO_MANY_ROWS", 400, "statistics.import.too_many_rows", null, { max: STATISTICS_MAX_ROWS });
      row.eachCell((cell) => cells.set(cell.address, cell.value));
      await pause();
    }
    return cells;
  }
  return null;
}

/**
 * Imports a filled template: every cell is read at its address and parsed; ANY cell that cannot be read (not a
 * number, out of range, not an allowed option, too long) refuses the whole file (422 with one error per cell).
 * Otherwise the values replace the report's draft like an online save (rule messages saved with it).
 */
export async function importReport(ctx: Ctx, id: string, version: number, receive: () => Promise<Upload>): Promise<Report> {
  const upload = await receive();
  const sheet = await readFormSheet(upload.content);
  await ctx.db.transaction(async (tx) => {
    const r = await reportForImport(ctx, tx, id, version);
    const def = await loadFormDefinition(tx, r.form_key, r.form_version);
    const marker = sheet ? cellText(sheet.get("A2") ?? null) : null;
    if (!sheet || marker !== formMarker(def))
      throw new AppError(
        "STATISTICS_IMPORT_WRONG_FORM",
        422,
        "statistics.import.wrong_form",
        { expected: formMarker(def), found: marker },
        { code: def.code, version: def.version },
      );
    // the addresses of this form's layout (the header lines do not move the cells: they are a fixed block)
    const probe = new ExcelJS.Workbook().addWorksheet("x");
    const addresses = layout(probe, def, ctx.lang, { unitLine: "", periodLine: "", referenceDate: "2000-01-01", extraLines: [""] }, () => null);
    const index = cellIndex(def);
    const values: CellValues = {};
    const errors: ImportCellError[] = [];
    for (const [key, addr] of addresses) {
      const spec = index.get(key)!;
      const raw = sheet.get(addr) ?? null;
      const text = cellText(raw);
      const v = typeof raw === "number" ? raw : text;
      const { value, error } = normaliseValue(spec, v);
      if (error) {
        errors.push({
          address: addr,
          cellKey: key,
          messageVi: `Ô ${addr} («${spec.labelVi}»): phải là một số.`,
          messageEn: `Cell ${addr} (“${spec.labelEn}”): must be a number.`,
        });
        continue;
      }
      values[key] = value;
    }
    // cell-level checks (range, option, date, length) — not "required" nor rules: an incomplete draft may be imported
    const check = validateReport(def, values);
    for (const m of check.messages)
      if (["type", "range", "option", "too_long"].includes(m.code)) {
        const addr = addresses.get(m.cellKey) ?? "";
        errors.push({ address: addr, cellKey: m.cellKey, messageVi: `Ô ${addr}: ${m.messageVi}`, messageEn: `Cell ${addr}: ${m.messageEn}` });
      }
    if (errors.length) throw new AppError("STATISTICS_IMPORT_INVALID", 422, "statistics.import.invalid", { errors }, { count: errors.length });
    await saveValues(ctx, tx, r, values, "statistics_report.import", { fileName: upload.originalName, sha256: upload.sha256 });
  });
  return getReport(ctx, id);
}

/** The city's aggregate table of one form in the official layout (approved reports only). */
export async function consolidatedWorkbook(ctx: Ctx, periodId: string, formKey: string) {
  const table = await consolidatedTable(ctx, periodId, formKey);
  const def = table.definition;
  const wb = new ExcelJS.Workbook();
  wb.creator = "KHCN";
  const ws = wb.addWorksheet(def.code.replace(/\//g, "-").slice(0, 31));
  const cells = cellIndex(def);
  layout(
    ws,
    def,
    ctx.lang,
    {
      unitLine: `${t(ctx.lang, "statistics.xlsx.unit")}: ${t(ctx.lang, "statistics.xlsx.city")}`,
      periodLine: `${t(ctx.lang, "statistics.xlsx.period")}: ${ctx.lang === "vi" ? table.period.nameVi : (table.period.nameEn ?? table.period.nameVi)}`,
      referenceDate: table.period.referenceDate,
      extraLines: [
        t(ctx.lang, "statistics.xlsx.approved", { approved: table.approvedReports, assigned: table.assignedReports }),
        t(ctx.lang, "statistics.xlsx.exportedAt", { at: formatDateTimeVi(ctx.clock.now()) }),
      ],
    },
    (k) => {
      const spec = cells.get(k);
      if (!spec) return null;
      if (spec.kind === "field" && spec.field.type !== "number" && spec.field.type !== "integer") return null;
      return table.values[k] ?? 0;
    },
    table.values,
  );
  await ctx.db.transaction(async (tx) =>
    audit(tx, ctx, {
      action: "statistics_period.export",
      entityType: "statistical_period",
      entityId: periodId,
      details: { format: "xlsx", formKey: table.formKey },
    }),
  );
  return { fileName: `${fileSafe(def.code)}_${table.period.year}_tong-hop.xlsx`, content: await toBuffer(wb) };
}
