// The transcription of Hải Phòng's 2025 units (admin-units.ts) against the data it was taken from
// (docs/admin-units/hai-phong-2025.json and former-districts.json, README beside them), and the lookups built on it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FORMER_COMMUNES, FORMER_DISTRICTS, UNITS_2025, successorOf, successorsOf, unitLabel } from "./admin-units.js";
import { currentList } from "./reference.js";

const docs = path.resolve(import.meta.dirname, "../../docs/admin-units");
interface FormerUnit {
  name: string;
  kind: string;
  code: string;
  districtCode: string;
  province: string;
  share: string;
}
const units = JSON.parse(fs.readFileSync(path.join(docs, "hai-phong-2025.json"), "utf8")) as {
  code: string;
  name: string;
  kind: string;
  resolutionClause: number;
  formerUnits: FormerUnit[];
}[];
const districts = (
  JSON.parse(fs.readFileSync(path.join(docs, "former-districts.json"), "utf8")) as { districts: { code: string; name: string; province: string }[] }
).districts;

describe("Hải Phòng's units since 1/7/2025 (NQ 1669/NQ-UBTVQH15)", () => {
  it("are the 114 units of the resolution — 45 phường, 67 xã, 2 đặc khu — each with its parts as transcribed", () => {
    expect(UNITS_2025).toHaveLength(114);
    const count = (kind: string) => UNITS_2025.filter((u) => u.kind === kind).length;
    expect([count("phuong"), count("xa"), count("dac_khu")]).toEqual([45, 67, 2]);
    expect(new Set(UNITS_2025.map((u) => u.code)).size).toBe(114);
    expect(UNITS_2025.map((u) => u.clause)).toEqual(Array.from({ length: 114 }, (_, i) => i + 1));
    expect(UNITS_2025.map((u) => ({ code: u.code, name: u.name, kind: u.kind, parts: u.parts.map(([c, s]) => [c, s]) }))).toEqual(
      units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, parts: u.formerUnits.map((f) => [f.code, f.share]) })),
    );
  });

  it("were made from all 374 former communes of Hải Phòng (167) and Hải Dương (207), and huyện Bạch Long Vĩ", () => {
    expect(FORMER_COMMUNES).toHaveLength(374);
    const provinceOf = new Map(FORMER_DISTRICTS.map((d) => [d.code, d.province]));
    expect(FORMER_COMMUNES.filter(([, , , d]) => provinceOf.get(d) === "HP")).toHaveLength(167);
    expect(FORMER_COMMUNES.filter(([, , , d]) => provinceOf.get(d) === "HD")).toHaveLength(207);
    expect(FORMER_DISTRICTS.map((d) => [d.code, d.name])).toEqual(districts.map((d) => [d.code, d.name]));
    const seen = new Map(units.flatMap((u) => u.formerUnits.filter((f) => f.kind !== "huyen").map((f) => [f.code, [f.code, f.kind, f.name, f.districtCode]])));
    expect(new Map(FORMER_COMMUNES.map((c) => [c[0], [...c]]))).toEqual(seen);
    // every former commune went somewhere; one taken whole went to one unit only; a split one has a part and a remainder
    for (const [code] of FORMER_COMMUNES) {
      const to = successorsOf(code);
      expect(to.length, code).toBeGreaterThan(0);
      if (to.some((t) => t.share === "toan_bo")) expect(to, code).toHaveLength(1);
      else expect(to.some((t) => t.share.startsWith("phan_con_lai")) || to.some((t) => t.share === "mot_phan_cua_phan_con_lai"), code).toBe(true);
    }
    expect(successorsOf("318")).toEqual([{ code: "11948", share: "toan_bo" }]);
  });

  it("name a former unit's one successor only when it went whole into it", () => {
    expect(successorOf("11578")).toBe("11560"); // phường Dương Quan → phường Thủy Nguyên
    expect(successorOf("11572")).toBeNull(); // phường Hoa Động, split
    expect(successorOf("318")).toBe("11948"); // huyện Bạch Long Vĩ → đặc khu Bạch Long Vĩ
    expect(successorOf("99999")).toBeNull();
  });

  it("are a code list in force from 1/7/2025, labelled with their kind in both languages", () => {
    const list = currentList("admin_unit", "2026-12-08");
    expect(list.effectiveFrom).toBe("2025-07-01");
    expect(list.legalBasis).toContain("1669/NQ-UBTVQH15");
    expect(list.codes).toHaveLength(114);
    expect(list.codes.find((c) => c.code === "11560")).toEqual({ code: "11560", vi: "Phường Thủy Nguyên", en: "Thuy Nguyen Ward" });
    const blv = UNITS_2025.find((u) => u.code === "11948")!;
    expect([unitLabel(blv, "vi"), unitLabel(blv, "en")]).toEqual(["Đặc khu Bạch Long Vĩ", "Bach Long Vi Special Zone"]);
    expect(list.codes.filter((c) => c.vi.startsWith("Xã ") && c.en.endsWith(" Commune"))).toHaveLength(67);
  });
});
