// Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, and the steps every journey shares.
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type ElementHandle, type Locator, type Page } from "playwright-core";
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
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser profile (no cookies, no stored language) with the app's address as base URL. */
export async function newPage(
  browser: Browser,
  opts: { viewport?: { width: number; height: number }; baseURL?: string } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: opts.baseURL ?? baseUrl(),
    viewport: opts.viewport ?? { width: 1366, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    // steady screenshots: charts and transitions skip their animations
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // a failing journey leaves a picture of the screen it failed on, and prints where it was, the messages on screen and
  // the page's last API answers and console errors
  const trail: string[] = [];
  const pathOf = (url: string) => url.replace(/^https?:\/\/[^/]+/, "");
  const keep = (line: string) => {
    trail.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (trail.length > 40) trail.shift();
  };
  page.on("response", (r) => {
    if (r.url().includes("/api/")) keep(`${r.request().method()} ${pathOf(r.url())} → ${r.status()}`);
  });
  page.on("requestfailed", (r) => keep(`${r.method()} ${pathOf(r.url())} failed: ${r.failure()?.errorText}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") keep(`console.${m.type()}: ${m.text().slice(0, 300)}`);
  });
  page.on("pageerror", (e) => keep(`pageerror: ${e.message}`));
  page.on("framenavigated", (f) => {
    if (f === page.mainFrame()) keep(`at ${pathOf(f.url())}`);
  });
  const test = (expect.getState().currentTestName ?? "test").replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80);
  onTestFailed(async () => {
    await screenshot(page, `failed-${test}`).catch(() => undefined);
    const onScreen = await page
      .locator(".ant-message-notice, .ant-notification-notice, [role=alert], .ant-form-item-explain-error, .ant-dropdown:not(.ant-dropdown-hidden)")
      .allTextContents()
      .catch(() => []);
    console.error([`page at ${page.url()}`, `on screen: ${JSON.stringify(onScreen)}`, "last events:", ...trail].join("\n  "));
  });
  return { context, page, errors };
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await menu(page).getByRole("menuitem").first().waitFor();
  await page.locator("#root:not([inert])").waitFor();
}

/** A page already signed in as a demo account (the run's shared session; no sign-in form), on the dashboard. */
export async function signedInPage(browser: Browser, user: SessionUser) {
  const p = await newPage(browser);
  const [name, ...value] = inject("sessions")[user].split("=");
  await p.context.addCookies([{ name, value: value.join("="), url: baseUrl() }]);
  await p.page.goto("/");
  // the shared session may have timed out on a slow machine: then sign in through the form
  const ready = await Promise.race([
    menu(p.page)
      .getByRole("menuitem")
      .first()
      .waitFor()
      .then(() => true),
    p.page.waitForURL(/\/login/).then(() => false),
  ]);
  if (!ready) await signIn(p.page, user);
  // the home, rendered on the server, answers once the app has taken it over
  await p.page.locator("#root:not([inert])").waitFor();
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

/** The popups of Ant Design: dropdown menus, select lists, date pickers, popovers and confirmations. */
const POPUP = ".ant-dropdown, .ant-select-dropdown, .ant-picker-dropdown, .ant-popover";

/**
 * Clicks `target`, an element of the popup `opener` opened, once the popup sits beside its opener. antd draws a popup
 * before it has aligned it and moves it a moment later; on a loaded machine a click in between presses the popup at
 * its first place and lets go on whatever lies there after the move, and nothing is chosen.
 */
export async function clickInPopup(opener: Locator | ElementHandle, target: Locator) {
  await target.waitFor();
  const anchor = "elementHandle" in opener ? await opener.elementHandle() : opener;
  await expect
    .poll(() =>
      target.evaluate(
        (el, [sel, a]) => {
          const popup = el.closest(sel as string);
          if (!popup || !a) return true;
          const p = popup.getBoundingClientRect();
          const o = (a as Element).getBoundingClientRect();
          return p.top >= o.bottom - 1 || p.bottom <= o.top + 1 || p.left >= o.right - 1 || p.right <= o.left + 1;
        },
        [POPUP, anchor] as const,
      ),
    )
    .toBe(true);
  await target.click();
}

/** Opens the dropdown menu of the button named `button` and chooses the item named `item`. */
export async function chooseMenuItem(page: Page, button: string, item: string) {
  const opener = page.getByRole("button", { name: button });
  await opener.click();
  // exact: "Đăng xuất" is not "Đăng xuất khỏi mọi thiết bị"
  await clickInPopup(opener, page.getByRole("menuitem", { name: item, exact: true }));
}

/** Clicks `opener` (a button, a switch) and answers its confirmation with the button named `answer` (else its OK button). */
export async function confirmWith(opener: Locator, answer?: string) {
  // the confirmation's own button may bear the opener's name: hold the opener before it opens
  const anchor = await opener.elementHandle();
  await anchor.click();
  const popconfirm = opener.page().locator(".ant-popconfirm:not(.ant-popover-hidden)");
  await clickInPopup(anchor, answer ? popconfirm.getByRole("button", { name: answer }) : popconfirm.locator(".ant-btn-primary"));
}

/**
 * Picks an option of an antd Select from its input: clicks it, enters `typed` when given (filtering the options; key by
 * key when `keyByKey`), then clicks the first open option whose text matches `option`.
 */
export async function chooseOption(input: Locator, option: string | RegExp, typed?: string, keyByKey = false) {
  await input.click();
  if (typed !== undefined) await (keyByKey ? input.pressSequentially(typed, { delay: 20 }) : input.fill(typed));
  // this Select's own list, "<input id>_list" (another one may still be closing)
  const list = `${await input.getAttribute("id")}_list`;
  const options = input.page().locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden):has([id="${list}"]) .ant-select-item-option`);
  await clickInPopup(input, options.filter({ hasText: option }).first());
}
