import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import {
  computationItem,
  registryFigures,
  formatQuery,
  indicator,
  indicatorChart,
  indicatorExportQuery,
  indicatorInput,
  indicatorListItem,
  indicatorListQuery,
  indicatorPublish,
  indicatorUpdate,
  indicatorValueInput,
  publicCodeParams,
  publicIndicator,
  publicIndicatorItem,
  publicIndicatorQuery,
  series,
  seriesValueInput,
  seriesYearParams,
  versionQuery,
} from "../../../common/api/indicator.js";
import { XLSX_MEDIA_TYPE } from "../../platform/xlsx.js";
import { sendDownload } from "../../platform/uploads.js";
import { indicatorPolicy, seriesPolicy } from "./indicators.policy.js";
import {
  createIndicator,
  deleteIndicatorValue,
  getIndicator,
  indicatorChart as chartOfIndicator,
  listComputations,
  refreshComputedFigures,
  listIndicators,
  putIndicatorValue,
  setPublished,
  updateIndicator,
} from "./indicators.service.js";
import { exportIndicator, exportIndicatorList } from "./indicators.export.js";
import { deleteSeriesValue, listSeries, putSeriesValue } from "./series.service.js";
import { getPublicIndicator, listPublicIndicators, publicIndicatorFile } from "./public-indicators.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof indicatorPolicy>) => ({ policy: { of: indicatorPolicy, ability } });
const seriesGuard = (ability: AbilityOf<typeof seriesPolicy>) => ({ policy: { of: seriesPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const yearParams = idParams.extend({ year: z.coerce.number().int().min(1900).max(2200) });
const conflicts = "A stale version answers 409 VERSION_CONFLICT with the current record in details.current.";
const file = z.string().describe("the file");

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/indicators",
    {
      config: guard("read"),
      schema: {
        tags: ["indicators"],
        summary:
          "The plan's indicators with status, latest value and target; search (accent-insensitive), filters by status, target number, published and value source",
        querystring: indicatorListQuery,
        response: { 200: listResponse(indicatorListItem) },
      },
    },
    async (req) => listIndicators(req.ctx, req.query),
  );
  app.get(
    "/indicators/export",
    {
      config: guard("export"),
      schema: {
        tags: ["indicators"],
        summary: "The list (same filters) as csv or xlsx; audited",
        querystring: indicatorExportQuery,
        produces: ["text/csv", XLSX_MEDIA_TYPE],
        response: { 200: file },
      },
    },
    async (req, reply) => sendDownload(reply, await exportIndicatorList(req.ctx, req.query)),
  );
  app.get(
    "/indicators/computations",
    {
      config: guard("read"),
      schema: { tags: ["indicators"], summary: "Named computations a computed indicator may use", response: { 200: z.array(computationItem) } },
    },
    async () => listComputations(),
  );
  app.post(
    "/indicators/computations/refresh",
    {
      config: guard("refreshComputed"),
      schema: {
        tags: ["indicators"],
        summary: "Recount the people-registry figures behind the computed indicators now (the upkeep does it every 15 minutes); audited",
        response: { 200: registryFigures },
      },
    },
    async (req) => refreshComputedFigures(req.ctx),
  );
  app.get(
    "/indicators/series",
    {
      config: seriesGuard("read"),
      schema: {
        tags: ["indicators"],
        summary: "Input series (population, GDP, city spending) with their values and provenance",
        response: { 200: z.array(series) },
      },
    },
    async (req) => listSeries(req.ctx),
  );
  app.put(
    "/indicators/series/:key/values/:year",
    {
      config: seriesGuard("enterValues"),
      schema: {
        tags: ["indicators"],
        summary: "Enter or correct a series value for a year, with its source. " + conflicts,
        params: seriesYearParams,
        body: seriesValueInput,
        response: { 200: series },
      },
    },
    async (req) => putSeriesValue(req.ctx, req.params.key, req.params.year, req.body),
  );
  app.delete(
    "/indicators/series/:key/values/:year",
    {
      config: seriesGuard("enterValues"),
      schema: {
        tags: ["indicators"],
        summary: "Delete a series value. " + conflicts,
        params: seriesYearParams,
        querystring: versionQuery,
        response: { 200: series },
      },
    },
    async (req) => deleteSeriesValue(req.ctx, req.params.key, req.params.year, req.query.version),
  );
  app.post(
    "/indicators",
    {
      config: guard("create"),
      schema: { tags: ["indicators"], summary: "Define a new indicator (staff); audited", body: indicatorInput, response: { 201: indicator } },
    },
    async (req, reply) => reply.status(201).send(await createIndicator(req.ctx, req.body)),
  );
  app.get(
    "/indicators/:id",
    {
      config: guard("read"),
      schema: {
        tags: ["indicators"],
        summary: "One indicator: definition, baseline, targets, values, status with its numbers, chart data",
        params: idParams,
        response: { 200: indicator },
      },
    },
    async (req) => getIndicator(req.ctx, req.params.id),
  );
  app.get(
    "/indicators/:id/chart",
    {
      config: guard("read"),
      schema: { tags: ["indicators"], summary: "Actual values against the target path and the baseline", params: idParams, response: { 200: indicatorChart } },
    },
    async (req) => chartOfIndicator(req.ctx, req.params.id),
  );
  app.get(
    "/indicators/:id/export",
    {
      config: guard("export"),
      schema: {
        tags: ["indicators"],
        summary: "One indicator's baseline, targets and values (csv or xlsx); audited",
        params: idParams,
        querystring: formatQuery,
        produces: ["text/csv", XLSX_MEDIA_TYPE],
        response: { 200: file },
      },
    },
    async (req, reply) => sendDownload(reply, await exportIndicator(req.ctx, req.params.id, req.query.format)),
  );
  app.put(
    "/indicators/:id",
    {
      config: guard("edit"),
      schema: {
        tags: ["indicators"],
        summary: "Change an indicator's definition (staff); audited. " + conflicts,
        params: idParams,
        body: indicatorUpdate,
        response: { 200: indicator },
      },
    },
    async (req) => updateIndicator(req.ctx, req.params.id, req.body),
  );
  app.put(
    "/indicators/:id/values/:year",
    {
      config: guard("enterValues"),
      schema: {
        tags: ["indicators"],
        summary: "Enter or correct the value of a year with its provenance (staff); audited. " + conflicts,
        params: yearParams,
        body: indicatorValueInput,
        response: { 200: indicator },
      },
    },
    async (req) => putIndicatorValue(req.ctx, req.params.id, req.params.year, req.body),
  );
  app.delete(
    "/indicators/:id/values/:year",
    {
      config: guard("enterValues"),
      schema: {
        tags: ["indicators"],
        summary: "Delete an entered value (staff); audited. " + conflicts,
        params: yearParams,
        querystring: versionQuery,
        response: { 200: indicator },
      },
    },
    async (req) => deleteIndicatorValue(req.ctx, req.params.id, req.params.year, req.query.version),
  );
  app.post(
    "/indicators/:id/publish",
    {
      config: guard("publish"),
      schema: {
        tags: ["indicators"],
        summary: "Publish on the public pages (staff); audited. " + conflicts,
        params: idParams,
        body: indicatorPublish,
        response: { 200: indicator },
      },
    },
    async (req) => setPublished(req.ctx, req.params.id, true, req.body.version),
  );
  app.post(
    "/indicators/:id/unpublish",
    {
      config: guard("publish"),
      schema: {
        tags: ["indicators"],
        summary: "Withdraw from the public pages (staff); audited. " + conflicts,
        params: idParams,
        body: indicatorPublish,
        response: { 200: indicator },
      },
    },
    async (req) => setPublished(req.ctx, req.params.id, false, req.body.version),
  );

  await app.register(publicIndicatorRoutes);
};

/** Public routes (no sign-in): mounted under /api/v1 with the module and again under /api (the issue's
 *  /api/public/indicators…), the same handlers. */
export const publicIndicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const pub = { auth: "public" as const };
  app.get(
    "/public/indicators",
    {
      config: pub,
      schema: {
        tags: ["public"],
        summary: "Published indicators with status (no sign-in; rate-limited per address)",
        querystring: publicIndicatorQuery,
        response: { 200: listResponse(publicIndicatorItem) },
      },
    },
    async (req) => listPublicIndicators(req.ctx, req.query),
  );
  app.get(
    "/public/indicators/:code",
    {
      config: pub,
      schema: {
        tags: ["public"],
        summary: "One published indicator with values, target path and sources (404 when not published)",
        params: publicCodeParams,
        response: { 200: publicIndicator },
      },
    },
    async (req) => getPublicIndicator(req.ctx, req.params.code),
  );
  app.get(
    "/public/indicators/:code/data.json",
    {
      config: pub,
      schema: { tags: ["public"], summary: "Open data: the published indicator as JSON", params: publicCodeParams, response: { 200: publicIndicator } },
    },
    async (req) => getPublicIndicator(req.ctx, req.params.code),
  );
  app.get(
    "/public/indicators/:code/data.csv",
    {
      config: pub,
      schema: {
        tags: ["public"],
        summary: "Open data: baseline, targets and values as CSV (UTF-8, RFC 4180)",
        params: publicCodeParams,
        produces: ["text/csv"],
        response: { 200: file },
      },
    },
    async (req, reply) => sendDownload(reply, await publicIndicatorFile(req.ctx, req.params.code, "csv")),
  );
  app.get(
    "/public/indicators/:code/data.xlsx",
    {
      config: pub,
      schema: {
        tags: ["public"],
        summary: "Open data: baseline, targets and values as xlsx",
        params: publicCodeParams,
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: file },
      },
    },
    async (req, reply) => sendDownload(reply, await publicIndicatorFile(req.ctx, req.params.code, "xlsx")),
  );
};
