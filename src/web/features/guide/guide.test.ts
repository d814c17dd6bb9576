// The user guide: every role has its texts in Vietnamese and English for every stop of its tour, every control a text
// names ("[[key]]") and every menu item and control of the tour is a text of the app in both languages, every stop is a
// menu item of the app, and every screenshot the guide shows is there (a 1366×768 PNG, written by
// tests/e2e/guide.test.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ROLES } from "../../../common/roles";
import { mergeTexts, type Tree } from "../../i18n/texts";
import { NAVIGATION } from "../../app/navigation";
import { GUIDE_ROLES, GUIDE_TOUR, NAMED, SCREENSHOT_BASE } from "./guide-tour";
import { HELP_TOPICS, type GuideTexts } from "./content/types";
import vi_ from "./content/vi";
import en from "./content/en";

// the web app's i18n setup marks the page's language: a bare document is enough outside a browser
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

const webRoot = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Tree;
function appTexts(lang: string): Set<string> {
  const features = fs
    .readdirSync(path.join(webRoot, "features"))
    .map((f) => path.join(webRoot, "features", f, "locales", `${lang}.json`))
    .filter((file) => fs.existsSync(file));
  const tree = mergeTexts([
    { source: `i18n/${lang}.json`, tree: read(path.join(webRoot, "i18n", `${lang}.json`)) },
    ...features.map((file) => ({ source: file, tree: read(file) })),
  ]);
  const keys = (t: Tree, prefix = ""): string[] => Object.entries(t).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
  return new Set(keys(tree));
}

const LANGS: [string, GuideTexts][] = [
  ["vi", vi_],
  ["en", en],
];

/** Every text of a language's guide, with where it stands. */
function allTexts(g: GuideTexts): [string, string][] {
  const out: [string, string][] = [];
  for (const [role, r] of Object.entries(g.roles)) {
    out.push([`${role}.who`, r.who], [`${role}.home`, r.home], [`${role}.screenshotAlt`, r.screenshotAlt]);
    for (const [id, s] of Object.entries(r.stops)) {
      out.push([`${role}.${id}.title`, s.title], [`${role}.${id}.what`, s.what]);
      s.steps.forEach((step, i) => out.push([`${role}.${id}.steps.${i}`, step]));
    }
  }
  for (const [topic, h] of Object.entries(g.help)) {
    out.push([`help.${topic}.title`, h.title]);
    for (const s of h.sections) {
      out.push([`help.${topic}.heading`, s.heading]);
      s.points.forEach((p, i) => out.push([`help.${topic}.${s.heading}.${i}`, p]));
    }
    h.sources.forEach((s, i) => out.push([`help.${topic}.sources.${i}`, s]));
  }
  return out;
}

describe("the user guide", () => {
  it("covers every role of the platform", () => {
    expect([...GUIDE_ROLES].sort()).toEqual([...ROLES].sort());
  });

  it.each(LANGS)("has every role's texts for every stop of its tour, and every help topic (%s)", (_lang, g) => {
    for (const role of GUIDE_ROLES) {
      const r = g.roles[role];
      expect(r, role).toBeDefined();
      expect(Object.keys(r.stops).sort(), role).toEqual(GUIDE_TOUR[role].stops.map((s) => s.id).sort());
      for (const s of Object.values(r.stops)) expect(s.steps.length).toBeGreaterThan(0);
    }
    expect(Object.keys(g.help).sort()).toEqual([...HELP_TOPICS].sort());
    for (const h of Object.values(g.help)) expect(h.sources.length).toBeGreaterThan(0);
    expect(allTexts(g).filter(([, text]) => !text.trim())).toEqual([]);
  });

  it("says the same steps in both languages, naming the same controls", () => {
    const named = (text: string) => [...text.matchAll(NAMED)].map((m) => m[1]).sort();
    const shape = (g: GuideTexts) =>
      allTexts(g)
        .filter(([where]) => !where.startsWith("help."))
        .map(([where, text]) => [where, named(text)]);
    expect(shape(en)).toEqual(shape(vi_));
  });

  it("names only controls and menu items that are texts of the app, in both languages", () => {
    for (const lang of ["vi", "en"]) {
      const app = appTexts(lang);
      const tourKeys = GUIDE_ROLES.flatMap((r) => GUIDE_TOUR[r].stops.flatMap((s) => [s.menu, ...s.look, ...(s.open?.look ?? [])]));
      const named = LANGS.flatMap(([, g]) => allTexts(g).flatMap(([where, text]) => [...text.matchAll(NAMED)].map((m) => `${where}: ${m[1]}`)));
      expect(
        tourKeys.filter((k) => !app.has(k)),
        lang,
      ).toEqual([]);
      expect(
        named.filter((n) => !app.has(n.split(": ")[1])),
        lang,
      ).toEqual([]);
    }
  });

  it("goes to each page through a menu item of the app", () => {
    const items = new Map(NAVIGATION.flatMap((g) => g.items.map((i) => [i.path, i.labelKey] as const)));
    const wrong = GUIDE_ROLES.flatMap((r) => GUIDE_TOUR[r].stops.filter((s) => items.get(s.path) !== s.menu).map((s) => `${r}: ${s.menu} ${s.path}`));
    expect(wrong).toEqual([]);
  });

  it("shows screenshots that are there: PNG, 1366×768", () => {
    const dir = path.join(webRoot, "public", SCREENSHOT_BASE);
    for (const role of GUIDE_ROLES) {
      const file = path.join(dir, GUIDE_TOUR[role].screenshot);
      expect(fs.existsSync(file), file).toBe(true);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      // IHDR: width and height, big-endian, right after the signature and the chunk's length and type
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([1366, 768]);
      expect(png.length, file).toBeLessThan(400_000);
    }
  });
});
