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
import { command, registerCommandRoutes } from "../../platform/lifecycle-routes.js";
import { reportLifecycle } from "./reports.lifecycle.js";
import { inspectionLifecycle } from "./inspections.lifecycle.js";

const reportGuard = (ability: AbilityOf<typeof reportPolicy>) => ({ policy: { of: reportPolicy, ability } });
const inspectionGuard = (ability: AbilityOf<typeof inspectionPolicy>) => ({ policy: { of: inspectionPolicy, ability } });
const monitoringGuard = (ability: AbilityOf<typeof monitoringPolicy>) => ({ policy: { of: monitoringPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const taskParams = z.object({ taskId: z.string().uuid() });
const scheduleBody = z.object({ intervalMonths: z.number().int().min(1).max(24).optional() }).strict();
const conflicts = "A task no longer in progress answers 409 GUARD_FAILED (details.reason); an accepted report is final (409 LOCKED).";

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
  registerCommandRoutes(app, reportLifecycle, {
    path: "/monitoring/reports/:id",
    tags: ["monitoring"],
    response: report,
    commands: {
      update: command({
        method: "PUT",
        path: "",
        body: reportInput,
        summary: "the PI / org rep saves the report as a draft. " + conflicts,
        run: (ctx, p, body) => saveReport(ctx, p.id, body),
      }),
      submit: command({
        body: reportSubmit,
        summary: "no more edits unless an officer returns it for revision. " + conflicts,
        run: (ctx, p, body) => submitReport(ctx, p.id, body.version),
      }),
      accept: command({
        path: "review",
        body: reportReview,
        summary: "an officer accepts a submitted report or asks for revision (decision return, with a comment). " + conflicts,
        run: (ctx, p, body) => reviewReport(ctx, p.id, body),
      }),
      return: { routedAs: "accept", why: "one review route accepts a report or returns it, as its body decides" },
    },
  });

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
  registerCommandRoutes(app, inspectionLifecycle, {
    path: "/monitoring/inspections/:id",
    tags: ["monitoring"],
    response: inspection,
    commands: {
      update: command({
        method: "PUT",
        path: "",
        body: inspectionUpdate,
        summary: "change a planned inspection. " + conflicts,
        run: (ctx, p, body) => updateInspection(ctx, p.id, body),
      }),
      conclude: command({
        body: inspectionConclude,
        summary: "record findings, the conclusion and follow-up actions. " + conflicts,
        run: (ctx, p, body) => concludeInspection(ctx, p.id, body),
      }),
      cancel: command({
        body: inspectionCancel,
        summary: "cancel a planned inspection. " + conflicts,
        run: (ctx, p, body) => cancelInspection(ctx, p.id, body.version),
      }),
      completeAction: command({
        path: "actions/:actionId/complete",
        body: actionComplete,
        summary:
          "mark a follow-up action done (officer, or the task's PI / org rep); send the inspection's version. An action already done answers 409 GUARD_FAILED. " +
          conflicts,
        run: (ctx, p, body) => completeAction(ctx, p.id, p.actionId, body),
      }),
      uploadMinutes: command({
        path: "minutes",
        body: z.unknown(),
        multipart: MINUTES_UPLOAD_DOC,
        summary: "upload the signed minutes (multipart field “file”, .pdf or .docx); replaces an earlier file.",
        description: "multipart/form-data with one part, the file “file” (.pdf or .docx). A new upload replaces the inspection's earlier minutes.",
        run: (ctx, p, _body, req) => uploadMinutes(ctx, p.id, () => receiveMinutes(req)),
      }),
    },
  });
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
