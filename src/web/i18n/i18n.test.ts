// The web app's texts: Vietnamese and English have the same keys, and every key the code asks for exists.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import vi from "./vi.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

type Tree = { [k: string]: string | Tree };

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
    expect([...viKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !viKeys.has(k))).toEqual([]);
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
    expect([...used].filter((k) => !viKeys.has(k)).sort()).toEqual([]);
  });

  it("writes Vietnamese with its diacritics", () => {
    expect(vi.nav.people).toBe("Nhân lực KH&CN");
    expect(vi.imports.errors.row).toBe("Dòng");
  });
});
