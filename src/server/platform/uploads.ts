// Uploads and downloads (SECURITY.md 15).
// In: a size limit answered 413 before the body is buffered past it; an allow-list of file types checked by
// extension AND content (magic bytes, and for Office files the zip's parts); zip bombs refused by entry count and by
// the real unpacked size; files stored in the database under a generated id with their SHA-256.
// Out: attachments with a sanitised ASCII file name plus the UTF-8 name (RFC 5987/6266) and nosniff.
import crypto from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
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

const notAllowed = (allowed: string) => new AppError("UNSUPPORTED_FILE", 400, "upload.type_not_allowed", null, { allowed });
/** 413; the connection closes after the answer, so the rest of an oversize body is not read. */
export const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", 413, "error.payload_too_large", null, {}, { connection: "close" });

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
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-200);
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

  const fields: Record<string, string> = {};
  // req.file() starts piping the raw body into the multipart parser at once; the size watch goes on the same stream.
  const parsing = req.file({ limits: { fileSize: max, files: 1, fields: 10, parts: 20 } });
  const watch = watchBodySize(req.raw, max + MULTIPART_OVERHEAD);
  const read = async () => {
    const part = await parsing;
    if (!part || part.fieldname !== field) throw badInput("upload.missing");
    for (const [name, value] of Object.entries(part.fields)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (name !== field && first && first.type === "field" && typeof first.value === "string") fields[name] = first.value;
    }
    return { filename: part.filename ?? "", content: await part.toBuffer() };
  };
  let content: Buffer;
  let filename: string;
  try {
    ({ content, filename } = await Promise.race([read(), watch.exceeded]));
  } catch (e) {
    if (e instanceof AppError) throw e;
    const status = (e as { statusCode?: number }).statusCode;
    if (status === 413) throw tooLarge();
    if (status === 406) throw new AppError("UNSUPPORTED_MEDIA", 415, "error.unsupported_media");
    throw new AppError("BAD_REQUEST", 400, "error.bad_request");
  } finally {
    watch.stop();
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

// ─── OpenAPI description of multipart routes ───
// A multipart body is read as a stream (receiveUpload*), so no schema validates it before the handler runs, and
// fastify-type-provider-zod only turns JSON body schemas into OpenAPI. A multipart route therefore declares
// `schema.multipart` (documentation only: the file field, its allowed types, the text fields that precede it), and
// the app's OpenAPI transform (app.ts) turns it into the route's multipart/form-data request body, with the size
// limit of the running configuration.

export interface MultipartDoc {
  /** what the file is */
  file: string;
  /** the allowed types, as receiveUpload* is given them */
  types: readonly UploadTypeKey[];
  /** the file part's field name (default "file") */
  fileField?: string;
  /** the text fields, sent BEFORE the file part; the service validates them with this schema */
  fields?: z.ZodObject;
}

declare module "fastify" {
  interface FastifySchema {
    /** documentation of a multipart/form-data body (platform/uploads.ts MultipartDoc) */
    multipart?: MultipartDoc;
  }
}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** The JSON schema of a multipart route's form, for OpenAPI. */
export function multipartRequestSchema(doc: MultipartDoc, maxBytes: number): Record<string, unknown> {
  const fileField = doc.fileField ?? "file";
  const extensions = doc.types.flatMap((k) => uploadTypes[k].extensions);
  const mediaTypes = [...new Set(doc.types.map((k) => uploadTypes[k].mediaType))];
  const fields = doc.fields ? (z.toJSONSchema(doc.fields, { io: "input", unrepresentable: "any" }) as Record<string, unknown>) : null;
  const fieldProps = (fields?.properties ?? {}) as Record<string, unknown>;
  const required = [...((fields?.required as string[] | undefined) ?? []), fileField];
  return {
    type: "object",
    description:
      `One file in the form field “${fileField}”` +
      (Object.keys(fieldProps).length
        ? `, after the text fields ${Object.keys(fieldProps)
            .map((f) => `“${f}”`)
            .join(", ")} (fields sent after the file are not read)`
        : "") +
      `. Allowed: ${extensions.join(", ")}, checked by extension AND content (400 UNSUPPORTED_FILE); at most ${megabytes(maxBytes)} ` +
      `(413 PAYLOAD_TOO_LARGE, answered from Content-Length before the body is read, or as soon as a body sent without it passes the limit); zip-based files are unpacked with ` +
      `entry-count and size limits (400 SUSPICIOUS_ARCHIVE); not multipart: 415 UNSUPPORTED_MEDIA; no file: 400.`,
    properties: {
      ...fieldProps,
      [fileField]: {
        type: "string",
        format: "binary",
        contentMediaType: mediaTypes.length === 1 ? mediaTypes[0] : "application/octet-stream",
        description: `${doc.file} (${extensions.join(", ")}; at most ${megabytes(maxBytes)})`,
      },
    },
    required,
    additionalProperties: false,
  };
}

/**
 * Counts the raw request body as the multipart parser reads it. Past `limit` bytes — whatever part they belong to:
 * the file, a stuffed text field, parts after the file — reading stops and `exceeded` rejects with 413. Content-Length
 * is checked before anything is read; this is the limit for bodies sent without it (Transfer-Encoding: chunked).
 */
function watchBodySize(raw: IncomingMessage, limit: number): { exceeded: Promise<never>; stop(): void } {
  let seen = 0;
  let refuse!: (e: AppError) => void;
  const exceeded = new Promise<never>((_, reject) => (refuse = reject));
  exceeded.catch(() => undefined); // settled or not, the caller races it; never an unhandled rejection
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen <= limit) return;
    raw.off("data", onData);
    raw.unpipe();
    raw.pause();
    refuse(tooLarge());
  };
  raw.on("data", onData);
  return { exceeded, stop: () => raw.off("data", onData) };
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
export async function storeFile(tx: Executor, upload: Upload, createdBy: string | null, now: Date): Promise<string> {
  const [row] = await tx
    .insert(files)
    .values({
      originalName: upload.originalName,
      mediaType: upload.mediaType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      content: upload.content,
      createdBy,
      createdAt: now,
    })
    .returning({ id: files.id });
  return row.id;
}

/** ASCII-only fallback name: Vietnamese letters lose their marks (đ → d), anything else unsafe becomes "_". */
export function asciiFileName(name: string): string {
  const folded = foldVietnamese(cleanFileName(name))
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "");
  const ext = /\.[a-z0-9]{1,10}$/.exec(folded)?.[0] ?? "";
  const stem = folded
    .slice(0, folded.length - ext.length)
    .replace(/[^a-z0-9._-]+/g, "_")
    .replace(/^[._]+|[._]+$/g, "");
  return (stem.slice(0, 100) || "download") + ext;
}

/** RFC 6266 / RFC 5987: `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`. */
export function contentDisposition(name: string): string {
  const utf8 = encodeURIComponent(cleanFileName(name)).replace(/['()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${utf8}`;
}

/** Sends bytes as a download: never rendered inline, never sniffed. */
export function sendDownload(reply: FastifyReply, file: { fileName: string; mediaType: string; content: Buffer }) {
  reply.header("content-type", file.mediaType);
  reply.header("content-disposition", contentDisposition(file.fileName));
  reply.header("x-content-type-options", "nosniff");
  return reply.send(file.content);
}
