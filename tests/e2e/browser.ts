// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, and the steps every journey shares.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject, onTestFailed } from "vitest";
import { ApiClient, DEMO_PASSWORD, type SessionUser } from "./server.js";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = path.resolve("test-results");

export function baseUrl(): string {
  return inject("baseUrl");
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A fresh browser profile (no cookies, no stored language) with the app's address as base URL. */
export async function newPage(browser: Browser, opts: { viewport?: { width: number; height: number }; baseURL?: string } = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: opts.baseURL ?? baseUrl(), viewport: opts.viewport ?? { width: 1366, height: 900 }, locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    // steady screenshots: charts and transitions skip their animations
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // a failing journey leaves a picture of the screen it failed on
  const test = (expect.getState().currentTestName ?? "test").replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80);
  onTestFailed(() => screenshot(page, `failed-${test}`).catch(() => undefined));
  return { context, page, errors };
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await menu(page).getByRole("menuitem").first().waitFor();
}

/** A page already signed in as a demo account (the run's shared session; no sign-in form), on the dashboard. */
export async function signedInPage(browser: Browser, user: SessionUser) {
  const p = await newPage(browser);
  const [name, ...value] = inject("sessions")[user].split("=");
  await p.context.addCookies([{ name, value: value.join("="), url: baseUrl() }]);
  await p.page.goto("/");
  // the shared session may have timed out on a slow machine: then sign in through the form
  const ready = await Promise.race([
    menu(p.page).getByRole("menuitem").first().waitFor().then(() => true),
    p.page.waitForURL(/\/login/).then(() => false),
  ]);
  if (!ready) await signIn(p.page, user);
  return p;
}

/** An API client with the run's shared session of a demo account. */
export function apiAs(user: SessionUser): ApiClient {
  return new ApiClient(baseUrl(), inject("sessions")[user], user);
}

export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The side menu. */
export const menu = (page: Page) => page.getByRole("navigation", { name: /Điều hướng chính|Main navigation/ });
