import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actual, actualInput, actualUpdate, fundingPlanList, fundingPlanVersion, scenarioInput, tracking } from "../../../common/api/funding-plan.js";
import { sendDownload } from "../../platform/uploads.js";
import { XLSX_MEDIA_TYPE } from "../../platform/xlsx.js";
import { fundingActualPolicy, fundingPlanPolicy } from "./funding-plans.policy.js";
import {
  createActual,
  createScenario,
  deleteActual,
  exportVersion,
  getActual,
  getVersion,
  listVersions,
  trackingReport,
  updateActual,
} from "./funding-plans.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const plan = (ability: AbilityOf<typeof fundingPlanPolicy>) => ({ policy: { of: fundingPlanPolicy, ability } });
const actuals = (ability: AbilityOf<typeof fundingActualPolicy>) => ({ policy: { of: fundingActualPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const tags = ["funding-plans"];

export const fundingPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/funding-plans",
    {
      config: plan("list"),
      schema: { tags, summary: "Versions of the 2014–2020 funding plan: the baseline (as printed) and named scenarios", response: { 200: fundingPlanList } },
    },
    async (req) => listVersions(req.ctx),
  );
  app.post(
    "/funding-plans",
    {
      config: plan("createScenario"),
      schema: {
        tags,
        summary: "Save a named what-if scenario: a new immutable version of the inputs (GDP, spending, shares per year)",
        body: scenarioInput,
        response: { 201: fundingPlanVersion },
      },
    },
    async (req, reply) => reply.status(201).send(await createScenario(req.ctx, req.body)),
  );
  app.get(
    "/funding-plans/tracking",
    {
      config: actuals("list"),
      schema: {
        tags,
        summary: "Actual allocations per year against the plan and the 2%-of-spending and %-of-GDP targets (billion VND)",
        response: { 200: tracking },
      },
    },
    async (req) => trackingReport(req.ctx),
  );
  app.post(
    "/funding-plans/actuals",
    {
      config: actuals("create"),
      schema: { tags, summary: "Record a year's actual allocations (đồng) with their source", body: actualInput, response: { 201: actual } },
    },
    async (req, reply) => reply.status(201).send(await createActual(req.ctx, req.body)),
  );
  app.get("/funding-plans/actuals/:id", { config: actuals("list"), schema: { tags, params: idParams, response: { 200: actual } } }, async (req) =>
    getActual(req.ctx, req.params.id),
  );
  app.put(
    "/funding-plans/actuals/:id",
    {
      config: actuals("edit"),
      schema: {
        tags,
        summary: "Correct a year's actual allocations; send the version you read (409 with the current record when stale)",
        params: idParams,
        body: actualUpdate,
        response: { 200: actual },
      },
    },
    async (req) => updateActual(req.ctx, req.params.id, req.body),
  );
  app.delete(
    "/funding-plans/actuals/:id",
    {
      config: actuals("edit"),
      schema: {
        tags,
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }).strict(),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteActual(req.ctx, req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  app.get(
    "/funding-plans/:id",
    {
      config: plan("read"),
      schema: {
        tags,
        summary: "One version: every cell recomputed with its arithmetic, beside the printed value (baseline) or the baseline (scenario); flagged cells",
        params: idParams,
        response: { 200: fundingPlanVersion },
      },
    },
    async (req) => getVersion(req.ctx, req.params.id),
  );
  app.get(
    "/funding-plans/:id/export.xlsx",
    {
      config: plan("export"),
      schema: {
        tags,
        summary: "The version's table (printed vs recomputed, differences, arithmetic), inputs and flagged cells as .xlsx; audited",
        params: idParams,
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .xlsx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await exportVersion(req.ctx, req.params.id)),
  );
};
