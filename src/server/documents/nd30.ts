// Builder of administrative documents in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4 portrait, margins
// 20/20/30/15 mm, Times New Roman in black, page numbers centred in the top margin from page 2, the two-column header
// (issuing body | national motto), document type and summary, legal bases in italics, justified body, and the
// signature block (recipients | authority, signature and seal, name), kept on the page of the last paragraph. Minutes
// (biên bản) are signed by the secretary (left) and the chair (right).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { documentNumberSymbol, vnPlaceDateLine } from "./format.js";

export const FONT = "Times New Roman";
/** Twips per millimetre (1 inch = 25.4 mm = 1440 twips). */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);
export const PAGE = { width: 11906, height: 16838 } as const; // A4 in twips
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10) } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const HEADER_LEFT = Math.round(TEXT_WIDTH * 0.42);
const LINE_115 = 276; // 1.15 line spacing (240 = single)
const AFTER_6PT = 120;

/** Who issues the documents (configuration: config.documents). */
export interface Issuer {
  /** Cơ quan chủ quản, e.g. "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" */
  parentBody: string;
  /** The parent body as printed in the header, line by line (e.g. ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"]); one
   *  line when absent. A header line is never broken: the header column is as wide as its widest line. */
  parentBodyLines?: string[];
  /** Cơ quan ban hành, e.g. "SỞ KHOA HỌC VÀ CÔNG NGHỆ" */
  issuingBody: string;
  /** The issuing body as printed in the header, line by line; one line when absent. */
  issuingBodyLines?: string[];
  /** Chữ viết tắt của cơ quan, e.g. "SKHCN" */
  symbol: string;
  /** Địa danh, e.g. "Hải Phòng" */
  place: string;
  /** Default signer: authority lines (e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]) and name */
  signerAuthority: string[];
  signerName: string;
  /** The unit that drafts and keeps a copy ("Lưu: VT, <unit>."), e.g. "QLKH" */
  archiveUnit: string;
}

/** A piece of text with emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export type Text = string | Run[];

/** Blocks of the body. */
export type Block =
  /** A body paragraph: 14 pt, justified, first-line indent 1 cm, 6 pt after. */
  | { kind: "paragraph"; text: Text; align?: "justify" | "center" | "left" | "right"; indent?: boolean }
  /** A section heading such as "I. THÔNG TIN CHUNG" (bold, no indent). */
  | { kind: "heading"; text: string }
  /** An article: "Điều 1." in bold followed by its title, then its paragraphs. */
  | { kind: "article"; number: number; title?: string; paragraphs: Text[] }
  /** Items each on a line starting "- ", indented like the body. */
  | { kind: "list"; items: Text[] }
  /** A bordered table (score tables, member lists, budgets): the header row in bold. */
  | { kind: "table"; header: string[]; rows: string[][]; widths?: number[]; align?: ("left" | "center" | "right")[]; fontSize?: number }
  /** A bold centred line, e.g. "QUYẾT ĐỊNH:" between the bases and the articles. */
  | { kind: "title"; text: string };

export interface Signer {
  /** Authority and position lines, upper case, e.g. ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] or ["THƯ KÝ"] */
  authority: string[];
  name: string;
}

export type Signature =
  /** Official signature: "Nơi nhận:" and recipients on the left, the signer on the right. */
  | { kind: "official"; recipients: string[]; archiveUnit: string; signer: Signer }
  /** Two signers side by side: minutes (secretary left, chair right) or the parties of a contract. */
  | { kind: "pair"; left: Signer[]; right: Signer[] };

export interface Nd30Document {
  issuer: Issuer;
  /** "administrative" or "minutes" (biên bản); both carry the place-and-date line (minutes: the day of the meeting). */
  variant: "administrative" | "minutes";
  /** The registered number; null while not yet registered (left blank). */
  number: number | null;
  /** Abbreviation of the document type in the symbol: "QĐ", "TB", "BB", "HĐ", "GCN". */
  typeAbbreviation: string;
  /** The issue date (Vietnam-local day of an instant, or "YYYY-MM-DD"); null leaves day and month blank. */
  date: Date | string | null;
  /** The year shown while the date is blank: the year the document is drawn up in, from the caller's clock. */
  year: number;
  /** Tên loại văn bản, e.g. "QUYẾT ĐỊNH". */
  type: string;
  /** Trích yếu nội dung: one or more lines. */
  summary: string[];
  /** Authority line above the bases of a decision, e.g. "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
  authorityTitle?: string;
  /** Legal bases (Căn cứ …): the builder ends each with ";" and the last with ".". */
  legalBases?: string[];
  body: Block[];
  signature: Signature;
  /** Document title in the file's properties. */
  title?: string;
}

// ---- text helpers -------------------------------------------------------------------------------------------------

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}
const run = (text: string, s: RunStyle = {}) =>
  new TextRun({
    text,
    font: FONT,
    color: "000000",
    size: (s.size ?? 14) * 2,
    bold: s.bold,
    italics: s.italic,
    underline: s.underline ? { type: UnderlineType.SINGLE, color: "000000" } : undefined,
  });
const runs = (t: Text, s: RunStyle = {}) =>
  typeof t === "string" ? [run(t, s)] : t.map((r) => run(r.text, { ...s, bold: r.bold ?? s.bold, italic: r.italic ?? s.italic }));

const ALIGN = {
  justify: AlignmentType.JUSTIFIED,
  center: AlignmentType.CENTER,
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
} as const;

const centred = (t: Text, s: RunStyle = {}, after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after, line: 240 }, children: runs(t, s) });

/** An empty paragraph whose top border is a centred horizontal line of the given length inside a column. */
function shortLine(lengthTwips: number, columnTwips: number) {
  const side = Math.max(0, Math.round((columnTwips - lengthTwips) / 2));
  return new Paragraph({
    spacing: { before: 0, after: 60, line: 240 },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 4 })],
  });
}

// Advance widths of Times New Roman (the Adobe Times metrics, which Times New Roman and its metric-compatible
// substitutes share), in thousandths of an em: regular, bold and italic. A Vietnamese letter is as wide as its base
// letter (the marks sit above or below it), except Ơ ơ Ư ư whose horn widens them.
const W_UPPER_R = [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611];
const W_LOWER_R = [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444];
const W_UPPER_B = [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667];
const W_LOWER_B = [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444];
const W_UPPER_I = [611, 611, 667, 722, 611, 611, 722, 722, 333, 444, 667, 556, 833, 667, 722, 611, 722, 611, 500, 556, 722, 611, 833, 611, 556, 556];
const W_LOWER_I = [500, 500, 444, 500, 444, 278, 500, 500, 278, 278, 444, 278, 722, 500, 500, 500, 500, 389, 389, 278, 500, 444, 667, 444, 444, 389];
const W_OTHER: Record<string, [number, number, number]> = {
  " ": [250, 250, 250],
  ".": [250, 250, 250],
  ",": [250, 250, 250],
  ":": [278, 333, 333],
  ";": [278, 333, 333],
  "-": [333, 333, 333],
  "–": [500, 500, 500],
  "/": [278, 278, 278],
  "(": [333, 333, 333],
  ")": [333, 333, 333],
  "&": [778, 833, 778],
  Đ: [722, 722, 722],
  đ: [500, 556, 500],
};

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
}

/** Printed width of a line of Times New Roman in twips, from the font's metrics (no kerning). */
export function textWidthTwips(text: string, sizePt: number, style: TextStyle | boolean = {}): number {
  const s = typeof style === "boolean" ? { bold: style } : style;
  const k = s.bold ? 1 : s.italic ? 2 : 0;
  const upper = [W_UPPER_R, W_UPPER_B, W_UPPER_I][k];
  const lower = [W_LOWER_R, W_LOWER_B, W_LOWER_I][k];
  let units = 0;
  for (const ch of text) {
    const other = W_OTHER[ch];
    if (other) {
      units += other[k];
      continue;
    }
    const base = ch.normalize("NFD").charAt(0);
    const horn = ch.normalize("NFD").includes("\u031B");
    const code = base.charCodeAt(0);
    let w: number;
    if (code >= 65 && code <= 90) w = upper[code - 65];
    else if (code >= 97 && code <= 122) w = lower[code - 97];
    else if (code >= 48 && code <= 57) w = 500;
    else w = 1000; // anything else: a full em, never narrower than it prints
    units += horn ? Math.round(w * 1.1) : w;
  }
  return Math.ceil((units / 1000) * sizePt * 20);
}

const noBorders = TableBorders.NONE;

function layoutTable(columns: number[], cells: Paragraph[][], opts: { cantSplit?: boolean } = {}) {
  return new Table({
    width: { size: columns.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [
      new TableRow({
        cantSplit: opts.cantSplit,
        children: cells.map(
          (children, i) =>
            new TableCell({
              width: { size: columns[i], type: WidthType.DXA },
              borders: noBorders,
              margins: { left: 0, right: 0, top: 0, bottom: 0 },
              children: children.length ? children : [new Paragraph({ children: [] })],
            }),
        ),
      }),
    ],
  });
}

// ---- parts --------------------------------------------------------------------------------------------------------

const MOTTO_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Side padding of a header column, so that a line as wide as the column is not broken by rounding. */
const HEADER_PAD = mm(2);

export interface HeaderLayout {
  /** Size of the upper-case lines (parent body, issuing body, national name): 13 pt when the header fits, else 12 pt
   *  (NĐ 30/2020 allows 12–13). */
  size: 12 | 13;
  /** Widths of the two columns in twips. */
  left: number;
  right: number;
  leftLines: { parent: string[]; issuing: string[]; number: string };
}

/**
 * The header's two columns, sized from their text: the left column is at least as wide as its widest line (the parent
 * body, the issuing body and the number line, each printed on its own line and never broken), the right column at
 * least as wide as the national name, the motto and the place-and-date line. Throws when the configured lines cannot
 * fit side by side: the configuration must then split the body's name into lines.
 */
export function headerLayout(d: Pick<Nd30Document, "issuer" | "number" | "typeAbbreviation" | "date" | "year" | "variant">): HeaderLayout {
  const lines = (list: string[] | undefined, name: string) => (list?.length ? list : [name]).map((l) => l.trim().toUpperCase()).filter(Boolean);
  const parent = lines(d.issuer.parentBodyLines, d.issuer.parentBody);
  const issuing = lines(d.issuer.issuingBodyLines, d.issuer.issuingBody);
  const number = `Số: ${documentNumberSymbol(d.number, d.typeAbbreviation, d.issuer.symbol)}`;
  const placeDate = vnPlaceDateLine(d.issuer.place, d.date, d.year);
  for (const size of [13, 12] as const) {
    const leftNeed =
      Math.max(...parent.map((l) => textWidthTwips(l, size)), ...issuing.map((l) => textWidthTwips(l, size, { bold: true })), textWidthTwips(number, 13)) +
      2 * HEADER_PAD;
    const rightNeed =
      Math.max(textWidthTwips(MOTTO_NATION, size, { bold: true }), textWidthTwips(MOTTO, 14, { bold: true }), textWidthTwips(placeDate, 14, { italic: true })) +
      2 * HEADER_PAD;
    if (leftNeed + rightNeed <= TEXT_WIDTH) {
      const left = Math.min(Math.max(HEADER_LEFT, leftNeed), TEXT_WIDTH - rightNeed);
      return { size, left, right: TEXT_WIDTH - left, leftLines: { parent, issuing, number } };
    }
  }
  throw new Error(
    `The header does not fit on the page: split the parent or issuing body into lines in the configuration (DOC_PARENT_BODY, DOC_ISSUING_BODY, lines separated by "|"): ${[...parent, ...issuing].join(" / ")}`,
  );
}

function headerTable(d: Nd30Document) {
  const h = headerLayout(d);
  const issuingWidth = Math.max(...h.leftLines.issuing.map((l) => textWidthTwips(l, h.size, { bold: true })));
  const left = [
    ...h.leftLines.parent.map((l) => centred(l, { size: h.size })),
    ...h.leftLines.issuing.map((l) => centred(l, { size: h.size, bold: true })),
    shortLine(Math.max(mm(15), Math.round(issuingWidth * 0.4)), h.left),
    centred(h.leftLines.number, { size: 13 }),
  ];
  const right = [
    centred(MOTTO_NATION, { size: h.size, bold: true }),
    // The line under the motto is as long as the text: a single underline of the whole line.
    centred(MOTTO, { size: 14, bold: true, underline: true }, 120),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 0, line: 240 },
      children: [run(vnPlaceDateLine(d.issuer.place, d.date, d.year), { size: 14, italic: true })],
    }),
  ];
  return layoutTable([h.left, h.right], [left, right]);
}

function titleBlock(d: Nd30Document) {
  const out: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0, line: 240 }, children: [run(d.type.toUpperCase(), { bold: true })] }),
  ];
  for (const line of d.summary) out.push(centred(line, { bold: true }));
  const longest = Math.max(...d.summary.map((s) => textWidthTwips(s, 14, { bold: true })), mm(30));
  out.push(shortLine(Math.min(TEXT_WIDTH, Math.max(mm(20), Math.round(longest / 3))), TEXT_WIDTH));
  if (d.authorityTitle) out.push(centred(d.authorityTitle.toUpperCase(), { bold: true }, 120));
  return out;
}

const bodyParagraph = (t: Text, opts: { align?: keyof typeof ALIGN; indent?: boolean; italic?: boolean; keep?: boolean } = {}) =>
  new Paragraph({
    alignment: ALIGN[opts.align ?? "justify"],
    spacing: { before: 0, after: AFTER_6PT, line: LINE_115 },
    indent: opts.indent === false ? undefined : { firstLine: mm(10) },
    // The last paragraph of the body stays whole and on the page of the signature block.
    keepNext: opts.keep || undefined,
    keepLines: opts.keep || undefined,
    children: runs(t, { italic: opts.italic }),
  });

/** Legal bases in italics, each ending ";" and the last "." */
export function punctuateBases(bases: string[]): string[] {
  return bases.map((b, i) => b.trim().replace(/[;.,\s]+$/u, "") + (i === bases.length - 1 ? "." : ";"));
}

function dataTable(b: Extract<Block, { kind: "table" }>) {
  const n = b.header.length;
  const widths = b.widths && b.widths.length === n ? b.widths : Array.from({ length: n }, () => 1);
  const sum = widths.reduce((a, c) => a + c, 0);
  const cols = widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const size = b.fontSize ?? 12;
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: cols[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text.split("\n").map(
        (line) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : ALIGN[b.align?.[i] ?? "left"],
            spacing: { before: 0, after: 0, line: 240 },
            children: [run(line, { size, bold: header })],
          }),
      ),
    });
  return new Table({
    width: { size: cols.reduce((a, c) => a + c, 0), type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      new TableRow({ tableHeader: true, children: b.header.map((h, i) => cell(h, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: b.header.map((_, i) => cell(r[i] ?? "", i, false)) })),
    ],
  });
}

function bodyBlocks(blocks: Block[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((b, at) => {
    // The last block's last paragraph is kept with the signature block that follows.
    const lastBlock = at === blocks.length - 1;
    switch (b.kind) {
      case "paragraph":
        out.push(bodyParagraph(b.text, { align: b.align, indent: b.indent, keep: lastBlock }));
        break;
      case "heading":
        out.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { before: 120, after: AFTER_6PT, line: LINE_115 },
            indent: { firstLine: mm(10) },
            keepNext: true,
            children: [run(b.text, { bold: true })],
          }),
        );
        break;
      case "title":
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: AFTER_6PT, line: LINE_115 },
            keepNext: true,
            children: [run(b.text, { bold: true })],
          }),
        );
        break;
      case "article": {
        const [first, ...rest] = b.paragraphs;
        const head: Run[] = [{ text: `Điều ${b.number}.`, bold: true }];
        if (b.title) head.push({ text: ` ${b.title}`, bold: true });
        if (first !== undefined && !b.title) head.push(...(typeof first === "string" ? [{ text: ` ${first}` }] : [{ text: " " }, ...first]));
        const more = b.title ? b.paragraphs : rest;
        out.push(bodyParagraph(head, { keep: lastBlock && more.length === 0 }));
        more.forEach((p, i) => out.push(bodyParagraph(p, { keep: lastBlock && i === more.length - 1 })));
        break;
      }
      case "list":
        b.items.forEach((item, i) =>
          out.push(bodyParagraph(typeof item === "string" ? `- ${item}` : [{ text: "- " }, ...item], { keep: lastBlock && i === b.items.length - 1 })),
        );
        break;
      case "table":
        out.push(dataTable(b));
        out.push(new Paragraph({ spacing: { before: 0, after: AFTER_6PT }, keepNext: lastBlock || undefined, children: [] }));
        break;
    }
  });
  return out;
}

/** Recipients as printed: "- …;" each, the last "- Lưu: VT, <unit>." */
export function recipientLines(recipients: string[], archiveUnit: string): string[] {
  const lines = recipients.map(
    (r) =>
      `- ${r
        .trim()
        .replace(/^[-–•]\s*/u, "")
        .replace(/[;.,\s]+$/u, "")};`,
  );
  lines.push(`- Lưu: VT${archiveUnit ? `, ${archiveUnit}` : ""}.`);
  return lines;
}

function signerParagraphs(s: Signer): Paragraph[] {
  const out = s.authority.map((a) => centred(a.toUpperCase(), { bold: true }));
  // Space for the signature and the seal.
  for (let i = 0; i < 4; i++) out.push(new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [run("")] }));
  out.push(centred(s.name, { bold: true }, 240));
  return out;
}

function signatureTable(sig: Signature) {
  const half = Math.round(TEXT_WIDTH / 2);
  if (sig.kind === "official") {
    const left: Paragraph[] = [
      new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [run("Nơi nhận:", { size: 12, bold: true, italic: true })] }),
      ...recipientLines(sig.recipients, sig.archiveUnit).map(
        (l) => new Paragraph({ spacing: { before: 0, after: 0, line: 240 }, children: [run(l, { size: 11 })] }),
      ),
    ];
    return layoutTable([half, TEXT_WIDTH - half], [left, signerParagraphs(sig.signer)], { cantSplit: true });
  }
  // The signature block is one row that never breaks across pages.
  return layoutTable([half, TEXT_WIDTH - half], [sig.left.flatMap(signerParagraphs), sig.right.flatMap(signerParagraphs)], { cantSplit: true });
}

function pageNumberHeader() {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: FONT, size: 28, color: "000000", children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}

/** Builds the document. */
export function buildNd30(d: Nd30Document): Document {
  const children: (Paragraph | Table)[] = [headerTable(d), ...titleBlock(d)];
  if (d.legalBases?.length) for (const b of punctuateBases(d.legalBases)) children.push(bodyParagraph(b, { italic: true }));
  children.push(...bodyBlocks(d.body));
  children.push(new Paragraph({ spacing: { before: 120, after: 0 }, keepNext: true, children: [] }));
  children.push(signatureTable(d.signature));
  // A document cannot end with a table (word processors add an empty paragraph after it, which alone would take a new
  // page when the signature block ends at the foot of one): the body ends with a paragraph of no height.
  children.push(new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [run("", { size: 1 })] }));
  return new Document({
    creator: d.issuer.issuingBody,
    title: d.title ?? `${d.type} ${d.summary.join(" ")}`.trim(),
    styles: {
      default: {
        document: { run: { font: FONT, size: 28, color: "000000" }, paragraph: { spacing: { after: 0, line: LINE_115 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right, header: MARGIN.header, footer: mm(10) },
          },
          titlePage: true,
        },
        headers: {
          default: pageNumberHeader(),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
}

/** Builds and packs the document into .docx bytes. */
export async function renderNd30(d: Nd30Document): Promise<Buffer> {
  return Packer.toBuffer(buildNd30(d));
}

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
