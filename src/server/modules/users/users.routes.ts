import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { user, userDisable, userEnable, userInput, userListQuery, userPasswordReset, userSummary, userUpdate } from "../../../common/api/user.js";
import { userPolicy } from "./users.policy.js";
import { createUser, disableUser, enableUser, getUser, listUsers, resetPassword, resetTotp, unlockUser, updateUser } from "./users.service.js";
import type { AbilityOf } from "../../platform/policy.js";
import { command, registerCommandRoutes } from "../../platform/lifecycle-routes.js";
import { userLifecycle } from "./users.lifecycle.js";

const guard = (ability: AbilityOf<typeof userPolicy>) => ({ policy: { of: userPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const noBody = z.object({}).strict().optional();
const tags = ["users"];

// Account administration (admin only: every route is guarded by "read", which only administrators hold). Each command
// answers the account as it is afterwards.

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/users",
    {
      config: guard("list"),
      schema: { tags, summary: "Search, filter and page user accounts", querystring: userListQuery, response: { 200: listResponse(userSummary) } },
    },
    async (req) => listUsers(req.ctx, req.query),
  );
  app.get("/users/:id", { config: guard("read"), schema: { tags, params: idParams, response: { 200: user } } }, async (req) => getUser(req.ctx, req.params.id));
  app.post(
    "/users",
    {
      config: guard("create"),
      schema: { tags, summary: "Create an account with an initial password", body: userInput, response: { 201: user } },
    },
    async (req, reply) => reply.status(201).send(await createUser(req.ctx, req.body)),
  );
  app.put(
    "/users/:id",
    {
      config: guard("read"),
      schema: {
        tags,
        summary: "Edit name, e-mail, roles and links; send the version you read (stale → 409 with the current record)",
        params: idParams,
        body: userUpdate,
        response: { 200: user },
      },
    },
    async (req) => updateUser(req.ctx, req.params.id, req.body),
  );
  registerCommandRoutes(app, userLifecycle, {
    path: "/users/:id",
    tags,
    response: user,
    commands: {
      disable: command({
        guard: "read",
        body: userDisable,
        summary: "disable the account and end all its sessions (never one's own).",
        run: (ctx, p, body) => disableUser(ctx, p.id, body),
      }),
      enable: command({ guard: "read", body: userEnable, summary: "enable a disabled account.", run: (ctx, p, body) => enableUser(ctx, p.id, body) }),
    },
  });
  app.post(
    "/users/:id/unlock",
    {
      config: guard("read"),
      schema: {
        tags,
        summary: "Lift a sign-in lock after failed attempts (an account not locked: 409 GUARD_FAILED)",
        params: idParams,
        body: noBody,
        response: { 200: user },
      },
    },
    async (req) => unlockUser(req.ctx, req.params.id),
  );
  app.post(
    "/users/:id/reset-password",
    {
      config: guard("read"),
      schema: { tags, summary: "Set a new password and end the account's sessions", params: idParams, body: userPasswordReset, response: { 200: user } },
    },
    async (req) => resetPassword(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/users/:id/reset-totp",
    {
      config: guard("read"),
      schema: {
        tags,
        summary: "Remove the second factor (lost device); the next sign-in enrols a new one (none set up: 409 GUARD_FAILED)",
        params: idParams,
        body: noBody,
        response: { 200: user },
      },
    },
    async (req) => resetTotp(req.ctx, req.params.id),
  );
};
