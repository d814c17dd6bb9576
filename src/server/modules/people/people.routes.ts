import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { person, personInput, personListQuery, personSummary, personUpdate } from "../../../common/api/person.js";
import { personPolicy } from "./people.policy.js";
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from "./people.service.js";
import type { AbilityOf } from "../../platform/policy.js";
import { personActivities } from "../../../common/api/person-activities.js";
import { DOCX_MEDIA_TYPE } from "../../documents/index.js";
import { sendDownload } from "../../platform/uploads.js";
import { getPersonActivities } from "./people.service.js";
import { personCvDocument } from "./people.documents.js";

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
  app.get(
    "/people/:id/activities",
    {
      config: guard("read"),
      schema: {
        tags: ["people"],
        summary:
          "The person's tasks led or joined, councils sat on (membership, no scores) and registered results, each listed only when the caller may know it, with whether the caller may open it",
        params: idParams,
        response: { 200: personActivities },
      },
    },
    async (req) => getPersonActivities(req.ctx, req.params.id),
  );
  app.get(
    "/people/:id/cv.docx",
    {
      config: guard("read"),
      schema: {
        tags: ["people"],
        summary:
          "The person's scientific CV (.docx, form B1-4-LLCN): the record as the caller may read it (contact data only for staff and the person) and the activities the caller may know; audited as an export",
        params: idParams,
        produces: [DOCX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .docx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await personCvDocument(req.ctx, req.params.id)),
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
