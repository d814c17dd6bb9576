// Dates and times as in Hải Phòng (UTC+7), whatever the zone this runs in (a server rendering a page, or a browser).
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("dates in the city's time", () => {
  it("gives a moment's date and time in Hải Phòng", () => {
    expect(formatDate("2026-05-12T18:30:00.000Z")).toBe("13/05/2026");
    expect(formatDateTime("2026-05-12T18:30:00.000Z")).toBe("13/05/2026 01:30");
    expect(formatDate("2026-05-12T16:59:59.000Z")).toBe("12/05/2026");
    expect(formatDateTime(new Date(Date.UTC(2026, 11, 31, 17, 0)))).toBe("01/01/2027 00:00");
  });
  it("keeps a date without a time as it is, and shows nothing for no date or an unreadable one", () => {
    expect(formatDate("2026-05-12")).toBe("12/05/2026");
    expect(formatDate(null)).toBe("");
    expect(formatDate(undefined)).toBe("");
    expect(formatDate("không phải ngày")).toBe("");
    expect(formatDateTime("")).toBe("");
  });
});
