// Downloads: one indicator (baseline, targets and values as one long table — open data — plus its metadata) and the
// list with its filters, as csv (RFC 4180, UTF-8 BOM) or xlsx; formulas neutralised by platform/csv and platform/xlsx.
// Signed-in exports are audited; the public downloads of published indicators are not (no actor, public data).
import { planCitation } from "../../../common/plan/citation.js";
import type { Ctx } from "../../platform/context.js";
import { audit } from "../../platform/audit.js";
import { authorize } from "../../platform/policy.js";
import { toCsv, type ExportCell } from "../../platform/csv.js";
import { writeWorkbook, XLSX_MEDIA_TYPE, type TableColumn } from "../../platform/xlsx.js";
import type { Lang } from "../../platform/messages.js";
import type { Indicator, IndicatorListQuery, PublicIndicator } from "../../../common/api/indicator.js";
import { indicatorPolicy } from "./indicators.policy.js";
import { computeAll, listItemOf, selectIndicators } from "./indicators.read.js";
import { getIndicator, indicatorFilters, orderComputed } from "./indicators.service.js";

export interface DownloadFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}
export type Format = "csv" | "xlsx";

const L = {
  code: { vi: "Mã chỉ tiêu", en: "Indicator code" },
  targetNo: { vi: "Mục tiêu số", en: "Target no." },
  name: { vi: "Tên chỉ tiêu", en: "Indicator" },
  unit: { vi: "Đơn vị", en: "Unit" },
  direction: { vi: "Chiều mong muốn", en: "Desired direction" },
  kind: { vi: "Loại số liệu", en: "Kind" },
  year: { vi: "Năm", en: "Year" },
  value: { vi: "Giá trị", en: "Value" },
  min: { vi: "Cận dưới", en: "Lower bound" },
  max: { vi: "Cận trên", en: "Upper bound" },
  bound: { vi: "Dạng chỉ tiêu", en: "Bound" },
  original: { vi: "Nguyên văn", en: "As printed" },
  origin: { vi: "Nguồn giá trị", en: "Value origin" },
  source: { vi: "Nguồn / xuất xứ", en: "Source / provenance" },
  sourceLine: { vi: "Dòng trong Đề án", en: "Plan line" },
  quote: { vi: "Trích dẫn", en: "Quote" },
  note: { vi: "Ghi chú", en: "Note" },
  enteredBy: { vi: "Người nhập", en: "Entered by" },
  baselineYear: { vi: "Năm gốc", en: "Baseline year" },
  baselineValue: { vi: "Giá trị gốc", en: "Baseline value" },
  targetYear: { vi: "Năm mục tiêu", en: "Target year" },
  targetValue: { vi: "Giá trị mục tiêu", en: "Target value" },
  latestYear: { vi: "Năm số liệu mới nhất", en: "Latest year" },
  latestValue: { vi: "Giá trị mới nhất", en: "Latest value" },
  status: { vi: "Trạng thái", en: "Status" },
  published: { vi: "Đã công bố", en: "Published" },
  valueSource: { vi: "Cách có số liệu", en: "Value source" },
  field: { vi: "Thuộc tính", en: "Field" },
  definition: { vi: "Định nghĩa", en: "Definition" },
  statement: { vi: "Nội dung trong Đề án", en: "Plan statement" },
  notes: { vi: "Ghi chú", en: "Notes" },
  sheetData: { vi: "Số liệu", en: "Data" },
  sheetMeta: { vi: "Thông tin chỉ tiêu", en: "Metadata" },
  sheetList: { vi: "Chỉ tiêu", en: "Indicators" },
} as const;

const KIND = { baseline: { vi: "Giá trị gốc", en: "Baseline" }, target: { vi: "Mục tiêu", en: "Target" }, value: { vi: "Thực hiện", en: "Actual" } } as const;
const STATUS = {
  achieved: { vi: "Đã đạt mục tiêu", en: "Target achieved" },
  substantial: { vi: "Tiến bộ rõ rệt (đúng lộ trình)", en: "Substantial progress (on track)" },
  moderate: { vi: "Có tiến bộ, cần tăng tốc", en: "Moderate progress, acceleration needed" },
  limited: { vi: "Tiến bộ hạn chế", en: "Limited progress" },
  deterioration: { vi: "Đi xuống (xa mục tiêu)", en: "Deterioration" },
} as const;
const DIRECTION = {
  increase: { vi: "Tăng", en: "Increase" },
  decrease: { vi: "Giảm", en: "Decrease" },
  at_least: { vi: "Không thấp hơn", en: "At least" },
  at_most: { vi: "Không cao hơn", en: "At most" },
} as const;
const SOURCE = {
  entered: { vi: "Nhập", en: "Entered" },
  computed: { vi: "Tính tự động", en: "Computed" },
  consolidated: { vi: "Tổng hợp báo cáo thống kê", en: "Consolidated" },
} as const;

const yesNo = (lang: Lang): [string, string] => (lang === "vi" ? ["Có", "Không"] : ["Yes", "No"]);

type Detail = Indicator | (PublicIndicator & { values: Array<PublicIndicator["values"][number] & { enteredBy?: { name: string } | null }> });

function dataTable(ind: Detail, lang: Lang, withEnteredBy: boolean) {
  const headers = [L.code, L.year, L.kind, L.value, L.min, L.max, L.bound, L.original, L.origin, L.source, L.note, ...(withEnteredBy ? [L.enteredBy] : [])].map(
    (h) => h[lang],
  );
  const rows: ExportCell[][] = [];
  const b = ind.baselineDetail;
  const tail = (x: ExportCell[]) => (withEnteredBy ? [...x, null] : x);
  if (b) {
    const src = b.sourceLine ? `${planCitation(b.sourceLine, lang)}${b.quote ? `: "${b.quote}"` : ""}` : (b.quote ?? null);
    rows.push(tail([ind.code, b.year, KIND.baseline[lang], b.value, null, null, null, b.period, null, src, b.note]));
  }
  for (const t of ind.targets) {
    const src = t.sourceLine ? `${planCitation(t.sourceLine, lang)}${t.quote ? `: "${t.quote}"` : ""}` : (t.quote ?? null);
    rows.push(tail([ind.code, t.year, KIND.target[lang], t.value, t.min, t.max, t.bound, t.original, null, src, t.note]));
  }
  for (const v of ind.values) {
    const by = "enteredBy" in v && v.enteredBy ? v.enteredBy.name : null;
    const row: ExportCell[] = [ind.code, v.year, KIND.value[lang], v.value, null, null, null, null, SOURCE[v.origin][lang], v.source, v.note];
    rows.push(withEnteredBy ? [...row, by] : row);
  }
  return { headers, rows };
}

function metaRows(ind: Detail, lang: Lang): ExportCell[][] {
  const s = ind.statusDetail;
  return [
    [L.code[lang], ind.code],
    [L.targetNo[lang], ind.targetNo],
    [L.name[lang], lang === "vi" ? ind.nameVi : ind.nameEn],
    [L.unit[lang], lang === "vi" ? ind.unitVi : ind.unitEn],
    [L.direction[lang], DIRECTION[ind.direction][lang]],
    [L.valueSource[lang], SOURCE[ind.valueSource][lang]],
    [L.statement[lang], ind.statementVi],
    [L.definition[lang], lang === "vi" ? ind.definitionVi : (ind.definitionEn ?? ind.definitionVi)],
    [L.status[lang], s.status ? STATUS[s.status][lang] : null],
    [L.notes[lang], ind.notes],
  ];
}

export async function indicatorFile(ind: Detail, format: Format, lang: Lang, withEnteredBy: boolean): Promise<DownloadFile> {
  const base = `chi-tieu-${ind.code}`;
  const { headers, rows } = dataTable(ind, lang, withEnteredBy);
  if (format === "csv") return { fileName: `${base}.csv`, mediaType: "text/csv; charset=utf-8", content: toCsv(headers, rows, { yesNo: yesNo(lang) }) };
  const content = await writeWorkbook([
    {
      name: L.sheetData[lang],
      columns: headers.map((h): TableColumn => ({ header: h, width: h === L.source[lang] ? 60 : undefined })),
      rows,
      yesNo: yesNo(lang),
    },
    {
      name: L.sheetMeta[lang],
      columns: [
        { header: L.field[lang], width: 28 },
        { header: L.value[lang], width: 100 },
      ],
      rows: metaRows(ind, lang),
      yesNo: yesNo(lang),
    },
  ]);
  return { fileName: `${base}.xlsx`, mediaType: XLSX_MEDIA_TYPE, content };
}

export async function exportIndicator(ctx: Ctx, id: string, format: Format): Promise<DownloadFile> {
  const ind = await getIndicator(ctx, id);
  authorize(ctx.actor, indicatorPolicy, "export", { published: ind.published });
  const file = await indicatorFile(ind, format, ctx.lang, true);
  await ctx.db.transaction((tx) =>
    audit(tx, ctx, { action: "indicator.export", entityType: "indicator", entityId: id, details: { format, code: ind.code, rows: ind.values.length } }),
  );
  return file;
}

export async function exportIndicatorList(ctx: Ctx, q: Omit<IndicatorListQuery, "page" | "pageSize"> & { format: Format }): Promise<DownloadFile> {
  const rows = await selectIndicators(ctx.db, indicatorFilters(q));
  const items = orderComputed(await computeAll(ctx.db, ctx.clock.now(), rows), q).map(listItemOf);
  const lang = ctx.lang;
  const cols = [
    L.code,
    L.targetNo,
    L.name,
    L.unit,
    L.direction,
    L.baselineYear,
    L.baselineValue,
    L.targetYear,
    L.targetValue,
    L.min,
    L.max,
    L.latestYear,
    L.latestValue,
    L.status,
    L.valueSource,
    L.published,
  ];
  const headers = cols.map((c) => c[lang]);
  const data: ExportCell[][] = items.map((i) => [
    i.code,
    i.targetNo,
    lang === "vi" ? i.nameVi : i.nameEn,
    lang === "vi" ? i.unitVi : i.unitEn,
    DIRECTION[i.direction][lang],
    i.baseline?.year ?? null,
    i.baseline?.value ?? null,
    i.target?.year ?? null,
    i.target?.value ?? null,
    i.target?.min ?? null,
    i.target?.max ?? null,
    i.latest?.year ?? null,
    i.latest?.value ?? null,
    i.status ? STATUS[i.status][lang] : null,
    SOURCE[i.valueSource][lang],
    i.published,
  ]);
  const { format, ...filters } = q;
  await ctx.db.transaction((tx) => audit(tx, ctx, { action: "indicator.export", entityType: "indicator", details: { format, filters, rows: data.length } }));
  if (format === "csv") return { fileName: "chi-tieu.csv", mediaType: "text/csv; charset=utf-8", content: toCsv(headers, data, { yesNo: yesNo(lang) }) };
  const content = await writeWorkbook([{ name: L.sheetList[lang], columns: headers.map((h) => ({ header: h })), rows: data, yesNo: yesNo(lang) }]);
  return { fileName: "chi-tieu.xlsx", mediaType: XLSX_MEDIA_TYPE, content };
}
