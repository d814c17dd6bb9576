// Journey: the buttons follow the server's abilities (GET /auth/me → can). An officer, whom the server lets plan
// inspections, is offered "Lập kế hoạch kiểm tra" on the monitoring page and reaches the form; a principal
// investigator, whom the server refuses, is not offered it and is refused the form's address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, screenshot, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("monitoring actions follow the server's abilities", () => {
  it("an officer is offered a new inspection and reaches its form", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");
    await page.goto("/monitoring?tab=inspections");
    const plan = page.getByRole("button", { name: "Lập kế hoạch kiểm tra" });
    await plan.waitFor();
    await screenshot(page, "monitoring-inspections-officer");
    await plan.click();
    await page.waitForURL((u) => u.pathname === "/monitoring/inspections/new");
    await page.locator(".page-header").first().waitFor();
    expect(await page.getByText("Không có quyền truy cập").count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a principal investigator is not offered it, and the form's address is refused", async () => {
    const { page, context, errors } = await signedInPage(browser, "pi");
    await page.goto("/monitoring?tab=inspections");
    await page.locator(".page-header").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("button", { name: "Lập kế hoạch kiểm tra" }).count()).toBe(0);
    await page.goto("/monitoring/inspections/new");
    await page.getByText("Không có quyền truy cập").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
