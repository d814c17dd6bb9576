import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { deletionCompleteInput, deletionRejectInput, deletionRequest, deletionRequestListQuery } from "../../../common/api/person.js";
import { deletionRequestPolicy } from "./deletion-requests.policy.js";
import { completeDeletionRequest, getDeletionRequest, listDeletionRequests, rejectDeletionRequest } from "./deletion-requests.service.js";
import type { AbilityOf } from "../../platform/policy.js";
import { command, registerCommandRoutes } from "../../platform/lifecycle-routes.js";
import { deletionRequestLifecycle } from "./deletion-requests.lifecycle.js";

// The staff side of deletion requests. A person makes and follows their own requests under /me/deletion-requests.
const guard = (ability: AbilityOf<typeof deletionRequestPolicy>) => ({ policy: { of: deletionRequestPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });

export const deletionRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/deletion-requests",
    {
      config: guard("list"),
      schema: {
        tags: ["personal data"],
        summary: "Deletion requests to handle (admin, officer)",
        querystring: deletionRequestListQuery,
        response: { 200: listResponse(deletionRequest) },
      },
    },
    async (req) => listDeletionRequests(req.ctx, req.query),
  );
  app.get(
    "/deletion-requests/:id",
    {
      config: guard("read"),
      schema: {
        tags: ["personal data"],
        summary: "One deletion request: staff, or the person who asked; 404 for anyone else",
        params: idParams,
        response: { 200: deletionRequest },
      },
    },
    async (req) => getDeletionRequest(req.ctx, req.params.id),
  );
  registerCommandRoutes(app, deletionRequestLifecycle, {
    path: "/deletion-requests/:id",
    tags: ["personal data"],
    response: deletionRequest,
    commands: {
      complete: command({
        guard: "resolve",
        body: deletionCompleteInput,
        summary: "erases the person's personal data (name, contact, birth year, keywords, ORCID) and closes the request.",
        run: (ctx, p, body) => completeDeletionRequest(ctx, p.id, body),
      }),
      reject: command({
        guard: "resolve",
        body: deletionRejectInput,
        summary: "with a reason the person will read.",
        run: (ctx, p, body) => rejectDeletionRequest(ctx, p.id, body),
      }),
    },
  });
};
