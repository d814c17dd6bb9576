// A page rendered outside the browser as HTML (`pageHtml`, used by the build and the server through app/prerender.tsx),
// and the data a page rendered on the server was drawn with, written into it as a JSON block: main.tsx puts that data
// in the query client before React takes the page over (`seedPageData`), so that the first render in the browser
// draws what the server drew, and the page does not ask for it again before it is shown.
import type { QueryClient } from "@tanstack/react-query";

/** `data-prerendered` of the signed-in frame rendered ahead (FrameShell), sent for the addresses inside the frame. */
export const SHELL = "shell";

/** The id of the JSON block (`<script type="application/json">`: data, never run). */
export const PAGE_DATA_ID = "page-data";

/** One query's answer as the server fetched it. */
export interface PageDatum {
  queryKey: readonly unknown[];
  data: unknown;
}

/** The data the page was rendered with; null without any, or when its block cannot be read (the page then asks again). */
export function pageData(): PageDatum[] | null {
  const block = document.getElementById(PAGE_DATA_ID);
  if (!block?.textContent) return null;
  try {
    return JSON.parse(block.textContent) as PageDatum[];
  } catch {
    return null;
  }
}

/** Puts the page's data in `client`. */
export function seedPageData(client: QueryClient, data: PageDatum[]) {
  for (const d of data) client.setQueryData(d.queryKey, d.data);
}

/**
 * The page's HTML: `template` (index.html as the build leaves it for these pages, with an empty #root) with the
 * rendered page's title, styles and markup, and the data it was rendered with as a JSON block (not a script: the
 * content security policy runs none written in the page). `narrow`: the page was drawn for a phone's width
 * (`data-narrow`, media.ts `NarrowWindow`).
 */
export function pageHtml(
  template: string,
  page: string,
  rendered: { html: string; styles: string; title: string },
  data?: PageDatum[],
  narrow = false,
): string {
  const json = data ? `<script type="application/json" id="${PAGE_DATA_ID}">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>` : "";
  if (!template.includes('<div id="root"></div>')) throw new Error(`pageHtml: the template has no empty <div id="root"></div>`);
  return template
    .replace(/<title>[^<]*<\/title>/, () => `<title>${rendered.title}</title>`)
    .replace("</head>", () => `${rendered.styles}</head>`)
    .replace(
      '<div id="root"></div>',
      () => `<div id="root" data-prerendered="${attribute(page)}"${narrow ? " data-narrow" : ""} inert>${rendered.html}</div>${json}`,
    );
}

/** A value written inside a double-quoted HTML attribute. */
const attribute = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
