// Accessibility of the main pages of several roles (WCAG 2.1 AA): each page has its own tab title and one <h1>; every
// control (button, link, field, menu item, tab…) has an accessible name, as Chromium's accessibility tree computes it;
// visible text has the contrast AA asks (4.5:1, 3:1 for large text) against the background it is drawn on; after a
// navigation the focus is on the new page's <h1>; axe-core's serious and critical findings (page-checks.ts) fail the test too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, menu, newPage, signedInPage } from "./browser.js";
import { axeViolations, settle } from "./page-checks.js";
import type { SessionUser } from "./server.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What one page breaks; empty lists when it passes. */
interface Findings {
  title: string;
  headings: string[];
  unnamed: string[];
  contrast: string[];
  axe: string[];
}

const INTERACTIVE = new Set([
  "button",
  "link",
  "textbox",
  "searchbox",
  "combobox",
  "checkbox",
  "radio",
  "switch",
  "menuitem",
  "tab",
  "spinbutton",
  "slider",
  "listbox",
  "option",
  "menuitemcheckbox",
  "menuitemradio",
]);

/** Controls without an accessible name, from Chromium's own accessibility tree. */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[];
    };
    const out: string[] = [];
    for (const n of nodes) {
      const role = n.role?.value ?? "";
      if (n.ignored || !INTERACTIVE.has(role) || (n.name?.value ?? "").trim()) continue;
      let html = "";
      if (n.backendDOMNodeId) {
        const { object } = (await cdp.send("DOM.resolveNode", { backendNodeId: n.backendDOMNodeId })) as { object: { objectId?: string } };
        if (object.objectId) {
          const r = (await cdp.send("Runtime.callFunctionOn", {
            objectId: object.objectId,
            functionDeclaration: "function () { return this.outerHTML ? this.outerHTML.slice(0, 160) : String(this.textContent).slice(0, 80); }",
            returnByValue: true,
          })) as { result: { value: string } };
          html = r.result.value;
        }
      }
      out.push(`${role}: ${html}`);
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Visible text below the AA contrast ratio, computed in the page from the colours the browser uses. */
function lowContrastInPage(): string[] {
  type RGBA = [number, number, number, number];
  const parse = (c: string): RGBA | null => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1]
      .split(/[,\s/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0], p[1], p[2], p[3] ?? 1];
  };
  const over = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3] + bottom[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    return [0, 1, 2].map((i) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat(a) as RGBA;
  };
  const luminance = ([r, g, b]: RGBA) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  /** The background under an element: its and its ancestors' colours composited, null over an image or gradient. */
  const background = (el: Element | null): RGBA | null => {
    const layers: RGBA[] = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== "none") return null;
      const c = parse(s.backgroundColor);
      if (c && c[3] > 0) {
        layers.push(c);
        if (c[3] >= 1) break;
      }
    }
    return layers.reduceRight<RGBA>((under, layer) => over(layer, under), [255, 255, 255, 1]);
  };
  const found: string[] = [];
  const seen = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const el = node.parentElement;
    if (!text || !el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest("svg, canvas, script, style, noscript, [aria-hidden=true], [disabled], [aria-disabled=true], .ant-btn-disabled, [class*=-disabled]"))
      continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || rect.bottom < 0 || rect.right < 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible") continue;
    let opacity = 1;
    for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    if (opacity < 0.1) continue;
    const bg = background(el);
    const fg = parse(style.color);
    if (!bg || !fg) continue;
    const shown = over([fg[0], fg[1], fg[2], fg[3] * opacity], bg);
    const [l1, l2] = [luminance(shown), luminance(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5) - 0.01) {
      found.push(
        `${ratio.toFixed(2)}:1 "${text.slice(0, 40)}" ${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(",")}) <${el.tagName.toLowerCase()} class="${String(el.className).slice(0, 60)}">`,
      );
    }
  }
  return found;
}

async function check(page: Page): Promise<Findings> {
  await settle(page);
  const { title, headings } = await page.evaluate(() => ({
    title: document.title,
    headings: [...document.querySelectorAll("h1")].filter((h) => h.getClientRects().length > 0).map((h) => h.textContent?.trim() ?? ""),
  }));
  return { title, headings, unnamed: await unnamedControls(page), contrast: await page.evaluate(lowContrastInPage), axe: await axeViolations(page) };
}

/** One page's findings in the form the assertion prints. */
function problems(path: string, f: Findings): string[] {
  const out: string[] = [];
  if (f.headings.length !== 1) out.push(`${path}: ${f.headings.length} visible <h1> (${JSON.stringify(f.headings)})`);
  else if (!f.title.startsWith(f.headings[0])) out.push(`${path}: title "${f.title}" does not name the page's heading "${f.headings[0]}"`);
  out.push(...f.unnamed.map((u) => `${path}: unnamed ${u}`));
  out.push(...f.contrast.map((c) => `${path}: contrast ${c}`));
  out.push(...f.axe.map((a) => `${path}: axe ${a}`));
  return out;
}

/** A list's address followed by " → first" opens the list's first record. */
const ROLE_PAGES: Record<SessionUser, string[]> = {
  officer: [
    "/",
    "/tasks",
    "/tasks → first",
    "/tasks/queue",
    "/people",
    "/people → first",
    "/organisations",
    "/organisations → first",
    "/calls",
    "/calls → first",
    "/contracts",
    "/councils",
    "/councils → first",
    "/indicators",
    "/indicators → first",
    "/statistics",
    "/monitoring",
    "/funding-plans",
    "/notifications",
    "/no-such-page",
  ],
  admin: ["/", "/admin/users", "/admin/users → first", "/admin/audit", "/admin/code-lists", "/admin/processes", "/me"],
  pi: ["/", "/tasks", "/tasks → first", "/proposals", "/me"],
};

describe("accessibility of the main pages", () => {
  it("the sign-in page and the public pages: a title, one h1, named controls, readable text", async () => {
    const { page, context } = await newPage(browser);
    const found: string[] = [];
    const titles = new Set<string>();
    for (const path of ["/login", "/results", "/public/indicators"]) {
      await page.goto(path);
      const f = await check(page);
      titles.add(f.title);
      found.push(...problems(path, f));
    }
    expect(found).toEqual([]);
    expect(titles.size).toBe(3);
    await context.close();
  });

  // a few pages per test, so that each stays well inside the test timeout on a busy machine
  const groups = (Object.entries(ROLE_PAGES) as [SessionUser, string[]][]).flatMap(([user, paths]) =>
    Array.from({ length: Math.ceil(paths.length / 7) }, (_, i) => ({ user, paths: paths.slice(i * 7, i * 7 + 7) })),
  );
  for (const { user, paths } of groups) {
    it(`${user}: ${paths.join(", ")} — a title each, one h1, named controls, readable text`, async () => {
      const { page, context } = await signedInPage(browser, user);
      const found: string[] = [];
      const titles = new Map<string, string>();
      for (const path of paths) {
        const [list, first] = path.split(" → ");
        await page.goto(list);
        if (first) {
          await settle(page);
          const listHeading = await page.locator("h1").textContent();
          const row = page.locator(".list-table tbody tr.ant-table-row").first();
          const link = row.locator("a").first();
          await ((await link.count()) ? link : row).click();
          await page.waitForURL((u) => u.pathname !== list);
          // the record's own page, not the list still shown while the record's page loads
          await page.waitForFunction((before) => document.querySelector("h1:not([data-loading])")?.textContent !== before, listHeading);
        }
        const f = await check(page);
        titles.set(path, f.title);
        found.push(...problems(path, f));
      }
      expect(found).toEqual([]);
      // every page its own title
      expect(new Set(titles.values()).size, JSON.stringify([...titles])).toBe(titles.size);
      await context.close();
    });
  }

  it("after a navigation from the menu, the focus is on the new page's h1 and the title names it", async () => {
    const { page, context } = await signedInPage(browser, "officer");
    await settle(page);
    await menu(page).getByText("Nhân lực KH&CN", { exact: true }).click();
    await page.waitForURL(/\/people$/);
    await settle(page);
    await expect.poll(() => page.evaluate(() => (document.activeElement?.tagName === "H1" ? document.activeElement.textContent : null))).toBeTruthy();
    const heading = await page.locator("h1").textContent();
    expect(await page.title()).toMatch(new RegExp(`^${heading!.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · `));
    await context.close();
  });
});
