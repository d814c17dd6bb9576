// Uploads and downloads (SECURITY.md 15).
// In: a size limit answered 413 before the body is buffered past it; an allow-list of file types checked by
// extension AND content (magic bytes, and for Office files the zip's parts); zip bombs refused by entry count and by
// the real unpacked size; files stored in the database under a generated id with their SHA-256.
// Out: attachments with a sanitised ASCII file name plus the UTF-8 name (RFC 5987/6266) and nosniff.
import crypto from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { files } from "../db/schema/index.js";
import { foldVietnamese } from "../../common/list.js";
import { AppError, badInput } from "./errors.js";
import type { Executor } from "./context.js";
import { XLSX_MEDIA_TYPE } from "./xlsx.js";
import { DEFAULT_ZIP_LIMITS, inspectZip, notXlsx } from "./zip.js";
import { slicer } from "./slices.js";

export { DEFAULT_ZIP_LIMITS, inspectZip, type ZipLimits } from "./zip.js";

/** What the multipart envelope may add to the file itself before Content-Length alone says "too large". */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface UploadType {
  /** Accepted file-name endings, lower case (".jpg", ".jpeg"). */
  extensions: string[];
  mediaType: string;
  /** Checks the content; throws an AppError when the bytes are not this type. */
  check(content: Buffer): Promise<void>;
}

const notAllowed = (allowed: string) =>
  new AppError("UNSUPPORTED_FILE", 400, "upload.type_not_allowed", null, { allowed });
export const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", 413, "error.payload_too_large");

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const startsWith = (content: Buffer, signature: Buffer | number[]) => Buffer.from(signature).equals(content.subarray(0, signature.length));
/** A type recognised by its first bytes. */
const bySignature = (extensions: string[], mediaType: string, signature: Buffer | number[]): UploadType => ({
  extensions,
  mediaType,
  async check(content) {
    if (!startsWith(content, signature)) throw notAllowed(extensions.join(", "));
  },
});
/** An Office Open XML package: a zip (bomb-checked) holding the parts that make it that kind of document. */
const officeZip = (extension: string, mediaType: string, part: string, wrong: () => AppError): UploadType => ({
  extensions: [extension],
  mediaType,
  async check(content) {
    const names = new Set(await inspectZip(content, DEFAULT_ZIP_LIMITS, wrong));
    if (!names.has("[Content_Types].xml") || !names.has(part)) throw wrong();
  },
});

export const uploadTypes = {
  xlsx: officeZip(".xlsx", XLSX_MEDIA_TYPE, "xl/workbook.xml", notXlsx),
  docx: officeZip(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/document.xml", () => notAllowed(".docx")),
  pdf: bySignature([".pdf"], "application/pdf", Buffer.from("%PDF-", "latin1")),
  doc: bySignature([".doc"], "application/msword", OLE_SIGNATURE),
  xls: bySignature([".xls"], "application/vnd.ms-excel", OLE_SIGNATURE),
  zip: {
    extensions: [".zip"],
    mediaType: "application/zip",
    async check(content) {
      await inspectZip(content, DEFAULT_ZIP_LIMITS, () => notAllowed(".zip"));
    },
  },
  jpg: bySignature([".jpg", ".jpeg"], "image/jpeg", [0xff, 0xd8, 0xff]),
  png: bySignature([".png"], "image/png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
} satisfies Record<string, UploadType>;
export type UploadTypeKey = keyof typeof uploadTypes;

export interface Upload {
  originalName: string;
  mediaType: string;
  content: Buffer;
  sizeBytes: number;
  sha256: string;
}

/** A file name as shown to people: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(-200);
  return cleaned || "file";
}

/**
 * Receives the one file of a multipart request (field "file" by default), enforcing the configured size limit
 * (413: at once from Content-Length, otherwise as soon as the stream passes the limit), the allowed types
 * (extension and content), and returns its bytes and SHA-256.
 */
export async function receiveUpload(req: FastifyRequest, allowed: UploadTypeKey[], field = "file"): Promise<Upload> {
  return (await receiveUploadWithFields(req, allowed, field)).upload;
}

/**
 * As receiveUpload, and also answers the form's text fields that come BEFORE the file part (multipart is a stream:
 * fields after the file are not read). The caller validates the fields with its own schema.
 */
export async function receiveUploadWithFields(
  req: FastifyRequest,
  allowed: UploadTypeKey[],
  field = "file",
): Promise<{ upload: Upload; fields: Record<string, string> }> {
  const max = req.ctx.config.uploadMaxBytes;
  const declaredLength = Number(req.headers["content-length"]);
  if (Number.isFinite(declaredLength) && declaredLength > max + MULTIPART_OVERHEAD) throw tooLarge();
  if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA", 415, "error.unsupported_media");

  let content: Buffer;
  let filename: string;
  const fields: Record<string, string> = {};
  try {
    const part = await req.file({ limits: { fileSize: max, files: 1, fields: 10, parts: 20 } });
    if (!part || part.fieldname !== field) throw badInput("upload.missing");
    filename = part.filename ?? "";
    for (const [name, value] of Object.entries(part.fields)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (name !== field && first && first.type === "field" && typeof first.value === "string") fields[name] = first.value;
    }
    content = await part.toBuffer();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const status = (e as { statusCode?: number }).statusCode;
    if (status === 413) throw tooLarge();
    if (status === 406) throw new AppError("UNSUPPORTED_MEDIA", 415, "error.unsupported_media");
    throw new AppError("BAD_REQUEST", 400, "error.bad_request");
  }
  if (!content.length) throw badInput("upload.missing");

  const types: UploadType[] = allowed.map((k) => uploadTypes[k]);
  const lower = filename.toLowerCase();
  const type = types.find((t) => t.extensions.some((x) => lower.endsWith(x)));
  if (!type) throw notAllowed(types.flatMap((t) => t.extensions).join(", "));
  await type.check(content);

  return {
    fields,
    upload: {
      originalName: cleanFileName(filename),
      mediaType: type.mediaType,
      content,
      sizeBytes: content.length,
      sha256: await sha256Of(content),
    },
  };
}

/** SHA-256 in hex, hashed 1 MiB at a time with turns of the event loop between slices (an upload may be 10 MB). */
async function sha256Of(content: Buffer): Promise<string> {
  const hash = crypto.createHash("sha256");
  const pause = slicer();
  for (let at = 0; at < content.length; at += 1024 * 1024) {
    hash.update(content.subarray(at, at + 1024 * 1024));
    await pause();
  }
  return hash.digest("hex");
}

/** Stores an upload under a generated id; returns the id. Call inside the transaction that uses the file. */
export async function storeFile(tx: Executor, upload: Upload, createdBy: string | null): Promise<string> {
  const [row] = await tx
    .insert(files)
    .values({
      originalName: upload.originalName,
      mediaType: upload.mediaType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      content: upload.content,
      createdBy,
    })
    .returning({ id: files.id });
  return row.id;
}

/** ASCII-only fallback name: Vietnamese letters lose their marks (đ → d), anything else unsafe becomes "_". */
export function asciiFileName(name: string): string {
  const folded = foldVietnamese(cleanFileName(name)).normalize("NFKD").replace(/[^\x20-\x7e]/g, "");
  const ext = /\.[a-z0-9]{1,10}$/.exec(folded)?.[0] ?? "";
  const stem = folded
    .slice(0, folded.length - ext.length)
    .replace(/[^a-z0-9._-]+/g, "_")
    .replace(/^[._]+|[._]+$/g, "");
  return (stem.slice(0, 100) || "download") + ext;
}

/** RFC 6266 / RFC 5987: `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`. */
export function contentDisposition(name: string): string {
  const utf8 = encodeURIComponent(cleanFileName(name)).replace(
    /['()*]/g,
    (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase(),
  );
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${utf8}`;
}

/** Sends bytes as a download: never rendered inline, never sniffed. */
export function sendDownload(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  reply.header("content-type", file.mediaType);
  reply.header("content-disposition", contentDisposition(file.fileName));
  reply.header("x-content-type-options", "nosniff");
  return reply.send(file.content);
}
