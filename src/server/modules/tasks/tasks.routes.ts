import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import {
  TASK_ACTIONS_ELSEWHERE,
  TASK_ACTION_ROUTES,
  TASK_ROUTE_ACTIONS,
  callTasks,
  dossier,
  dossierAction,
  dossierCreate,
  dossierUpdate,
  documentUploadFields,
  task,
  taskDocument,
  taskListItem,
  taskListQuery,
} from "../../../common/api/task.js";
import { sendDownload } from "../../platform/uploads.js";
import { taskPolicy } from "./tasks.policy.js";
import { getTask, listTasks, performedElsewhere, runTaskAction } from "./tasks.service.js";
import { tasksOfCall } from "./tasks.call.js";
import { actionDescription, actionSummary } from "./tasks.actions-doc.js";
import { taskApprovalDocument, taskRegistrationDocument } from "./tasks.documents.js";
import { DOCX_MEDIA_TYPE } from "../../documents/index.js";
import { createDossier, getDossier, submitDossier, updateDossier, withdrawDossier } from "./dossiers.service.js";
import { TASK_DOCUMENT_TYPES, deleteDocument, downloadDocument, listDocuments, receiveDocument, uploadDocument } from "./documents.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof taskPolicy>) => ({ policy: { of: taskPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const dossierParams = z.object({ id: z.string().uuid(), dossierId: z.string().uuid() });
const documentParams = z.object({ id: z.string().uuid(), documentId: z.string().uuid() });

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/tasks",
    {
      config: guard("list"),
      schema: {
        tags: ["tasks"],
        summary: "Search, filter, sort and page the tasks; view=mine (linked to me) | action (my roles can move it now)",
        querystring: taskListQuery,
        response: { 200: listResponse(taskListItem) },
      },
    },
    async (req) => listTasks(req.ctx, req.query),
  );
  app.get(
    "/tasks/:id",
    {
      config: guard("read"),
      schema: { tags: ["tasks"], summary: "One task with its path, dossiers and the actions the actor may take", params: idParams, response: { 200: task } },
    },
    async (req) => getTask(req.ctx, req.params.id),
  );
  app.get(
    "/calls/:id/tasks",
    {
      config: guard("list"),
      schema: {
        tags: ["calls", "tasks"],
        summary:
          "The tasks of a call as far as the actor may see them: a selection call's tasks (with whether the actor may start a dossier now, and why not), a proposal-collection call's proposals; dossier counts for the Department's staff",
        params: idParams,
        response: { 200: callTasks },
      },
    },
    async (req) => tasksOfCall(req.ctx, req.params.id),
  );
  app.get(
    "/tasks/:id/approval-decision.docx",
    {
      config: guard("read"),
      schema: {
        tags: ["tasks"],
        summary:
          "The decision approving the task (.docx, NĐ 30/2020): number and date, lead organisation, PI, budget by source, period; 409 until approved; audited as an export",
        params: idParams,
        produces: [DOCX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .docx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await taskApprovalDocument(req.ctx, req.params.id)),
  );
  app.get(
    "/tasks/:id/registration-certificate.docx",
    {
      config: guard("read"),
      schema: {
        tags: ["tasks"],
        summary: "The certificate registering the task's result (.docx, NĐ 30/2020): registration code and dates; 409 until registered; audited as an export",
        params: idParams,
        produces: [DOCX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .docx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await taskRegistrationDocument(req.ctx, req.params.id)),
  );
  app.post(
    "/tasks/:id/dossiers",
    {
      config: guard("createDossier"),
      schema: {
        tags: ["tasks"],
        summary: "Start a dossier for the task while its selection call accepts (one per organisation)",
        params: idParams,
        body: dossierCreate,
        response: { 201: dossier },
      },
    },
    async (req, reply) => reply.status(201).send(await createDossier(req.ctx, req.params.id, req.body)),
  );
  app.get(
    "/tasks/:id/dossiers/:dossierId",
    { config: guard("readDossier"), schema: { tags: ["tasks"], params: dossierParams, response: { 200: dossier } } },
    async (req) => getDossier(req.ctx, req.params.id, req.params.dossierId),
  );
  app.put(
    "/tasks/:id/dossiers/:dossierId",
    {
      config: guard("updateDossier"),
      schema: {
        tags: ["tasks"],
        summary: "Replace a draft dossier's sections and lists; a submitted dossier answers 409 LOCKED",
        params: dossierParams,
        body: dossierUpdate,
        response: { 200: dossier },
      },
    },
    async (req) => updateDossier(req.ctx, req.params.id, req.params.dossierId, req.body),
  );
  app.post(
    "/tasks/:id/dossiers/:dossierId/submit",
    {
      config: guard("updateDossier"),
      schema: {
        tags: ["tasks"],
        summary:
          "Submit a complete dossier before the deadline (server time); it is then locked and hashed. The first submission moves the task from call_open to dossier_submitted (the templates' submit_dossier action)",
        params: dossierParams,
        body: dossierAction,
        response: { 200: dossier },
      },
    },
    async (req) => submitDossier(req.ctx, req.params.id, req.params.dossierId, req.body.version),
  );
  app.post(
    "/tasks/:id/dossiers/:dossierId/withdraw",
    {
      config: guard("updateDossier"),
      schema: {
        tags: ["tasks"],
        summary: "Withdraw a draft or submitted dossier before the deadline",
        params: dossierParams,
        body: dossierAction,
        response: { 200: dossier },
      },
    },
    async (req) => withdrawDossier(req.ctx, req.params.id, req.params.dossierId, req.body.version),
  );
  app.get(
    "/tasks/:id/documents",
    { config: guard("documents"), schema: { tags: ["tasks"], params: idParams, response: { 200: z.array(taskDocument) } } },
    async (req) => listDocuments(req.ctx, req.params.id),
  );
  app.post(
    "/tasks/:id/documents",
    {
      config: guard("upload"),
      schema: {
        tags: ["tasks"],
        summary: "Upload a document (multipart: fields code, stage, dossierId?, note?, then file): pdf, docx, doc, xlsx, xls, zip, jpg, png",
        description:
          "multipart/form-data: the text fields code, stage and optionally dossierId and note, THEN the file “file” (fields after the file are not read). " +
          "Invalid fields answer 400 with one entry per field in details.",
        params: idParams,
        consumes: ["multipart/form-data"],
        multipart: { file: "the document", types: TASK_DOCUMENT_TYPES, fields: documentUploadFields },
        response: { 201: taskDocument },
      },
    },
    async (req, reply) => reply.status(201).send(await uploadDocument(req.ctx, req.params.id, () => receiveDocument(req))),
  );
  app.get(
    "/tasks/:id/documents/:documentId/download",
    {
      config: guard("documents"),
      schema: { tags: ["tasks"], params: documentParams, response: { 200: z.string().describe("the file") } },
    },
    async (req, reply) => sendDownload(reply, await downloadDocument(req.ctx, req.params.id, req.params.documentId)),
  );
  app.delete(
    "/tasks/:id/documents/:documentId",
    { config: guard("upload"), schema: { tags: ["tasks"], params: documentParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteDocument(req.ctx, req.params.id, req.params.documentId);
      return reply.status(204).send(null);
    },
  );
  // One route per workflow action, generated from TASK_ACTION_ROUTES: each has its own body schema (version, comment
  // and that action's fields only) and a description built from the seeded templates. Fastify matches these static
  // segments before the parametric routes above, so /tasks/:id/dossiers and /tasks/:id/documents are unaffected.
  for (const action of TASK_ROUTE_ACTIONS) {
    app.post(
      `/tasks/:id/${action}`,
      {
        config: guard("transition"),
        schema: {
          tags: ["tasks"],
          operationId: `task_${action}`,
          summary: actionSummary(action),
          description: actionDescription(action),
          params: idParams,
          body: TASK_ACTION_ROUTES[action].body,
          response: { 200: task },
        },
      },
      async (req) => runTaskAction(req.ctx, req.params.id, action, req.body),
    );
  }
  // Template actions performed by another route: not listed in the API description; a client that guesses the
  // template's action name is told which route performs it.
  for (const [action, route] of Object.entries(TASK_ACTIONS_ELSEWHERE)) {
    app.post(`/tasks/:id/${action}`, { config: guard("transition"), schema: { hide: true, params: idParams } }, async () => performedElsewhere(action, route));
  }
};
