// Journey: an officer opens "Quy trình" from the administration menu, sees both shipped templates with their legal
// basis and effective date, and reads a version's steps and transitions (from → action → to, roles, documents, guards).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, menu, screenshot, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("process templates", () => {
  it("lists the templates and shows a version as a readable table", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");
    await menu(page).getByText("Quy trình", { exact: true }).click();
    await page.waitForURL(/\/admin\/processes$/);
    await page.getByText("Nhiệm vụ KH&CN cấp thành phố — tuyển chọn / giao trực tiếp").waitFor();
    await page.getByText("Nhiệm vụ KH&CN cấp thành phố — tài trợ / đặt hàng (Luật 93/2025)").waitFor();
    await page.getByText("Luật KH&CN 2013; TT 20/2023/TT-BKHCN; TT 11/2014/TT-BKHCN; QĐ 2848/2015/QĐ-UBND").waitFor();
    expect(await page.getByText("Đang áp dụng").count()).toBe(2);
    await page.getByText("01/01/2014").waitFor();
    await screenshot(page, "process-templates");

    await page.locator('a[href="/admin/processes/baseline-2013/versions/1"]').click();
    await page.waitForURL(/\/admin\/processes\/baseline-2013\/versions\/1$/);
    const row = page.locator("tr").filter({ hasText: "submit_dossier" });
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    for (const part of [
      "Thông báo tuyển chọn / giao trực tiếp — nhận hồ sơ",
      "Nộp hồ sơ",
      "Hồ sơ đã nộp",
      "Chủ nhiệm nhiệm vụ",
      "Đại diện tổ chức",
      "B1-1-ĐON",
      "Còn trong hạn (theo giờ máy chủ)",
    ])
      expect(text, part).toContain(part);
    await page.getByText("Các bước (24)").waitFor();
    await screenshot(page, "process-version");
    expect(errors).toEqual([]);
    await context.close();
  });
});
