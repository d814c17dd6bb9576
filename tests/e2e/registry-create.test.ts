// Journey: an officer adds an organisation with an accredited laboratory, then a person working there, choosing
// the organisation by typing part of its name without diacritics, with the training, language and award of their CV.
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
    // the commune of 2025, found by typing without accents; no district is asked for a new record
    await choose(page, "Xã, phường, đặc khu", "do son", "Phường Đồ Sơn");
    expect(await page.getByLabel("Quận, huyện (trước 01/7/2025)", { exact: true }).count()).toBe(0);
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
    await page.getByText("Phường Đồ Sơn", { exact: true }).waitFor();
    const orgId = new URL(page.url()).pathname.split("/")[2];

    await page.goto("/people/new");
    await page.getByLabel("Họ và tên").fill("Vũ Thị Hải Yến");
    await page.getByLabel("Năm sinh").fill("1988");
    await choose(page, "Giới tính", "nu", "Nữ");
    await choose(page, "Trình độ", "tien si", "Tiến sĩ");
    await page.getByRole("button", { name: "Thêm nơi công tác" }).click();
    await choose(page, "Đơn vị công tác", "thu nghiem bien", "Viện Nghiên cứu Thử nghiệm Biển Đông (VNTN)");
    await page.getByLabel("Chức vụ").fill("Nghiên cứu viên chính");
    // the scientific CV's lists: a degree with its year (checked by the contract in the browser), a language, an award
    await page.getByRole("button", { name: "Thêm bậc đào tạo" }).click();
    await choose(page, "Bậc đào tạo", "tien si", "Tiến sĩ");
    await page.getByLabel("Nơi đào tạo").fill("Trường Đại học Hàng hải Việt Nam");
    await page.getByLabel("Năm tốt nghiệp").fill("3015");
    await page.getByText("Năm tốt nghiệp không được lớn hơn 2100.").waitFor();
    await page.getByLabel("Năm tốt nghiệp").fill("2015");
    await page.getByRole("button", { name: "Thêm ngoại ngữ" }).click();
    await page.getByLabel("Tên ngoại ngữ").fill("Tiếng Anh");
    for (const [skill, level] of [
      ["Nghe", "Khá"],
      ["Nói", "Khá"],
      ["Viết", "Tốt"],
      ["Đọc hiểu tài liệu", "Tốt"],
    ])
      await chooseOption(page.getByLabel(skill, { exact: true }), new RegExp(`^${level}$`));
    await page.getByRole("button", { name: "Thêm giải thưởng" }).click();
    await page.getByLabel("Hình thức và nội dung giải thưởng").fill("Bằng khen của Ủy ban nhân dân thành phố Hải Phòng");
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "Vũ Thị Hải Yến" }).waitFor();
    await page.getByRole("cell", { name: "Nghiên cứu viên chính" }).waitFor();
    await page.getByRole("cell", { name: "Trường Đại học Hàng hải Việt Nam" }).waitFor();
    await page.getByRole("cell", { name: "Tiếng Anh" }).waitFor();
    await screenshot(page, "person-created");

    const person = await api.get<{
      affiliations: { organisationId: string; position: string }[];
      degree: string;
      gender: string;
      education: unknown[];
      languages: unknown[];
      awards: unknown[];
    }>(`/api/v1${new URL(page.url()).pathname}`);
    expect(person.degree).toBe("TS");
    expect(person.gender).toBe("female");
    expect(person.affiliations).toEqual([expect.objectContaining({ organisationId: orgId, position: "Nghiên cứu viên chính" })]);
    expect(person.education).toEqual([{ level: "TS", institution: "Trường Đại học Hàng hải Việt Nam", field: null, year: 2015 }]);
    expect(person.languages).toEqual([{ language: "Tiếng Anh", listening: "fair", speaking: "fair", writing: "good", reading: "good" }]);
    expect(person.awards).toEqual([{ name: "Bằng khen của Ủy ban nhân dân thành phố Hải Phòng", year: null, awardedBy: null }]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
