// Checks a browser test runs on a page, shared by the accessibility test and the every-page walk: waiting until the
// page has settled, and axe-core's serious and critical findings against WCAG 2.1 A and AA.
import { createRequire } from "node:module";
import fs from "node:fs";
import type { Page } from "playwright-core";

let source: string | undefined;

/** axe-core's serious and critical violations on the page as it is now, one line each: "rule: target, target…". */
export async function axeViolations(page: Page): Promise<string[]> {
  source ??= fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // evaluated through the debugging protocol, which the app's Content-Security-Policy (no inline scripts) does not
  // block; a page that stays (a single-page app) keeps it from the previous check
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

/** The page once it has settled: its <h1> is the real one and nothing in it is still loading (a spinner, a field's options). */
export async function settle(page: Page) {
  await page.waitForFunction(
    () =>
      !!document.querySelector("h1:not([data-loading])") &&
      // a page rendered on the server is taken over by the app first
      !document.querySelector("#root[inert]") &&
      !document.querySelector(".ant-skeleton, .ant-spin-spinning, #main [role=status][aria-label], #main .anticon-loading"),
    undefined,
    { timeout: 20_000 },
  );
}
