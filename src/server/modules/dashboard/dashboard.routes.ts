import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { dashboardSummary as summarySchema } from "../../../common/contracts/dashboard.js";
import { dashboardPolicy } from "./dashboard.policy.js";
import { dashboardSummary } from "./dashboard.service.js";

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dashboard/summary",
    {
      config: { policy: { of: dashboardPolicy, ability: "summary" } },
      schema: {
        tags: ["dashboard"],
        summary: "Counts and breakdowns of the people and organisations registries for the home page",
        response: { 200: summarySchema },
      },
    },
    async (req) => dashboardSummary(req.ctx),
  );
};
