// Every page of every demo role, in Vietnamese: each role signs in, walks its side menu by clicks and, on a list,
// opens the list's first record by a click. A page fails when
//   (a) it shows an empty list, table or chart the demo data should fill (EXPECTED_EMPTY names the pages that are empty
//       on purpose, and why);
//   (b) it shows English words or raw text keys in Vietnamese (a small dictionary of English UI words; proper nouns and
//       codes are allowed; text marked lang="en", e.g. a record's English title, is the data's own);
//   (c) the browser logs an error, or an API request answers 5xx;
//   (d) axe-core finds a serious or critical violation of WCAG 2.1 A/AA (once per page, for the first role reaching it).
// One browser, one page at a time; the findings of a role are collected and compared at the end, so one run lists them
// all.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, menu, newPage, signedInPage, signIn } from "./browser.js";
import { axeViolations, settle } from "./page-checks.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ROLES = ["admin", "officer", "finance", "leader", "expert", "pi", "org_rep", "enterprise"] as const;
type Role = (typeof ROLES)[number];

/**
 * Pages that show an empty list, table or chart, as "<role> <path>" (a record's page as "<list path>/:id") → why.
 * Every other page's lists must have rows. When the demo gains records for a page listed here, the test names the
 * entry to remove ("listed as empty but shows data").
 */
const EXPECTED_EMPTY: Record<string, string> = {
  // the deletion requests start empty in the demo
  "admin /deletion-requests": "no deletion requests in the demo",
  "officer /deletion-requests": "no deletion requests in the demo",
  // my data: the demo accounts have given no consents and asked for no deletion (the staff accounts have no person)
  ...Object.fromEntries(ROLES.map((r) => [`${r} /me`, "no consents or deletion requests of the demo accounts"])),
  // the first organisation of the list has a part without records in the demo (its laboratories or tasks)
  ...Object.fromEntries(ROLES.map((r) => [`${r} /organisations/:id`, "the first organisation listed has an empty part in the demo"])),
  // the first person listed is one of the registry's many with no task, council or result
  ...Object.fromEntries(ROLES.map((r) => [`${r} /people/:id`, "the first person listed has no S&T activities in the demo"])),
  // the first contract listed (the newest, signed days ago) has had no amendment yet
  ...Object.fromEntries(["admin", "officer", "leader", "org_rep", "pi"].map((r) => [`${r} /contracts/:id`, "the newest contract has no amendments yet"])),
  // the first indicator of the list has no series in the demo
  ...Object.fromEntries(
    ["admin", "officer", "finance", "leader"].map((r) => [`${r} /indicators/:id`, "the first indicator listed has no figures in the demo"]),
  ),
  // an expert is given tasks to review, never their own: no tasks or proposals of theirs, none of a call's dossiers
  "expert /tasks": "an expert has no tasks of their own",
  "expert /proposals": "an expert has no proposals of their own",
  "expert /calls/:id": "an expert sees no call's dossiers",
};

/**
 * English words that a Vietnamese page must not show (whole words, any case). Words that are also Vietnamese without
 * their marks ("to", "do", "in", "an", "no", "con", "ban") are left out.
 */
const ENGLISH = new Set(
  [
    "the",
    "and",
    "of",
    "for",
    "with",
    "from",
    "your",
    "you",
    "this",
    "are",
    "is",
    "not",
    "save",
    "cancel",
    "submit",
    "status",
    "delete",
    "edit",
    "search",
    "loading",
    "undefined",
    "null",
    "nan",
    "invalid",
    "error",
    "create",
    "new",
    "add",
    "view",
    "close",
    "back",
    "next",
    "previous",
    "total",
    "name",
    "date",
    "page",
    "items",
    "select",
    "update",
    "download",
    "upload",
    "export",
    "settings",
    "user",
    "users",
    "role",
    "password",
    "login",
    "logout",
    "home",
    "dashboard",
    "details",
    "actions",
    "filter",
    "reset",
    "confirm",
    "required",
    "optional",
    "please",
    "task",
    "tasks",
    "report",
    "reports",
    "council",
    "contract",
    "contracts",
    "organisation",
    "organization",
    "people",
    "person",
    "budget",
    "draft",
    "approved",
    "rejected",
    "pending",
    "submitted",
    "overdue",
    "deadline",
    "none",
    "empty",
    "unknown",
    "true",
    "false",
    "data",
    "yes",
  ].map((w) => w.toLowerCase()),
);
/** Phrases checked as a whole. */
const ENGLISH_PHRASES = [/\bno data\b/i, /\binvalid date\b/i, /\[object Object\]/];

/** The namespaces of the web texts (src/web/i18n/vi.json and the features' locales/vi.json): "<namespace>.<…>" is a raw key. */
function textNamespaces(): Set<string> {
  const files = [path.resolve("src/web/i18n/vi.json")];
  const features = path.resolve("src/web/features");
  for (const f of fs.readdirSync(features)) {
    const file = path.join(features, f, "locales", "vi.json");
    if (fs.existsSync(file)) files.push(file);
  }
  return new Set(files.flatMap((f) => Object.keys(JSON.parse(fs.readFileSync(f, "utf8")) as object)));
}
const NAMESPACES = textNamespaces();

/** The visible text of the page (and the names and placeholders it gives its controls), outside parts marked as another language. */
function visibleTextInPage(): string[] {
  const out: string[] = [];
  const foreign = (el: Element) => {
    const lang = el.closest("[lang]")?.getAttribute("lang") ?? "vi";
    return !lang.startsWith("vi");
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest("script, style, noscript, svg, code, kbd, [aria-hidden=true]") || foreign(el)) continue;
    if (!el.getClientRects().length || getComputedStyle(el).visibility !== "visible") continue;
    out.push(text);
  }
  for (const el of document.querySelectorAll("[aria-label], [placeholder], [title]")) {
    if (foreign(el) || el.closest("[aria-hidden=true]") || !el.getClientRects().length || getComputedStyle(el).visibility !== "visible") continue;
    for (const a of ["aria-label", "placeholder", "title"]) {
      const v = el.getAttribute(a)?.trim();
      // a placeholder may show an example code to type (the audit log's "user.update")
      if (v && !(a === "placeholder" && /^[a-z_]+(\.[a-z_]+)*$/.test(v))) out.push(v);
    }
  }
  return out;
}

/** English words, phrases and raw text keys in the page's texts. */
function englishIn(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const w of text.match(/\b[A-Za-z]+\b/g) ?? []) if (ENGLISH.has(w.toLowerCase())) found.add(`"${w}" in "${text.slice(0, 80)}"`);
    for (const re of ENGLISH_PHRASES) if (re.test(text)) found.add(`"${text.match(re)![0]}" in "${text.slice(0, 80)}"`);
    for (const key of text.match(/\b[a-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9_]*)+\b/g) ?? [])
      if (NAMESPACES.has(key.split(".")[0])) found.add(`text key "${key}"`);
  }
  return [...found];
}

/** The parts of the page (a card's title, else "list") whose list, table or chart shows the "no data" placeholder. */
function emptyBlocksInPage(): string[] {
  const empty = [...document.querySelectorAll("#main .ant-empty, #main .ant-table-placeholder")].filter((e) => e.getClientRects().length > 0);
  return [...new Set(empty.map((e) => e.closest(".ant-card")?.querySelector(".ant-card-head-title")?.textContent?.trim() || "list"))];
}

/** What went wrong in the browser since the last call: console errors, uncaught errors and 5xx answers. */
function watch(page: Page) {
  let events: string[] = [];
  page.on("console", (m) => {
    // the browser's own line for an answer of 4xx (a page asking for what may not exist): the answers are checked below
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) events.push(`console error: ${m.text().slice(0, 200)}`);
  });
  page.on("pageerror", (e) => events.push(`uncaught: ${e.message.slice(0, 200)}`));
  page.on("response", (r) => {
    if (r.url().includes("/api/") && r.status() >= 500) events.push(`${r.request().method()} ${r.url().replace(/^https?:\/\/[^/]+/, "")} → ${r.status()}`);
  });
  return () => {
    const out = events;
    events = [];
    return out;
  };
}

/** The address of a page in the findings: a record's id is ":id". */
const pageKey = (page: Page) => new URL(page.url()).pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}|\/\d+(?=\/|$)/g, "/:id");

const axeChecked = new Set<string>();

async function checkPage(page: Page, role: Role, drain: () => string[]): Promise<string[]> {
  await settle(page);
  const where = `${role} ${pageKey(page)}`;
  const out: string[] = [];
  const empty = await page.evaluate(emptyBlocksInPage);
  if (empty.length > 0 && !(where in EXPECTED_EMPTY)) out.push(`${where}: empty ${JSON.stringify(empty)}`);
  if (empty.length === 0 && where in EXPECTED_EMPTY) out.push(`${where}: listed as empty but shows data (shrink EXPECTED_EMPTY)`);
  out.push(...englishIn(await page.evaluate(visibleTextInPage)).map((e) => `${where}: English ${e}`));
  // axe once per page: the roles reaching the same page share its markup (and axe is the slow part of the walk)
  if (!axeChecked.has(pageKey(page))) {
    axeChecked.add(pageKey(page));
    out.push(...(await axeViolations(page)).map((a) => `${where}: axe ${a}`));
  }
  out.push(...drain().map((e) => `${where}: ${e}`));
  return out;
}

/** Opens the first record of the list on screen by a click on its row's link (or the row), when its rows lead somewhere. */
async function openFirstRow(page: Page): Promise<boolean> {
  const row = page.locator("#main .list-table tbody tr.ant-table-row.clickable-row").first();
  if (!(await row.count())) return false;
  const before = page.url();
  const heading = await page.locator("h1").first().textContent();
  const link = row.locator("a[href]").first();
  await ((await link.count()) ? link : row).click();
  await page.waitForURL((u) => u.href !== before);
  // the record's own page, not the list still shown while the record's page loads
  await page.waitForFunction((h) => document.querySelector("h1:not([data-loading])")?.textContent !== h, heading);
  return true;
}

describe("every page of every role, in Vietnamese", () => {
  for (const role of ROLES) {
    it(`${role}: every menu page and the first record of each list`, { timeout: 300_000 }, async () => {
      const { page, context } = await newPage(browser);
      const drain = watch(page);
      await signIn(page, role);
      drain();
      const found: string[] = [];
      const items = menu(page).getByRole("menuitem");
      const count = await items.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const item = items.nth(i);
        const before = page.url();
        const heading = await page.locator("h1").first().textContent();
        await item.click();
        // the first item is the page the sign-in lands on; the others replace the page and its heading
        if (i > 0) {
          await page.waitForURL((u) => u.href !== before);
          await page.waitForFunction((h) => document.querySelector("h1:not([data-loading])")?.textContent !== h, heading);
        }
        found.push(...(await checkPage(page, role, drain)));
        if (await openFirstRow(page)) {
          found.push(...(await checkPage(page, role, drain)));
          await page.goBack();
          await settle(page);
          drain();
        }
      }
      expect(found).toEqual([]);
      await context.close();
    });
  }
});

/** The key columns of the tasks list (their Vietnamese titles), which a 1366 px screen shows without scrolling. */
const TASK_KEY_COLUMNS = ["Mã nhiệm vụ", "Tên nhiệm vụ", "Chủ nhiệm", "Tổ chức", "Kinh phí đề xuất", "Trạng thái", "Việc cần làm"];

describe("the wide lists fit a 1366 × 768 screen", () => {
  it("tasks, contracts, councils, organisations, people: no sideways scrolling; the tasks list shows its key columns", async () => {
    const { page, context } = await signedInPage(browser, "officer");
    await page.setViewportSize({ width: 1366, height: 768 });
    const found: string[] = [];
    for (const item of ["Nhiệm vụ", "Hợp đồng", "Hội đồng", "Tổ chức KH&CN", "Nhân lực KH&CN"]) {
      const heading = await page.locator("h1").first().textContent();
      await menu(page).getByRole("menuitem", { name: item, exact: true }).click();
      await page.waitForFunction((h) => document.querySelector("h1:not([data-loading])")?.textContent !== h, heading);
      await settle(page);
      const layout = await page.evaluate(() => {
        const box = document.querySelector<HTMLElement>("#main .list-table .ant-table-content, #main .list-table .ant-table-body");
        const headers = [...document.querySelectorAll<HTMLElement>("#main .list-table thead th")].map((th) => ({
          text: th.textContent?.trim() ?? "",
          right: th.getBoundingClientRect().right,
        }));
        return { overflow: box ? box.scrollWidth - box.clientWidth : -1, page: document.documentElement.scrollWidth - window.innerWidth, headers };
      });
      if (layout.overflow !== 0) found.push(`${item}: the table scrolls sideways by ${layout.overflow} px`);
      if (layout.page > 0) found.push(`${item}: the page scrolls sideways by ${layout.page} px`);
      for (const h of layout.headers) if (h.right > 1366) found.push(`${item}: column "${h.text}" ends at ${Math.round(h.right)} px`);
      if (item === "Nhiệm vụ") {
        const shown = layout.headers.map((h) => h.text);
        for (const c of TASK_KEY_COLUMNS) if (!shown.includes(c)) found.push(`tasks: no column "${c}" (${JSON.stringify(shown)})`);
      }
    }
    expect(found).toEqual([]);
    await context.close();
  });
});
