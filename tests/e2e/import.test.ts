// Journey: an officer imports people from an .xlsx with one bad row — nothing is written and the screen names the
// row and the column; after fixing the row the same page writes every row at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { apiAs, launch, menu, screenshot, signedInPage } from "./browser.js";

let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "khcn-e2e-import-"));
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const HEADERS = ["Họ và tên", "Năm sinh", "Giới tính", "Học vị", "Lĩnh vực KH&CN", "Đơn vị công tác", "Chức vụ"];

async function writeWorkbook(file: string, rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Nhân lực");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describe("import people from Excel", () => {
  it("shows the bad row and column and writes nothing; the corrected file is written all at once", async () => {
    const api = apiAs("officer");
    const org = (await api.get<{ items: { nameVi: string }[] }>("/api/v1/organisations?q=hang%20hai&pageSize=1")).items[0];
    expect(org).toBeDefined();
    const marker = "Kiểm Thử Nhập";
    const rows: (string | number)[][] = [
      [`Trần Thị ${marker} Một`, 1985, "Nữ", "TS", "102", org.nameVi, "Giảng viên"],
      [`Lê Văn ${marker} Hai`, "năm ngoái", "Nam", "ThS", "202", org.nameVi, "Nghiên cứu viên"],
      [`Phạm Minh ${marker} Ba`, 1990, "Nam", "ThS", "203", org.nameVi, "Kỹ sư"],
    ];
    const bad = path.join(dir, "nhan-luc-co-loi.xlsx");
    await writeWorkbook(bad, rows);

    const { page, context, errors } = await signedInPage(browser, "officer");

    await menu(page).getByText("Nhập dữ liệu từ Excel", { exact: true }).click();
    await page.getByRole("heading", { name: "Nhập dữ liệu từ Excel" }).waitFor();
    await page.locator("input[type=file]").setInputFiles(bad);

    const preview = page.locator(".import-preview");
    await preview.locator(".import-status").getByText("Có lỗi — chưa ghi").waitFor();
    await preview.getByText("Tệp có lỗi, chưa có dòng nào được ghi").waitFor();
    // the error names Excel's row 3 (header is row 1) and the column "Năm sinh", with the value and a Vietnamese message
    const errorRow = preview.locator(".import-errors tbody tr.ant-table-row").filter({ hasText: "Năm sinh" });
    await errorRow.waitFor();
    const cells = await errorRow.locator("td").allTextContents();
    expect(cells[0]).toBe("3");
    expect(cells[1]).toBe("Năm sinh");
    expect(cells[2]).toBe("năm ngoái");
    expect(cells[3]).toMatch(/[ăâđêôơưàáảãạ]/i);
    expect(await preview.locator(".import-errors tbody tr.ant-table-row").count()).toBe(1);
    // no commit button for an invalid file, and nothing was written
    expect(await page.getByRole("button", { name: /Ghi \d+ dòng/ }).count()).toBe(0);
    const found = await api.get<{ total: number }>(`/api/v1/people?q=${encodeURIComponent("kiem thu nhap")}`);
    expect(found.total).toBe(0);
    await screenshot(page, "import-bad-row");

    // fix the row and upload again: ready → commit → result
    rows[1][1] = 1979;
    const good = path.join(dir, "nhan-luc-da-sua.xlsx");
    await writeWorkbook(good, rows);
    await page.getByRole("button", { name: "Tải lên tệp đã sửa" }).click();
    await page.locator("input[type=file]").setInputFiles(good);
    await preview.locator(".import-status").getByText("Hợp lệ — sẵn sàng ghi").waitFor();
    await page.getByRole("progressbar").first().waitFor();
    await page.getByRole("button", { name: "Ghi 3 dòng vào hệ thống" }).click();
    await page.getByText("Đã nhập dữ liệu").waitFor();
    await page.getByText("Đã tạo 3 bản ghi mới.").waitFor();
    await screenshot(page, "import-committed");
    const after = await api.get<{ total: number; items: { fullName: string }[] }>(`/api/v1/people?q=${encodeURIComponent("kiem thu nhap")}`);
    expect(after.total).toBe(3);
    expect(after.items.map((p) => p.fullName).sort()).toEqual(rows.map((r) => String(r[0])).sort());
    expect(errors).toEqual([]);
    await context.close();
  });
});
