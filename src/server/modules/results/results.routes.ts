import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import {
  applicationInput,
  applicationReport,
  applicationReview,
  applicationUpdate,
  internalAcceptance,
  internalAcceptanceInput,
  publicResult,
  publicResultItem,
  publicResultQuery,
  resultSummary,
  resultSummaryInput,
  taskResults,
} from "../../../common/api/result.js";
import { resultPolicy } from "./results.policy.js";
import { applicationLifecycle } from "./results.lifecycle.js";
import { command, registerCommandRoutes } from "../../platform/lifecycle-routes.js";
import { fileApplication, getTaskResults, reviewApplication, saveInternalAcceptance, saveResultSummary, updateApplication } from "./results.service.js";
import { getPublicResult, listPublicResults } from "./public-results.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const resultGuard = (ability: AbilityOf<typeof resultPolicy>) => ({ policy: { of: resultPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const conflicts =
  "A task at a step that does not allow this answers 409 GUARD_FAILED (details.reason); an application report's status that does not allow " +
  "the command 409 INVALID_STATE (details.state, details.allowed), an accepted one 409 LOCKED; a stale version 409 VERSION_CONFLICT with the current record.";
const rule = "A task at a step that does not allow this answers 409 GUARD_FAILED (details.reason).";

export const resultRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/tasks/:id/results",
    {
      config: resultGuard("read"),
      schema: {
        tags: ["results"],
        summary: "The task's internal acceptance, result summary and application reports, with what the caller may do",
        params: idParams,
        response: { 200: taskResults },
      },
    },
    async (req) => getTaskResults(req.ctx, req.params.id),
  );
  app.put(
    "/tasks/:id/internal-acceptance",
    {
      config: resultGuard("recordInternalAcceptance"),
      schema: {
        tags: ["results"],
        summary: "The PI / org rep records the internal acceptance (nghiệm thu cơ sở) while the task is at internal_acceptance. " + conflicts,
        params: idParams,
        body: internalAcceptanceInput,
        response: { 200: internalAcceptance },
      },
    },
    async (req) => saveInternalAcceptance(req.ctx, req.params.id, req.body),
  );
  app.put(
    "/tasks/:id/result-summary",
    {
      config: resultGuard("editSummary"),
      schema: {
        tags: ["results"],
        summary: "The PI / org rep or an officer writes the public summary of the result; public once the result is registered. " + conflicts,
        params: idParams,
        body: resultSummaryInput,
        response: { 200: resultSummary },
      },
    },
    async (req) => saveResultSummary(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/tasks/:id/applications",
    {
      config: resultGuard("fileApplication"),
      schema: {
        tags: ["results"],
        summary: "The PI / org rep files a report on the application of the registered result. " + conflicts,
        params: idParams,
        body: applicationInput,
        response: { 201: applicationReport },
      },
    },
    async (req, reply) => reply.status(201).send(await fileApplication(req.ctx, req.params.id, req.body)),
  );
  registerCommandRoutes(app, applicationLifecycle, {
    path: "/tasks/:id/applications/:applicationId",
    tags: ["results"],
    response: applicationReport,
    commands: {
      update: command({
        method: "PUT",
        path: "",
        body: applicationUpdate,
        summary: "the PI / org rep corrects an application report not yet accepted (it is filed again). " + rule,
        run: (ctx, p, body) => updateApplication(ctx, p.id, p.applicationId, body),
      }),
      accept: command({
        path: "review",
        body: applicationReview,
        summary: "an officer accepts a submitted application report or returns it for revision (decision return, with a comment). " + rule,
        run: (ctx, p, body) => reviewApplication(ctx, p.id, p.applicationId, body),
      }),
      return: { routedAs: "accept", why: "one review route accepts a report or returns it, as its body decides" },
    },
  });
  app.get(
    "/public/results",
    {
      config: { auth: "public" },
      schema: {
        tags: ["public"],
        summary: "Registered results (no sign-in): accent-insensitive search, filter by field, sector and year; rate-limited per address",
        querystring: publicResultQuery,
        response: { 200: listResponse(publicResultItem) },
      },
    },
    async (req) => listPublicResults(req.ctx, req.query),
  );
  app.get(
    "/public/results/:id",
    {
      config: { auth: "public" },
      schema: {
        tags: ["public"],
        summary: "One registered result (no sign-in); 404 for a task whose result is not registered or has no summary",
        params: idParams,
        response: { 200: publicResult },
      },
    },
    async (req) => getPublicResult(req.ctx, req.params.id),
  );
};
