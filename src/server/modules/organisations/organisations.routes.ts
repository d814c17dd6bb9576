import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { organisation, organisationInput, organisationListQuery, organisationSummary, organisationUpdate } from "../../../common/api/organisation.js";
import { organisationPolicy } from "./organisations.policy.js";
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from "./organisations.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof organisationPolicy>) => ({ policy: { of: organisationPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });

export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/organisations",
    {
      config: guard("list"),
      schema: {
        tags: ["organisations"],
        summary: "Search, filter, sort and page the organisations registry",
        querystring: organisationListQuery,
        response: { 200: listResponse(organisationSummary) },
      },
    },
    async (req) => listOrganisations(req.ctx, req.query),
  );
  app.get(
    "/organisations/:id",
    {
      config: guard("read"),
      schema: { tags: ["organisations"], params: idParams, response: { 200: organisation } },
    },
    async (req) => getOrganisation(req.ctx, req.params.id),
  );
  app.post(
    "/organisations",
    {
      config: guard("create"),
      schema: { tags: ["organisations"], body: organisationInput, response: { 201: organisation } },
    },
    async (req, reply) => reply.status(201).send(await createOrganisation(req.ctx, req.body)),
  );
  app.put(
    "/organisations/:id",
    {
      config: guard("read"),
      schema: {
        tags: ["organisations"],
        summary: "Update; send the version you read. A stale version answers 409 with the current record.",
        params: idParams,
        body: organisationUpdate,
        response: { 200: organisation },
      },
    },
    async (req) => updateOrganisation(req.ctx, req.params.id, req.body),
  );
  app.delete(
    "/organisations/:id",
    {
      config: guard("read"),
      schema: {
        tags: ["organisations"],
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }).strict(),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteOrganisation(req.ctx, req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
};
