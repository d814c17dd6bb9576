// The Vietnam day of an instant and the instant a Vietnam day begins, against the offset written out by hand.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { startOfVietnamDay, vietnamDate } from "./clock.js";

describe("Vietnam days", () => {
  it("an instant before 17:00 UTC falls on the same day in Vietnam, from 17:00 UTC on the next", () => {
    expect(vietnamDate(new Date("2026-12-31T16:59:59.999Z"))).toBe("2026-12-31");
    expect(vietnamDate(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
    expect(startOfVietnamDay("2027-01-01").toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });

  it("every instant lies within the Vietnam day it is said to fall on", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }), (at) => {
        const start = startOfVietnamDay(vietnamDate(at));
        expect(start.getTime()).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime() - start.getTime()).toBeLessThan(86_400_000);
      }),
    );
  });
});
