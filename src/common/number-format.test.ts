import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatNumber } from "./number-format.js";

describe("formatNumber", () => {
  it("groups and rounds the way of each locale", () => {
    expect(formatNumber(1234567.891, "vi-VN", 2)).toBe("1.234.567,89");
    expect(formatNumber(1234567.891, "en-US", 2)).toBe("1,234,567.89");
    expect(formatNumber(300_000_000, "en-GB")).toBe("300,000,000");
    expect(formatNumber(0.5, "vi-VN", 0)).toBe("1");
    expect(formatNumber(12.3456789, "vi-VN", 6)).toBe("12,345679");
  });

  it("writes what toLocaleString writes, formatter after formatter", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.constantFrom("vi-VN" as const, "en-US" as const, "en-GB" as const),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        (n, locale, digits) => {
          const expected = digits === undefined ? n.toLocaleString(locale) : n.toLocaleString(locale, { maximumFractionDigits: digits });
          expect(formatNumber(n, locale, digits)).toBe(expected);
        },
      ),
    );
  });
});
