// Pages rendered ahead of time, at build time (scripts/vite-plugins.ts `prerenderPages`): the page's markup and Ant
// Design's styles for it, as a visitor who is not signed in sees it in Vietnamese. The server sends them in the HTML
// (platform/web-app.ts), so the page is drawn before its scripts have arrived and run; main.tsx then hydrates it.
// Only pages that need no data from the server are rendered so (the sign-in page).
import { StrictMode } from "react";
import { prerender as renderAhead } from "react-dom/static";
import { createMemoryRouter, RouterProvider } from "react-router";
import { createCache, extractStyle } from "@ant-design/cssinjs";
import i18n, { i18nReady } from "../i18n/index";
import { Root } from "./Root";
import { queryClient } from "./query-client";
import { ME_KEY } from "./session";
import { appRoutes } from "./router";

/**
 * The page at `path` as HTML (what goes inside #root), the <style> elements it needs and the tab's title — the one
 * page-heading.ts `useDocumentTitleFromHeading` gives it once the app runs: "<h1> · KHCN Hải Phòng".
 */
export async function prerender(path: string): Promise<{ html: string; styles: string; title: string }> {
  await i18nReady;
  queryClient.setQueryData(ME_KEY, null);
  const router = createMemoryRouter(appRoutes(), { initialEntries: [path] });
  const cache = createCache();
  // react-dom/static waits for the lazily loaded page (its Suspense boundary) before it writes the markup.
  const { prelude } = await renderAhead(
    <StrictMode>
      <Root styles={cache}>
        <RouterProvider router={router} />
      </Root>
    </StrictMode>,
  );
  const html = await new Response(prelude).text();
  const heading = /<h1\b[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)?.[1]
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!heading) throw new Error(`prerender: ${path} has no <h1>`);
  return { html, styles: extractStyle(cache), title: `${heading} · ${i18n.t("app.shortName")}` };
}
