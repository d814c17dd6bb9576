import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { dateOnly } from "./csv.js";
import { cellText, readWorkbook, writeWorkbook } from "./xlsx.js";

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

  it("answers 400 for bytes exceljs cannot read", async () => {
    await expect(readWorkbook(Buffer.from("not a workbook"))).rejects.toMatchObject({ status: 400, messageKey: "import.bad_workbook" });
  });
});

describe("writing tables", () => {
  it("writes a styled header, neutralised text, numbers, and dd/mm/yyyy dates that read back", async () => {
    const buf = await writeWorkbook([
      {
        name: "Danh sách tổ chức",
        columns: [{ header: "Tên", required: true, note: "Bắt buộc" }, { header: "Năm" }, { header: "Ngày" }, { header: "Cập nhật" }, { header: "Có?" }],
        rows: [
          ["=HYPERLINK(\"http://x\")", 1961, dateOnly("2026-11-27"), new Date("2026-11-27T03:00:00Z"), true],
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
    expect(ws.getCell("A2").value).toBe("'=HYPERLINK(\"http://x\")");
    expect(ws.getCell("A2").formula).toBeUndefined();
    expect(ws.getCell("B2").value).toBe(1961);
    expect(ws.getCell("C2").value).toEqual(new Date("2026-11-27T00:00:00Z"));
    expect(ws.getCell("C2").numFmt).toBe("dd/mm/yyyy");
    // 03:00 UTC is 10:00 in Hải Phòng
    expect(ws.getCell("D2").value).toEqual(new Date("2026-11-27T10:00:00Z"));
    expect(ws.getCell("E2").value).toBe("Có");
    expect(ws.getCell("E3").value).toBe("Không");
  });
});
