// Inspection minutes (biên bản kiểm tra): a PDF or DOCX, received like every upload (platform/uploads.ts: size limit,
// extension AND content check, zip-bomb limits for DOCX) and stored in `files`.
import type { FastifyRequest } from "fastify";
import { receiveUpload, type Upload } from "../../platform/uploads.js";

export const receiveMinutes = (req: FastifyRequest): Promise<Upload> => receiveUpload(req, ["pdf", "docx"]);
