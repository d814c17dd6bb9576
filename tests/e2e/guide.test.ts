// Journey: the user guide against the app it describes. For each role the demo account opens the guide from the
// account menu and finds its own role first; then, with clicks only, it follows every stop of the guide's tour
// (src/web/features/guide/guide-tour.ts): the side-menu item the guide names must be in its menu and lead to the page,
// and every button, tab or link the guide names must be on that page (and on a record the page lists, where the tour
// says so), with the label the guide shows. A guide that drifts from the app fails here. On the way it takes the
// role's home page ("Việc của tôi") as the guide's screenshot (1366×768 PNG, into src/web/public/screenshots/guide/,
// served by the app), with the dates of the work list and the footer's year left blank so that the pictures do not
// change with the calendar (they do change with the demo data, e.g. after other journeys have run).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { clickInPopup, launch, menu, newPage, signIn, signedInPage } from "./browser.js";
import { SESSION_USERS, type SessionUser } from "./server.js";
import { GUIDE_ROLES, GUIDE_TOUR, SCREENSHOT_BASE, type GuideRole } from "../../src/web/features/guide/guide-tour.js";
import guideVi from "../../src/web/features/guide/content/vi.js";
import guideEn from "../../src/web/features/guide/content/en.js";

const WEB = path.resolve("src/web");
const SHOTS = path.join(WEB, "public", SCREENSHOT_BASE);

/** The app's Vietnamese texts, shared and every feature's, by key (as i18n/texts-vi.ts merges them). */
function viTexts(): Map<string, string> {
  const files = [
    path.join(WEB, "i18n", "vi.json"),
    ...fs
      .readdirSync(path.join(WEB, "features"))
      .map((f) => path.join(WEB, "features", f, "locales", "vi.json"))
      .filter((f) => fs.existsSync(f)),
  ];
  const out = new Map<string, string>();
  const walk = (tree: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(tree)) {
      if (typeof v === "string") out.set(prefix + k, v);
      else walk(v as Record<string, unknown>, `${prefix}${k}.`);
    }
  };
  for (const f of files) walk(JSON.parse(fs.readFileSync(f, "utf8")), "");
  return out;
}
const TEXTS = viTexts();
const label = (key: string) => {
  const text = TEXTS.get(key);
  if (!text) throw new Error(`no Vietnamese text ${key}`);
  return text;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function signedInAs(role: GuideRole) {
  if ((SESSION_USERS as readonly string[]).includes(role)) return signedInPage(browser, role as SessionUser);
  const p = await newPage(browser);
  await signIn(p.page, role);
  return p;
}

/** The role's home page, once its work list (or its "nothing waiting") is drawn, as the guide's screenshot. */
async function homeScreenshot(page: Page, role: GuideRole) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole("heading", { level: 1, name: label("work.title") }).waitFor();
  await page.locator("[data-testid=work-groups], .ant-empty").first().waitFor();
  await expect.poll(() => page.locator("#main .ant-skeleton, #main .ant-spin-spinning").count()).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(SHOTS, GUIDE_TOUR[role].screenshot),
    animations: "disabled",
    caret: "hide",
    // the work list's last two columns are dates ("Chờ từ", "Hạn"); the footer carries the year
    style: [
      "#main .ant-table-tbody td:nth-last-child(-n+2) { color: transparent !important; }",
      "#main .ant-table-tbody td:nth-last-child(-n+2) > * { visibility: hidden !important; }",
      ".app-footer { visibility: hidden !important; }",
    ].join("\n"),
  });
}

const heading = (page: Page) => page.locator("#main h1:not([data-loading])");

/**
 * The new page's <h1> is drawn (not the one of the page before, `before`, which stays on screen while the new page's
 * code loads), and a button, tab or link bearing each label is on the page.
 */
async function controlsAreThere(page: Page, before: string | null, keys: readonly string[]) {
  const main = page.locator("#main");
  await expect.poll(() => heading(page).textContent()).not.toBe(before);
  for (const key of keys) {
    const name = label(key);
    const control = main
      .getByRole("button", { name, exact: true })
      .or(main.getByRole("tab", { name, exact: true }))
      .or(main.getByRole("link", { name, exact: true }));
    await control.first().waitFor();
  }
}

describe("the user guide follows the app", () => {
  it.each(GUIDE_ROLES)("%s: the guide's menu items and buttons are where it says", async (role) => {
    const { page, context, errors } = await signedInAs(role);
    await homeScreenshot(page, role);

    // the guide, from the account menu; the user's own role first and open
    // (the side menu has the guide too: the item is taken from the account menu's popup)
    const account = page.getByRole("button", { name: label("auth.accountMenu") });
    await account.click();
    await clickInPopup(account, page.locator(".ant-dropdown:not(.ant-dropdown-hidden)").getByRole("menuitem", { name: label("guide.nav"), exact: true }));
    await page.getByRole("heading", { level: 1, name: label("guide.title") }).waitFor();
    const tabs = page.getByRole("tab");
    await expect.poll(() => tabs.first().textContent()).toBe(`${label(`roles.${role}`)} (${label("guide.yours")})`);
    expect(await tabs.first().getAttribute("aria-selected")).toBe("true");
    const panel = page.getByRole("tabpanel");
    for (const stop of GUIDE_TOUR[role].stops) {
      await panel.getByRole("heading", { level: 3, name: guideVi.roles[role].stops[stop.id].title, exact: true }).waitFor();
    }
    await panel.getByRole("img", { name: guideVi.roles[role].screenshotAlt }).waitFor();

    // every stop: its menu item leads to its page, where the controls the guide names are
    for (const stop of GUIDE_TOUR[role].stops) {
      const before = await heading(page).textContent();
      await menu(page)
        .getByRole("menuitem", { name: label(stop.menu), exact: true })
        .click();
      await page.waitForURL((u) => u.pathname === stop.path);
      await controlsAreThere(page, before, stop.look);
      if (stop.open) {
        // one of the records the page lists, opened from it
        const list = await heading(page).textContent();
        await page.locator(`#main a[href^="${stop.open.href}"]:not([href="${stop.path}"])`).first().click();
        await page.waitForURL((u) => u.pathname.startsWith(stop.open!.href) && u.pathname !== stop.path);
        await controlsAreThere(page, list, stop.open.look);
      }
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens a page's help (the funding plan's rules in a drawer) and from it the guide, in Vietnamese and in English", async () => {
    const { page, context, errors } = await signedInPage(browser, "officer");
    await menu(page)
      .getByRole("menuitem", { name: label("fundingPlans.nav"), exact: true })
      .click();
    await page.getByRole("button", { name: label("guide.help.open"), exact: true }).click();
    const drawer = page.getByRole("dialog", { name: guideVi.help.fundingPlan.title });
    await drawer.waitFor();
    await drawer.getByText("Đề án, mục IV.6", { exact: false }).waitFor();
    // a control the help names is shown by its label in the app
    await drawer.getByText(label("fundingPlans.implied"), { exact: true }).waitFor();
    await drawer.getByRole("link", { name: label("guide.help.moreInGuide") }).click();
    await page.waitForURL((u) => u.pathname === "/guide");
    await page.getByRole("heading", { level: 1, name: label("guide.title") }).waitFor();
    // in English: the English guide, the controls it names by their English labels
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "User guide" }).waitFor();
    await page.getByRole("tab", { name: "Officer (your role)" }).waitFor();
    const stops = page.getByRole("tabpanel");
    await stops.getByRole("heading", { level: 3, name: guideEn.roles.officer.stops.calls.title, exact: true }).waitFor();
    await stops
      .locator("strong.guide-ui", { hasText: /^New call$/ })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
