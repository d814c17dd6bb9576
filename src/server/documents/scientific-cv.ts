// Lý lịch khoa học của cá nhân thực hiện chính nhiệm vụ khoa học và công nghệ (Mẫu B1-4-LLCN, Thông tư 08/2017/TT-BKHCN),
// drawn from the registry (docs/scientific-cv.md): a form filled by the person, not an administrative document — no
// issuing-body header and no number. A4 in the margins and font of NĐ 30/2020, the form's code at the top right, the
// title, the fourteen numbered items (a table where the item is a list; "Không có" where the registry holds nothing),
// and the signatures: the organisation's confirmation (left) and the person's (right, with their name), one row that
// never breaks, kept on the page of the last item.
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
  VerticalAlignTable,
  WidthType,
} from "docx";
import { FONT, MARGIN, PAGE, TEXT_WIDTH, mm } from "./nd30.js";
import { vnPlaceDateLine, vnShortDate } from "./format.js";

/** The form's code and the act that sets it, printed at the top right. */
export const SCIENTIFIC_CV_FORM = ["Mẫu B1-4-LLCN", "(Thông tư 08/2017/TT-BKHCN)"] as const;
/** The title, line by line (each line is printed whole). */
export const SCIENTIFIC_CV_TITLE = ["LÝ LỊCH KHOA HỌC", "CỦA CÁ NHÂN THỰC HIỆN CHÍNH NHIỆM VỤ KH&CN"] as const;
/** What an item says when the registry holds nothing for it. */
export const NONE = "Không có";
/** What the contact item says to a reader who may not see the person's contact data. */
export const CONTACT_WITHHELD = "Không cung cấp (dữ liệu cá nhân, chỉ cán bộ của Sở và chính người này được xem)";

export interface CvTable {
  header: string[];
  rows: string[][];
  /** relative widths of the columns */
  widths: number[];
}

export interface ScientificCvInput {
  /** Địa danh of the place-and-date line, e.g. "Hải Phòng" */
  place: string;
  /** The day the CV was drawn from the registry ("YYYY-MM-DD", Vietnam-local). */
  date: string;
  fullName: string;
  birthYear: number | null;
  sex: string | null;
  /** Học hàm, e.g. "Phó giáo sư" */
  academicTitle: string | null;
  /** Học vị, e.g. "Tiến sĩ" */
  degree: string | null;
  /** Chức vụ, chức danh nghiên cứu: the position held now */
  position: string | null;
  /** null: the reader may not see the person's contact data */
  contact: { address: string | null; phone: string | null; email: string | null } | null;
  /** The organisation the person works for (tổ chức — nơi làm việc) */
  organisation: { name: string; address: string | null } | null;
  /** 8. Quá trình đào tạo: level, institution, speciality, year of graduation */
  education: string[][];
  /** 9. Trình độ ngoại ngữ: language, then listening, speaking, writing, reading (Tốt / Khá / Trung bình) */
  languages: string[][];
  /** 10. Quá trình công tác: period, position, organisation */
  work: string[][];
  /** 11. Công trình, kết quả: what, where / code, year */
  results: string[][];
  /** 12. Nhiệm vụ KH&CN chủ trì hoặc tham gia: title (code), role, period, status */
  tasks: string[][];
  /** 13. Hội đồng đã tham gia: council, task, role, date */
  councils: string[][];
  /** 14. Giải thưởng, văn bằng bảo hộ quyền sở hữu trí tuệ: kind, name and content, year, task */
  awards: string[][];
}

const LINE_115 = 276;
const AFTER_6PT = 120;

const run = (text: string, s: { size?: number; bold?: boolean; italic?: boolean } = {}) =>
  new TextRun({ text, font: FONT, color: "000000", size: (s.size ?? 14) * 2, bold: s.bold, italics: s.italic });

const line = (text: string, o: { align?: "left" | "center" | "right"; bold?: boolean; italic?: boolean; size?: number; after?: number; keep?: boolean } = {}) =>
  new Paragraph({
    alignment: o.align === "center" ? AlignmentType.CENTER : o.align === "right" ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: o.after ?? 0, line: 240 },
    keepNext: o.keep || undefined,
    keepLines: o.keep || undefined,
    children: [run(text, o)],
  });

const itemParagraph = (children: TextRun[], keep: boolean) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: AFTER_6PT, line: LINE_115 },
    keepNext: keep || undefined,
    keepLines: keep || undefined,
    children,
  });
/** "4. Học hàm, học vị: …": the item's number and name in bold, then its value ("Không có" without one). */
const item = (label: string, value: string | null) => itemParagraph([run(`${label}: `, { bold: true }), run(value || NONE)], false);
/** The heading of an item whose content follows (details or a table), kept with it. */
const itemHeading = (label: string) => itemParagraph([run(`${label}:`, { bold: true })], true);

/** A detail line under an item: "- Điện thoại: …". */
const detail = (label: string, value: string | null, keep = false) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { before: 0, after: 60, line: LINE_115 },
    indent: { left: mm(5) },
    keepNext: keep || undefined,
    keepLines: keep || undefined,
    children: [run(`- ${label}: `), run(value || NONE)],
  });

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function table(t: CvTable): Table {
  const n = t.header.length;
  const sum = t.widths.reduce((a, c) => a + c, 0);
  const cols = t.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: cols[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: text.split("\n").map(
        (l) =>
          new Paragraph({
            alignment: header || i === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { before: 0, after: 0, line: 240 },
            children: [run(l, { size: 12, bold: header })],
          }),
      ),
    });
  return new Table({
    width: { size: cols.reduce((a, c) => a + c, 0), type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h, i) => cell(h, i, true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: Array.from({ length: n }, (_, i) => cell(r[i] ?? "", i, false)) })),
    ],
  });
}

/** An item that is a list: its heading, then its table with a first column "TT", or "Không có". */
function listItem(label: string, header: string[], widths: number[], rows: string[][]): (Paragraph | Table)[] {
  if (!rows.length) return [item(label, NONE)];
  return [
    itemHeading(label),
    table({ header: ["TT", ...header], widths: [0.5, ...widths], rows: rows.map((r, i) => [String(i + 1), ...r]) }),
    new Paragraph({ spacing: { before: 0, after: AFTER_6PT }, children: [] }),
  ];
}

function layoutRow(widths: number[], columns: Paragraph[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, c) => a + c, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: columns.map((children, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, borders: TableBorders.NONE, children })),
      }),
    ],
  });
}

function signatures(input: ScientificCvInput): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  const blank = () => Array.from({ length: 4 }, () => line(""));
  const left = [
    line("", { align: "center" }),
    line("XÁC NHẬN CỦA TỔ CHỨC", { align: "center", bold: true }),
    line("NƠI LÀM VIỆC", { align: "center", bold: true }),
    line("(Ký, ghi rõ họ tên và đóng dấu)", { align: "center", italic: true }),
  ];
  const right = [
    line(vnPlaceDateLine(input.place, null, Number(input.date.slice(0, 4))), { align: "center", italic: true, size: 13 }),
    line("CÁ NHÂN KHAI LÝ LỊCH", { align: "center", bold: true }),
    line("(Ký và ghi rõ họ tên)", { align: "center", italic: true }),
    ...blank(),
    line(input.fullName, { align: "center", bold: true }),
  ];
  return layoutRow([half, TEXT_WIDTH - half], [left, right]);
}

function pageNumberHeader() {
  return new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 28, color: "000000", children: [PageNumber.CURRENT] })] }),
    ],
  });
}

export function buildScientificCv(input: ScientificCvInput): Document {
  const c = input.contact;
  const titleDegree = [input.academicTitle && `học hàm ${input.academicTitle}`, input.degree && `học vị ${input.degree}`].filter(Boolean).join("; ");
  const children: (Paragraph | Table)[] = [
    ...SCIENTIFIC_CV_FORM.map((l, i) => line(l, { align: "right", bold: i === 0, italic: i > 0, size: 12 })),
    new Paragraph({ spacing: { before: 240, after: 0 }, children: [] }),
    ...SCIENTIFIC_CV_TITLE.map((l) => line(l, { align: "center", bold: true })),
    line(`(Lập từ cơ sở dữ liệu nhân lực khoa học và công nghệ ngày ${vnShortDate(input.date)})`, { align: "center", italic: true, size: 13, after: 240 }),
    item("1. Họ và tên", input.fullName),
    item("2. Năm sinh", input.birthYear === null ? null : String(input.birthYear)),
    item("3. Giới tính", input.sex),
    item("4. Học hàm, học vị", titleDegree || null),
    item("5. Chức danh nghiên cứu, chức vụ", input.position),
  ];
  if (!c) children.push(item("6. Địa chỉ liên hệ, điện thoại, e-mail", CONTACT_WITHHELD));
  else
    children.push(
      itemHeading("6. Địa chỉ liên hệ, điện thoại, e-mail"),
      detail("Địa chỉ", c.address, true),
      detail("Điện thoại", c.phone, true),
      detail("E-mail", c.email),
    );
  if (!input.organisation) children.push(item("7. Tổ chức — nơi làm việc của cá nhân", NONE));
  else
    children.push(
      itemHeading("7. Tổ chức — nơi làm việc của cá nhân"),
      detail("Tên tổ chức", input.organisation.name, true),
      detail("Địa chỉ tổ chức", input.organisation.address),
    );
  children.push(
    ...listItem("8. Quá trình đào tạo", ["Bậc đào tạo", "Nơi đào tạo", "Chuyên ngành", "Năm tốt nghiệp"], [1.6, 3.4, 2.6, 1.2], input.education),
    ...listItem("9. Trình độ ngoại ngữ", ["Tên ngoại ngữ", "Nghe", "Nói", "Viết", "Đọc hiểu tài liệu"], [2.4, 1.2, 1.2, 1.2, 1.8], input.languages),
    ...listItem("10. Quá trình công tác", ["Thời gian", "Vị trí công tác", "Tổ chức công tác"], [2, 2, 4], input.work),
    ...listItem("11. Các công trình, kết quả khoa học và công nghệ", ["Công trình, kết quả", "Số đăng ký, nơi công bố", "Năm"], [4.5, 2.5, 1], input.results),
    ...listItem(
      "12. Các nhiệm vụ khoa học và công nghệ đã chủ trì hoặc tham gia",
      ["Tên nhiệm vụ (mã số)", "Vai trò", "Thời gian thực hiện", "Tình trạng"],
      [4, 1.6, 1.8, 1.8],
      input.tasks,
    ),
    ...listItem(
      "13. Các hội đồng khoa học và công nghệ đã tham gia",
      ["Hội đồng", "Nhiệm vụ được xem xét", "Vai trò", "Ngày họp"],
      [2.6, 3.4, 1.6, 1.4],
      input.councils,
    ),
    ...listItem(
      "14. Giải thưởng, văn bằng bảo hộ quyền sở hữu trí tuệ",
      ["Loại", "Tên, nội dung", "Năm", "Thuộc nhiệm vụ"],
      [1.6, 4.2, 0.9, 1.8],
      input.awards,
    ),
    line("Tôi xin cam đoan những thông tin trên là đúng sự thật./.", { italic: true, after: 0, keep: true }),
    new Paragraph({ spacing: { before: 120, after: 0 }, keepNext: true, children: [] }),
    signatures(input),
    // A document cannot end with a table: it ends with a paragraph of no height (see nd30.ts).
    new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [run("", { size: 1 })] }),
  );
  return new Document({
    creator: input.fullName,
    title: `Lý lịch khoa học ${input.fullName}`,
    styles: { default: { document: { run: { font: FONT, size: 28, color: "000000" }, paragraph: { spacing: { after: 0, line: LINE_115 } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right, header: MARGIN.header, footer: mm(10) },
          },
          titlePage: true,
        },
        headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
        children,
      },
    ],
  });
}

/** The scientific CV as .docx bytes. */
export async function scientificCv(input: ScientificCvInput): Promise<Buffer> {
  return Packer.toBuffer(buildScientificCv(input));
}
