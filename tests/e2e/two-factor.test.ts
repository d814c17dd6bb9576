// Journey: where a second factor is required (every deployment but demo mode), an administrator enrols an
// authenticator app at the first sign-in — the secret and otpauth address are shown as text — and gives a code at
// the next one.
import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, newPage, screenshot, chooseMenuItem } from "./browser.js";
import { startApp, type RunningApp } from "./server.js";

let browser: Browser;
let app: RunningApp;
beforeAll(async () => {
  app = await startApp(0, { requireTotp: true }, { prepare: false });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function credentials(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill("khcn-demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

describe("two-factor sign-in", () => {
  it("enrols an authenticator app, then asks for a code at the next sign-in", async () => {
    const { page, context, errors } = await newPage(browser, { baseURL: app.baseUrl });
    await credentials(page);
    await page.getByText("Vai trò của bạn bắt buộc xác thực hai lớp", { exact: false }).waitFor();
    const uri = (await page.locator("code", { hasText: "otpauth://" }).textContent())!.trim();
    const totp = OTPAuth.URI.parse(uri) as OTPAuth.TOTP;
    const secret = (await page.locator("code").first().textContent())!.trim();
    expect(totp.secret.base32).toBe(secret);
    await screenshot(page, "totp-setup");
    // nothing behind the sign-in is reachable before the code is given
    expect(await page.evaluate(() => fetch("/api/v1/people").then((r) => r.status))).toBe(401);

    const enrolStep = Math.floor(Date.now() / 30_000);
    await page.getByLabel("Mã xác thực 6 chữ số").fill(totp.generate());
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByRole("heading", { name: "Việc của tôi" }).waitFor();

    await chooseMenuItem(page, "Tài khoản", "Đăng xuất");
    await page.waitForURL(/\/login/);

    await credentials(page);
    await page.getByText("Tài khoản của bạn dùng xác thực hai lớp", { exact: false }).waitFor();
    await page.getByLabel("Mã xác thực 6 chữ số").fill(totp.generate({ timestamp: Date.now() + 10 * 60_000 }));
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByRole("alert").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");

    // a used time step is refused: take the next one when the enrolment code's step is still current
    const timestamp = Math.floor(Date.now() / 30_000) > enrolStep ? Date.now() : Date.now() + 30_000;
    await page.getByLabel("Mã xác thực 6 chữ số").fill(totp.generate({ timestamp }));
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByRole("heading", { name: "Việc của tôi" }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
