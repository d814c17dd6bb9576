// Inspection minutes (biên bản kiểm tra): a PDF or DOCX, received like every upload (platform/uploads.ts: size limit,
// extension AND content check, zip-bomb limits for DOCX) and stored in `files`.
import crypto from "node:crypto";
import type { FastifyRequest } from "fastify";
import { AppError, badInput } from "../../platform/errors.js";
import { cleanFileName, inspectZip, tooLarge, type Upload } from "../../platform/uploads.js";

const MULTIPART_OVERHEAD = 64 * 1024;
const notAllowed = () => new AppError("UNSUPPORTED_FILE", 400, "monitoring.minutes.type");

const TYPES = [
  {
    extension: ".pdf",
    mediaType: "application/pdf",
    async check(content: Buffer) {
      if (content.subarray(0, 5).toString("latin1") !== "%PDF-") throw notAllowed();
    },
  },
  {
    extension: ".docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    async check(content: Buffer) {
      const names = new Set(await inspectZip(content, undefined, notAllowed));
      if (!names.has("[Content_Types].xml") || !names.has("word/document.xml")) throw notAllowed();
    },
  },
];

export async function receiveMinutes(req: FastifyRequest): Promise<Upload> {
  const max = req.ctx.config.uploadMaxBytes;
  const declaredLength = Number(req.headers["content-length"]);
  if (Number.isFinite(declaredLength) && declaredLength > max + MULTIPART_OVERHEAD) throw tooLarge();
  if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA", 415, "error.unsupported_media");
  let content: Buffer;
  let filename: string;
  try {
    const part = await req.file({ limits: { fileSize: max, files: 1, fields: 10, parts: 20 } });
    if (!part || part.fieldname !== "file") throw badInput("upload.missing");
    filename = part.filename ?? "";
    content = await part.toBuffer();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const status = (e as { statusCode?: number }).statusCode;
    if (status === 413) throw tooLarge();
    if (status === 406) throw new AppError("UNSUPPORTED_MEDIA", 415, "error.unsupported_media");
    throw new AppError("BAD_REQUEST", 400, "error.bad_request");
  }
  if (!content.length) throw badInput("upload.missing");
  const type = TYPES.find((t) => filename.toLowerCase().endsWith(t.extension));
  if (!type) throw notAllowed();
  await type.check(content);
  return {
    originalName: cleanFileName(filename),
    mediaType: type.mediaType,
    content,
    sizeBytes: content.length,
    sha256: crypto.createHash("sha256").update(content).digest("hex"),
  };
}
