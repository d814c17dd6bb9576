import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { loadConfig } from "../config.js";
import {
  acceptanceMinutes,
  approvalDecision,
  assertHeaderFits,
  bodyName,
  callNotice,
  contract,
  councilEstablishmentDecision,
  councilMinutes,
  documentNumberSymbol,
  headerLayout,
  issuerFromConfig,
  meetingEnd,
  meetingPeriod,
  punctuateBases,
  recipientLines,
  registrationCertificate,
  scoreAverages,
  TEXT_WIDTH,
  textWidthTwips,
  vnDateTime,
  vnLocalDay,
  vnMoney,
  vnMoneyWithWords,
  vnNumberInWords,
  vnPlaceDateLine,
  vnScore,
  type Issuer,
} from "./index.js";
import { readDocx, type ReadDocx } from "./docx-reader.js";

const issuer: Issuer = {
  parentBody: "Ủy ban nhân dân thành phố Hải Phòng",
  parentBodyLines: ["Ủy ban nhân dân", "thành phố Hải Phòng"],
  issuingBody: "Sở Khoa học và Công nghệ",
  symbol: "SKHCN",
  place: "Hải Phòng",
  signerAuthority: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
  signerName: "Nguyễn Văn Bình",
  archiveUnit: "QLKH",
};

describe("formatting rules (NĐ 30/2020)", () => {
  it("writes the place-and-date line with leading zeros for days < 10 and months 1–2 only", () => {
    expect(vnPlaceDateLine("Hải Phòng", "2026-01-05")).toBe("Hải Phòng, ngày 05 tháng 01 năm 2026");
    expect(vnPlaceDateLine("Hải Phòng", "2026-02-09")).toBe("Hải Phòng, ngày 09 tháng 02 năm 2026");
    expect(vnPlaceDateLine("Hải Phòng", "2026-03-10")).toBe("Hải Phòng, ngày 10 tháng 3 năm 2026");
    expect(vnPlaceDateLine("Hải Phòng", "2026-12-31")).toBe("Hải Phòng, ngày 31 tháng 12 năm 2026");
    expect(vnPlaceDateLine("Hải Phòng", "2026-10-01")).toBe("Hải Phòng, ngày 01 tháng 10 năm 2026");
  });

  it("reads instants as Vietnam-local days (UTC+7)", () => {
    // 17:30 UTC on 4 January is 00:30 on 5 January in Hà Nội / Hải Phòng.
    expect(vnPlaceDateLine("Hải Phòng", new Date("2026-01-04T17:30:00Z"))).toBe("Hải Phòng, ngày 05 tháng 01 năm 2026");
    expect(vnPlaceDateLine("Hải Phòng", new Date("2026-01-04T16:59:59Z"))).toBe("Hải Phòng, ngày 04 tháng 01 năm 2026");
    expect(vnLocalDay("2026-12-31T23:00:00+07:00")).toEqual({ year: 2026, month: 12, day: 31 });
    expect(vnLocalDay("2026-12-31T18:00:00Z")).toEqual({ year: 2027, month: 1, day: 1 });
    expect(vnDateTime("2026-12-01T01:00:00Z")).toBe("08 giờ 00 ngày 01/12/2026");
  });

  it("leaves day and month blank for a document not yet signed", () => {
    expect(vnPlaceDateLine("Hải Phòng", null, 2027)).toMatch(/^Hải Phòng, ngày\s+tháng\s+năm 2027$/);
  });

  it("writes the number and symbol with a leading zero below 10", () => {
    expect(documentNumberSymbol(5, "QĐ", "SKHCN")).toBe("05/QĐ-SKHCN");
    expect(documentNumberSymbol(9, "TB", "SKHCN")).toBe("09/TB-SKHCN");
    expect(documentNumberSymbol(10, "QĐ", "SKHCN")).toBe("10/QĐ-SKHCN");
    expect(documentNumberSymbol(125, "BB", "SKHCN")).toBe("125/BB-SKHCN");
    expect(documentNumberSymbol(null, "QĐ", "SKHCN")).toMatch(/^\s+\/QĐ-SKHCN$/);
    expect(() => documentNumberSymbol(0, "QĐ", "SKHCN")).toThrow();
    expect(() => documentNumberSymbol(1.5, "QĐ", "SKHCN")).toThrow();
  });

  it("formats the day for every instant as a real local day (property)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }), (d) => {
        const line = vnPlaceDateLine("Hải Phòng", d);
        const m = /^Hải Phòng, ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$/.exec(line);
        expect(m).not.toBeNull();
        const month = Number(m![2]);
        expect(m![2].length === 2).toBe(month <= 2 || month >= 10);
        const local = new Date(d.getTime() + 7 * 3600_000);
        expect([Number(m![1]), month, Number(m![3])]).toEqual([local.getUTCDate(), local.getUTCMonth() + 1, local.getUTCFullYear()]);
      }),
    );
  });

  it("formats money, scores and amounts in words the vi-VN way", () => {
    expect(vnMoney(1_250_000_000)).toBe("1.250.000.000 đồng");
    expect(vnMoney(0)).toBe("0 đồng");
    expect(vnMoney(999)).toBe("999 đồng");
    expect(() => vnMoney(1.5)).toThrow();
    expect(vnScore(82.5)).toBe("82,5");
    expect(vnScore(70)).toBe("70");
    expect(vnScore(71.333333)).toBe("71,33");
    expect(vnNumberInWords(1_250_000_000)).toBe("Một tỷ hai trăm năm mươi triệu");
    expect(vnNumberInWords(105)).toBe("Một trăm linh năm");
    expect(vnNumberInWords(21)).toBe("Hai mươi mốt");
    expect(vnNumberInWords(15)).toBe("Mười lăm");
    expect(vnNumberInWords(24)).toBe("Hai mươi tư");
    expect(vnNumberInWords(1_000_000_000_000)).toBe("Một nghìn tỷ");
    expect(vnMoneyWithWords(350_000_000)).toBe("350.000.000 đồng (Bằng chữ: Ba trăm năm mươi triệu đồng)");
  });

  it("writes the meeting's real start and end, and leaves an end not after the start blank", () => {
    expect(meetingPeriod("2026-03-10T01:30:00Z", "2026-03-10T04:15:00Z")).toBe("từ 08 giờ 30 đến 11 giờ 15 ngày 10/03/2026");
    expect(meetingPeriod("2026-03-10T15:30:00Z", "2026-03-10T17:15:00Z")).toBe("từ 22 giờ 30 ngày 10/03/2026 đến 00 giờ 15 ngày 11/03/2026");
    for (const end of ["2026-03-10T01:30:40Z", "2026-03-10T01:00:00Z", null]) {
      expect(meetingPeriod("2026-03-10T01:30:00Z", end)).toBe("từ 08 giờ 30 đến …… giờ …… ngày 10/03/2026");
      expect(meetingEnd("2026-03-10T01:30:00Z", end)).toBe("…… giờ …… ngày 10/03/2026");
    }
    expect(meetingEnd("2026-03-10T01:30:00Z", "2026-03-10T04:15:00Z")).toBe("11 giờ 15 ngày 10/03/2026");
  });

  it("punctuates legal bases and recipients", () => {
    expect(punctuateBases(["Căn cứ Luật A", "Căn cứ Nghị định B;", "Theo đề nghị của C."])).toEqual([
      "Căn cứ Luật A;",
      "Căn cứ Nghị định B;",
      "Theo đề nghị của C.",
    ]);
    expect(recipientLines(["Như Điều 3", "- Giám đốc Sở."], "QLKH")).toEqual(["- Như Điều 3;", "- Giám đốc Sở;", "- Lưu: VT, QLKH."]);
  });

  it("reads the issuing body from configuration, with environment overrides", () => {
    const d = issuerFromConfig(loadConfig({ NODE_ENV: "test" }));
    expect(d).toMatchObject({
      parentBody: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
      parentBodyLines: ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"],
      issuingBody: "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
      issuingBodyLines: ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
      symbol: "SKHCN",
      place: "Hải Phòng",
      signerAuthority: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
    });
    expect(bodyName(d)).toBe("Sở Khoa học và Công nghệ");
    const o = issuerFromConfig(loadConfig({ NODE_ENV: "test", DOC_SYMBOL: "SKHCNHP", DOC_SIGNER_AUTHORITY: "GIÁM ĐỐC", DOC_SIGNER_NAME: "Lê Văn C" }));
    expect(o).toMatchObject({ symbol: "SKHCNHP", signerAuthority: ["GIÁM ĐỐC"], signerName: "Lê Văn C" });
    const lines = issuerFromConfig(loadConfig({ NODE_ENV: "test", DOC_ISSUING_BODY: "SỞ KHOA HỌC, CÔNG NGHỆ | VÀ ĐỔI MỚI SÁNG TẠO" }));
    expect(lines).toMatchObject({
      issuingBody: "SỞ KHOA HỌC, CÔNG NGHỆ VÀ ĐỔI MỚI SÁNG TẠO",
      issuingBodyLines: ["SỞ KHOA HỌC, CÔNG NGHỆ", "VÀ ĐỔI MỚI SÁNG TẠO"],
    });
  });

  it("sizes the header columns from their text, so that no line of the header is broken", () => {
    const base = { number: 125, typeAbbreviation: "QĐ", date: "2026-12-31", year: 2026, variant: "administrative" as const };
    const h = headerLayout({ ...base, issuer });
    const pad = 2 * Math.round((2 * 1440) / 25.4);
    for (const l of ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"]) expect(textWidthTwips(l, h.size) + pad).toBeLessThanOrEqual(h.left);
    expect(textWidthTwips("SỞ KHOA HỌC VÀ CÔNG NGHỆ", h.size, { bold: true }) + pad).toBeLessThanOrEqual(h.left);
    expect(textWidthTwips("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", h.size, { bold: true }) + pad).toBeLessThanOrEqual(h.right);
    expect(h.left + h.right).toBe(TEXT_WIDTH);
    // A longer issuing body widens its column; one that cannot fit beside the national name must be split by the
    // configuration, and a split one fits.
    const long = { ...issuer, issuingBody: "Sở Khoa học, Công nghệ và Đổi mới sáng tạo" };
    expect(() => headerLayout({ ...base, issuer: long })).toThrow(/DOC_ISSUING_BODY/);
    expect(() => assertHeaderFits(issuerFromConfig(loadConfig({ NODE_ENV: "test", DOC_ISSUING_BODY: long.issuingBody })))).toThrow(/DOC_ISSUING_BODY/);
    expect(() => assertHeaderFits(issuerFromConfig(loadConfig({ NODE_ENV: "test" })))).not.toThrow();
    const split = headerLayout({ ...base, issuer: { ...long, issuingBodyLines: ["Sở Khoa học, Công nghệ", "và Đổi mới sáng tạo"] } });
    expect(split.leftLines.issuing).toEqual(["SỞ KHOA HỌC, CÔNG NGHỆ", "VÀ ĐỔI MỚI SÁNG TẠO"]);
    // The metrics are those of Times New Roman: "SỞ KHOA HỌC VÀ CÔNG NGHỆ" is 70 mm wide in 13 pt bold.
    expect(textWidthTwips("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 13, { bold: true }) / (1440 / 25.4)).toBeGreaterThan(69);
    expect(textWidthTwips("SỞ KHOA HỌC VÀ CÔNG NGHỆ", 13, { bold: true }) / (1440 / 25.4)).toBeLessThan(72);
  });
});

// ---- generated documents ------------------------------------------------------------------------------------------

const has = (doc: ReadDocx, text: string) => doc.paragraphs.find((p) => p.text === text);

/** The checks every document in the NĐ 30 format passes. */
function expectNd30Layout(doc: ReadDocx, opts: { symbol: string; placeDate: string; type: string; summary: string | string[] }) {
  // A4 portrait and the margins 20/20/30/15 mm in twips.
  expect(doc.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
  expect(doc.document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  // Times New Roman everywhere, black.
  const fonts = new Set([...doc.document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
  expect([...fonts]).toEqual(["Times New Roman"]);
  expect(doc.styles).toContain('w:ascii="Times New Roman"');
  expect(new Set([...doc.document.matchAll(/<w:color w:val="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(["000000"]));
  // Header: the first table, two columns, borderless.
  const header = doc.tables[0];
  expect(header[0]).toHaveLength(2);
  const headerXml = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc.document)![0];
  const tableBorders = [...headerXml.matchAll(/<w:(?:tbl|tc)Borders>([\s\S]*?)<\/w:(?:tbl|tc)Borders>/g)].map((m) => m[1]).join("");
  expect(tableBorders).toMatch(/w:val="none"/);
  expect(tableBorders).not.toMatch(/w:val="(?!none)/);
  const [left, right] = header[0];
  expect(left.split("\n").filter(Boolean)).toEqual(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", `Số: ${opts.symbol}`]);
  const rightLines = right.split("\n").filter(Boolean);
  expect(rightLines.slice(0, 2)).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
  const nation = has(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")!;
  // 12 or 13 pt (NĐ 30/2020), one size for the upper-case lines of both columns.
  const size = nation.runs[0].size!;
  expect([12, 13]).toContain(size);
  expect(nation.runs[0]).toMatchObject({ bold: true, size });
  const motto = has(doc, "Độc lập - Tự do - Hạnh phúc")!;
  expect(motto.runs[0]).toMatchObject({ bold: true, size: 14, underline: true });
  for (const l of ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"]) expect(has(doc, l)!.runs[0]).toMatchObject({ bold: false, size });
  expect(has(doc, "SỞ KHOA HỌC VÀ CÔNG NGHỆ")!.runs[0]).toMatchObject({ bold: true, size });
  // The short line under the issuing body: an empty paragraph with a top border, right after it.
  const idx = doc.paragraphs.findIndex((p) => p.text === "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  expect(doc.paragraphs[idx + 1].xml).toMatch(/<w:pBdr><w:top w:val="single"/);
  expect(has(doc, `Số: ${opts.symbol}`)!.runs[0].size).toBe(13);
  expect(rightLines[2]).toBe(opts.placeDate);
  expect(has(doc, opts.placeDate)!.runs[0]).toMatchObject({ italic: true, size: 14 });
  // Type and summary: bold, centred, 14 pt, with a short line under the summary.
  const type = has(doc, opts.type)!;
  expect(type.runs[0]).toMatchObject({ bold: true, size: 14 });
  expect(type.align).toBe("center");
  const summary = typeof opts.summary === "string" ? [opts.summary] : opts.summary;
  const s = doc.paragraphs.indexOf(type) + 1;
  expect(doc.paragraphs.slice(s, s + summary.length).map((p) => p.text)).toEqual(summary);
  for (const p of doc.paragraphs.slice(s, s + summary.length)) expect(p.runs[0]).toMatchObject({ bold: true, size: 14 });
  expect(doc.paragraphs[s + summary.length].xml).toMatch(/<w:pBdr><w:top w:val="single"/);
  // Page numbers from page 2: a different first page, and the PAGE field in the default header only.
  expect(doc.document).toContain("<w:titlePg/>");
  const def = /<w:headerReference w:type="default" r:id="(rId\d+)"\/>/.exec(doc.document)![1];
  const first = /<w:headerReference w:type="first" r:id="(rId\d+)"\/>/.exec(doc.document)![1];
  expect(def).not.toBe(first);
  const withField = Object.values(doc.headers).filter((h) => /PAGE/.test(h) && /<w:fldChar w:fldCharType="begin"/.test(h));
  expect(withField).toHaveLength(1);
  expect(withField[0]).toMatch(/<w:jc w:val="center"\/>/);
  expect(Object.values(doc.headers).filter((h) => !/PAGE/.test(h))).toHaveLength(1);
}

function expectBody(doc: ReadDocx) {
  const body = doc.paragraphs.filter((p) => p.align === "both" && /w:firstLine="567"/.test(p.xml));
  expect(body.length).toBeGreaterThan(0);
  for (const p of body) {
    expect(p.xml).toMatch(/w:after="120"/);
    expect(p.xml).toMatch(/w:line="276"/);
    for (const r of p.runs) expect(r.size).toBe(14);
  }
}

function expectOfficialSignature(doc: ReadDocx, recipients: string[], authority: string[], name: string) {
  const sig = doc.tables[doc.tables.length - 1];
  const [left, right] = sig[0];
  expect(left.split("\n")).toEqual(["Nơi nhận:", ...recipients]);
  expect(has(doc, "Nơi nhận:")!.runs[0]).toMatchObject({ bold: true, italic: true, size: 12 });
  for (const r of recipients) expect(has(doc, r)!.runs[0].size).toBe(11);
  expect(recipients[recipients.length - 1]).toMatch(/^- Lưu: VT, .+\.$/);
  const lines = right.split("\n").filter(Boolean);
  expect(lines).toEqual([...authority, name]);
  for (const a of authority) expect(has(doc, a)!.runs[0]).toMatchObject({ bold: true, size: 14 });
  expect(doc.paragraphs.filter((p) => p.text === name).at(-1)!.runs[0]).toMatchObject({ bold: true, size: 14 });
  // Space for the signature and the seal between the authority and the name.
  expect(right.split("\n").length - lines.length).toBeGreaterThanOrEqual(3);
}

const bases = ["Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15", "Theo đề nghị của Trưởng phòng Quản lý khoa học"];

describe("generated documents", () => {
  it("thông báo tuyển chọn: header, window, required documents, submission, recipients", async () => {
    const buf = await callNotice({
      issuer,
      number: 5,
      date: new Date("2026-01-04T18:00:00Z"),
      kind: "selection",
      code: "DOT-2026-01",
      title: "Tuyển chọn nhiệm vụ KH&CN năm 2026",
      programmeName: "Chương trình kinh tế biển",
      fields: ["Khoa học kỹ thuật và công nghệ"],
      sectors: ["Công nghiệp"],
      description: "Nhiệm vụ phục vụ phát triển kinh tế biển.",
      opensAt: "2026-01-05T01:00:00Z",
      closesAt: "2026-02-05T10:00:00Z",
      requiredDocuments: [
        { code: "B1-1-ĐON", label: "Đơn đăng ký chủ trì", required: true },
        { code: "B1-5-PHNC", label: "Văn bản phối hợp", required: false },
      ],
      tasks: [
        {
          code: "ĐT.2026.01",
          title: "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn",
          objectives: ["Đánh giá hiện trạng xói lở", "Đề xuất giải pháp"],
          products: ["Báo cáo tổng hợp"],
          durationMonths: 24,
          budgetCap: 1_500_000_000,
        },
        { code: "ĐT.2026.02", title: "Nuôi tôm tuần hoàn", objectives: [], products: [], durationMonths: null, budgetCap: null },
      ],
      criteria: [
        {
          items: [
            { label: "Tổng quan tình hình nghiên cứu", max: 12 },
            { label: "Năng lực tổ chức và cá nhân", max: 16 },
          ],
        },
      ],
      passRule: "Hồ sơ đạt khi điểm trung bình từ 70 điểm trở lên.",
      submissionUrl: "https://khcn.haiphong.gov.vn",
      contacts: ["Phòng Quản lý khoa học; điện thoại: 0225 3842 123"],
      recipients: ["Các sở, ban, ngành thành phố", "Cổng thông tin điện tử Sở"],
    });
    const doc = await readDocx(buf);
    expectNd30Layout(doc, {
      symbol: "05/TB-SKHCN",
      placeDate: "Hải Phòng, ngày 05 tháng 01 năm 2026",
      type: "THÔNG BÁO",
      summary: ["Tuyển chọn tổ chức, cá nhân chủ trì thực hiện", "nhiệm vụ khoa học và công nghệ"],
    });
    expectBody(doc);
    const text = doc.paragraphs.map((p) => p.text).join("\n");
    expect(text).toContain("DOT-2026-01");
    expect(text).toContain("Từ 08 giờ 00 ngày 05/01/2026 đến 17 giờ 00 ngày 05/02/2026.");
    expect(text).toContain("https://khcn.haiphong.gov.vn");
    expect(text).toContain("Lĩnh vực khoa học: Khoa học kỹ thuật và công nghệ");
    // Dossiers are submitted online only, at the app's address; whom to ask.
    expect(text).not.toMatch(/bưu điện|trực tiếp/);
    expect(text).toContain(
      "Hồ sơ được nộp trực tuyến trên Hệ thống quản lý khoa học và công nghệ của Sở Khoa học và Công nghệ tại địa chỉ https://khcn.haiphong.gov.vn",
    );
    expect(text).toContain("- Phòng Quản lý khoa học; điện thoại: 0225 3842 123");
    // The tasks of the call: name and code, objectives, expected products, duration, budget cap.
    expect(has(doc, "2. Danh mục nhiệm vụ tuyển chọn")!.runs[0].bold).toBe(true);
    expect(doc.tables[1]).toEqual([
      ["STT", "Tên nhiệm vụ", "Mục tiêu", "Sản phẩm dự kiến", "Thời gian (tháng)", "Kinh phí tối đa (đồng)"],
      [
        "1",
        "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn\n(mã số: ĐT.2026.01)",
        "- Đánh giá hiện trạng xói lở\n- Đề xuất giải pháp",
        "- Báo cáo tổng hợp",
        "24",
        "1.500.000.000",
      ],
      ["2", "Nuôi tôm tuần hoàn\n(mã số: ĐT.2026.02)", "", "", "Theo hồ sơ", "Theo hồ sơ"],
    ]);
    // The selection criteria with their maximum scores and the pass rule.
    expect(doc.tables[3]).toEqual([
      ["STT", "Tiêu chí đánh giá", "Điểm tối đa"],
      ["1", "Tổng quan tình hình nghiên cứu", "12"],
      ["2", "Năng lực tổ chức và cá nhân", "16"],
    ]);
    expect(text).toContain("Hồ sơ đạt khi điểm trung bình từ 70 điểm trở lên.");
    expect(doc.tables[2]).toEqual([
      ["STT", "Mã biểu mẫu", "Tên tài liệu", "Bắt buộc"],
      ["1", "B1-1-ĐON", "Đơn đăng ký chủ trì", "Có"],
      ["2", "B1-5-PHNC", "Văn bản phối hợp", "Không"],
    ]);
    expect(doc.document).toMatch(/<w:tblBorders><w:top w:val="single"/); // the data table is bordered
    expectOfficialSignature(
      doc,
      ["- Các sở, ban, ngành thành phố;", "- Cổng thông tin điện tử Sở;", "- Lưu: VT, QLKH."],
      ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
      "Nguyễn Văn Bình",
    );
  });

  it("quyết định thành lập hội đồng: bases in italics, Điều 1 bold with the members table, Điều 2, Điều 3", async () => {
    const buf = await councilEstablishmentDecision({
      issuer,
      number: 12,
      date: "2026-03-02",
      year: 2026,
      kind: "selection",
      subjects: ["Đề tài: Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn"],
      legalBases: bases,
      members: [
        { title: "PGS.TS.", name: "Trần Thị Hoa", affiliation: "Trường Đại học Hàng hải Việt Nam", role: "Chủ tịch" },
        { title: "TS.", name: "Lê Minh Đức", affiliation: "Viện Tài nguyên và Môi trường biển", role: "Ủy viên phản biện" },
        { name: "Phạm Thu Hà", affiliation: "Sở Khoa học và Công nghệ", role: "Ủy viên, Thư ký khoa học" },
      ],
      enforcers: "Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học",
      recipients: ["Như Điều 3", "Giám đốc Sở"],
    });
    const doc = await readDocx(buf);
    expectNd30Layout(doc, {
      symbol: "12/QĐ-SKHCN",
      placeDate: "Hải Phòng, ngày 02 tháng 3 năm 2026",
      type: "QUYẾT ĐỊNH",
      summary: "Về việc thành lập Hội đồng tư vấn tuyển chọn, giao trực tiếp tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ",
    });
    expectBody(doc);
    expect(has(doc, "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ")!.runs[0].bold).toBe(true);
    const b1 = has(doc, "Căn cứ Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15;")!;
    const b2 = has(doc, "Theo đề nghị của Trưởng phòng Quản lý khoa học.")!;
    for (const b of [b1, b2]) expect(b.runs.every((r) => r.italic)).toBe(true);
    expect(has(doc, "QUYẾT ĐỊNH:")!.runs[0].bold).toBe(true);
    for (const n of [1, 2, 3]) {
      const p = doc.paragraphs.find((x) => x.text.startsWith(`Điều ${n}.`))!;
      expect(p.runs[0]).toMatchObject({ text: `Điều ${n}.`, bold: true });
      expect(p.runs[1].bold).toBe(false);
    }
    expect(doc.tables[1]).toEqual([
      ["STT", "Họ và tên, học hàm, học vị", "Cơ quan công tác", "Chức danh trong Hội đồng"],
      ["1", "PGS.TS. Trần Thị Hoa", "Trường Đại học Hàng hải Việt Nam", "Chủ tịch"],
      ["2", "TS. Lê Minh Đức", "Viện Tài nguyên và Môi trường biển", "Ủy viên phản biện"],
      ["3", "Phạm Thu Hà", "Sở Khoa học và Công nghệ", "Ủy viên, Thư ký khoa học"],
    ]);
    expectOfficialSignature(doc, ["- Như Điều 3;", "- Giám đốc Sở;", "- Lưu: VT, QLKH."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Văn Bình");
  });

  it("biên bản họp hội đồng: dated the day of the meeting, its start and end, sections I–V, the score table with averages, ranking, secretary and chair", async () => {
    const scoreTable = {
      subject: "Hồ sơ của Viện Tài nguyên và Môi trường biển",
      criteria: [
        { label: "Tổng quan", max: 12 },
        { label: "Nội dung", max: 24 },
      ],
      ballots: [
        { member: "Trần Thị Hoa", scores: [10, 20], valid: true },
        { member: "Lê Minh Đức", scores: [11, 21.5], valid: true },
        { member: "Hoàng Văn Nam", scores: [2, 3], valid: false },
      ],
    };
    expect(scoreAverages(scoreTable)).toEqual({ perCriterion: [10.5, 20.75], total: 31.25 });
    const buf = await councilMinutes({
      issuer,
      number: 3,
      general: {
        kind: "selection",
        subjects: ["Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn"],
        establishingDecision: "Quyết định số 12/QĐ-SKHCN ngày 02/3/2026 của Giám đốc Sở Khoa học và Công nghệ",
        startsAt: "2026-03-10T01:30:00Z",
        place: "Phòng họp tầng 3, Sở Khoa học và Công nghệ",
        membersTotal: 7,
        present: ["Trần Thị Hoa", "Lê Minh Đức", "Hoàng Văn Nam"],
        absent: [],
        guests: [],
      },
      ballots: { issued: 3, returned: 3, valid: 2, invalid: [{ member: "Hoàng Văn Nam", reason: "tổng điểm lệch quá 20% so với điểm trung bình" }] },
      scoreTables: [scoreTable],
      ranking: [
        { rank: 1, subject: "Hồ sơ của Trường Đại học Hàng hải Việt Nam", average: 75, bonus: 7.5, score: 82.5, passed: true },
        { rank: 2, subject: "Hồ sơ của Viện Tài nguyên và Môi trường biển", average: 31.25, bonus: 0, score: 31.25, passed: false },
      ],
      conclusions: ["Hội đồng kiến nghị không chọn hồ sơ vì điểm trung bình dưới 70."],
      adoption: { agreed: 3, present: 3, endsAt: "2026-03-10T04:00:00Z" },
      secretary: "Phạm Thu Hà",
      chair: "Trần Thị Hoa",
    });
    const doc = await readDocx(buf);
    expectNd30Layout(doc, {
      symbol: "03/BB-SKHCN",
      placeDate: "Hải Phòng, ngày 10 tháng 3 năm 2026",
      type: "BIÊN BẢN",
      summary: "Họp Hội đồng tư vấn tuyển chọn, giao trực tiếp tổ chức, cá nhân chủ trì thực hiện nhiệm vụ khoa học và công nghệ",
    });
    const text = doc.paragraphs.map((p) => p.text);
    for (const h of ["I. THÔNG TIN CHUNG", "II. NỘI DUNG LÀM VIỆC", "III. KẾT QUẢ BỎ PHIẾU", "IV. KẾT LUẬN CỦA HỘI ĐỒNG", "V. THÔNG QUA BIÊN BẢN"]) {
      expect(has(doc, h)!.runs[0].bold).toBe(true);
    }
    // The real start and end of the meeting.
    expect(text).toContain("3. Thời gian: từ 08 giờ 30 đến 11 giờ 00 ngày 10/03/2026. Địa điểm: Phòng họp tầng 3, Sở Khoa học và Công nghệ.");
    expect(text.find((t) => t.includes("Cuộc họp kết thúc"))).toMatch(/Cuộc họp kết thúc vào 11 giờ 00 ngày 10\/03\/2026\.\/\.$/);
    expect(text).toContain("Số phiếu phát ra: 3; số phiếu thu về: 3; số phiếu hợp lệ: 2; số phiếu không hợp lệ: 1.");
    expect(text).toContain("- Phiếu của Hoàng Văn Nam: tổng điểm lệch quá 20% so với điểm trung bình");
    expect(doc.tables[1]).toEqual([
      ["Thành viên", "Tổng quan\n(tối đa 12)", "Nội dung\n(tối đa 24)", "Tổng điểm", "Phiếu"],
      ["Trần Thị Hoa", "10", "20", "30", "Hợp lệ"],
      ["Lê Minh Đức", "11", "21,5", "32,5", "Hợp lệ"],
      ["Hoàng Văn Nam", "2", "3", "5", "Không hợp lệ"],
      ["Điểm trung bình (phiếu hợp lệ)", "10,5", "20,75", "31,25", ""],
    ]);
    // The ranking: the average of valid ballots, the bonus and the final score each in a column labelled for its value.
    expect(text).toContain("Xếp hạng theo điểm xếp hạng (điểm trung bình của các phiếu hợp lệ cộng điểm ưu tiên cho tổ chức đề xuất nhiệm vụ):");
    expect(doc.tables[2]).toEqual([
      ["Xếp hạng", "Hồ sơ", "Điểm trung bình của các phiếu hợp lệ", "Điểm ưu tiên (tổ chức đề xuất)", "Điểm xếp hạng", "Kết quả"],
      ["1", "Hồ sơ của Trường Đại học Hàng hải Việt Nam", "75", "7,5", "82,5", "Đạt"],
      ["2", "Hồ sơ của Viện Tài nguyên và Môi trường biển", "31,25", "0", "31,25", "Không đạt"],
    ]);
    // Signatures: the secretary on the left, the chair on the right; no "Nơi nhận".
    const [left, right] = doc.tables[doc.tables.length - 1][0];
    expect(left.split("\n").filter(Boolean)).toEqual(["THƯ KÝ", "Phạm Thu Hà"]);
    expect(right.split("\n").filter(Boolean)).toEqual(["CHỦ TỊCH HỘI ĐỒNG", "Trần Thị Hoa"]);
    expect(has(doc, "Nơi nhận:")).toBeUndefined();
  });

  it("quyết định phê duyệt: task, organisation, PI, budget by source in đồng, duration", async () => {
    const buf = await approvalDecision({
      issuer,
      number: 7,
      date: "2026-04-20",
      year: 2026,
      taskCode: "ĐT.2026.01",
      taskTitle: "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn",
      leadOrganisation: "Viện Tài nguyên và Môi trường biển",
      principalInvestigator: "TS. Lê Minh Đức",
      budget: [
        { source: "Ngân sách nhà nước (sự nghiệp khoa học thành phố)", amount: 1_000_000_000 },
        { source: "Nguồn khác", amount: 250_000_000 },
      ],
      durationMonths: 24,
      startDate: "2026-05-01",
      endDate: "2028-04-30",
      legalBases: bases,
      enforcers: "Chánh Văn phòng Sở, Trưởng phòng Quản lý khoa học",
      recipients: ["Như Điều 3"],
    });
    const doc = await readDocx(buf);
    expectNd30Layout(doc, {
      symbol: "07/QĐ-SKHCN",
      placeDate: "Hải Phòng, ngày 20 tháng 4 năm 2026",
      type: "QUYẾT ĐỊNH",
      summary: ["Phê duyệt tổ chức, cá nhân chủ trì và kinh phí thực hiện", "nhiệm vụ khoa học và công nghệ"],
    });
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain("5. Tổng kinh phí thực hiện: 1.250.000.000 đồng (Bằng chữ: Một tỷ hai trăm năm mươi triệu đồng), trong đó:");
    expect(text).toContain("4. Thời gian thực hiện: 24 tháng, từ ngày 01/05/2026 đến ngày 30/04/2028.");
    expect(doc.tables[1].slice(1)).toEqual([
      ["1", "Ngân sách nhà nước (sự nghiệp khoa học thành phố)", "1.000.000.000 đồng"],
      ["2", "Nguồn khác", "250.000.000 đồng"],
      ["", "Tổng cộng", "1.250.000.000 đồng"],
    ]);
    expect(doc.paragraphs.find((p) => p.text.startsWith("Điều 1."))!.runs[0].bold).toBe(true);
    expectOfficialSignature(doc, ["- Như Điều 3;", "- Lưu: VT, QLKH."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "Nguyễn Văn Bình");
  });

  it("hợp đồng: parties, value by source, products, schedule, articles, signatures of both parties", async () => {
    const buf = await contract({
      issuer,
      number: 15,
      date: "2026-05-01",
      year: 2026,
      approvalDecision: "Quyết định số 07/QĐ-SKHCN ngày 20/4/2026 của Giám đốc Sở Khoa học và Công nghệ",
      legalBases: ["Căn cứ Bộ luật Dân sự số 91/2015/QH13", "Căn cứ Quyết định số 07/QĐ-SKHCN ngày 20/4/2026"],
      partyA: { name: "Sở Khoa học và Công nghệ thành phố Hải Phòng", representative: "Nguyễn Văn Bình", position: "Phó Giám đốc" },
      partyB: { name: "Viện Tài nguyên và Môi trường biển", representative: "Đỗ Văn Khải", position: "Viện trưởng", taxCode: "0200123456" },
      principalInvestigator: "TS. Lê Minh Đức",
      taskCode: "ĐT.2026.01",
      taskTitle: "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn",
      startDate: "2026-05-01",
      endDate: "2028-04-30",
      value: [
        { source: "Ngân sách nhà nước", amount: 1_000_000_000 },
        { source: "Nguồn khác", amount: 250_000_000 },
      ],
      products: [{ name: "Báo cáo tổng hợp", requirement: "Đánh giá hiện trạng xói lở và giải pháp", quantity: "01" }],
      schedule: [
        { when: "Sau khi ký hợp đồng", amount: 500_000_000, condition: "Tạm ứng lần 1" },
        { when: "Sau kiểm tra giữa kỳ", amount: 500_000_000, condition: "Khối lượng đạt trên 50%" },
      ],
    });
    const doc = await readDocx(buf);
    expectNd30Layout(doc, {
      symbol: "15/HĐ-SKHCN",
      placeDate: "Hải Phòng, ngày 01 tháng 5 năm 2026",
      type: "HỢP ĐỒNG",
      summary: "Thực hiện nhiệm vụ khoa học và công nghệ",
    });
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain("Bên đặt hàng (bên A): Sở Khoa học và Công nghệ thành phố Hải Phòng");
    expect(text).toContain("- Mã số thuế: 0200123456");
    for (let n = 1; n <= 7; n++) expect(doc.paragraphs.find((p) => p.text.startsWith(`Điều ${n}.`))!.runs[0].bold).toBe(true);
    expect(doc.tables[1][1]).toEqual(["1", "Báo cáo tổng hợp", "Đánh giá hiện trạng xói lở và giải pháp", "01"]);
    expect(doc.tables[2][3]).toEqual(["", "Tổng cộng", "1.250.000.000 đồng"]);
    expect(doc.tables[3][2]).toEqual(["2", "Sau kiểm tra giữa kỳ", "500.000.000 đồng", "Khối lượng đạt trên 50%"]);
    const [left, right] = doc.tables[doc.tables.length - 1][0];
    expect(left.split("\n").filter(Boolean)).toEqual(["ĐẠI DIỆN BÊN B", "VIỆN TRƯỞNG", "Đỗ Văn Khải", "CHỦ NHIỆM NHIỆM VỤ", "TS. Lê Minh Đức"]);
    expect(right.split("\n").filter(Boolean)).toEqual(["ĐẠI DIỆN BÊN A", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình"]);
  });

  it("biên bản nghiệm thu: grades per product and for the report, members' grades, the council's grade", async () => {
    const buf = await acceptanceMinutes({
      issuer,
      number: null,
      general: {
        subjects: ["Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn"],
        establishingDecision: "Quyết định số 40/QĐ-SKHCN ngày 02/5/2028",
        startsAt: "2028-05-20T02:00:00Z",
        place: "Sở Khoa học và Công nghệ",
        membersTotal: 9,
        present: ["A", "B", "C", "D", "E", "F", "G", "H"],
        absent: ["I"],
        guests: ["Đại diện Viện Tài nguyên và Môi trường biển"],
      },
      ballots: { issued: 8, returned: 8, valid: 8, invalid: [] },
      products: [{ name: "Báo cáo tổng hợp", counts: { excellent: 2, pass: 6, fail: 0 } }],
      report: { excellent: 1, pass: 7, fail: 0 },
      overall: { excellent: 2, pass: 6, fail: 0 },
      councilGrade: "pass",
      conclusions: ["Nhiệm vụ được đánh giá ở mức Đạt."],
      adoption: { agreed: 8, present: 8, endsAt: "2028-05-20T05:00:00Z" },
      secretary: "Phạm Thu Hà",
      chair: "Trần Thị Hoa",
    });
    const doc = await readDocx(buf);
    expectNd30Layout(doc, {
      symbol: documentNumberSymbol(null, "BB", "SKHCN"),
      placeDate: "Hải Phòng, ngày 20 tháng 5 năm 2028",
      type: "BIÊN BẢN",
      summary: ["Họp Hội đồng tư vấn đánh giá, nghiệm thu", "kết quả thực hiện nhiệm vụ khoa học và công nghệ"],
    });
    expect(doc.tables[1]).toEqual([
      ["Sản phẩm", "Xuất sắc", "Đạt", "Không đạt"],
      ["Báo cáo tổng hợp", "2", "6", "0"],
      ["Báo cáo tổng hợp kết quả thực hiện nhiệm vụ", "1", "7", "0"],
    ]);
    expect(doc.tables[2].slice(1)).toEqual([
      ["Xuất sắc", "2"],
      ["Đạt", "6"],
      ["Không đạt", "0"],
    ]);
    const grade = has(doc, "3. Kết quả đánh giá của Hội đồng: ĐẠT.")!;
    expect(grade.runs[1]).toMatchObject({ text: "ĐẠT", bold: true });
    expect(doc.paragraphs.map((p) => p.text)).toContain("4. Số thành viên có mặt: 8/9 thành viên (A, B, C, D, E, F, G, H). Vắng mặt: 1 thành viên (I).");
    const [left, right] = doc.tables[doc.tables.length - 1][0];
    expect(left.split("\n").filter(Boolean)).toEqual(["THƯ KÝ", "Phạm Thu Hà"]);
    expect(right.split("\n").filter(Boolean)).toEqual(["CHỦ TỊCH HỘI ĐỒNG", "Trần Thị Hoa"]);
  });

  it("giấy chứng nhận đăng ký kết quả: registration code, task, organisation, PI, dates", async () => {
    const buf = await registrationCertificate({
      issuer,
      number: 21,
      date: "2028-07-01",
      year: 2026,
      registrationCode: "ĐT-2028-00021-ĐT",
      taskCode: "ĐT.2026.01",
      taskTitle: "Nghiên cứu giải pháp chống xói lở bờ biển Đồ Sơn",
      leadOrganisation: "Viện Tài nguyên và Môi trường biển",
      principalInvestigator: "TS. Lê Minh Đức",
      acceptanceDate: "2028-05-20",
      startDate: "2026-05-01",
      endDate: "2028-04-30",
      registeredOn: "2028-06-25",
      recipients: ["Viện Tài nguyên và Môi trường biển"],
      signer: { authority: ["GIÁM ĐỐC"], name: "Vũ Thị Lan" },
    });
    const doc = await readDocx(buf);
    expectNd30Layout(doc, {
      symbol: "21/GCN-SKHCN",
      placeDate: "Hải Phòng, ngày 01 tháng 7 năm 2028",
      type: "GIẤY CHỨNG NHẬN",
      summary: "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ",
    });
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain("Sở Khoa học và Công nghệ chứng nhận kết quả thực hiện nhiệm vụ khoa học và công nghệ dưới đây đã được đăng ký:");
    expect(has(doc, "Số đăng ký: ĐT-2028-00021-ĐT")!.runs[1].bold).toBe(true);
    expect(text).toContain("Chủ nhiệm nhiệm vụ: TS. Lê Minh Đức.");
    expect(text).toContain("Ngày nghiệm thu: 20/05/2028. Ngày đăng ký: 25/06/2028./.");
    expectOfficialSignature(doc, ["- Viện Tài nguyên và Môi trường biển;", "- Lưu: VT, QLKH."], ["GIÁM ĐỐC"], "Vũ Thị Lan");
  });

  const office = (() => {
    for (const bin of ["soffice", "libreoffice"]) {
      try {
        return execFileSync("which", [bin], { encoding: "utf8" }).trim() || null;
      } catch {
        /* not installed */
      }
    }
    return null;
  })();
  // LibreOffice opens the file and reads the same text back. CI installs it and sets REQUIRE_OFFICE=1, so there the
  // check cannot be skipped; on a developer machine without LibreOffice it is skipped.
  const requireOffice = process.env.REQUIRE_OFFICE === "1";
  it("LibreOffice is installed where REQUIRE_OFFICE=1", () => {
    if (requireOffice) expect(office, "soffice or libreoffice on PATH").not.toBeNull();
  });
  it.skipIf(!office)("opens in LibreOffice with its content (converted to text headlessly)", async () => {
    const buf = await approvalDecision({
      issuer,
      number: 1,
      date: "2026-01-01",
      year: 2026,
      taskCode: "ĐT.1",
      taskTitle: "Nhiệm vụ thử",
      leadOrganisation: "Viện A",
      principalInvestigator: "TS. B",
      budget: [{ source: "Ngân sách nhà nước", amount: 100_000_000 }],
      durationMonths: 12,
      startDate: "2026-01-01",
      endDate: "2026-12-31",
      legalBases: bases,
      enforcers: "Chánh Văn phòng Sở",
      recipients: ["Như Điều 3"],
    });
    const dir = mkdtempSync(path.join(tmpdir(), "nd30-"));
    try {
      writeFileSync(path.join(dir, "qd.docx"), buf);
      execFileSync(
        office!,
        [
          "-env:UserInstallation=file://" + path.join(dir, "profile"),
          "--headless",
          "--convert-to",
          "txt:Text (encoded):UTF8",
          "--outdir",
          dir,
          path.join(dir, "qd.docx"),
        ],
        {
          timeout: 120_000,
        },
      );
      expect(readdirSync(dir)).toContain("qd.txt");
      const text = readFileSync(path.join(dir, "qd.txt"), "utf8");
      for (const expected of [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/QĐ-",
        "QUYẾT ĐỊNH",
        "Nhiệm vụ thử",
        "Viện A",
        "100.000.000",
        "Nơi nhận:",
      ])
        expect(text).toContain(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
