// Journey: an officer adds an organisation with an accredited laboratory, then a person working there, choosing
// the organisation by typing part of its name without diacritics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { apiAs, launch, screenshot, signedInPage, chooseOption } from "./browser.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Picks an option in an Ant Design select opened from its label (typing filters the options). */
async function choose(page: Page, label: string, type: string, option: string) {
  const exact = new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  await chooseOption(page.getByLabel(label, { exact: true }), exact, type, true);
}

describe("registry records", () => {
  it("creates an organisation with a laboratory and a person affiliated to it", async () => {
    const api = apiAs("officer");
    const { page, context, errors } = await signedInPage(browser, "officer");

    await page.goto("/organisations/new");
    await page.getByLabel("Tên tổ chức").fill("Viện Nghiên cứu Thử nghiệm Biển Đông");
    await page.getByLabel("Tên viết tắt").fill("VNTN");
    await choose(page, "Loại hình", "nghien cuu", "Tổ chức nghiên cứu và phát triển");
    await choose(page, "Quận, huyện", "do son", "Quận Đồ Sơn");
    // the contract's rule on tax codes is checked in the browser, in Vietnamese
    await page.getByLabel("Mã số thuế").fill("12345");
    await page.getByText("Mã số thuế gồm 10 hoặc 13 chữ số").waitFor();
    await page.getByLabel("Mã số thuế").fill("0201234567");
    await page.getByRole("button", { name: "Thêm phòng thí nghiệm" }).click();
    await page.getByLabel("Tên phòng thí nghiệm").fill("Phòng thử nghiệm môi trường biển");
    await page.getByLabel("Số hiệu công nhận").fill("VILAS 999");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "Viện Nghiên cứu Thử nghiệm Biển Đông" }).waitFor();
    await page.getByRole("cell", { name: "Phòng thử nghiệm môi trường biển" }).waitFor();
    const orgId = new URL(page.url()).pathname.split("/")[2];

    await page.goto("/people/new");
    await page.getByLabel("Họ và tên").fill("Vũ Thị Hải Yến");
    await page.getByLabel("Năm sinh").fill("1988");
    await choose(page, "Giới tính", "nu", "Nữ");
    await choose(page, "Trình độ", "tien si", "Tiến sĩ");
    await page.getByRole("button", { name: "Thêm nơi công tác" }).click();
    await choose(page, "Đơn vị công tác", "thu nghiem bien", "Viện Nghiên cứu Thử nghiệm Biển Đông (VNTN)");
    await page.getByLabel("Chức vụ").fill("Nghiên cứu viên chính");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "Vũ Thị Hải Yến" }).waitFor();
    await page.getByRole("cell", { name: "Nghiên cứu viên chính" }).waitFor();
    await screenshot(page, "person-created");

    const person = await api.get<{ affiliations: { organisationId: string; position: string }[]; degree: string; gender: string }>(
      `/api/v1${new URL(page.url()).pathname}`,
    );
    expect(person.degree).toBe("TS");
    expect(person.gender).toBe("female");
    expect(person.affiliations).toEqual([expect.objectContaining({ organisationId: orgId, position: "Nghiên cứu viên chính" })]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
