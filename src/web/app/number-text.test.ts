// Typed numbers: the reader's notation is read, anything else is refused (never partly read).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatNumberText, parseNumberText } from "./number-text";

describe("typed numbers", () => {
  it("reads Vietnamese and English notation", () => {
    expect(parseNumberText("1.234.567,5", "vi")).toEqual({ ok: true, value: 1234567.5 });
    expect(parseNumberText("1234,25", "vi")).toEqual({ ok: true, value: 1234.25 });
    expect(parseNumberText("1.5", "vi")).toEqual({ ok: true, value: 1.5 });
    expect(parseNumberText("1.500", "vi")).toEqual({ ok: true, value: 1500 });
    expect(parseNumberText("1,234,567.5", "en")).toEqual({ ok: true, value: 1234567.5 });
    expect(parseNumberText(" 2 000 ", "vi")).toEqual({ ok: true, value: 2000 });
    expect(parseNumberText("-3", "en")).toEqual({ ok: true, value: -3 });
    expect(parseNumberText("", "vi")).toEqual({ ok: true, value: null });
  });
  it("refuses what is not a number instead of reading part of it", () => {
    for (const s of ["19x5", "abc", "1..2", "1,2,3", "12-", "1.23.4", "--1", "1e5"]) expect(parseNumberText(s, "vi"), s).toEqual({ ok: false, text: s });
    expect(parseNumberText("2,5", "vi", true)).toEqual({ ok: false, text: "2,5" });
  });
  it("reads back what it writes, in both notations", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom("vi" as const, "en" as const), (i, f, lang) => {
        const n = i + Math.sign(i || 1) * (f / 1000);
        const text = formatNumberText(n, lang);
        const back = parseNumberText(text, lang);
        expect(back.ok && back.value).toBeCloseTo(n, 6);
      }),
    );
    expect(formatNumberText(1234567.5, "vi")).toBe("1.234.567,5");
    expect(formatNumberText(1234567.5, "en")).toBe("1,234,567.5");
    expect(formatNumberText(null, "vi")).toBe("");
  });
});
