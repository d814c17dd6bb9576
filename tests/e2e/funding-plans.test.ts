// The funding plan in the browser: an officer sees the printed table's three real errors first (relations of printed
// figures no rounding explains) with their arithmetic, the table exactly as printed with the errors' figures marked, the
// other checks as notes by class, and the model's inputs apart; the same in English; saves a what-if scenario and sees
// the model beside the baseline (no checks there); and records a year's actual allocations, which the tracking table
// then shows against the 2% target, corrects and deletes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { confirmWith, launch, screenshot, signedInPage } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const settle = async (page: Page) => {
  await page.waitForLoadState("networkidle");
  await page
    .locator(".ant-skeleton")
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => undefined);
};

describe("funding plan", () => {
  it("leads with the printed table's errors, shows the rest as notes, keeps scenarios apart, records actuals", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");
    await page.goto("/funding-plans");
    await settle(page);

    // the errors first: three, each with its arithmetic and why rounding cannot explain it
    const errorCard = page.locator(".fp-errors");
    await errorCard.getByText("Bảng in có 3 lỗi: không khớp ngoài mọi sai số làm tròn").waitFor();
    await expect.poll(() => errorCard.locator(".fp-error-item").count()).toBe(3);
    const first = errorCard.locator(".fp-error-item").first();
    await first.getByText("Lỗi 7", { exact: true }).waitFor();
    await first.getByText("1.223,584 − 304 = 919,584; bản in: 920,5", { exact: true }).waitFor();
    await first.getByText(/cách nhau ít nhất 0,3655/).waitFor();
    await errorCard.getByText("920,5 + 1.040,1 + 1.704,0 + 1.934,4 + 2.196,0 + 2.493,0 + 2.830,1 = 13.118,1; bản in: 13.118,817", { exact: true }).waitFor();

    // the table exactly as printed; the figures of the errors marked (12 figures in 3 errors), nothing else
    await page.locator('[data-figure="2014:social_total"]').getByText("1.223,584").waitFor();
    expect(await page.locator('[data-figure="2014:social_total"] .fp-printed').textContent()).toBe("1.223,584");
    expect(await page.locator('[data-figure="2015:social_total"] .fp-printed').textContent()).toBe("1.382,650");
    await expect.poll(() => page.locator(".fp-error").count()).toBe(12);
    expect(await page.locator('[data-figure="2014:other_total"] sup').textContent()).toBe("7,71");
    expect(await page.locator('[data-figure="2014:city_budget_recurrent"].fp-error').count()).toBe(0);
    // marking an error's figures in the table
    await first.getByRole("button", { name: "Xem trên bảng" }).click();
    await expect.poll(() => page.locator(".fp-marked").count()).toBe(3);
    await page.getByText("Đang đánh dấu các số của phép kiểm tra 7 (2014)", { exact: false }).waitFor();

    // the notes: the other 68 checks by class, the "whole numbers rounded" ones open with their arithmetic
    await page.getByText("Ghi chú: 68 phép kiểm tra khác").waitFor();
    await page.getByText("Chỉ giải thích được nếu số nguyên cũng đã làm tròn", { exact: true }).first().waitFor();
    await page.getByText("2.092,410 − 388 = 1.704,41; bản in: 1.704,0", { exact: true }).waitFor();
    await expect.poll(() => page.locator(".fp-note-item").count()).toBe(6 + 11);
    await page.getByText("Bằng nhau sau khi làm tròn", { exact: true }).click();
    await page.getByText("16.300,817 × 50% = 8.150,4085; bản in: 8.150,408", { exact: true }).first().waitFor();
    await expect.poll(() => page.locator(".fp-note-item").count()).toBe(6 + 11 + 8);
    // the model apart, with its implied inputs
    await page.getByText("Mô hình: đầu vào suy ra từ bản in (cơ sở cho kịch bản)").waitFor();
    await page.getByText("1.223,584 ÷ 1,5% = 81.572,267").waitFor();
    await screenshot(page, "funding-plan-checks");

    // the same in English: the arithmetic in English notation, the printed figures as printed
    await page.getByText("EN", { exact: true }).click();
    await page.getByText("Errors in the printed table, inconsistent beyond any rounding: 3").waitFor();
    await page.getByText("1,223.584 − 304 = 919.584; printed: 920.5", { exact: true }).waitFor();
    expect(await page.locator('[data-figure="2014:social_total"] .fp-printed').textContent()).toBe("1.223,584");
    await page.getByText("VI", { exact: true }).click();
    await page.getByText("Bảng in có 3 lỗi: không khớp ngoài mọi sai số làm tròn").waitFor();

    // a what-if scenario: the model beside the baseline's, no checks of printed figures
    await page.getByRole("button", { name: "Tạo kịch bản" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tên kịch bản").fill("Thử GRDP 2020 cao hơn (e2e)");
    const gdp2020 = dialog.getByLabel("GRDP (tỷ đồng) 2020");
    await gdp2020.fill("200000");
    await dialog.getByRole("button", { name: "Lưu kịch bản" }).click();
    await page.getByText(/Kịch bản là mô hình, không phải kiểm tra số liệu in/).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get("version")).toBeTruthy();
    expect(await page.locator(".fp-errors, .fp-error").count()).toBe(0);
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
    await form.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByRole("cell", { name: "Quyết toán NSĐP 2021 (e2e)" }).waitFor();
    await page.locator("canvas").first().waitFor();
    await screenshot(page, "funding-plan-actuals");

    // correcting the year (with the row's version), then deleting it
    await page.getByRole("button", { name: "Sửa số thực hiện năm 2021" }).click();
    const edit = page.getByRole("dialog");
    await edit.getByLabel("Nguồn số liệu").fill("Quyết toán NSĐP 2021, biểu 53 (e2e)");
    await edit.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByRole("cell", { name: "Quyết toán NSĐP 2021, biểu 53 (e2e)" }).waitFor();
    await confirmWith(page.getByRole("button", { name: "Xoá số thực hiện năm 2021" }));
    await page.getByText("Đã xoá", { exact: true }).waitFor();
    await expect.poll(() => page.getByRole("cell", { name: "Quyết toán NSĐP 2021, biểu 53 (e2e)" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
