// The documents as printed: every generated document goes through LibreOffice to PDF (one soffice call for all), and
// the PDF's text is read back (pdf-text.ts) to check the page count, that no line of the header is broken (the printed
// lines of each header column are exactly the lines the configuration gives), and that the signature block is whole
// and shares its page with the end of the body (no page holding only the signature, or only the page number).
// The line breaks depend on the font: the check needs Times New Roman or a font with its metrics (Liberation Serif,
// fonts-liberation), which CI installs with LibreOffice (REQUIRE_OFFICE=1); elsewhere without them it is skipped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  acceptanceMinutes,
  approvalDecision,
  callNotice,
  contract,
  councilEstablishmentDecision,
  councilMinutes,
  headerLayout,
  MARGIN,
  registrationCertificate,
  type Nd30Document,
} from "./index.js";
import {
  sampleAcceptanceMinutes,
  sampleApproval,
  sampleCallNotice,
  sampleCertificate,
  sampleContract,
  sampleEstablishment,
  sampleIssuer,
  sampleMinutes,
} from "./documents.fixtures.js";
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
const requireOffice = process.env.REQUIRE_OFFICE === "1";
const canPrint = !!office && timesMetrics;

it("LibreOffice and a font with the metrics of Times New Roman are installed where REQUIRE_OFFICE=1", () => {
  if (requireOffice) {
    expect(office, "soffice or libreoffice on PATH").not.toBeNull();
    expect(timesMetrics, "Times New Roman or Liberation Serif (fonts-liberation)").toBe(true);
  }
});

const twipsToPt = (t: number) => t / 20;
type Header = Pick<Nd30Document, "issuer" | "number" | "typeAbbreviation" | "date" | "year" | "variant">;
const header = (typeAbbreviation: string, number: number | null, date: Date | string | null, year: number): Header => ({
  issuer: sampleIssuer,
  number,
  typeAbbreviation,
  date,
  year,
  variant: "administrative",
});

interface Case {
  name: string;
  render: () => Promise<Buffer>;
  header: Header;
  pages: number;
  /** The first line of the signature block (left column) and the signer's name (right column). */
  signatureTop: string;
  signer: string;
}

/** An approval decision whose body grows objective by objective: the signature block meets the foot of page 1. */
const growing = (n: number): Case => ({
  name: `approval-${n}`,
  render: () =>
    approvalDecision({
      ...sampleApproval,
      legalBases: sampleApproval.legalBases.slice(0, 1),
      budget: sampleApproval.budget.slice(0, 1),
      objectives: Array.from({ length: n }, (_, i) => `Mục tiêu thứ ${i + 1}: hoàn thiện một phần nội dung nghiên cứu của nhiệm vụ`),
    }),
  header: header("QĐ", 7, "2026-04-20", 2026),
  pages: 0, // checked below: one or two, never a page without body text
  signatureTop: "Nơi nhận:",
  signer: "Nguyễn Văn Bình",
});

const cases: Case[] = [
  {
    name: "notice",
    render: () => callNotice(sampleCallNotice),
    header: header("TB", 5, sampleCallNotice.date, 2026),
    pages: 2,
    signatureTop: "Nơi nhận:",
    signer: "Nguyễn Văn Bình",
  },
  {
    name: "establishment",
    render: () => councilEstablishmentDecision(sampleEstablishment),
    header: header("QĐ", 12, "2026-03-02", 2026),
    pages: 2,
    signatureTop: "Nơi nhận:",
    signer: "Nguyễn Văn Bình",
  },
  {
    name: "minutes",
    render: () => councilMinutes(sampleMinutes),
    header: header("BB", 3, new Date(sampleMinutes.general.startsAt), 2026),
    pages: 3,
    signatureTop: "THƯ KÝ",
    signer: "Trần Thị Hoa",
  },
  {
    name: "approval",
    render: () => approvalDecision(sampleApproval),
    header: header("QĐ", 7, "2026-04-20", 2026),
    pages: 2,
    signatureTop: "Nơi nhận:",
    signer: "Nguyễn Văn Bình",
  },
  {
    name: "contract",
    render: () => contract(sampleContract),
    header: header("HĐ", 15, "2026-05-01", 2026),
    pages: 2,
    signatureTop: "ĐẠI DIỆN BÊN B",
    signer: "Nguyễn Văn Bình",
  },
  {
    name: "acceptance",
    render: () => acceptanceMinutes(sampleAcceptanceMinutes),
    header: header("BB", null, new Date(sampleAcceptanceMinutes.general.startsAt), 2028),
    pages: 2,
    signatureTop: "THƯ KÝ",
    signer: "Trần Thị Hoa",
  },
  {
    name: "certificate",
    render: () => registrationCertificate(sampleCertificate),
    header: header("GCN", 21, "2028-07-01", 2028),
    pages: 1,
    signatureTop: "Nơi nhận:",
    signer: "Nguyễn Văn Bình",
  },
  ...[0, 2, 4, 5, 6, 7, 8, 9, 10].map(growing),
];

const squash = (s: string) => s.replace(/\s+/g, "");
const isPageNumber = (text: string) => /^\d+$/.test(text.trim());

describe.skipIf(!canPrint)("documents printed through LibreOffice", () => {
  const printed = new Map<string, PdfPage[]>();
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "nd30-print-"));
    for (const c of cases) writeFileSync(path.join(dir, `${c.name}.docx`), await c.render());
    // One LibreOffice start converts every document.
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

  it.each(cases.filter((c) => c.pages > 0).map((c) => [c.name, c] as const))("%s: its number of pages", (_, c) => {
    expect(printed.get(c.name)!.length).toBe(c.pages);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: the header prints each line whole, as configured", (_, c) => {
    const page = printed.get(c.name)![0];
    const h = headerLayout(c.header);
    const left = twipsToPt(MARGIN.left);
    const split = left + twipsToPt(h.left);
    // The header is above the document type: the first 80 pt below the top margin.
    const top = (l: { y: number }) => l.y > 842 - twipsToPt(MARGIN.top) - 80;
    const leftLines = pdfLines(page, { maxX: split })
      .filter(top)
      .map((l) => squash(l.text));
    expect(leftLines).toEqual([...h.leftLines.parent, ...h.leftLines.issuing, h.leftLines.number].map(squash));
    const rightLines = pdfLines(page, { minX: split })
      .filter(top)
      .map((l) => squash(l.text));
    expect(rightLines.slice(0, 2)).toEqual(["CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM", "Độclập-Tựdo-Hạnhphúc"]);
    expect(rightLines[2]).toMatch(/^HảiPhòng,ngày/);
    expect(rightLines).toHaveLength(3);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: the signature block is whole, on a page with body text", (_, c) => {
    const pages = printed.get(c.name)!;
    // No page holds only its number.
    for (const p of pages) expect(pdfLines(p).filter((l) => !isPageNumber(l.text)).length).toBeGreaterThan(0);
    const at = (text: string) => pages.findIndex((p) => pdfLines(p).some((l) => l.text.includes(text)));
    const signerPage = pages.length - 1 - [...pages].reverse().findIndex((p) => pdfLines(p).some((l) => l.text.includes(c.signer)));
    expect(signerPage).toBe(pages.length - 1);
    const lines = pdfLines(pages[signerPage]);
    const top = lines.find((l) => l.text.startsWith(c.signatureTop));
    expect(top, `${c.signatureTop} on the signer's page`).toBeDefined();
    expect(at(c.signatureTop) === signerPage || c.signatureTop === "THƯ KÝ").toBe(true);
    // Above the signature block on the same page: body text, the last paragraph ending "./.".
    const above = lines.filter((l) => l.y > top!.y + 1 && !isPageNumber(l.text));
    expect(above.length).toBeGreaterThan(0);
    expect(above.some((l) => l.text.endsWith("./."))).toBe(true);
  });

  it("the growing decision moves to a second page whole, never leaving the signature alone", () => {
    const counts = cases.filter((c) => c.name.startsWith("approval-")).map((c) => printed.get(c.name)!.length);
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(2);
  });
});
