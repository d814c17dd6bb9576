import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import { auditEntry, auditListQuery, auditVerification } from "../../../common/api/audit.js";
import { auditPolicy } from "./audit.policy.js";
import { listAudit, verifyAudit } from "./audit.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof auditPolicy>) => ({ policy: { of: auditPolicy, ability } });
const tags = ["audit"];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit",
    {
      config: guard("list"),
      schema: {
        tags,
        summary: "Filter and page the audit log, newest first (sort=at for oldest first)",
        querystring: auditListQuery,
        response: { 200: listResponse(auditEntry) },
      },
    },
    async (req) => listAudit(req.ctx, req.query),
  );
  app.get(
    "/audit/verify",
    {
      config: guard("verify"),
      schema: {
        tags,
        summary: "Recompute the hash chain; brokenAt is the first row that does not match",
        response: { 200: auditVerification },
      },
    },
    async (req) => verifyAudit(req.ctx),
  );
};
