// Journey: an officer edits an organisation and saves — a founding year typed wrong is refused with a plain message
// naming the field, never saved without it; when someone else saved first, the form keeps the officer's input, shows
// the current values beside it, and saves on top of the new version.
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

interface Org {
  id: string;
  nameVi: string;
  nameEn: string | null;
  phone: string | null;
  version: number;
  [k: string]: unknown;
}

describe("edit an organisation", () => {
  it("saves an edit, and resolves a version conflict keeping the officer's input", async () => {
    const api = apiAs("admin");
    const { page, context, errors } = await signedInPage(browser, "officer");

    await menu(page).getByText("Tổ chức KH&CN", { exact: true }).click();
    await page.getByLabel("Tìm theo tên, tên viết tắt, mã số thuế").fill("hang hai");
    await page.waitForURL(/q=hang\+hai/);
    // the list refreshes on the server's answer: wait for a matching row before clicking it
    const first = page.locator(".list-table tbody tr.ant-table-row td:first-child a", { hasText: /Hàng hải/i }).first();
    await first.waitFor();
    const name = (await first.textContent())!;
    await first.click();
    await page.getByRole("heading", { name }).waitFor();
    const id = new URL(page.url()).pathname.split("/")[2];
    const before = await api.get<Org>(`/api/v1/organisations/${id}`);

    // 1. a plain edit
    await page.getByRole("button", { name: "Sửa" }).click();
    await page.waitForURL(new RegExp(`/organisations/${id}/edit$`));
    const phone = page.getByLabel("Điện thoại");
    await phone.fill("0225 3 111 222");
    // a typo in the founding year stays on screen and is refused; nothing is saved without it
    const year = page.getByLabel("Năm thành lập");
    await year.fill("19x5");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Năm thành lập phải là một số.").waitFor();
    expect(await year.inputValue()).toBe("19x5");
    expect((await api.get<Org>(`/api/v1/organisations/${id}`)).version).toBe(before.version);
    await year.fill("3025");
    await page.getByText("Năm thành lập không được lớn hơn 2100.").waitFor();
    await screenshot(page, "organisation-year-refused");
    await year.fill("1956");
    await page.getByRole("button", { name: "Lưu" }).click();
    await page.waitForURL(new RegExp(`/organisations/${id}$`));
    await page.getByText("0225 3 111 222").waitFor();
    const saved = await api.get<Org>(`/api/v1/organisations/${id}`);
    expect(saved.phone).toBe("0225 3 111 222");
    expect(saved.foundedYear).toBe(1956);
    expect(saved.version).toBe(before.version + 1);
    await screenshot(page, "organisation-saved");

    // 2. a stale edit: someone else saves while the officer is editing
    await page.getByRole("button", { name: "Sửa" }).click();
    await page.waitForURL(new RegExp(`/organisations/${id}/edit$`));
    await page.getByLabel("Điện thoại").fill("0225 3 999 000");
    const { id: _id, version, parentName: _p, peopleCount: _c, createdAt: _a, updatedAt: _u, abilities: _ab, laboratories, ...rest } = saved;
    await api.put(`/api/v1/organisations/${id}`, {
      ...rest,
      laboratories: (laboratories as { id: string }[]).map(({ id: _lid, ...l }) => l),
      nameEn: "Changed by someone else",
      version,
    });
    await page.getByRole("button", { name: "Lưu" }).click();

    const conflict = page.locator(".conflict-panel");
    await conflict.getByText("Bản ghi vừa được người khác cập nhật").waitFor();
    // the officer's input is still in the form, the server's values are shown beside it
    expect(await page.getByLabel("Điện thoại").inputValue()).toBe("0225 3 999 000");
    const nameEnRow = conflict.locator("tr").filter({ hasText: "Tên tiếng Anh" });
    await nameEnRow.getByText("Changed by someone else").waitFor();
    const phoneRow = conflict.locator("tr").filter({ hasText: "Điện thoại" });
    expect(await phoneRow.textContent()).toContain("0225 3 999 000");
    expect(await phoneRow.textContent()).toContain("0225 3 111 222");
    await screenshot(page, "organisation-conflict");

    // take the other person's English name, keep my phone, save on top of the new version
    await nameEnRow.getByRole("button", { name: "Dùng giá trị hiện tại" }).click();
    await page.getByRole("button", { name: "Lưu thay đổi của tôi lên bản mới nhất" }).click();
    await page.waitForURL(new RegExp(`/organisations/${id}$`));
    const merged = await api.get<Org>(`/api/v1/organisations/${id}`);
    expect(merged.phone).toBe("0225 3 999 000");
    expect(merged.nameEn).toBe("Changed by someone else");
    expect(merged.version).toBe(saved.version + 2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
