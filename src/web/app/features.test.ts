// The features' routes and menu items (features/<f>/routes.tsx, listed in app/features.ts): no address is declared
// twice, every menu item opens a declared page, and every feature folder with pages is in the list.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Feature } from "./feature";
import { FEATURES } from "./features";
import { buildNavigation, NAV_GROUPS, NAVIGATION, type NavGroup } from "./navigation";

// the web app's i18n setup marks the page's language: a bare document is enough outside a browser
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

const featuresDir = path.resolve(import.meta.dirname, "../features");
const routesOf = (f: Feature) => [...(f.routes ?? []), ...(f.publicRoutes ?? [])];
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);

describe("the features' routes", () => {
  it("declare every address once, across features and public pages", () => {
    const paths = FEATURES.flatMap((f) => routesOf(f).map((r) => r.path));
    expect(paths.length).toBeGreaterThan(60);
    expect(duplicates(paths)).toEqual([]);
    // addresses are written from the root, as in the menu and in links
    expect(paths.filter((p) => !p.startsWith("/"))).toEqual([]);
  });

  it("open a declared page from every menu item, each item once, in a known group and a place of its own", () => {
    const pages = new Set(FEATURES.flatMap((f) => (f.routes ?? []).map((r) => r.path)));
    const items = FEATURES.flatMap((f) => f.menu ?? []);
    expect(items.length).toBeGreaterThan(25);
    expect(items.filter((i) => !pages.has(i.path)).map((i) => i.path)).toEqual([]);
    expect(duplicates(items.map((i) => i.path))).toEqual([]);
    const groups: string[] = NAV_GROUPS.map((g) => g.key);
    expect(items.filter((i) => !groups.includes(i.group)).map((i) => i.path)).toEqual([]);
    for (const g of groups) expect(duplicates(items.filter((i) => i.group === g).map((i) => String(i.order)))).toEqual([]);
  });

  it("build the menu in the groups' order, each group's items by their place, whatever the order of the list", () => {
    expect(NAVIGATION.map((g) => g.key)).toEqual(NAV_GROUPS.map((g) => g.key));
    expect(NAVIGATION.every((g) => g.items.length > 0)).toBe(true);
    const place = new Map(FEATURES.flatMap((f) => (f.menu ?? []).map((i) => [i.path, i.order] as const)));
    for (const g of NAVIGATION) {
      const places = g.items.map((i) => place.get(i.path)!);
      expect(places, g.key).toEqual([...places].sort((a, b) => a - b));
    }
    const paths = (groups: NavGroup[]) => groups.map((g) => g.items.map((i) => i.path));
    expect(paths(buildNavigation([...FEATURES].reverse()))).toEqual(paths(NAVIGATION));
    expect(paths(NAVIGATION)[0]).toEqual(["/", "/overview", "/leadership"]);
  });

  it("are registered for every feature folder with pages, each by its own routes.tsx, once", async () => {
    const folders = fs.readdirSync(featuresDir, { withFileTypes: true }).filter((d) => d.isDirectory());
    const withPages = folders.filter((d) => fs.readdirSync(path.join(featuresDir, d.name)).some((file) => /Page\.tsx$/.test(file))).map((d) => d.name);
    expect(withPages.length).toBeGreaterThan(20);
    expect(withPages.filter((name) => !fs.existsSync(path.join(featuresDir, name, "routes.tsx")))).toEqual([]);
    const declared = new Map<Feature, string>();
    for (const d of folders.filter((f) => fs.existsSync(path.join(featuresDir, f.name, "routes.tsx")))) {
      declared.set(((await import(`../features/${d.name}/routes.tsx`)) as { feature: Feature }).feature, d.name);
    }
    expect([...declared].filter(([feature]) => !FEATURES.includes(feature)).map(([, name]) => name)).toEqual([]);
    expect(FEATURES.filter((f) => !declared.has(f))).toEqual([]);
    expect(new Set(FEATURES).size).toBe(FEATURES.length);
    expect([...declared].filter(([feature]) => routesOf(feature).length === 0).map(([, name]) => name)).toEqual([]);
  });
});
