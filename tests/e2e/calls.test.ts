// Journey: an officer creates a call (default dossier documents, default window), publishes it, and sees the
// countdown from the server's clock; a PI finds the published call but never a draft; the officer cancels the call
// with a reason through the dialog.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { apiAs, launch, menu, screenshot, signedInPage, confirmWith } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("calls for proposals", () => {
  it("creates, publishes and cancels a call; a PI sees it once published, never a draft", async () => {
    const api = apiAs("admin");
    const code = `E2E-${Date.now()}`;
    const { page, context, errors } = await signedInPage(browser, "officer");

    await menu(page).getByText("Đợt gọi đề xuất", { exact: true }).click();
    await page.getByRole("button", { name: "Tạo đợt mới" }).click();
    await page.waitForURL(/\/calls\/new$/);
    await page.getByRole("textbox", { name: "Mã đợt" }).fill(code);
    await page.locator("#titleVi").fill("Đợt tuyển chọn thử nghiệm trình duyệt");
    // the dossier documents of a selection call are filled in by default
    expect(await page.locator('input[value="B1-1-ĐON"]').count()).toBe(1);
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/")[2];
    await page.getByText("Nháp", { exact: true }).waitFor();
    await page.getByRole("cell", { name: "B1-4-LLCN" }).waitFor();

    // a draft does not exist for a PI
    const pi = apiAs("pi");
    const piList = await pi.get<{ items: { id: string }[] }>(`/api/v1/calls?q=${code}`);
    expect(piList.items).toEqual([]);

    // publish: the server's clock decides; the window opens tomorrow, so the countdown is to the opening
    await confirmWith(page.getByRole("button", { name: "Công bố", exact: true }), "Công bố");
    await page.getByText("Đã công bố", { exact: true }).first().waitFor();
    await page
      .getByRole("timer")
      .getByText(/Mở nhận hồ sơ sau/)
      .waitFor();
    await screenshot(page, "call-published");
    expect((await api.get<{ status: string }>(`/api/v1/calls/${id}`)).status).toBe("published");

    // the PI now finds it in the list and opens it, without action buttons
    const piPage = await signedInPage(browser, "pi");
    await menu(piPage.page).getByText("Đợt gọi đề xuất", { exact: true }).click();
    await piPage.page.getByLabel("Tìm đợt").fill(code.toLowerCase());
    await piPage.page.getByRole("link", { name: code }).click();
    await piPage.page.getByRole("timer").waitFor();
    expect(await piPage.page.getByRole("button", { name: "Huỷ đợt" }).count()).toBe(0);
    expect(piPage.errors).toEqual([]);
    await piPage.context.close();

    // cancel with a reason
    await page.getByRole("button", { name: "Huỷ đợt" }).click();
    await page.getByLabel("Lý do").fill("Trùng nội dung với đợt khác");
    await page.locator(".ant-modal").getByRole("button", { name: "Huỷ đợt" }).click();
    await page.getByText("Đã huỷ", { exact: true }).first().waitFor();
    await expect
      .poll(async () => (await api.get<{ status: string; cancelReason: string }>(`/api/v1/calls/${id}`)).cancelReason)
      .toBe("Trùng nội dung với đợt khác");
    // the dialog closes and the record offers no further transitions
    await expect.poll(() => page.getByRole("button", { name: "Huỷ đợt" }).count()).toBe(0);
    await screenshot(page, "call-cancelled");
    expect(errors).toEqual([]);
    await context.close();
  });
});
