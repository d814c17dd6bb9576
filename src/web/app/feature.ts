// What a feature adds to the web app, declared in its own features/<f>/routes.tsx: its pages (address, lazily loaded
// page, who may open it), its side-menu items and its public pages. app/features.ts lists the features; router.tsx
// builds the route tree and navigation.tsx the menu from that list, so adding a page touches only its feature.
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import type { Check } from "./permissions";
import type { NavGroupKey } from "./navigation";

/** A page inside the signed-in frame. Anonymous visitors are sent to sign in by the frame. */
export interface PageRoute {
  /** the address from the root, e.g. "/people/:id"; "/" is the start page */
  path: string;
  page: ComponentType;
  /** who may open it; a signed-in user without it sees the 403 page. Absent: every signed-in user. */
  allowed?: Check;
}

/** A page without sign-in, outside the signed-in frame. */
export interface PublicRoute {
  path: string;
  page: ComponentType;
}

/** An item of the side menu. The group's place and label are the menu's own (navigation.tsx). */
export interface MenuItem {
  group: NavGroupKey;
  /** its place in the group, ascending */
  order: number;
  /** a page of some feature's `routes` */
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** who sees it. Absent: every signed-in user. */
  allowed?: Check;
}

/** What features/<f>/routes.tsx exports as `feature`. */
export interface Feature {
  routes?: PageRoute[];
  menu?: MenuItem[];
  publicRoutes?: PublicRoute[];
}

/** A page loaded on its first visit (code splitting), with `preload` to ask for its code before it is drawn. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/**
 * A page loaded on its first visit (code splitting): `lazyPage(() => import("./XPage"), "XPage")`. Its module is asked
 * for once, by `preload` (router.tsx `preloadPage`, as the app starts) or by its first render, whichever comes first.
 * Once it has arrived, the page is drawn without suspending (React reads a thenable that answers at once), so a page
 * whose code came with the app's start is drawn in the first render, with no loading state in between.
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loading: Promise<Record<K, ComponentType>> | undefined;
  let loaded: Record<K, ComponentType> | undefined;
  const once = () =>
    (loading ??= load().then(
      (m) => (loaded = m),
      (e: unknown) => {
        loading = undefined; // a failed download is tried again on the next visit
        throw e;
      },
    ));
  const factory = () => {
    const m = loaded;
    if (m)
      return { then: (resolve: (v: { default: ComponentType }) => void) => resolve({ default: m[name] }) } as unknown as Promise<{ default: ComponentType }>;
    return once().then((m) => ({ default: m[name] }));
  };
  return Object.assign(lazy(factory), { preload: once });
}

export const isLazyPage = (page: ComponentType): page is LazyPage & ComponentType => typeof (page as Partial<LazyPage>).preload === "function";
