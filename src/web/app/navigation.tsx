// The side menu, following the user's roles: the groups (their order and labels) are the menu's own; the items come
// from the features' routes.tsx (app/features.ts), placed in their group by `order`. The same checks guard the routes.
import type { ReactNode } from "react";
import type { Me } from "./session";
import type { Check } from "./permissions";
import type { Feature } from "./feature";
import { FEATURES } from "./features";

/** The menu's groups, in the order they are shown. */
export const NAV_GROUPS = [
  { key: "general", labelKey: "nav.general" },
  { key: "registries", labelKey: "nav.registries" },
  { key: "tasks", labelKey: "nav.tasks" },
  { key: "statistics", labelKey: "statistics.nav.group" },
  { key: "personal", labelKey: "nav.personal" },
  { key: "admin", labelKey: "nav.admin" },
] as const;
export type NavGroupKey = (typeof NAV_GROUPS)[number]["key"];

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
  allowed?: Check;
}
export interface NavGroup {
  key: NavGroupKey;
  labelKey: string;
  items: NavItem[];
}

/** The menu groups with the features' items in their place (a group without items stays, empty). */
export function buildNavigation(features: readonly Feature[]): NavGroup[] {
  const items = features.flatMap((f) => f.menu ?? []);
  return NAV_GROUPS.map((g) => ({
    key: g.key,
    labelKey: g.labelKey,
    items: items.filter((i) => i.group === g.key).sort((a, b) => a.order - b.order),
  }));
}

export const NAVIGATION: NavGroup[] = buildNavigation(FEATURES);

export function visibleNavigation(me: Me | null): NavGroup[] {
  return NAVIGATION.map((g) => ({ ...g, items: g.items.filter((i) => !i.allowed || i.allowed(me)) })).filter((g) => g.items.length > 0);
}

/** The menu entry a path belongs to (the longest matching prefix). */
export function selectedNavPath(pathname: string): string {
  const all = NAVIGATION.flatMap((g) => g.items.map((i) => i.path));
  const match = all.filter((p) => (p === "/" ? pathname === "/" : pathname === p || pathname.startsWith(p + "/"))).sort((a, b) => b.length - a.length);
  return match[0] ?? "";
}
