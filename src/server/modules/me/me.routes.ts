import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  consent,
  consentInput,
  consentState,
  deletionRequest,
  deletionRequestInput,
  meExportQuery,
  person,
  personSelfUpdate,
} from "../../../common/api/person.js";
import { mePolicy } from "./me.policy.js";
import { correctOwnData, exportOwnData, getOwnConsents, getOwnPerson, recordOwnConsent } from "./me.service.js";
import { createOwnDeletionRequest, listOwnDeletionRequests } from "../deletion-requests/deletion-requests.service.js";
import { policyGuard } from "../../platform/policy.js";
import { myWork as myWorkSchema } from "../../../common/api/work.js";
import { myWork } from "./me.work.js";

// Self-service: the signed-in user's own data only (SECURITY.md 27). 404 NO_PERSON when the account has no person.
const self = policyGuard(mePolicy, "self");
const tags = ["me"];

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me/work",
    {
      config: self,
      schema: {
        tags,
        summary:
          "What waits for the signed-in user (Việc của tôi): per role, each item with its record, next action and the page where it is taken, waiting since and deadline; overdue first",
        response: { 200: myWorkSchema },
      },
    },
    async (req) => myWork(req.ctx),
  );
  app.get(
    "/me/person",
    { config: self, schema: { tags, summary: "The signed-in user's own person record, with contact data", response: { 200: person } } },
    async (req) => getOwnPerson(req.ctx),
  );
  app.put(
    "/me/person",
    {
      config: self,
      schema: {
        tags,
        summary: "Correct one's own record: send only the fields to change and the version read. Stale → 409.",
        body: personSelfUpdate,
        response: { 200: person },
      },
    },
    async (req) => correctOwnData(req.ctx, req.body),
  );
  app.get(
    "/me/export",
    {
      config: self,
      schema: {
        tags,
        summary: "Download all one's own data (account, person, affiliations, consents, deletion requests) as JSON or xlsx",
        querystring: meExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportOwnData(req.ctx, req.query.format);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("x-content-type-options", "nosniff")
        .send(file.body);
    },
  );
  app.get(
    "/me/consents",
    { config: self, schema: { tags, summary: "Consent per purpose: current state and history", response: { 200: consentState } } },
    async (req) => getOwnConsents(req.ctx),
  );
  app.post(
    "/me/consents",
    {
      config: self,
      schema: {
        tags,
        summary: "Grant or withdraw consent for one purpose; recorded with the time and the notice version",
        body: consentInput,
        response: { 201: consent },
      },
    },
    async (req, reply) => reply.status(201).send(await recordOwnConsent(req.ctx, req.body)),
  );
  app.post(
    "/me/deletion-requests",
    {
      config: self,
      schema: {
        tags,
        summary: "Ask for one's personal data to be deleted; one open request at a time (409 otherwise)",
        body: deletionRequestInput,
        response: { 201: deletionRequest },
      },
    },
    async (req, reply) => reply.status(201).send(await createOwnDeletionRequest(req.ctx, req.body)),
  );
  app.get(
    "/me/deletion-requests",
    {
      config: self,
      schema: { tags, summary: "One's own deletion requests, newest first", response: { 200: z.array(deletionRequest) } },
    },
    async (req) => listOwnDeletionRequests(req.ctx),
  );
};
