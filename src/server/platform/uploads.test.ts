import zlib from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import { asciiFileName, cleanFileName, contentDisposition, inspectZip, uploadTypes } from "./uploads.js";

/** A minimal zip writer, so the tests control every header field (sizes that lie, entry counts). */
function buildZip(entries: { name: string; data: Buffer; deflate?: boolean; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.deflate ? 8 : 0, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

const xlsxParts = [
  { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
  { name: "xl/workbook.xml", data: Buffer.from("<workbook/>"), deflate: true },
];

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "ok";
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).code;
  }
}

describe("inspectZip (zip bombs and impostors)", () => {
  it("lists the entries of a real workbook written by exceljs", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Dữ liệu").addRow(["a", 1]);
    const names = await inspectZip(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(names).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
    await expect(uploadTypes.xlsx.check(Buffer.from(await wb.xlsx.writeBuffer()))).resolves.toBeUndefined();
  });

  it("refuses bytes that are not a zip, and a zip that is not a workbook", async () => {
    expect(await codeOf(inspectZip(Buffer.from("Tên,Năm sinh\nAn,1980\n")))).toBe("UNSUPPORTED_FILE");
    expect(await codeOf(inspectZip(Buffer.from("PK\x03\x04 truncated")))).toBe("UNSUPPORTED_FILE");
    const notWorkbook = buildZip([{ name: "word/document.xml", data: Buffer.from("<w/>") }]);
    expect(await codeOf(uploadTypes.xlsx.check(notWorkbook))).toBe("UNSUPPORTED_FILE");
    expect(await codeOf(uploadTypes.xlsx.check(buildZip(xlsxParts)))).toBe("ok");
  });

  it("refuses too many entries", async () => {
    const many = [...xlsxParts, ...Array.from({ length: 60 }, (_, i) => ({ name: `xl/media/x${i}.bin`, data: Buffer.from("x") }))];
    expect(await codeOf(inspectZip(buildZip(many), { maxEntries: 50, maxUncompressedBytes: 1e9 }))).toBe("SUSPICIOUS_ARCHIVE");
    expect(await codeOf(inspectZip(buildZip(many), { maxEntries: 100, maxUncompressedBytes: 1e9 }))).toBe("ok");
  });

  it("refuses a declared total size over the budget", async () => {
    const big = [...xlsxParts, { name: "xl/big.xml", data: Buffer.alloc(200_000, 32), deflate: true }];
    expect(await codeOf(inspectZip(buildZip(big), { maxEntries: 10, maxUncompressedBytes: 100_000 }))).toBe("SUSPICIOUS_ARCHIVE");
  });

  it("refuses an entry that unpacks to more than its header says (a lying bomb)", async () => {
    // 5 MB of spaces compress to a few KB; the headers claim 100 bytes.
    const liar = [...xlsxParts, { name: "xl/sharedStrings.xml", data: Buffer.alloc(5_000_000, 32), deflate: true, declaredSize: 100 }];
    const zip = buildZip(liar);
    expect(zip.length).toBeLessThan(50_000);
    expect(await codeOf(inspectZip(zip, { maxEntries: 10, maxUncompressedBytes: 1_000_000 }))).toBe("SUSPICIOUS_ARCHIVE");
  });
});

describe("download names", () => {
  it("gives an ASCII fallback and the UTF-8 name (RFC 5987)", () => {
    expect(asciiFileName("Danh sách tổ chức 2026-11-27.xlsx")).toBe("danh_sach_to_chuc_2026-11-27.xlsx");
    expect(asciiFileName('../../etc/"passwd"\r\n.csv')).toBe("passwd.csv");
    expect(asciiFileName("Đề tài.xlsx")).toBe("de_tai.xlsx");
    expect(asciiFileName("....")).toBe("download");
    expect(cleanFileName("C:\\Users\\a\\Báo cáo.xlsx")).toBe("Báo cáo.xlsx");
    const cd = contentDisposition("Danh sách (mới) 'A'.xlsx");
    expect(cd).toBe(`attachment; filename="danh_sach_moi_a.xlsx"; filename*=UTF-8''Danh%20s%C3%A1ch%20%28m%E1%BB%9Bi%29%20%27A%27.xlsx`);
    expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe("Danh sách (mới) 'A'.xlsx");
  });
});
