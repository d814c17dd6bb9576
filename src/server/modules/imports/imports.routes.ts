import { z } from "zod";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { badInput } from "../../platform/errors.js";
import { receiveUpload, sendDownload } from "../../platform/uploads.js";
import { XLSX_MEDIA_TYPE } from "../../platform/xlsx.js";
import { importPolicy } from "./imports.policy.js";
import { commitImport, getImport, importTemplate, uploadImport } from "./imports.service.js";
import { commitResult, importIdParams, importKindParams, importView } from "./imports.schemas.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof importPolicy>) => ({ policy: { of: importPolicy, ability } });

/** Optional Idempotency-Key header: a client-chosen token (1–200 visible ASCII characters). */
function idempotencyKey(req: FastifyRequest): string | null {
  const raw = req.headers["idempotency-key"];
  if (raw === undefined) return null;
  const key = (Array.isArray(raw) ? raw[0] : raw).trim();
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw badInput("import.bad_idempotency_key");
  return key;
}

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/imports/templates/:kind",
    {
      config: guard("template"),
      schema: {
        tags: ["imports"],
        summary: "Excel template: header row, one sample row, and a “Danh mục” sheet of allowed codes",
        params: importKindParams,
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .xlsx file") },
      },
    },
    async (req, reply) => {
      const file = await importTemplate(req.ctx, req.params.kind);
      return sendDownload(reply, { fileName: file.fileName, mediaType: XLSX_MEDIA_TYPE, content: file.content });
    },
  );
  app.post(
    "/imports/:kind",
    {
      config: guard("create"),
      schema: {
        tags: ["imports"],
        summary: "Upload an .xlsx (multipart field “file”) → validated preview. The same file or Idempotency-Key again returns the same import.",
        description:
          "multipart/form-data with one part, the file “file”: an .xlsx whose first sheet has the kind's columns (GET /api/v1/imports/templates/{kind} gives the layout). " +
          "Optional header Idempotency-Key (1–200 visible ASCII characters): the same key, or the same file, returns the same import.",
        params: importKindParams,
        consumes: ["multipart/form-data"],
        multipart: { file: "the spreadsheet to import", types: ["xlsx"] },
        response: { 200: importView },
      },
    },
    async (req) => uploadImport(req.ctx, req.params.kind, () => receiveUpload(req, ["xlsx"]), idempotencyKey(req)),
  );
  app.get("/imports/:id", { config: guard("read"), schema: { tags: ["imports"], params: importIdParams, response: { 200: importView } } }, async (req) =>
    getImport(req.ctx, req.params.id),
  );
  app.post(
    "/imports/:id/commit",
    {
      config: guard("commit"),
      schema: {
        tags: ["imports"],
        summary: "Insert every row in one transaction (all or nothing). Committing again returns the same result.",
        params: importIdParams,
        response: { 200: commitResult },
      },
    },
    async (req) => commitImport(req.ctx, req.params.id),
  );
};
