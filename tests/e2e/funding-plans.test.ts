// The funding plan in the browser: an officer sees the printed table beside the recomputation with the 17 flagged
// cells and their arithmetic, saves a what-if scenario and sees it compared with the baseline, and records a year's
// actual allocations, which the tracking table then shows against the 2% target.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, screenshot, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const settle = async (page: Page) => {
  await page.waitForLoadState("networkidle");
  await page.locator(".ant-skeleton").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
};

describe("funding plan", () => {
  it("shows printed vs recomputed with flagged cells, saves a scenario, records actuals", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");
    await page.goto("/funding-plans");
    await settle(page);
    await expect.poll(() => page.locator(".fp-flagged").count()).toBe(17);
    await page.getByText(/17 ô trong bản in lệch/).waitFor();
    // the arithmetic of a flagged cell, on hover
    await page.locator(".fp-flagged").first().hover();
    await page.getByRole("tooltip").filter({ hasText: "1.223,584 − 304 = 919,584; bản in: 920,5" }).waitFor();
    await screenshot(page, "funding-plan-table");

    // a what-if scenario
    await page.getByRole("button", { name: "Tạo kịch bản" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tên kịch bản").fill("Thử GRDP 2020 cao hơn (e2e)");
    const gdp2020 = dialog.getByLabel("GRDP (tỷ đồng) 2020");
    await gdp2020.fill("200000");
    await dialog.getByRole("button", { name: "Lưu kịch bản" }).click();
    await page.getByText(/Kịch bản: mỗi ô là giá trị tính lại/).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get("version")).toBeTruthy();
    expect(await page.locator(".fp-flagged").count()).toBe(0);
    await page.getByRole("cell", { name: "4.000", exact: true }).first().waitFor();

    // actual allocations
    await page.getByRole("tab", { name: "Thực hiện so với kế hoạch" }).click();
    await settle(page);
    await page.getByRole("button", { name: "Nhập số thực hiện" }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("Năm").fill("2021");
    await form.getByLabel("NS TP – sự nghiệp (tỷ đồng)").fill("350");
    await form.getByLabel("NS TP – đầu tư phát triển (tỷ đồng)").fill("300");
    await form.getByLabel("Nguồn số liệu").fill("Quyết toán NSĐP 2021 (e2e)");
    await form.getByRole("button", { name: /OK|Đồng ý/ }).click();
    await page.getByRole("cell", { name: "Quyết toán NSĐP 2021 (e2e)" }).waitFor();
    await page.locator("canvas").first().waitFor();
    await screenshot(page, "funding-plan-actuals");
    expect(errors).toEqual([]);
    await context.close();
  });
});
