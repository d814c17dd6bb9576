// Journey: an administrator creates an account, changes its roles, disables it, and finds each step in the audit
// log with its before/after difference and an intact hash chain.
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

describe("administration", () => {
  it("creates, edits and disables an account; the audit log shows the changes and verifies", async () => {
    const api = apiAs("admin");
    const { page, context, errors } = await signedInPage(browser, "admin");

    const nav = menu(page);
    for (const item of ["Tài khoản người dùng", "Nhật ký hệ thống", "Danh mục dùng chung"]) {
      expect(await nav.getByText(item, { exact: true }).count(), item).toBe(1);
    }
    await nav.getByText("Tài khoản người dùng", { exact: true }).click();
    await page.getByRole("button", { name: "Tạo tài khoản" }).click();
    await page.waitForURL(/\/admin\/users\/new$/);

    // the shared contract validates before anything is sent
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.getByText("Vui lòng nhập trường này").first().waitFor();

    await page.getByLabel("Tên đăng nhập").fill("chuyenvien.moi");
    await page.getByLabel("Mật khẩu ban đầu").fill("Hai-Phong-2026-khcn");
    await page.getByLabel("Họ và tên").fill("Đỗ Thị Chuyên Viên");
    await page.getByLabel("E-mail").fill("cv.moi@khcn.example.vn");
    await page.getByRole("checkbox", { name: "Chuyên viên" }).check();
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "Đỗ Thị Chuyên Viên" }).waitFor();

    // add a role, save
    await page.getByRole("checkbox", { name: "Lãnh đạo" }).check();
    await page.getByRole("button", { name: "Lưu", exact: true }).click();
    await page
      .locator(".ant-descriptions")
      .getByText("Lãnh đạo")
      .waitFor({ state: "detached" })
      .catch(() => undefined);
    await expect
      .poll(async () => (await api.get<{ roles: string[] }>(`/api/v1/users/${new URL(page.url()).pathname.split("/")[3]}`)).roles)
      .toEqual(["officer", "leader"]);

    // disable with a reason
    await page.getByRole("button", { name: "Vô hiệu hoá" }).click();
    await page.getByLabel("Lý do").fill("Chuyển công tác");
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByText("Tài khoản đã bị vô hiệu hoá").waitFor();
    await page.getByRole("button", { name: "Kích hoạt lại" }).waitFor();
    await screenshot(page, "user-disabled");

    // the list finds the account without diacritics
    await nav.getByText("Tài khoản người dùng", { exact: true }).click();
    await page.getByLabel("Tìm theo tên đăng nhập, họ tên, e-mail").fill("do thi chuyen");
    await page.waitForURL(/q=do\+thi\+chuyen/);
    await expect.poll(() => page.locator(".list-table tbody tr.ant-table-row").count()).toBe(1);
    await page.getByRole("link", { name: "chuyenvien.moi" }).waitFor();

    // audit: the role change with its before/after
    await nav.getByText("Nhật ký hệ thống", { exact: true }).click();
    await page.getByLabel("Hành động").fill("user.roles_change");
    await page.waitForURL(/action=user\.roles_change/);
    const row = page.locator(".list-table tbody tr.ant-table-row").filter({ hasText: "user.roles_change" }).first();
    await row.waitFor();
    await row.locator(".ant-table-row-expand-icon").click();
    const diff = page.locator(".diff-table .diff-changed").first();
    await diff.waitFor();
    expect(await diff.textContent()).toContain("leader");
    await page.getByRole("button", { name: "Kiểm tra tính toàn vẹn" }).click();
    await page.getByText("Nhật ký toàn vẹn: chuỗi băm khớp").waitFor();
    await screenshot(page, "audit-diff");
    expect(errors).toEqual([]);
    await context.close();
  });
});
