// The scientific CV as printed: a full CV and an empty one go through LibreOffice to PDF (one soffice call) and the
// PDF's text is read back (pdf-text.ts): a sensible number of pages, the form's code and the title each printed whole
// on their lines, and the signature block — the person's name under "CÁ NHÂN KHAI LÝ LỊCH" — whole, on the last page,
// below the body's last line. Needs LibreOffice and a font with the metrics of Times New Roman, like
// documents-print.test.ts (skipped without them unless REQUIRE_OFFICE=1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { scientificCv, SCIENTIFIC_CV_FORM, SCIENTIFIC_CV_TITLE, type ScientificCvInput } from "./index.js";
import { sampleScientificCv, sampleScientificCvEmpty } from "./documents.fixtures.js";
import { pdfLines, readPdf, type PdfPage } from "./pdf-text.js";

const which = (bin: string) => {
  try {
    return execFileSync("which", [bin], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
};
const office = which("soffice") ?? which("libreoffice");
const timesMetrics = (() => {
  try {
    return /Times New Roman|Liberation Serif|Tinos/i.test(execFileSync("fc-match", ["Times New Roman"], { encoding: "utf8" }));
  } catch {
    return false;
  }
})();
const canPrint = !!office && timesMetrics;

it("LibreOffice and a font with the metrics of Times New Roman are installed where REQUIRE_OFFICE=1", () => {
  if (process.env.REQUIRE_OFFICE === "1") expect(canPrint).toBe(true);
});

const cases: { name: string; input: ScientificCvInput; pages: [number, number] }[] = [
  { name: "full", input: sampleScientificCv, pages: [2, 3] },
  { name: "empty", input: sampleScientificCvEmpty, pages: [1, 1] },
];
const squash = (s: string) => s.replace(/\s+/g, "");
const isPageNumber = (text: string) => /^\d+$/.test(text.trim());

describe.skipIf(!canPrint)("the scientific CV printed through LibreOffice", () => {
  const printed = new Map<string, PdfPage[]>();
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "cv-print-"));
    for (const c of cases) writeFileSync(path.join(dir, `${c.name}.docx`), await scientificCv(c.input));
    execFileSync(
      office!,
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        ...cases.map((c) => path.join(dir, `${c.name}.docx`)),
      ],
      { timeout: 240_000, stdio: "ignore" },
    );
    for (const c of cases) printed.set(c.name, readPdf(readFileSync(path.join(dir, `${c.name}.pdf`))));
  }, 300_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: a sensible number of pages, none holding only its number", (_, c) => {
    const pages = printed.get(c.name)!;
    expect(pages.length).toBeGreaterThanOrEqual(c.pages[0]);
    expect(pages.length).toBeLessThanOrEqual(c.pages[1]);
    for (const p of pages) expect(pdfLines(p).filter((l) => !isPageNumber(l.text)).length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: the form's code and the title print each line whole", (_, c) => {
    const lines = pdfLines(printed.get(c.name)![0]).map((l) => squash(l.text));
    expect(lines.slice(0, 2)).toEqual(SCIENTIFIC_CV_FORM.map(squash));
    expect(lines.slice(2, 4)).toEqual(SCIENTIFIC_CV_TITLE.map(squash));
    expect(lines[4]).toMatch(/^\(Lậptừcơsởdữliệu.*\)$/);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: the signature block is whole, on the last page, below the body", (_, c) => {
    const pages = printed.get(c.name)!;
    const last = pdfLines(pages.at(-1)!);
    const heading = last.find((l) => l.text.includes("CÁ NHÂN KHAI LÝ LỊCH"));
    const confirm = last.find((l) => l.text.includes("XÁC NHẬN CỦA TỔ CHỨC"));
    const name = last.find((l) => l.text.trim() === c.input.fullName);
    expect(heading, "the person's signature heading on the last page").toBeDefined();
    expect(confirm, "the organisation's confirmation on the last page").toBeDefined();
    expect(name, "the person's name on the last page").toBeDefined();
    expect(name!.y).toBeLessThan(heading!.y);
    // The body's last line is on the same page, above the block.
    const pledge = last.find((l) => l.text.endsWith("./."));
    expect(pledge).toBeDefined();
    expect(pledge!.y).toBeGreaterThan(heading!.y);
    // No other page carries the signature block.
    for (const p of pages.slice(0, -1)) expect(pdfLines(p).some((l) => l.text.includes("CÁ NHÂN KHAI LÝ LỊCH"))).toBe(false);
  });
});
