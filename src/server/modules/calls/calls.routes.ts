import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { call, callCancel, callClose, callInput, callListQuery, callPublish, callSummary, callUpdate } from "../../../common/api/call.js";
import { callPolicy } from "./calls.policy.js";
import { createCall, getCall, listCalls, transitionCall, updateCall } from "./calls.service.js";
import { callNoticeDocument } from "./calls.documents.js";
import { sendDownload } from "../../platform/uploads.js";
import { DOCX_MEDIA_TYPE } from "../../documents/index.js";
import type { AbilityOf } from "../../platform/policy.js";
import { command, registerCommandRoutes } from "../../platform/lifecycle-routes.js";
import { callLifecycle } from "./calls.lifecycle.js";

const guard = (ability: AbilityOf<typeof callPolicy>) => ({ policy: { of: callPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });

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
  registerCommandRoutes(app, callLifecycle, {
    path: "/calls/:id",
    tags: ["calls"],
    response: call,
    commands: {
      update: command({
        method: "PUT",
        path: "",
        body: callUpdate,
        summary: "edit a draft call; send the version you read.",
        run: (ctx, p, body) => updateCall(ctx, p.id, body),
      }),
      publish: command({
        body: callPublish,
        summary: "needs a title, a window that has not ended and a required document.",
        run: (ctx, p, body) => transitionCall(ctx, p.id, "publish", body),
      }),
      close: command({
        body: callClose,
        summary: "after the deadline, or before it with a reason.",
        run: (ctx, p, body) => transitionCall(ctx, p.id, "close", body),
      }),
      cancel: command({ body: callCancel, summary: "with a reason.", run: (ctx, p, body) => transitionCall(ctx, p.id, "cancel", body) }),
    },
  });
};
