// Pages rendered outside the browser (scripts/vite-plugins.ts `prerenderPages` builds this module twice over: it runs
// it at build time, and keeps it for the server):
// - at build time, the sign-in and public pages as a visitor who is not signed in sees them in Vietnamese, with no
//   data (`prerender`);
// - on the server, for each request, the public pages whose first render shows data (`liveQueries`, `renderPage`):
//   the server fetches what the page reads from its own API and the page arrives drawn with its list
//   (platform/web-app.ts).
// The server sends the markup and Ant Design's styles in the HTML, so the page is drawn before its scripts have
// arrived and run; main.tsx then hydrates it (with the same data, from the page's JSON block).
import { StrictMode, type ReactNode } from "react";
import type { QueryClient } from "@tanstack/react-query";
import { prerender as renderAhead } from "react-dom/static";
import { createMemoryRouter, matchPath, RouterProvider } from "react-router";
import { createCache, extractStyle } from "@ant-design/cssinjs";
import i18n, { i18nReady } from "../i18n/index";
import { publicResultPageQueries, publicResultsPageQueries } from "../features/results/public-results-api";
import { Root } from "./Root";
import { newQueryClient } from "./query-client";
import { ME_KEY } from "./session";
import { type PageDatum } from "./page-data";
export { pageHtml } from "./page-data";
import { appRoutes, framedRoute } from "./router";
import { FrameShell } from "./FrameShell";

/** One query a page reads at its first render: its key, and the API address (under /api/v1) that answers it. */
export interface PageQuery {
  queryKey: readonly unknown[];
  path: string;
}

/** The pages rendered on the server for each request: their route → what their first render reads. */
const LIVE_PAGES: { path: string; queries: (params: Record<string, string | undefined>, search: URLSearchParams) => PageQuery[] }[] = [
  { path: "/results", queries: (_, search) => publicResultsPageQueries(search) },
  { path: "/results/:id", queries: ({ id }) => publicResultPageQueries(id ?? "") },
];

/** What the page at `pathname` reads at its first render, or null when it is not rendered per request. */
export function liveQueries(pathname: string, search: string): PageQuery[] | null {
  for (const page of LIVE_PAGES) {
    const match = matchPath(page.path, pathname);
    if (match) return page.queries(match.params, new URLSearchParams(search));
  }
  return null;
}

let routes: ReturnType<typeof appRoutes> | undefined;

/** Whether the server sends the frame rendered ahead for `pathname` (an address inside the signed-in frame). */
export const framed = (pathname: string) => framedRoute(pathname, (routes ??= appRoutes()));

/** Markup, styles and title of `content` rendered with the app's providers. */
async function render(content: ReactNode, client: QueryClient): Promise<{ html: string; styles: string; heading: string | undefined }> {
  await i18nReady;
  client.setQueryData(ME_KEY, null);
  const cache = createCache();
  // react-dom/static waits for the lazily loaded page (its Suspense boundary) before it writes the markup.
  const { prelude } = await renderAhead(
    <StrictMode>
      <Root styles={cache} client={client}>
        {content}
      </Root>
    </StrictMode>,
  );
  const html = await new Response(prelude).text();
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)?.[1]
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return { html, styles: extractStyle(cache), heading };
}

/** The signed-in frame before anything is known (FrameShell), with the app's title. */
export async function renderShell(): Promise<{ html: string; styles: string; title: string }> {
  const { html, styles } = await render(<FrameShell />, newQueryClient());
  return { html, styles, title: i18n.t("app.documentTitle") };
}

/**
 * The page at `url` (an address with its query) as HTML (what goes inside #root), the <style> elements it needs and
 * the tab's title — the one page-heading.ts `useDocumentTitleFromHeading` gives it once the app runs: "<h1> · KHCN
 * Hải Phòng". `data`: the answers of its queries, in a query client of its own (renders may run side by side).
 */
export async function renderPage(url: string, data: PageDatum[] = []): Promise<{ html: string; styles: string; title: string }> {
  const client = newQueryClient();
  for (const d of data) client.setQueryData(d.queryKey, d.data);
  const router = createMemoryRouter(appRoutes(), { initialEntries: [url] });
  const { html, styles, heading } = await render(<RouterProvider router={router} />, client);
  if (!heading) throw new Error(`renderPage: ${url} has no <h1>`);
  return { html, styles, title: `${heading} · ${i18n.t("app.shortName")}` };
}

/** A page as rendered at build time: no data. */
export const prerender = (path: string) => renderPage(path);
