import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { dashboardSummary as summarySchema } from "../../../common/api/dashboard.js";
import { dashboardPolicy } from "./dashboard.policy.js";
import { dashboardSummary } from "./dashboard.service.js";
import { leadershipDashboard as leadershipSchema } from "../../../common/api/leadership.js";
import { leadershipDashboard } from "./leadership.service.js";
import { policyGuard } from "../../platform/policy.js";

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dashboard/summary",
    {
      config: policyGuard(dashboardPolicy, "summary"),
      schema: {
        tags: ["dashboard"],
        summary: "Counts and breakdowns of the people and organisations registries for the home page",
        response: { 200: summarySchema },
      },
    },
    async (req) => dashboardSummary(req.ctx),
  );
  app.get(
    "/dashboard/leadership",
    {
      config: policyGuard(dashboardPolicy, "leadership"),
      schema: {
        tags: ["dashboard"],
        summary:
          "Leadership dashboard: the plan's indicators with their status, tasks and money, the S&T budget against 2% of spending, reporting completeness",
        response: { 200: leadershipSchema },
      },
    },
    async (req) => leadershipDashboard(req.ctx),
  );
};
