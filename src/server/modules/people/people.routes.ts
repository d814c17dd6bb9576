import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { person, personInput, personListQuery, personSummary, personUpdate } from "../../../common/api/person.js";
import { personPolicy } from "./people.policy.js";
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from "./people.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof personPolicy>) => ({ policy: { of: personPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/people",
    {
      config: guard("list"),
      schema: {
        tags: ["people"],
        summary: "Search (accent-insensitive), filter, sort and page the people registry. List items carry no contact data.",
        querystring: personListQuery,
        response: { 200: listResponse(personSummary) },
      },
    },
    async (req) => listPeople(req.ctx, req.query),
  );
  app.get(
    "/people/:id",
    {
      config: guard("read"),
      schema: {
        tags: ["people"],
        summary: "One person with affiliations; contact is null unless the caller is staff or the person",
        params: idParams,
        response: { 200: person },
      },
    },
    async (req) => getPerson(req.ctx, req.params.id),
  );
  app.post(
    "/people",
    {
      config: guard("create"),
      schema: { tags: ["people"], body: personInput, response: { 201: person } },
    },
    async (req, reply) => reply.status(201).send(await createPerson(req.ctx, req.body)),
  );
  app.put(
    "/people/:id",
    {
      config: guard("read"),
      schema: {
        tags: ["people"],
        summary: "Update; send the version you read. A stale version answers 409 with the current record.",
        params: idParams,
        body: personUpdate,
        response: { 200: person },
      },
    },
    async (req) => updatePerson(req.ctx, req.params.id, req.body),
  );
  app.delete(
    "/people/:id",
    {
      config: guard("read"),
      schema: {
        tags: ["people"],
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }).strict(),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deletePerson(req.ctx, req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
};
