// Inspection minutes (biên bản kiểm tra): a PDF or DOCX, received like every upload (platform/uploads.ts: size limit,
// extension AND content check, zip-bomb limits for DOCX) and stored in `files`.
import type { FastifyRequest } from "fastify";
import { receiveUpload, type MultipartDoc, type Upload, type UploadTypeKey } from "../../platform/uploads.js";

const MINUTES_TYPES: UploadTypeKey[] = ["pdf", "docx"];
export const receiveMinutes = (req: FastifyRequest): Promise<Upload> => receiveUpload(req, MINUTES_TYPES);
/** The OpenAPI description of the minutes upload. */
export const MINUTES_UPLOAD_DOC: MultipartDoc = { file: "the signed inspection minutes (biên bản kiểm tra)", types: MINUTES_TYPES };
