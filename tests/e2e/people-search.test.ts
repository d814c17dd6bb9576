// Journey: find "Nguyễn Văn An" by typing "nguyen van" (accent-insensitive search on the server); the filters live
// in the URL, so a reload keeps them; the person's record opens from the list.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { foldVietnamese } from "../../src/common/list.js";
import { launch, menu, screenshot, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("people search", () => {
  it("finds Nguyễn Văn An by typing 'nguyen van' and opens the record", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");

    await menu(page).getByText("Nhân lực KH&CN", { exact: true }).click();
    await page.waitForURL(/\/people$/);

    const search = page.getByLabel("Tìm theo tên, từ khoá chuyên môn");
    await search.pressSequentially("nguyen van", { delay: 30 });
    await page.waitForURL(/q=nguyen\+van/);
    const rows = page.locator(".list-table tbody tr.ant-table-row");
    const an = page.getByRole("link", { name: "Nguyễn Văn An", exact: true }).first();
    await an.waitFor();

    // every name shown matches the unaccented search
    await expect.poll(async () => (await rows.locator("td:first-child a").allTextContents()).every((n) => foldVietnamese(n).includes("nguyen van"))).toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    await screenshot(page, "people-search-nguyen-van");

    // export with the current filters: the file holds the same people
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Xuất Excel" }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const nameCol = header.findIndex((h) => /Họ và tên/i.test(h));
    expect(nameCol).toBeGreaterThan(0);
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(nameCol).value ?? ""));
    });
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => foldVietnamese(n).includes("nguyen van"))).toBe(true);
    expect(names).toContain("Nguyễn Văn An");

    // the search is in the URL: a reload shows the same list
    await page.reload();
    await expect.poll(() => page.getByLabel("Tìm theo tên, từ khoá chuyên môn").inputValue()).toBe("nguyen van");
    await page.getByRole("link", { name: "Nguyễn Văn An", exact: true }).first().click();
    await page.getByRole("heading", { name: "Nguyễn Văn An" }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/people\/[0-9a-f-]{36}$/);
    // an officer sees the contact section
    await page.getByText("Liên hệ", { exact: true }).waitFor();
    await screenshot(page, "person-detail");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("filters by degree from the filter form and sorts on the server", async () => {
    const { page, context } = await signedInPage(browser, "officer");
    await page.goto("/people?degree=TS&sort=-birthYear");
    await page.locator(".list-table tbody tr.ant-table-row").first().waitFor();
    const degrees = await page.locator(".list-table tbody tr.ant-table-row td:nth-child(4)").allTextContents();
    expect(degrees.length).toBeGreaterThan(0);
    expect(degrees.every((d) => d.includes("Tiến sĩ"))).toBe(true);
    const years = (await page.locator(".list-table tbody tr.ant-table-row td:nth-child(2)").allTextContents()).map(Number).filter(Boolean);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    await context.close();
  });
});
