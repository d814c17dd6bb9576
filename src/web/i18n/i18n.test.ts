// The web app's texts: Vietnamese and English have the same keys, and every key the code asks for exists. The texts
// are merged as the app merges them (texts.ts): the shared file and each feature's locales.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mergeTexts, type Tree } from "./texts.js";

const webRoot = path.resolve(import.meta.dirname, "..");
const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as Tree;
const featureFiles = (lang: string) =>
  fs
    .readdirSync(path.join(webRoot, "features"))
    .map((f) => path.join(webRoot, "features", f, "locales", `${lang}.json`))
    .filter((file) => fs.existsSync(file));
const textsOf = (lang: string) =>
  mergeTexts([
    { source: `i18n/${lang}.json`, tree: read(path.join(webRoot, "i18n", `${lang}.json`)) },
    ...featureFiles(lang).map((file) => ({ source: file, tree: read(file) })),
  ]);
const vi = textsOf("vi") as any;
const en = textsOf("en") as any;

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

describe("web texts", () => {
  const viKeys = new Set(keys(vi as Tree));
  const enKeys = new Set(keys(en as Tree));

  it("has the same keys in Vietnamese and English, none empty", () => {
    // Plural forms differ by language (Vietnamese has only `_other`, English `_one` and `_other`): compared by their key.
    const plural = /_(zero|one|two|few|many|other)$/;
    const viBase = new Set([...viKeys].map((k) => k.replace(plural, "")));
    const enBase = new Set([...enKeys].map((k) => k.replace(plural, "")));
    expect([...viBase].filter((k) => !enBase.has(k))).toEqual([]);
    expect([...enBase].filter((k) => !viBase.has(k))).toEqual([]);
    const empty = (tree: Tree): boolean => Object.values(tree).some((v) => (typeof v === "string" ? !v.trim() : empty(v)));
    expect(empty(vi as Tree) || empty(en as Tree)).toBe(false);
  });

  it("defines every key the code uses", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const used = new Set<string>();
    for (const file of sources(root)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
      for (const m of text.matchAll(/labelKey: "([a-zA-Z0-9_.]+)"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    // A plural text (`t(key, { count })`) is defined by its forms: i18next reads `key_other` (and `key_one` in English).
    const defined = (k: string, set: Set<string>) => set.has(k) || set.has(`${k}_other`);
    expect([...used].filter((k) => !defined(k, viKeys) || !defined(k, enKeys)).sort()).toEqual([]);
  });

  it("keeps a feature's texts in its own locales file, under its own top-level keys, in both languages", () => {
    expect(featureFiles("vi").length).toBeGreaterThan(20);
    expect(featureFiles("vi").map((f) => f.replace(/vi\.json$/, ""))).toEqual(featureFiles("en").map((f) => f.replace(/en\.json$/, "")));
    expect(() =>
      mergeTexts([
        { source: "a", tree: { x: "1" } },
        { source: "b", tree: { x: "2" } },
      ]),
    ).toThrow(/defined in a and in b/);
  });

  it("writes Vietnamese with its diacritics", () => {
    expect(vi.nav.people).toBe("Nhân lực KH&CN");
    expect(vi.imports.errors.row).toBe("Dòng");
  });
});
