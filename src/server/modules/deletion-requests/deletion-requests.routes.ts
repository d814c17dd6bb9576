import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { deletionCompleteInput, deletionRejectInput, deletionRequest, deletionRequestListQuery } from "../../../common/api/person.js";
import { deletionRequestPolicy } from "./deletion-requests.policy.js";
import { completeDeletionRequest, getDeletionRequest, listDeletionRequests, rejectDeletionRequest } from "./deletion-requests.service.js";
import type { AbilityOf } from "../../platform/policy.js";

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
  app.post(
    "/deletion-requests/:id/complete",
    {
      config: guard("resolve"),
      schema: {
        tags: ["personal data"],
        summary: "Complete: erases the person's personal data (name, contact, birth year, keywords, ORCID) and closes the request",
        params: idParams,
        body: deletionCompleteInput,
        response: { 200: deletionRequest },
      },
    },
    async (req) => completeDeletionRequest(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/deletion-requests/:id/reject",
    {
      config: guard("resolve"),
      schema: {
        tags: ["personal data"],
        summary: "Reject with a reason the person will read",
        params: idParams,
        body: deletionRejectInput,
        response: { 200: deletionRequest },
      },
    },
    async (req) => rejectDeletionRequest(req.ctx, req.params.id, req.body),
  );
};
