import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { processTemplate, processVersion, processVersionInput, templateKeyParam } from "../../../common/processes/contract.js";
import { processTemplatePolicy } from "./process-templates.policy.js";
import { addVersion, getTemplate, getVersion, listTemplates } from "./process-templates.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof processTemplatePolicy>) => ({ policy: { of: processTemplatePolicy, ability } });
const keyParams = z.object({ key: templateKeyParam });
const versionParams = z.object({ key: templateKeyParam, version: z.coerce.number().int().min(1).max(1_000_000) });

export const processTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/process-templates",
    {
      config: guard("list"),
      schema: {
        tags: ["process-templates"],
        summary: "Process templates with their versions, legal basis and the version in force today",
        response: { 200: z.array(processTemplate) },
      },
    },
    async (req) => listTemplates(req.ctx),
  );
  app.get(
    "/process-templates/:key",
    { config: guard("read"), schema: { tags: ["process-templates"], params: keyParams, response: { 200: processTemplate } } },
    async (req) => getTemplate(req.ctx, req.params.key),
  );
  app.get(
    "/process-templates/:key/versions/:version",
    {
      config: guard("read"),
      schema: {
        tags: ["process-templates"],
        summary: "One version: its steps and transitions (roles, required documents, guards)",
        params: versionParams,
        response: { 200: processVersion },
      },
    },
    async (req) => getVersion(req.ctx, req.params.key, req.params.version),
  );
  app.post(
    "/process-templates/:key/versions",
    {
      config: guard("addVersion"),
      schema: {
        tags: ["process-templates"],
        summary: "Add the next version (administrators). Effective today or later; validated (400 lists every problem); stored versions never change.",
        params: keyParams,
        body: processVersionInput,
        response: { 201: processVersion },
      },
    },
    async (req, reply) => reply.status(201).send(await addVersion(req.ctx, req.params.key, req.body)),
  );
};
