// Entry of the web app (index.html loads this module): asks for the session at once, and renders once the texts of
// the language in use have arrived (or could not be loaded: a page with its text keys is still better than an empty
// one).
//
// A page rendered ahead of time (prerender.tsx: the sign-in and public pages, at build time or per request with their
// data; the home and task list per request for a signed-in user) arrives with its markup and styles in the HTML, so it
// is seen before any script has run. React then takes it over (hydrates) when the visitor sees what was rendered
// ahead — Vietnamese, and the same user (or none) — and otherwise draws the page afresh in its place.
import { startTransition, StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { createCache } from "@ant-design/cssinjs";
import { currentLang, i18nReady } from "../i18n/index";
import "./styles.css";
import { Root } from "./Root";
import { queryClient } from "./query-client";
import { ME_KEY, prefetchSession, type Me } from "./session";
import { pageData, SHELL, seedPageData } from "./page-data";
import { appRoutes, preloadPage } from "./router";

const container = document.getElementById("root")!;
const prerendered = container.dataset.prerendered;
// drawn on the server for a phone's width: taken over with the same answer (media.ts)
const narrow = container.dataset.narrow !== undefined;
const session = prefetchSession(queryClient);
const pageCode = preloadPage(location.pathname);

void i18nReady
  .catch(() => undefined)
  .then(async () => {
    const router = createBrowserRouter(appRoutes());
    const app = (
      <StrictMode>
        <Root styles={createCache()} narrow={narrow}>
          <RouterProvider router={router} />
        </Root>
      </StrictMode>
    );
    // The first render is a transition: React draws it in short slices, so the page answers input while it is built.
    const render = () => startTransition(() => createRoot(container).render(app));
    if (!prerendered) return render();
    // The frame rendered ahead (FrameShell) stays until the app's first render replaces it (React empties the
    // container as it commits): that render waits for the session and the page's code, so it draws the page itself.
    if (prerendered === SHELL) {
      await Promise.all([session.catch(() => undefined), pageCode]);
      return render();
    }
    // The page as rendered ahead is painted first; taking it over is the next frame's work (at once in a tab opened in
    // the background, which runs no animation frame until it is shown).
    const painted = new Promise((done) => (document.visibilityState === "visible" ? requestAnimationFrame(() => setTimeout(done)) : done(undefined)));
    await Promise.all([session.catch(() => undefined), painted]);
    // A page rendered for a signed-in user carries that user's session among its data; a public page carries none,
    // and was drawn for a visitor without one.
    const data = pageData() ?? [];
    const drawnFor = (data.find((d) => d.queryKey.join() === ME_KEY.join())?.data ?? null) as Me | null;
    const me = queryClient.getQueryData<Me | null>(ME_KEY) ?? null;
    const sameUser = (me?.id ?? null) === (drawnFor?.id ?? null);
    if (sameUser || !drawnFor) seedPageData(queryClient, data);
    if (prerendered === location.pathname && currentLang() === "vi" && sameUser) return void hydrateRoot(container, app);
    // Another language or a signed-in visitor: the page is drawn afresh in an emptied, live container.
    container.replaceChildren();
    container.removeAttribute("inert");
    render();
  });
