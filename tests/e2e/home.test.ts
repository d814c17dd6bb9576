// Journey: the home page is the user's work ("Việc của tôi"). The demo expert, in session on an appraisal, finds the
// ballot to score on their home, narrows the list to "Chấm phiếu" and reaches the scoring form with clicks only; the
// demo PI sees their overdue progress report first, highlighted, and opens it from the home.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, newPage, screenshot, signIn, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the home page: what waits for the user", () => {
  it("takes an expert from their home to a ballot to score, with clicks only", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, "expert");
    await page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
    const groups = page.getByTestId("work-groups");
    await groups.getByText(/^Chấm phiếu \(\d+/).click();
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // the filter keeps the ballots only
    for (const link of await rows.getByTestId("work-action").all()) expect(await link.textContent()).toBe("Chấm phiếu");
    await screenshot(page, "home-expert");
    const row = rows.filter({ hasText: "Tổ thẩm định nội dung và kinh phí" }).first();
    await row.getByRole("link", { name: "Chấm phiếu" }).click();
    await page.waitForURL(/\/councils\/[0-9a-f-]+\/score$/);
    await page.getByText("Đã ký cam kết lúc", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Lưu nháp" }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a PI their overdue progress report first, and opens it", async () => {
    const { page, context, errors } = await signedInPage(browser, "pi");
    await page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
    const first = page.locator(".ant-table-tbody tr.ant-table-row").first();
    await first.getByText("Quá hạn", { exact: false }).waitFor();
    await first.getByRole("link", { name: "Nộp báo cáo" }).waitFor();
    expect(await first.textContent()).toContain("Báo cáo tiến độ");
    await screenshot(page, "home-pi");
    await first.getByRole("link", { name: "Nộp báo cáo" }).click();
    await page.waitForURL(/\/monitoring\/reports\/[0-9a-f-]+$/);
    await page.getByRole("heading", { level: 1, name: /Báo cáo định kỳ/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
