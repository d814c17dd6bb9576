import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dateOnly, formatDateTimeVi, neutraliseFormula, quoteCsvField, toCsv, writeCsv, type ExportCell } from "./csv.js";

describe("formula injection (SECURITY.md 14)", () => {
  it("prefixes every dangerous first character with an apostrophe", () => {
    for (const s of ["=1+1", "+84 912", "-2+3", "@SUM(A1)", "\tx", "\rx"]) expect(neutraliseFormula(s)).toBe("'" + s);
    for (const s of ["Viện Hải sản", "1980", "'=already", " =later", ""]) expect(neutraliseFormula(s)).toBe(s);
  });

  it("no text cell of a CSV starts with a formula character, whatever the input", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (values) => {
        const text = toCsv(
          ["a"],
          values.map((v) => [v]),
        )
          .toString("utf8")
          .slice(1);
        const lines = parseCsv(text);
        expect(lines.slice(1).map((l) => l[0])).toEqual(values.map(neutraliseFormula));
        for (const l of lines.slice(1)) expect(l[0]).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe("RFC 4180", () => {
  it("quotes fields with commas, quotes and line breaks; CRLF ends every line; UTF-8 BOM first", () => {
    expect(quoteCsvField('Viện "A", Hải Phòng')).toBe('"Viện ""A"", Hải Phòng"');
    expect(quoteCsvField("a\nb")).toBe('"a\nb"');
    expect(quoteCsvField("plain")).toBe("plain");
    const buf = toCsv(
      ["Tên", "Năm", "Chuyên gia", "Ngày"],
      [
        ["Nguyễn Văn An, TS", 1980, true, dateOnly("2026-11-27")],
        [null, null, false, null],
      ],
      {
        yesNo: ["Có", "Không"],
      },
    );
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.subarray(3).toString("utf8")).toBe('Tên,Năm,Chuyên gia,Ngày\r\n"Nguyễn Văn An, TS",1980,Có,27/11/2026\r\n,,Không,\r\n');
  });

  it("writes rows that come in pages byte for byte as toCsv writes them at once", async () => {
    const rows: ExportCell[][] = Array.from({ length: 3000 }, (_, i) => [
      `=Người ${i}, "TS"`,
      i,
      i % 2 === 0,
      dateOnly("2026-11-27"),
      new Date(Date.UTC(2026, 10, 27, i % 24)),
    ]);
    async function* pages() {
      for (let at = 0; at < rows.length; at += 700) yield rows.slice(at, at + 700);
    }
    const options = { yesNo: ["Có", "Không"] as [string, string] };
    const paged = await writeCsv(["Tên", "Số", "Có?", "Ngày", "Lúc"], pages(), options);
    expect(paged.equals(toCsv(["Tên", "Số", "Có?", "Ngày", "Lúc"], rows, options))).toBe(true);
    expect(parseCsv(paged.subarray(3).toString("utf8"))).toHaveLength(3001);
  });

  it("writes instants in Vietnam time (UTC+7)", () => {
    expect(formatDateTimeVi(new Date("2026-11-27T20:30:00Z"))).toBe("28/11/2026 03:30");
  });
});

/** A strict RFC 4180 reader for the property test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') ((field += '"'), (i += 2));
        else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== "," && text[i] !== "\r") field += text[i++];
    }
    row.push(field);
    if (text[i] === ",") i++;
    else if (text[i] === "\r" && text[i + 1] === "\n") {
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}
