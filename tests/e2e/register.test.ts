// Journey: an officer forms a council and issues its establishment decision (it takes the register's next number), opens "Sổ văn
// bản đi" from the menu, finds the entry by searching and attaches the signed scan; a principal investigator has no
// such menu item.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { apiAs, launch, menu, screenshot, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("document register", () => {
  it("lists an issued document, finds it, and takes its signed scan", async () => {
    const api = apiAs("officer");
    // the demo's councils have their decisions issued already: the officer forms a new one, for the proposal that
    // waits for its identification council
    const waiting = await api.get<{ items: { id: string }[] }>("/api/v1/tasks?state=identification&pageSize=50");
    expect(waiting.items.length, "the demo has a proposal waiting for its identification council").toBeGreaterThan(0);
    const council = await api.json<{ id: string }>("POST", "/api/v1/councils", {
      kind: "identification",
      title: `Hội đồng tư vấn xác định nhiệm vụ (sổ văn bản ${Date.now()})`,
      taskIds: [waiting.items[0].id],
    });
    const entry = await api.json<{ symbol: string; summary: string }>("POST", "/api/v1/document-register", {
      kind: "council_establishment",
      entityId: council.id,
    });
    expect(entry.symbol).toMatch(/^\d{2,}\/QĐ-/);

    const { page, context, errors } = await signedInPage(browser, "officer");
    await menu(page).getByText("Sổ văn bản đi", { exact: true }).click();
    await page.waitForURL(/\/document-register$/);
    await page.getByText("Sổ đăng ký văn bản đi").first().waitFor();
    await page.getByPlaceholder("Số, ký hiệu, tên loại, trích yếu").fill(entry.symbol);
    const row = page.locator("tr").filter({ hasText: entry.symbol });
    await row.waitFor();
    expect(await row.textContent()).toContain(entry.summary);
    const chooser = page.waitForEvent("filechooser");
    await row.getByRole("button", { name: /Đính kèm bản đã ký/ }).click();
    await (
      await chooser
    ).setFiles({ name: "QĐ đã ký.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
    await row.getByRole("button", { name: "QĐ đã ký.pdf" }).waitFor();
    await screenshot(page, "document-register");
    expect(errors).toEqual([]);
    await context.close();

    const pi = await signedInPage(browser, "pi");
    await menu(pi.page).waitFor();
    expect(await menu(pi.page).getByText("Sổ văn bản đi", { exact: true }).count()).toBe(0);
    await pi.context.close();
  });
});
