// The module list is the one registration point: every feature folder has a manifest, and the list holds each once,
// under its folder's name, so no feature's routes, start-up data, upkeep or demo data can be left out.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { MODULES } from "./index.js";

const folders = fs
  .readdirSync(new URL(".", import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("module manifests", () => {
  it("every feature folder has a manifest in the list, once, named after its folder", () => {
    expect(folders.length).toBeGreaterThan(20);
    for (const f of folders) expect(fs.existsSync(new URL(`./${f}/module.ts`, import.meta.url)), `${f}/module.ts`).toBe(true);
    const names = MODULES.map((m) => m.name);
    expect([...names].sort()).toEqual(folders);
    expect(new Set(names).size).toBe(names.length);
  });

  it("loads configuration data in an order where a module comes after those it reads", () => {
    const at = (name: string) => MODULES.findIndex((m) => m.name === name);
    // task status groups read the process templates; the plan's indicators and the funding plan read the code lists
    expect(at("reference")).toBeLessThan(at("process-templates"));
    expect(at("process-templates")).toBeLessThan(at("task-analytics"));
    expect(at("reference")).toBeLessThan(at("indicators"));
    // demo data: tasks use programmes and calls; councils sit on the demo tasks
    expect(at("programmes")).toBeLessThan(at("tasks"));
    expect(at("tasks")).toBeLessThan(at("councils"));
  });
});
