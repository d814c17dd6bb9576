import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { issueInput, registerEntry, registerList, registerListQuery } from "../../../common/api/register.js";
import type { AbilityOf } from "../../platform/policy.js";
import { receiveUpload, sendDownload, type UploadTypeKey } from "../../platform/uploads.js";
import { registerPolicy } from "./register.policy.js";
import { attachSigned, downloadSigned, getEntry, issueDocument, listRegister } from "./register.service.js";

const guard = (ability: AbilityOf<typeof registerPolicy>) => ({ policy: { of: registerPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
/** The signed scan: a PDF. */
const SIGNED_TYPES: UploadTypeKey[] = ["pdf"];

export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/document-register",
    {
      config: guard("list"),
      schema: {
        tags: ["document-register"],
        summary: "The register of documents issued (sổ đăng ký văn bản đi): newest first; ?q= searches number, type and summary",
        querystring: registerListQuery,
        response: { 200: registerList },
      },
    },
    async (req) => listRegister(req.ctx, req.query),
  );
  app.post(
    "/document-register",
    {
      config: guard("issue"),
      schema: {
        tags: ["document-register"],
        summary:
          "Issue a document: it takes the next number of its register for the year (no gap, no duplicate) and today's date, which the document then prints. 409 ALREADY_ISSUED when it was issued; 409 DOCUMENT_NOT_AVAILABLE when it is not ready.",
        body: issueInput,
        response: { 201: registerEntry },
      },
    },
    async (req, reply) => reply.status(201).send(await issueDocument(req.ctx, req.body)),
  );
  app.get(
    "/document-register/:id",
    { config: guard("read"), schema: { tags: ["document-register"], params: idParams, response: { 200: registerEntry } } },
    async (req) => getEntry(req.ctx, req.params.id),
  );
  app.post(
    "/document-register/:id/signed",
    {
      config: guard("attachSigned"),
      schema: {
        tags: ["document-register"],
        summary: "Attach the signed scan (multipart field “file”, .pdf); a new scan replaces the earlier one",
        description: "multipart/form-data with one part, the file “file” (.pdf): the document as signed and sealed.",
        params: idParams,
        consumes: ["multipart/form-data"],
        multipart: { file: "the signed and sealed document, scanned", types: SIGNED_TYPES },
        response: { 200: registerEntry },
      },
    },
    async (req) => attachSigned(req.ctx, req.params.id, () => receiveUpload(req, SIGNED_TYPES)),
  );
  app.get(
    "/document-register/:id/signed",
    {
      config: guard("read"),
      schema: { tags: ["document-register"], summary: "Download the signed scan", params: idParams, response: { 200: z.string().describe("the file") } },
    },
    async (req, reply) => sendDownload(reply, await downloadSigned(req.ctx, req.params.id)),
  );
};
