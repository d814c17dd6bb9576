// Journey: an officer signs in to their work, finds the registries in figures (real counts) in a menu that follows the role; a 401 in
// the middle of the work sends them back to the sign-in page; sign-out ends the session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { apiAs, baseUrl, launch, menu, newPage, screenshot, signIn, chooseMenuItem } from "./browser.js";
import { e2eDatabaseMode } from "./server.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("sign-in", () => {
  it("runs on the database this project is for", async () => {
    const health = await (await fetch(baseUrl() + "/api/health")).json();
    expect(health.database).toBe(e2eDatabaseMode());
  });

  it("arrives drawn (rendered ahead, inert until the app takes it over), then answers with no hydration error", async () => {
    const html = await (await fetch(baseUrl() + "/login?next=%2Fpeople")).text();
    expect(html).toContain('<div id="root" data-prerendered="/login" inert>');
    expect(html).toContain(">Đăng nhập</h1>");
    expect(html).toContain("<title>Đăng nhập · KHCN Hải Phòng</title>");
    expect(html).toMatch(/<style[^>]*data-css-hash/);
    // Its scripts are asked for once it is painted, by one small module (scripts/vite-plugins.ts startAfterPaint).
    expect(html).toMatch(/<script type="module" src="\/assets\/boot-[0-9a-f]+\.js"><\/script>/);
    expect(html).not.toContain('rel="modulepreload"');
    for (const reducedMotion of ["reduce", "no-preference"] as const) {
      const { page, context, errors } = await newPage(browser);
      await page.emulateMedia({ reducedMotion });
      const logged: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" && !m.text().includes("401")) logged.push(m.text());
      });
      await page.goto("/login?next=%2Fpeople");
      await page.locator("#root:not([inert])").waitFor();
      // the field the page asks for first has the focus that `inert` kept from it
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("username");
      await page.keyboard.type("officer");
      await page.getByLabel("Mật khẩu").fill("khcn-demo");
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.waitForURL((u) => u.pathname === "/people");
      expect(errors, reducedMotion).toEqual([]);
      expect(logged, reducedMotion).toEqual([]);
      await context.close();
    }
  });

  it("refuses a wrong password with the server's message and keeps the user on the sign-in page", async () => {
    const { page, context } = await newPage(browser);
    await page.goto("/people");
    await page.waitForURL(/\/login\?next=%2Fpeople/);
    await page.getByLabel("Tên đăng nhập").fill("officer");
    await page.getByLabel("Mật khẩu").fill("not-the-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert").getByText("Tên đăng nhập hoặc mật khẩu không đúng").waitFor()).resolves.toBeUndefined();
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "login-wrong-password");
    await context.close();
  });

  it("signs an officer in to their work, with the registries' real counts a menu click away and an officer's menu", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, "officer");
    await page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
    await menu(page).getByText("Thống kê nhân lực, tổ chức", { exact: true }).click();
    await page.getByRole("heading", { name: "Thống kê nhân lực và tổ chức KH&CN" }).waitFor();

    const api = apiAs("admin");
    const summary = await api.get<{ counts: { people: number; organisations: number } }>("/api/v1/dashboard/summary");
    expect(summary.counts.people).toBeGreaterThan(0);
    const peopleCard = page.locator(".stat-card").filter({ hasText: "Nhân lực KH&CN" });
    await expect.poll(() => peopleCard.textContent()).toContain(new Intl.NumberFormat("vi-VN").format(summary.counts.people));
    // charts are drawn (one canvas per chart)
    await expect.poll(() => page.locator(".chart-card canvas").count()).toBeGreaterThanOrEqual(6);

    const nav = menu(page);
    for (const item of ["Trang chủ", "Nhân lực KH&CN", "Tổ chức KH&CN", "Nhập dữ liệu từ Excel", "Dữ liệu của tôi", "Danh mục dùng chung"]) {
      expect(await nav.getByText(item, { exact: true }).count(), item).toBe(1);
    }
    for (const item of ["Tài khoản người dùng", "Nhật ký hệ thống"]) {
      expect(await nav.getByText(item, { exact: true }).count(), item).toBe(0);
    }
    await screenshot(page, "dashboard-officer");

    // an admin page is refused to an officer
    await page.goto("/admin/users");
    await page.getByText("Không có quyền truy cập").waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("goes back to the sign-in page when the session ends (401 anywhere), and signs out", async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, "officer");
    await page.getByRole("heading", { name: "Việc của tôi" }).waitFor();

    // the session disappears (expired, revoked…): the next API call answers 401
    await context.clearCookies();
    await menu(page).getByText("Tổ chức KH&CN", { exact: true }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole("button", { name: "Đăng nhập" }).waitFor();

    // sign in again, then sign out from the account menu
    await page.getByLabel("Tên đăng nhập").fill("officer");
    await page.getByLabel("Mật khẩu").fill("khcn-demo");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL((u) => u.pathname === "/organisations");
    await chooseMenuItem(page, "Tài khoản", "Đăng xuất");
    await page.waitForURL(/\/login/);
    const me = await page.evaluate(() => fetch("/api/v1/auth/me").then((r) => r.status));
    expect(me).toBe(401);
    await context.close();
  });

  it("shows the person's name in the header, and signs out of every browser from the account menu", async () => {
    // An account of its own, linked to a person record: signing out everywhere must not end the run's shared sessions.
    const admin = apiAs("admin");
    const suffix = Date.now().toString(36);
    const person = await admin.post<{ id: string }>("/api/v1/people", {
      fullName: "Lê Thị Thanh Hương",
      birthYear: 1985,
      gender: "female",
      degree: "TS",
      fields: ["202"],
    });
    await admin.post("/api/v1/users", {
      username: `huong.${suffix}`,
      displayName: `huong.${suffix}`,
      password: "mật khẩu thử đăng xuất",
      roles: ["pi"],
      personId: person.id,
    });
    const first = await newPage(browser);
    const second = await newPage(browser);
    await signIn(first.page, `huong.${suffix}`, "mật khẩu thử đăng xuất");
    await signIn(second.page, `huong.${suffix}`, "mật khẩu thử đăng xuất");
    await first.page.locator(".account-name", { hasText: "Lê Thị Thanh Hương" }).waitFor();
    await screenshot(first.page, "header-person-name");

    await chooseMenuItem(first.page, "Tài khoản", "Đăng xuất khỏi mọi thiết bị");
    await first.page.waitForURL(/\/login/);
    // The other browser's session ended too: its next request is refused and it lands on the sign-in page.
    expect(await second.page.evaluate(() => fetch("/api/v1/auth/me").then((r) => r.status))).toBe(401);
    await menu(second.page).getByText("Dữ liệu của tôi", { exact: true }).click();
    await second.page.waitForURL(/\/login/);
    expect(first.errors).toEqual([]);
    await first.context.close();
    await second.context.close();
  });
});
