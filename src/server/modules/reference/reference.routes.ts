import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { CODE_LIST_KEYS } from "../../../common/reference.js";
import { currentCodes, listVersions } from "./reference.service.js";
import { referencePolicy } from "./reference.policy.js";
import { vietnamDate } from "../../platform/clock.js";
import { policyGuard } from "../../platform/policy.js";

const code = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  labelVi: z.string(),
  labelEn: z.string(),
});

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/reference/:list",
    {
      config: { auth: "public" },
      schema: {
        tags: ["reference"],
        summary: "Codes of a reference list, in the version in force",
        params: z.object({ list: z.enum(CODE_LIST_KEYS) }),
        response: { 200: z.object({ list: z.string(), version: z.number().int(), codes: z.array(code) }) },
      },
    },
    async (req) => ({ list: req.params.list, ...(await currentCodes(req.ctx.db, req.params.list, vietnamDate(req.ctx.clock.now()))) }),
  );
  app.get(
    "/reference-versions",
    {
      config: policyGuard(referencePolicy, "versions"),
      schema: {
        tags: ["reference"],
        summary: "Every version of every code list with its legal basis",
        response: {
          200: z.array(
            z.object({
              listKey: z.string(),
              version: z.number().int(),
              effectiveFrom: z.string(),
              legalBasis: z.string(),
              note: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (req) => listVersions(req.ctx.db),
  );
};
