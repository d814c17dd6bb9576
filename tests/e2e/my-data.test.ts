// Journey: a person corrects their own record, gives consent and asks for deletion; an officer rejects the request
// with a reason, which the person then reads.
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

describe("my data", () => {
  it("corrects own data, records consent, and follows a deletion request to its answer", async () => {
    const pi = apiAs("pi");
    const { page, context, errors } = await signedInPage(browser, "pi");

    // a principal investigator has no registry administration in the menu
    expect(await menu(page).getByText("Nhập dữ liệu từ Excel", { exact: true }).count()).toBe(0);
    await menu(page).getByText("Dữ liệu của tôi", { exact: true }).click();
    await page.getByRole("button", { name: "Sửa thông tin" }).click();
    await page.getByLabel("Điện thoại").fill("0912 000 111");
    // the Department keeps affiliations: not in a person's own form
    expect(await page.getByRole("button", { name: "Thêm nơi công tác" }).count()).toBe(0);
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByRole("button", { name: "Sửa thông tin" }).waitFor();
    await page.getByText("0912 000 111").waitFor();
    expect((await pi.get<{ contact: { phone: string } }>("/api/v1/me/person")).contact.phone).toBe("0912 000 111");

    // toggle one consent (the demo data may already hold an answer) and see it recorded
    type Consents = { current: { purpose: string; granted: boolean | null }[] };
    const granted = async () => (await pi.get<Consents>("/api/v1/me/consents")).current.find((c) => c.purpose === "expert_pool")?.granted ?? false;
    const before = await granted();
    await page.getByLabel("Mời tham gia hội đồng").click();
    await page.getByText(before ? "Đã rút lại sự đồng ý" : "Đã ghi nhận sự đồng ý").waitFor();
    expect(await granted()).toBe(!before);

    await page.getByRole("button", { name: "Yêu cầu xoá dữ liệu của tôi" }).click();
    await page.getByLabel("Lý do").fill("Tôi đã nghỉ hưu");
    await page.getByRole("button", { name: "Gửi yêu cầu" }).click();
    await page.getByRole("button", { name: "Đang chờ xử lý yêu cầu xoá" }).waitFor();
    await screenshot(page, "my-data");

    // the officer's queue
    const officer = await signedInPage(browser, "officer");
    await menu(officer.page).getByText("Yêu cầu xoá dữ liệu", { exact: true }).click();
    const row = officer.page.locator(".list-table tbody tr.ant-table-row").filter({ hasText: "Tôi đã nghỉ hưu" });
    await row.getByRole("button", { name: "Từ chối" }).click();
    await officer.page.getByLabel("Lý do từ chối (người yêu cầu sẽ đọc được)").fill("Hồ sơ đang dùng cho nhiệm vụ chưa nghiệm thu");
    await officer.page.getByRole("dialog").getByRole("button", { name: "Từ chối" }).click();
    await officer.page.getByText("Đã từ chối yêu cầu").waitFor();
    await officer.context.close();

    await page.reload();
    await page.getByText("Hồ sơ đang dùng cho nhiệm vụ chưa nghiệm thu").waitFor();
    await page.getByRole("button", { name: "Yêu cầu xoá dữ liệu của tôi" }).waitFor();
    expect(errors).toEqual([]);
    expect(officer.errors).toEqual([]);
    await context.close();
  });
});
