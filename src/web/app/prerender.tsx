// Pages rendered outside the browser (scripts/vite-plugins.ts `prerenderPages` builds this module twice over: it runs
// it at build time, and keeps it for the server):
// - at build time, the sign-in and public pages as a visitor who is not signed in sees them in Vietnamese, with no
//   data (`prerender`);
// - on the server, for each request, the public pages whose first render shows data (`liveQueries`, `renderPage`):
//   the server fetches what the page reads from its own API and the page arrives drawn with its list
//   (platform/web-app.ts);
// - on the server, for each request with a session, the signed-in pages opened first (`signedInPage`,
//   `renderSignedIn`): the frame with the user's menu and the page with the user's data.
// The server sends the markup and Ant Design's styles in the HTML, so the page is drawn before its scripts have
// arrived and run; main.tsx then hydrates it (with the same data, from the page's JSON block).
import { AsyncLocalStorage } from "node:async_hooks";
import { StrictMode, type ReactNode } from "react";
import type { Query, QueryClient } from "@tanstack/react-query";
import { prerender as renderAhead } from "react-dom/static";
import { createMemoryRouter, matchPath, RouterProvider } from "react-router";
import { createCache, extractStyle } from "@ant-design/cssinjs";
import i18n, { i18nReady } from "../i18n/index";
import { publicResultPageQueries, publicResultsPageQueries } from "../features/results/public-results-api";
import { Root } from "./Root";
import { newQueryClient } from "./query-client";
import { ME_KEY, prefetchSession, type Me } from "./session";
import { API, setTransport } from "./api";
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

/** Markup, styles and title of `content` rendered with the app's providers (for a phone's width when `narrow`). */
async function render(content: ReactNode, client: QueryClient, narrow = false): Promise<{ html: string; styles: string; heading: string | undefined }> {
  await i18nReady;
  const cache = createCache();
  // react-dom/static waits for the lazily loaded page (its Suspense boundary) before it writes the markup. A part that
  // fails to render would be left to the browser with an inline script, which the content security policy blocks:
  // the page is not rendered then.
  const failures: unknown[] = [];
  const { prelude } = await renderAhead(
    <StrictMode>
      <Root styles={cache} client={client} narrow={narrow}>
        {content}
      </Root>
    </StrictMode>,
    // one document, never boundaries outlined to be revealed by inline scripts (React outlines large ones by default)
    { onError: (e) => void failures.push(e), progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  if (failures.length) throw new AggregateError(failures, "the page failed to render");
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
  const client = newQueryClient();
  client.setQueryData(ME_KEY, null);
  const { html, styles } = await render(<FrameShell />, client);
  return { html, styles, title: i18n.t("app.documentTitle") };
}

/**
 * The page at `url` (an address with its query) as HTML (what goes inside #root), the <style> elements it needs and
 * the tab's title — the one page-heading.ts `useDocumentTitleFromHeading` gives it once the app runs: "<h1> · KHCN
 * Hải Phòng". `data`: the answers of its queries, in a query client of its own (renders may run side by side).
 */
export async function renderPage(url: string, data: PageDatum[] = []): Promise<{ html: string; styles: string; title: string }> {
  const client = newQueryClient();
  client.setQueryData(ME_KEY, null);
  for (const d of data) client.setQueryData(d.queryKey, d.data);
  return titled(url, await render(<RouterProvider router={createMemoryRouter(appRoutes(), { initialEntries: [url] })} />, client));
}

/** The tab's title of a rendered page, from its <h1>. */
function titled(url: string, { html, styles, heading }: { html: string; styles: string; heading: string | undefined }) {
  if (!heading) throw new Error(`renderPage: ${url} has no <h1>`);
  return { html, styles, title: `${heading} · ${i18n.t("app.shortName")}` };
}

/**
 * The signed-in pages rendered on the server for each request with a session: the home ("my work") and the task
 * list, the pages a user opens first. The others get the frame rendered ahead (FrameShell) and draw in the browser.
 */
const SIGNED_IN_PAGES = ["/", "/tasks"];

/** Whether the page at `pathname` is rendered on the server for a signed-in user (`renderSignedIn`). */
export const signedInPage = (pathname: string) => SIGNED_IN_PAGES.some((p) => matchPath(p, pathname));

/** The server's own API: the answer to a GET of `url` (under /api/v1), asked with the session of the page's request. */
export type Answer = (url: string) => Promise<{ status: number; body: string }>;

// While a signed-in page is rendered, the app's requests (app/api.ts) are answered by the server that renders it,
// with the session of the page's request; renders for different users may run side by side, each in its own context.
const answering = new AsyncLocalStorage<Answer>();
setTransport(async (url, init) => {
  const answer = answering.getStore();
  if (!answer || (init.method ?? "GET") !== "GET" || !url.startsWith(`${API}/`)) throw new Error(`renderSignedIn: no answer for ${init.method} ${url}`);
  const { status, body } = await answer(url);
  return new Response(status === 204 || status === 304 ? null : body, { status, headers: { "content-type": "application/json" } });
});

/**
 * Rendering passes at most: the page with the session, then with the answers to what that render asked for, then with
 * the answers to what depended on those. What is still asked for after that is drawn loading, in the browser as here.
 */
const PASSES = 3;

/**
 * The signed-in page at `url` for the user whose session `answer` asks with, drawn for a phone's width when `narrow`:
 * the markup, styles and title, and the answers it was drawn with (their query keys and data, for main.tsx to put in
 * the browser's query client before React takes the page over). The page's queries are found by rendering it: each
 * pass's new queries are asked for and the page is drawn again with their answers. Null when there is no signed-in
 * user (no session, an ended one, a second factor still due) or when any query was refused or failed: the frame
 * rendered ahead is sent instead, and the page asks in the browser.
 */
export async function renderSignedIn(url: string, answer: Answer, narrow: boolean): Promise<{ rendered: Rendered; data: PageDatum[] } | null> {
  return answering.run(answer, async () => {
    const client = newQueryClient();
    // a failed answer is not asked again here: the page is then sent unrendered, and asks in the browser
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } });
    await prefetchSession(client);
    const me = client.getQueryData<Me | null>(ME_KEY);
    if (!me || me.mfa !== "none") return null;
    for (let pass = 1; ; pass++) {
      const page = await render(<RouterProvider router={createMemoryRouter(appRoutes(), { initialEntries: [url] })} />, client, narrow);
      const queries = client.getQueryCache().getAll();
      if (queries.some((q) => q.state.status === "error")) return null;
      const asked = queries.filter((q) => q.state.status === "pending" && q.state.fetchStatus === "idle" && enabled(q));
      if (!asked.length || pass === PASSES) {
        const data = queries.filter((q) => q.state.status === "success").map((q) => ({ queryKey: q.queryKey, data: q.state.data }));
        return { rendered: titled(url, page), data };
      }
      await Promise.all(asked.map((q) => q.fetch().catch(() => undefined)));
    }
  });
}

type Rendered = Awaited<ReturnType<typeof renderPage>>;

/** Whether a query found in a render would be asked for in the browser (its `enabled` option). */
function enabled(q: Query): boolean {
  const option = (q.options as { enabled?: boolean | ((q: Query) => boolean) }).enabled;
  return typeof option === "function" ? option(q) : option !== false;
}

/** A page as rendered at build time: no data. */
export const prerender = (path: string) => renderPage(path);
