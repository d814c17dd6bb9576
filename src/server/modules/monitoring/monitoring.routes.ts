import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import {
  actionComplete,
  calendarQuery,
  calendarResponse,
  inspection,
  inspectionCancel,
  inspectionConclude,
  inspectionInput,
  inspectionListQuery,
  inspectionSummary,
  inspectionUpdate,
  overviewItem,
  overviewQuery,
  report,
  reportCreate,
  reportInput,
  reportListQuery,
  reportReview,
  reportSubmit,
  reportSummary,
  scheduleResult,
} from "../../../common/api/monitoring.js";
import { sendDownload } from "../../platform/uploads.js";
import { reportPolicy } from "./monitoring.policy.js";
import { inspectionPolicy, monitoringPolicy } from "./inspections.policy.js";
import { createReport, getReport, listReports, reviewReport, saveReport, scheduleTask, submitReport } from "./reports.service.js";
import {
  cancelInspection,
  completeAction,
  concludeInspection,
  createInspection,
  downloadMinutes,
  getInspection,
  listInspections,
  updateInspection,
  uploadMinutes,
} from "./inspections.service.js";
import { monitoringOverview } from "./overview.service.js";
import { calendar } from "./calendar.service.js";
import { MINUTES_UPLOAD_DOC, receiveMinutes } from "./minutes-upload.js";
import type { AbilityOf } from "../../platform/policy.js";

const reportGuard = (ability: AbilityOf<typeof reportPolicy>) => ({ policy: { of: reportPolicy, ability } });
const inspectionGuard = (ability: AbilityOf<typeof inspectionPolicy>) => ({ policy: { of: inspectionPolicy, ability } });
const monitoringGuard = (ability: AbilityOf<typeof monitoringPolicy>) => ({ policy: { of: monitoringPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const taskParams = z.object({ taskId: z.string().uuid() });
const actionParams = z.object({ id: z.string().uuid(), actionId: z.string().uuid() });
const scheduleBody = z.object({ intervalMonths: z.number().int().min(1).max(24).optional() }).strict();
const conflicts =
  "A command the record's status does not allow answers 409 INVALID_STATE (details.state, details.allowed); an accepted report 409 LOCKED; " +
  "a task no longer in progress 409 GUARD_FAILED (details.reason); a stale version 409 VERSION_CONFLICT with details.current.";

export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/monitoring/overview",
    {
      config: monitoringGuard("overview"),
      schema: {
        tags: ["monitoring"],
        summary: "Tasks in progress with planned / reported progress and the overdue and at-risk flags (server clock)",
        querystring: overviewQuery,
        response: { 200: listResponse(overviewItem) },
      },
    },
    async (req) => monitoringOverview(req.ctx, req.query),
  );
  app.post(
    "/monitoring/tasks/:taskId/schedule",
    {
      config: monitoringGuard("schedule"),
      schema: {
        tags: ["monitoring"],
        summary:
          "Generate the progress-report schedule of a task in progress (idempotent: existing reports are kept). A task not in progress or without dates answers 409 GUARD_FAILED (details.reason)",
        params: taskParams,
        body: scheduleBody,
        response: { 200: scheduleResult },
      },
    },
    async (req) => scheduleTask(req.ctx, req.params.taskId, req.body.intervalMonths),
  );

  app.get(
    "/monitoring/reports",
    {
      config: reportGuard("list"),
      schema: {
        tags: ["monitoring"],
        summary: "Progress reports of the tasks the caller may see",
        querystring: reportListQuery,
        response: { 200: listResponse(reportSummary) },
      },
    },
    async (req) => listReports(req.ctx, req.query),
  );
  app.get(
    "/monitoring/reports/:id",
    { config: reportGuard("read"), schema: { tags: ["monitoring"], params: idParams, response: { 200: report } } },
    async (req) => getReport(req.ctx, req.params.id),
  );
  app.post(
    "/monitoring/reports",
    {
      config: reportGuard("create"),
      schema: {
        tags: ["monitoring"],
        summary: "An officer adds a report to a task's schedule (a task not in progress: 409 GUARD_FAILED, details.reason)",
        body: reportCreate,
        response: { 201: report },
      },
    },
    async (req, reply) => reply.status(201).send(await createReport(req.ctx, req.body)),
  );
  app.put(
    "/monitoring/reports/:id",
    {
      config: reportGuard("edit"),
      schema: {
        tags: ["monitoring"],
        summary: "The PI / org rep saves the report as a draft. " + conflicts,
        params: idParams,
        body: reportInput,
        response: { 200: report },
      },
    },
    async (req) => saveReport(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/monitoring/reports/:id/submit",
    {
      config: reportGuard("submit"),
      schema: {
        tags: ["monitoring"],
        summary: "Submit the report: no more edits unless an officer returns it for revision. " + conflicts,
        params: idParams,
        body: reportSubmit,
        response: { 200: report },
      },
    },
    async (req) => submitReport(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    "/monitoring/reports/:id/review",
    {
      config: reportGuard("review"),
      schema: {
        tags: ["monitoring"],
        summary: "An officer accepts a submitted report or asks for revision (with a comment). " + conflicts,
        params: idParams,
        body: reportReview,
        response: { 200: report },
      },
    },
    async (req) => reviewReport(req.ctx, req.params.id, req.body),
  );

  app.get(
    "/monitoring/inspections",
    {
      config: inspectionGuard("list"),
      schema: {
        tags: ["monitoring"],
        summary: "Inspections of the tasks the caller may see",
        querystring: inspectionListQuery,
        response: { 200: listResponse(inspectionSummary) },
      },
    },
    async (req) => listInspections(req.ctx, req.query),
  );
  app.get(
    "/monitoring/inspections/:id",
    { config: inspectionGuard("read"), schema: { tags: ["monitoring"], params: idParams, response: { 200: inspection } } },
    async (req) => getInspection(req.ctx, req.params.id),
  );
  app.post(
    "/monitoring/inspections",
    {
      config: inspectionGuard("create"),
      schema: {
        tags: ["monitoring"],
        summary: "Plan an inspection of a task in progress (otherwise 409 GUARD_FAILED, details.reason)",
        body: inspectionInput,
        response: { 201: inspection },
      },
    },
    async (req, reply) => reply.status(201).send(await createInspection(req.ctx, req.body)),
  );
  app.put(
    "/monitoring/inspections/:id",
    {
      config: inspectionGuard("update"),
      schema: {
        tags: ["monitoring"],
        summary: "Change a planned inspection. " + conflicts,
        params: idParams,
        body: inspectionUpdate,
        response: { 200: inspection },
      },
    },
    async (req) => updateInspection(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/monitoring/inspections/:id/conclude",
    {
      config: inspectionGuard("conclude"),
      schema: {
        tags: ["monitoring"],
        summary: "Record findings, the conclusion and follow-up actions. " + conflicts,
        params: idParams,
        body: inspectionConclude,
        response: { 200: inspection },
      },
    },
    async (req) => concludeInspection(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/monitoring/inspections/:id/cancel",
    {
      config: inspectionGuard("cancel"),
      schema: {
        tags: ["monitoring"],
        summary: "Cancel a planned inspection. " + conflicts,
        params: idParams,
        body: inspectionCancel,
        response: { 200: inspection },
      },
    },
    async (req) => cancelInspection(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    "/monitoring/inspections/:id/actions/:actionId/complete",
    {
      config: inspectionGuard("completeAction"),
      schema: {
        tags: ["monitoring"],
        summary:
          "Mark a follow-up action done (officer, or the task's PI / org rep); send the inspection's version. An action already done answers 409 GUARD_FAILED. " +
          conflicts,
        params: actionParams,
        body: actionComplete,
        response: { 200: inspection },
      },
    },
    async (req) => completeAction(req.ctx, req.params.id, req.params.actionId, req.body),
  );
  app.post(
    "/monitoring/inspections/:id/minutes",
    {
      config: inspectionGuard("uploadMinutes"),
      schema: {
        tags: ["monitoring"],
        summary:
          "Upload the signed minutes (multipart field “file”, .pdf or .docx); replaces an earlier file. A cancelled inspection answers 409 INVALID_STATE",
        description: "multipart/form-data with one part, the file “file” (.pdf or .docx). A new upload replaces the inspection's earlier minutes.",
        params: idParams,
        consumes: ["multipart/form-data"],
        multipart: MINUTES_UPLOAD_DOC,
        response: { 200: inspection },
      },
    },
    async (req) => uploadMinutes(req.ctx, req.params.id, () => receiveMinutes(req)),
  );
  app.get(
    "/monitoring/inspections/:id/minutes",
    {
      config: inspectionGuard("read"),
      schema: { tags: ["monitoring"], summary: "Download the minutes", params: idParams, response: { 200: z.string().describe("the file") } },
    },
    async (req, reply) => sendDownload(reply, await downloadMinutes(req.ctx, req.params.id)),
  );

  app.get(
    "/calendar",
    {
      config: monitoringGuard("calendar"),
      schema: {
        tags: ["monitoring"],
        summary: "The caller's deadlines between two days: calls, progress reports, inspections, actions, task ends, councils",
        querystring: calendarQuery,
        response: { 200: calendarResponse },
      },
    },
    async (req) => calendar(req.ctx, req.query),
  );
};
