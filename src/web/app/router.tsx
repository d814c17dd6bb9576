// Client-side routes, built from the features' routes.tsx (app/features.ts): the public pages outside the frame, the
// signed-in frame (AppLayout sends anonymous visitors to sign in) with every feature's pages, and the 404 page. Pages
// behind a role show a 403 page to others (the API refuses them anyway).
import { Suspense, type ReactNode } from "react";
import { createBrowserRouter, type RouteObject } from "react-router";
import { AppLayout } from "./AppLayout";
import { useSession } from "./session";
import type { Check } from "./permissions";
import type { Feature, PageRoute } from "./feature";
import { FEATURES } from "./features";
import { ForbiddenPage, NotFoundPage, RouteErrorPage } from "../components/states";

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
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [...features.flatMap((f) => (f.routes ?? []).map(framed)), { path: "*", element: <NotFoundPage /> }],
    },
  ];
}

export const router = createBrowserRouter(routeTree(FEATURES));
