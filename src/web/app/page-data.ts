// The data a page rendered on the server was drawn with (app/prerender.tsx `pageHtml` writes it as a JSON block):
// main.tsx puts it in the query client before React takes the page over, so that the first render in the browser
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

/** Puts the page's data, when it has some, in `client`. A block that cannot be read is left out: the page asks again. */
export function seedPageData(client: QueryClient) {
  const block = document.getElementById(PAGE_DATA_ID);
  if (!block?.textContent) return;
  try {
    for (const d of JSON.parse(block.textContent) as PageDatum[]) client.setQueryData(d.queryKey, d.data);
  } catch {
    // the queries are then asked for as on any other page
  }
}
