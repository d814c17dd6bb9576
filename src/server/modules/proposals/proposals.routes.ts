import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { proposalInput, proposalListQuery, proposalUpdate, task, taskListItem } from "../../../common/api/task.js";
import { taskPolicy } from "../tasks/tasks.policy.js";
import { createProposal, listProposals, updateProposal } from "./proposals.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof taskPolicy>) => ({ policy: { of: taskPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });

export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/proposals",
    {
      config: guard("list"),
      schema: {
        tags: ["proposals"],
        summary: "Tasks still at the proposal steps: staff see all, others their own or their organisation's",
        querystring: proposalListQuery,
        response: { 200: listResponse(taskListItem) },
      },
    },
    async (req) => listProposals(req.ctx, req.query),
  );
  app.post(
    "/proposals",
    {
      config: guard("propose"),
      schema: {
        tags: ["proposals"],
        summary: "Propose a task into a published proposal call that accepts now (server time); 409 CALL_NOT_ACCEPTING with the reason",
        body: proposalInput,
        response: { 201: task },
      },
    },
    async (req, reply) => reply.status(201).send(await createProposal(req.ctx, req.body)),
  );
  app.put(
    "/proposals/:id",
    {
      config: guard("propose"),
      schema: {
        tags: ["proposals"],
        summary: "The proposer edits the proposal while it is at the initial step and the call still accepts; send the version you read",
        params: idParams,
        body: proposalUpdate,
        response: { 200: task },
      },
    },
    async (req) => updateProposal(req.ctx, req.params.id, req.body),
  );
};
