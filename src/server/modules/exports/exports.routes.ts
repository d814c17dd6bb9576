// GET /organisations/export and GET /people/export: the list filters plus ?format=xlsx|csv → a file download.
// Who may export is the resource's own policy ("export" ability of organisationPolicy / personPolicy).
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { organisationListQuery } from "../../../common/api/organisation.js";
import { personListQuery } from "../../../common/api/person.js";
import { sendDownload } from "../../platform/uploads.js";
import { organisationPolicy } from "../organisations/organisations.policy.js";
import { personPolicy } from "../people/people.policy.js";
import { EXPORT_FORMATS, exportOrganisations, exportPeople } from "./exports.service.js";
import { policyGuard } from "../../platform/policy.js";

const format = z.enum(EXPORT_FORMATS).default("xlsx");
const organisationExportQuery = organisationListQuery.omit({ page: true, pageSize: true }).extend({ format });
const personExportQuery = personListQuery.omit({ page: true, pageSize: true }).extend({ format });
const file = z.string().describe("the .xlsx or .csv file");

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/organisations/export",
    {
      config: policyGuard(organisationPolicy, "export"),
      schema: {
        tags: ["organisations"],
        summary: "Export the filtered organisations (same filters as the list) as .xlsx or .csv",
        querystring: organisationExportQuery,
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
        response: { 200: file },
      },
    },
    async (req, reply) => sendDownload(reply, await exportOrganisations(req.ctx, req.query)),
  );
  app.get(
    "/people/export",
    {
      config: policyGuard(personPolicy, "export"),
      schema: {
        tags: ["people"],
        summary: "Export the filtered people (same filters as the list) as .xlsx or .csv; contact data only for staff",
        querystring: personExportQuery,
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
        response: { 200: file },
      },
    },
    async (req, reply) => sendDownload(reply, await exportPeople(req.ctx, req.query)),
  );
};
