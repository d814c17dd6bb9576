import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { dateOnly, type ExportCell } from "./csv.js";
import { cellText, streamSheets, writeWorkbook, type SheetLimits } from "./xlsx.js";

const ROOMY: SheetLimits = { maxPartBytes: 10 * 1024 * 1024 };

/** Every sheet's non-empty cells as "address=text", read with the streaming reader as far as `rowsPerSheet`. */
async function streamed(content: Buffer, limits = ROOMY, rowsPerSheet = Infinity) {
  const out: Record<string, string[]> = {};
  for await (const sheet of streamSheets(content, limits)) {
    const cells: string[] = (out[sheet.name] = []);
    let n = 0;
    for await (const row of sheet.rows) {
      row.eachCell((c) => {
        const text = cellText(c.value);
        if (text !== null) cells.push(`${c.address}=${text}`);
      });
      if (++n >= rowsPerSheet) break;
    }
  }
  return out;
}

/** The same, read with exceljs's whole-workbook reader. */
async function loaded(content: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  const out: Record<string, string[]> = {};
  for (const ws of wb.worksheets) {
    const cells: string[] = (out[ws.name] = []);
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const text = cellText(c.value);
        if (text !== null) cells.push(`${c.address}=${text}`);
      }),
    );
  }
  return out;
}

/** The workbook with its first sheet's XML changed by `edit`. */
async function editSheet(content: Buffer, edit: (xml: string) => string) {
  const zip = await JSZip.loadAsync(content);
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", edit(xml));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "read";
  } catch (e) {
    return `${(e as { status?: number }).status} ${(e as { code?: string }).code}`;
  }
}

async function mixedWorkbook() {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Dữ liệu");
  data.addRow(["Tên", "Năm", "Ngày", "Trang web", "Ghi chú"]);
  data.addRow(["Viện Hải sản & Môi trường", 1961, new Date("2026-11-27T00:00:00Z"), { text: "rimf.org.vn", hyperlink: "https://rimf.org.vn" }, "'=1+1"]);
  data.getCell("C2").numFmt = "dd/mm/yyyy";
  data.addRow([
    { richText: [{ text: "Nguyễn " }, { text: "Văn An", font: { bold: true } }] },
    { formula: "1+1", result: 2 },
    null,
    true,
    "  có khoảng trắng  ",
  ]);
  data.getCell("A6").value = "Dòng cách quãng";
  wb.addWorksheet("Danh mục").addRow(["Mã", "Tên"]);
  wb.getWorksheet("Danh mục")!.addRow(["102", "Khoa học máy tính"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("reading cells", () => {
  it("turns every kind of cell value into the text a user sees", () => {
    expect(cellText("  Viện Hải sản \u00a0")).toBe("Viện Hải sản");
    expect(cellText("   ")).toBeNull();
    expect(cellText(null)).toBeNull();
    expect(cellText(1980)).toBe("1980");
    expect(cellText(true)).toBe("true");
    expect(cellText(new Date("2026-11-27T00:00:00Z"))).toBe("2026-11-27");
    expect(cellText({ richText: [{ text: "Nguyễn " }, { text: "Văn An" }] })).toBe("Nguyễn Văn An");
    expect(cellText({ formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue)).toBe("2");
    expect(cellText({ text: "rimf.org.vn", hyperlink: "https://rimf.org.vn" })).toBe("rimf.org.vn");
    expect(cellText({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBeNull();
    // An apostrophe that neutralised a formula on export is dropped again on import.
    expect(cellText("'=1+1")).toBe("=1+1");
    expect(cellText("'Quote")).toBe("'Quote");
  });

  it("answers 400 for bytes that are not a workbook", async () => {
    expect(await codeOf(streamed(Buffer.from("not a workbook")))).toBe("400 UNSUPPORTED_FILE");
  });
});

describe("streaming an uploaded workbook", () => {
  it("reads every sheet, in order, with the same cell texts as the whole-workbook reader", async () => {
    const content = await mixedWorkbook();
    const whole = await loaded(content);
    expect(Object.keys(whole)).toEqual(["Dữ liệu", "Danh mục"]);
    expect(whole["Dữ liệu"]).toContain("C2=2026-11-27");
    expect(whole["Dữ liệu"]).toContain("A3=Nguyễn Văn An");
    expect(await streamed(content)).toEqual(whole);
  });

  it("reads a workbook without shared strings (written by the streaming writer) the same way", async () => {
    const content = await writeWorkbook([
      {
        name: "Danh sách",
        columns: [{ header: "Tên" }, { header: "Mã số thuế", text: true }, { header: "Ngày" }, { header: "Chuyên gia" }],
        rows: [
          ["Viện Hải sản", "0200578541", dateOnly("2026-11-27"), true],
          ["=1+1 Bệnh viện", null, null, false],
        ],
        yesNo: ["Có", "Không"],
      },
    ]);
    expect(await streamed(content)).toEqual(await loaded(content));
    expect((await streamed(content))["Danh sách"]).toEqual([
      "A1=Tên",
      "B1=Mã số thuế",
      "C1=Ngày",
      "D1=Chuyên gia",
      "A2=Viện Hải sản",
      "B2=0200578541",
      "C2=2026-11-27",
      "D2=Có",
      "A3==1+1 Bệnh viện",
      "D3=Không",
    ]);
  });

  it("sets up every exported sheet for printing: A4 landscape, fitted to the page's width, the header row on every page", async () => {
    const content = await writeWorkbook([
      { name: "Danh sách", columns: [{ header: "Tên" }, { header: "Ghi chú" }], rows: [["Viện Hải sản", null]], yesNo: ["Có", "Không"] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(content as unknown as ArrayBuffer);
    const setup = wb.getWorksheet("Danh sách")!.pageSetup;
    expect(setup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
  });

  it("keeps every Vietnamese letter whole, however the unpacked XML is cut into pieces for the parser", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`Viện Nghiên cứu Hải sản Đông Bắc số ${i}`, `Ưu tiên ${i}: Người Thử ở Hải Phòng`]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dữ liệu");
    for (const r of rows) ws.addRow(r);
    const shared = Buffer.from(await wb.xlsx.writeBuffer());
    const inline = await writeWorkbook([{ name: "Dữ liệu", columns: [{ header: "Tên" }, { header: "Ghi chú" }], rows, yesNo: ["Có", "Không"] }]);
    const expected = (offset: number) => rows.flatMap((r, i) => [`A${i + 1 + offset}=${r[0]}`, `B${i + 1 + offset}=${r[1]}`]);
    expect((await streamed(shared))["Dữ liệu"]).toEqual(expected(0));
    expect((await streamed(inline))["Dữ liệu"]).toEqual(["A1=Tên", "B1=Ghi chú", ...expected(1)]);
  });

  it("parses no further than the caller reads: rows past the point where it stops are never parsed", async () => {
    // 5,000 more rows (far more than the parser takes in at once), then a broken one.
    const filler = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 7}"><c r="A${i + 7}"><v>${i}</v></c></row>`).join("");
    const content = await editSheet(await mixedWorkbook(), (xml) =>
      xml.replace("</sheetData>", `${filler}<row r="5007"><c r="A5007"><v>1</c></row></sheetData>`),
    );
    // Read to the end, the broken row answers 400 …
    expect(await codeOf(streamed(content))).toBe("400 VALIDATION_FAILED");
    // … stopped before it, the same file reads without error, and the next sheet is still read.
    const top = await streamed(content, ROOMY, 2);
    expect(top["Dữ liệu"]).toContain("A2=Viện Hải sản & Môi trường");
    expect(top["Dữ liệu"].some((c) => c.startsWith("A3="))).toBe(false);
    expect(top["Danh mục"]).toEqual(["A1=Mã", "B1=Tên", "A2=102", "B2=Khoa học máy tính"]);
  });

  it("refuses (413, naming the limit) a workbook whose parsed parts unpack past the cap, before parsing anything", async () => {
    const content = await editSheet(await mixedWorkbook(), (xml) =>
      xml.replace("</sheetData>", `<row r="7"><c r="A7" t="inlineStr"><is><t>${"x".repeat(200_000)}</t></is></c></row><broken</sheetData>`),
    );
    // Over the cap: refused from the zip's directory, although the sheet XML is broken.
    const refusal = streamed(content, { maxPartBytes: 150_000 });
    await expect(refusal).rejects.toMatchObject({ status: 413, code: "SHEET_TOO_LARGE", messageKey: "import.sheet_too_large", params: { max: 0.1 } });
    // Under it, the parse reaches the broken XML.
    expect(await codeOf(streamed(content, { maxPartBytes: 1024 * 1024 }))).toBe("400 VALIDATION_FAILED");
  });
});

describe("writing tables", () => {
  it("writes a styled header, neutralised text, numbers, and dd/mm/yyyy dates that read back", async () => {
    const buf = await writeWorkbook([
      {
        name: "Danh sách tổ chức",
        columns: [{ header: "Tên", required: true, note: "Bắt buộc" }, { header: "Năm" }, { header: "Ngày" }, { header: "Cập nhật" }, { header: "Có?" }],
        rows: [
          ['=HYPERLINK("http://x")', 1961, dateOnly("2026-11-27"), new Date("2026-11-27T03:00:00Z"), true],
          ["Viện Hải sản", null, null, null, false],
        ],
        yesNo: ["Có", "Không"],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Danh sách tổ chức")!;
    expect(ws.getRow(1).values).toEqual([undefined, "Tên *", "Năm", "Ngày", "Cập nhật", "Có?"]);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("A2").value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell("A2").formula).toBeUndefined();
    expect(ws.getCell("B2").value).toBe(1961);
    expect(ws.getCell("C2").value).toEqual(new Date("2026-11-27T00:00:00Z"));
    expect(ws.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    // 03:00 UTC is 10:00 in Hải Phòng
    expect(ws.getCell("D2").value).toEqual(new Date("2026-11-27T10:00:00Z"));
    expect(ws.getCell("E2").value).toBe("Có");
    expect(ws.getCell("E3").value).toBe("Không");
  });

  it("writes rows that come in pages exactly as the same rows given at once; a sample row's style stays its own", async () => {
    const rows: ExportCell[][] = Array.from({ length: 7 }, (_, i) => [`Người ${i}`, 1950 + i, dateOnly(`2026-01-0${i + 1}`), "0" + i]);
    const spec = (r: ExportCell[][] | AsyncIterable<ExportCell[][]>) => ({
      name: "Trang",
      columns: [{ header: "Tên" }, { header: "Năm" }, { header: "Ngày" }, { header: "Mã", text: true }],
      rows: r,
      yesNo: ["Có", "Không"] as [string, string],
      sampleRows: 1,
    });
    async function* pages() {
      yield rows.slice(0, 3);
      yield [];
      yield rows.slice(3);
    }
    const whole = await writeWorkbook([spec(rows)]);
    const paged = await writeWorkbook([spec(pages())]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(paged as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    expect(await loaded(paged)).toEqual(await loaded(whole));
    expect(ws.rowCount).toBe(8);
    expect(ws.getCell("A2").font?.italic).toBe(true);
    for (const addr of ["A3", "B8", "C4"]) expect(ws.getCell(addr).font?.italic).toBeFalsy();
    expect(ws.getCell("C3").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("D5").numFmt).toBe("@");
    expect(ws.getCell("D5").value).toBe("03");
  });
});
