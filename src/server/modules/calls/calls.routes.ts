import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { call, callCancel, callClose, callInput, callListQuery, callPublish, callSummary, callUpdate } from "../../../common/api/call.js";
import { callPolicy } from "./calls.policy.js";
import { callNoticeDocument, createCall, getCall, listCalls, transitionCall, updateCall } from "./calls.service.js";
import { sendDownload } from "../../platform/uploads.js";
import { DOCX_MEDIA_TYPE } from "../../documents/index.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof callPolicy>) => ({ policy: { of: callPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const illegal =
  "A wrong state answers 409 INVALID_STATE naming the state and what is possible now; an unmet condition 409 GUARD_FAILED with the reason; a stale version 409 VERSION_CONFLICT.";

export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/calls",
    {
      config: guard("list"),
      schema: {
        tags: ["calls"],
        summary: "Search, filter (status, kind, programme, open now), sort and page the calls; drafts for staff only",
        querystring: callListQuery,
        response: { 200: listResponse(callSummary) },
      },
    },
    async (req) => listCalls(req.ctx, req.query),
  );
  app.get(
    "/calls/:id",
    {
      config: guard("read"),
      schema: {
        tags: ["calls"],
        summary: "One call, with acceptingSubmissions and secondsToDeadline computed from the server's clock",
        params: idParams,
        response: { 200: call },
      },
    },
    async (req) => getCall(req.ctx, req.params.id),
  );
  app.get(
    "/calls/:id/notice.docx",
    {
      config: guard("read"),
      schema: {
        tags: ["calls"],
        summary: "The call's notice (thông báo) as an official .docx in the NĐ 30/2020 format; drafts for staff only; audited as an export",
        params: idParams,
        produces: [DOCX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .docx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await callNoticeDocument(req.ctx, req.params.id)),
  );
  app.post(
    "/calls",
    {
      config: guard("create"),
      schema: {
        tags: ["calls"],
        summary: "Create a draft call; without requiredDocuments the defaults for its kind are used",
        body: callInput,
        response: { 201: call },
      },
    },
    async (req, reply) => reply.status(201).send(await createCall(req.ctx, req.body)),
  );
  app.put(
    "/calls/:id",
    {
      config: guard("update"),
      schema: {
        tags: ["calls"],
        summary: "Edit a draft call; send the version you read. " + illegal,
        params: idParams,
        body: callUpdate,
        response: { 200: call },
      },
    },
    async (req) => updateCall(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/calls/:id/publish",
    {
      config: guard("publish"),
      schema: {
        tags: ["calls"],
        summary: "draft → published: needs a title, a window that has not ended and a required document. " + illegal,
        params: idParams,
        body: callPublish,
        response: { 200: call },
      },
    },
    async (req) => transitionCall(req.ctx, req.params.id, "publish", req.body),
  );
  app.post(
    "/calls/:id/close",
    {
      config: guard("close"),
      schema: {
        tags: ["calls"],
        summary: "published → closed: after the deadline, or before it with a reason. " + illegal,
        params: idParams,
        body: callClose,
        response: { 200: call },
      },
    },
    async (req) => transitionCall(req.ctx, req.params.id, "close", req.body),
  );
  app.post(
    "/calls/:id/cancel",
    {
      config: guard("cancel"),
      schema: {
        tags: ["calls"],
        summary: "draft | published → cancelled, with a reason. " + illegal,
        params: idParams,
        body: callCancel,
        response: { 200: call },
      },
    },
    async (req) => transitionCall(req.ctx, req.params.id, "cancel", req.body),
  );
};
