import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { programme, programmeInput, programmeListQuery, programmeSummary, programmeUpdate } from "../../../common/api/programme.js";
import { programmePolicy } from "./programmes.policy.js";
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from "./programmes.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof programmePolicy>) => ({ policy: { of: programmePolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/programmes",
    {
      config: guard("list"),
      schema: {
        tags: ["programmes"],
        summary: "Search, filter (status, sector, field, year), sort and page the S&T programmes",
        querystring: programmeListQuery,
        response: { 200: listResponse(programmeSummary) },
      },
    },
    async (req) => listProgrammes(req.ctx, req.query),
  );
  app.get("/programmes/:id", { config: guard("read"), schema: { tags: ["programmes"], params: idParams, response: { 200: programme } } }, async (req) =>
    getProgramme(req.ctx, req.params.id),
  );
  app.post(
    "/programmes",
    { config: guard("create"), schema: { tags: ["programmes"], body: programmeInput, response: { 201: programme } } },
    async (req, reply) => reply.status(201).send(await createProgramme(req.ctx, req.body)),
  );
  app.put(
    "/programmes/:id",
    {
      config: guard("update"),
      schema: {
        tags: ["programmes"],
        summary: "Update; send the version you read. A stale version answers 409 with the current record.",
        params: idParams,
        body: programmeUpdate,
        response: { 200: programme },
      },
    },
    async (req) => updateProgramme(req.ctx, req.params.id, req.body),
  );
};
