import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { taskAnalytics, taskAnalyticsQuery } from "../../../common/api/task-analytics.js";
import { sendDownload } from "../../platform/uploads.js";
import { XLSX_MEDIA_TYPE } from "../../platform/xlsx.js";
import { taskAnalyticsPolicy } from "./task-analytics.policy.js";
import { exportTaskAnalytics, taskAnalyticsReport } from "./task-analytics.service.js";
import { policyGuard } from "../../platform/policy.js";

export const taskAnalyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/task-analytics",
    {
      config: policyGuard(taskAnalyticsPolicy, "read"),
      schema: {
        tags: ["task-analytics"],
        summary:
          "Counts and money of S&T tasks by field, sector, status group, year, programme, lead organisation and type; outputs; the plan's 1996–2012 figures",
        querystring: taskAnalyticsQuery,
        response: { 200: taskAnalytics },
      },
    },
    async (req) => taskAnalyticsReport(req.ctx, req.query),
  );
  app.get(
    "/task-analytics/export.xlsx",
    {
      config: policyGuard(taskAnalyticsPolicy, "export"),
      schema: {
        tags: ["task-analytics"],
        summary: "The same tables as an .xlsx workbook (one sheet each), with the same filters; audited",
        querystring: taskAnalyticsQuery,
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .xlsx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await exportTaskAnalytics(req.ctx, req.query)),
  );
};
