// Zip archives as uploads carry them (xlsx, docx, zip): the central directory read without unpacking, and each entry
// unpacked with a budget of its declared size, so a lying header cannot hide a bomb (SECURITY.md 15).
import zlib from "node:zlib";
import { AppError } from "./errors.js";

export const notXlsx = () => new AppError("UNSUPPORTED_FILE", 400, "import.not_xlsx");
export const bomb = () => new AppError("SUSPICIOUS_ARCHIVE", 400, "upload.bomb");

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

/** An xlsx made by Excel or LibreOffice has tens of parts and unpacks to a few times its size. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxUncompressedBytes: 150 * 1024 * 1024 };

/** One entry of a zip's central directory, with its declared sizes and a view of its (compressed) data. */
export interface ZipEntry {
  name: string;
  flags: number;
  /** 0 stored, 8 deflated */
  method: number;
  crc: number;
  comp: number;
  uncomp: number;
  /** The entry's data as stored in the file (compressed for method 8); a view, not a copy. */
  data: Buffer;
}

/**
 * Reads a zip's central directory without unpacking anything: the entries, their declared sizes and where their data
 * lies. Refuses (400) what is not a plain zip, more entries than the limit, and a declared total over the limit.
 */
export function readZipDirectory(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, notZip = notXlsx): ZipEntry[] {
  if (buf.length < 30 || buf.readUInt32LE(0) !== 0x04034b50) throw notZip();
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesHere = buf.readUInt16LE(eocd + 8);
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: an upload under our size limit never needs them; an archive that uses them is suspicious.
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw bomb();
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== total) throw notZip();
  if (total > limits.maxEntries) throw bomb();
  if (cdOffset + cdSize > eocd) throw notZip();

  const entries: ZipEntry[] = [];
  let declared = 0;
  let p = cdOffset;
  for (let i = 0; i < total; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw notZip();
    const nameLen = buf.readUInt16LE(p + 28);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const comp = buf.readUInt32LE(p + 20);
    const uncomp = buf.readUInt32LE(p + 24);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (p > eocd) throw notZip();
    declared += uncomp;
    if (declared > limits.maxUncompressedBytes) throw bomb();
    if (local + 30 > cdOffset || buf.readUInt32LE(local) !== 0x04034b50) throw notZip();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + comp > cdOffset) throw notZip();
    entries.push({ name, flags, method, crc, comp, uncomp, data: buf.subarray(start, start + comp) });
  }
  return entries;
}

/**
 * Unpacks one entry, counting and dropping the output, with a budget of its declared size: a header that lies about
 * the size (a bomb) or an unreadable entry is refused. Nothing larger than one chunk is held in memory.
 */
export async function checkZipEntry(e: ZipEntry, notZip = notXlsx): Promise<void> {
  if (e.flags & 0x1) throw notZip(); // encrypted
  if (e.method === 0) {
    if (e.comp !== e.uncomp) throw bomb();
    return;
  }
  if (e.method !== 8) throw notZip();
  await new Promise<void>((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 1024 * 1024 });
    let unpacked = 0;
    inflate.on("data", (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > e.uncomp) {
        inflate.destroy();
        reject(bomb());
      }
    });
    inflate.on("error", () => reject(notZip()));
    inflate.on("end", () => (unpacked === e.uncomp ? resolve() : reject(bomb())));
    inflate.end(e.data);
  });
}

/**
 * Reads a zip's central directory and unpacks every entry with an output budget, so a lying header cannot hide a
 * bomb. Returns the entry names. Throws 400 (not a zip / suspicious archive).
 */
export async function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS, notZip = notXlsx): Promise<string[]> {
  const entries = readZipDirectory(buf, limits, notZip);
  // The declared sizes may lie: unpack each entry with a budget of its declared size.
  for (const e of entries) await checkZipEntry(e, notZip);
  return entries.map((e) => e.name);
}
