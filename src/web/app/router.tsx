// Client-side routes, built from the features' routes.tsx (app/features.ts): the public pages outside the frame, the
// signed-in frame (AppLayout, loaded on first use; it sends anonymous visitors to sign in) with every feature's pages,
// and the 404 page. Pages behind a role show a 403 page to others (the API refuses them anyway).
import { Suspense, type ReactNode } from "react";
import { matchRoutes, type RouteObject } from "react-router";
import { useSession } from "./session";
import type { Check } from "./permissions";
import { isLazyPage, lazyPage, type Feature, type PageRoute } from "./feature";
import { FEATURES } from "./features";
import { RouteErrorPage } from "../components/RouteErrorPage";

// The frame (menu, header, notifications) is its own chunk: the sign-in and public pages do without it.
const AppLayout = lazyPage(() => import("./AppLayout"), "AppLayout");
// The 403 and 404 pages (antd's Result with its illustrations) are drawn inside the frame, loaded when needed.
const ForbiddenPage = lazyPage(() => import("../components/states"), "ForbiddenPage");
const NotFoundPage = lazyPage(() => import("../components/states"), "NotFoundPage");

function Allowed({ when, children }: { when: Check; children: ReactNode }) {
  const { me } = useSession();
  return me && when(me) ? <>{children}</> : <ForbiddenPage />;
}

// A page inside the frame; the frame's Suspense shows the loading state while a lazy page arrives.
function framed({ path, page: Page, allowed }: PageRoute): RouteObject {
  const element = allowed ? (
    <Allowed when={allowed}>
      <Page />
    </Allowed>
  ) : (
    <Page />
  );
  return path === "/" ? { index: true, element } : { path: path.replace(/^\//, ""), element };
}

export function routeTree(features: readonly Feature[]): RouteObject[] {
  return [
    ...features.flatMap((f) =>
      (f.publicRoutes ?? []).map(({ path, page: Page }) => ({
        path,
        element: (
          <Suspense fallback={null}>
            <Page />
          </Suspense>
        ),
        errorElement: <RouteErrorPage />,
      })),
    ),
    {
      path: "/",
      element: (
        <Suspense fallback={null}>
          <AppLayout />
        </Suspense>
      ),
      errorElement: <RouteErrorPage />,
      children: [...features.flatMap((f) => (f.routes ?? []).map(framed)), { path: "*", element: <NotFoundPage /> }],
    },
  ];
}

/** The app's routes: the browser's router in main.tsx, a memory router when a page is rendered ahead (prerender.tsx). */
export const appRoutes = () => routeTree(FEATURES);

/**
 * Asks for the code of the page at `pathname` (and of the frame, for a page inside it) as the app starts, beside the
 * texts and the session, instead of one after the other as each is first drawn: on a phone's network each of those
 * waits is a round trip. A visitor without a session is sent to sign in after all; that download is then unused.
 */
export function preloadPage(pathname: string, features: readonly Feature[] = FEATURES): Promise<void> {
  const pages = [
    ...features.flatMap((f) => (f.publicRoutes ?? []).map((r) => ({ path: r.path, page: r.page, framed: false }))),
    ...features.flatMap((f) => (f.routes ?? []).map((r) => ({ path: r.path, page: r.page, framed: true }))),
  ];
  const match = matchRoutes(
    pages.map((p, i) => ({ path: p.path, id: String(i) })),
    pathname,
  )?.at(-1);
  const found = match ? pages[Number(match.route.id)] : undefined;
  if (!found) return Promise.resolve();
  const loads = [found.framed ? AppLayout.preload() : null, isLazyPage(found.page) ? found.page.preload() : null];
  // A failed download shows where the page is drawn (its error boundary), not here.
  return Promise.all(loads.map((load) => load?.catch(() => undefined))).then(() => undefined);
}

/** Whether `pathname` is drawn inside the signed-in frame (its pages and its 404 page), not a public page. */
export function framedRoute(pathname: string, routes: RouteObject[] = appRoutes()): boolean {
  return matchRoutes(routes, pathname)?.[0]?.route.path === "/";
}
