import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import {
  assignmentInput,
  assignmentResult,
  consolidatedTable as consolidatedTableSchema,
  formListResponse,
  formVersion,
  importQuery,
  period,
  periodInput,
  periodItem,
  periodListQuery,
  periodUpdate,
  report,
  reportApprove,
  reportItem,
  reportListQuery,
  reportPrefill as reportPrefillSchema,
  reportReturn,
  reportSave,
  reportUnapprove,
  unassignInput,
  unassignResult,
  versionOnly,
} from "../../../common/api/statistics.js";
import { XLSX_MEDIA_TYPE } from "../../platform/xlsx.js";
import { receiveUpload, sendDownload } from "../../platform/uploads.js";
import { notFound } from "../../platform/errors.js";
import { statisticsFormPolicy, statisticsPeriodPolicy, statisticsReportPolicy } from "./statistics.policy.js";
import { cellCount, formKeyOf, listFormVersions, loadFormDefinition } from "./statistics.forms.js";
import {
  approveReport,
  assignOrganisations,
  createPeriod,
  getPeriod,
  getReport,
  listPeriods,
  listReports,
  returnReport,
  saveReport,
  setPeriodStatus,
  submitReport,
  unapproveReport,
  unassignReports,
  updatePeriod,
} from "./statistics.service.js";
import { reportPrefill } from "./statistics.prefill.js";
import { consolidatedTable } from "./statistics.consolidation.js";
import { consolidatedWorkbook, importReport, reportTemplate } from "./statistics.xlsx.js";
import { type AbilityOf, policyGuard } from "../../platform/policy.js";

const formGuard = policyGuard(statisticsFormPolicy, "read");
const periodGuard = (ability: AbilityOf<typeof statisticsPeriodPolicy>) => ({ policy: { of: statisticsPeriodPolicy, ability } });
const reportGuard = (ability: AbilityOf<typeof statisticsReportPolicy>) => ({ policy: { of: statisticsReportPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const formKeyParam = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[0-9A-Za-z-]+$/);
const tags = ["statistics"];
const stale = "A stale version answers 409 VERSION_CONFLICT with details.current.";
const lockedNote =
  "An approved report answers 409 LOCKED; a status that does not allow the command 409 INVALID_STATE (details.state, details.allowed); " +
  "editing or submitting while the period is not open 409 GUARD_FAILED (details.reason).";

export const statisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  // ─── forms ───
  app.get(
    "/statistics/forms",
    {
      config: formGuard,
      schema: {
        tags,
        summary: "Statistical form templates (latest version of each; ?all=true for every stored version)",
        querystring: z.object({ all: z.enum(["true", "false"]).optional() }).strict(),
        response: { 200: formListResponse },
      },
    },
    async (req) => {
      const versions = await listFormVersions(req.ctx.db, req.query.all !== "true");
      const items = await Promise.all(versions.map(async (v) => ({ ...v, cellCount: cellCount(await loadFormDefinition(req.ctx.db, v.key, v.version)) })));
      return { items };
    },
  );
  const oneForm = async (db: Parameters<typeof listFormVersions>[0], key: string, version?: number) => {
    const all = await listFormVersions(db, false);
    const k = formKeyOf(key);
    const matches = all.filter((v) => v.key === k && (version === undefined || v.version === version));
    const v = matches[matches.length - 1];
    if (!v) throw notFound();
    const definition = await loadFormDefinition(db, v.key, v.version);
    return { ...v, cellCount: cellCount(definition), definition };
  };
  app.get(
    "/statistics/forms/:key",
    {
      config: formGuard,
      schema: {
        tags,
        summary: "The latest version of a form with its definition (sections, fields, tables, rules)",
        params: z.object({ key: formKeyParam }),
        response: { 200: formVersion },
      },
    },
    async (req) => oneForm(req.ctx.db, req.params.key),
  );
  app.get(
    "/statistics/forms/:key/versions/:version",
    {
      config: formGuard,
      schema: {
        tags,
        summary: "One stored version of a form",
        params: z.object({ key: formKeyParam, version: z.coerce.number().int().min(1).max(10000) }),
        response: { 200: formVersion },
      },
    },
    async (req) => oneForm(req.ctx.db, req.params.key, req.params.version),
  );

  // ─── periods ───
  app.get(
    "/statistics/periods",
    {
      config: periodGuard("list"),
      schema: { tags, summary: "Reporting periods with their completeness counts", querystring: periodListQuery, response: { 200: listResponse(periodItem) } },
    },
    async (req) => listPeriods(req.ctx, req.query),
  );
  app.post(
    "/statistics/periods",
    {
      config: periodGuard("create"),
      schema: {
        tags,
        summary: "Staff create a reporting period (draft; reference date 31/12 and deadline 01/02 by default)",
        body: periodInput,
        response: { 201: period },
      },
    },
    async (req, reply) => reply.status(201).send(await createPeriod(req.ctx, req.body)),
  );
  app.get(
    "/statistics/periods/:id",
    {
      config: periodGuard("list"),
      schema: {
        tags,
        summary: "A period with counts per form and the completeness / timeliness table per organisation",
        params: idParams,
        response: { 200: period },
      },
    },
    async (req) => getPeriod(req.ctx, req.params.id),
  );
  app.put(
    "/statistics/periods/:id",
    {
      config: periodGuard("update"),
      schema: { tags, summary: "Staff edit a period (its forms only while draft). " + stale, params: idParams, body: periodUpdate, response: { 200: period } },
    },
    async (req) => updatePeriod(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/statistics/periods/:id/open",
    {
      config: periodGuard("open"),
      schema: { tags, summary: "Open a draft period: reports can be filed. " + stale, params: idParams, body: versionOnly, response: { 200: period } },
    },
    async (req) => setPeriodStatus(req.ctx, req.params.id, "open", req.body.version),
  );
  app.post(
    "/statistics/periods/:id/close",
    {
      config: periodGuard("close"),
      schema: { tags, summary: "Close an open period: no more edits or submissions. " + stale, params: idParams, body: versionOnly, response: { 200: period } },
    },
    async (req) => setPeriodStatus(req.ctx, req.params.id, "close", req.body.version),
  );
  app.post(
    "/statistics/periods/:id/assignments",
    {
      config: periodGuard("assign"),
      schema: {
        tags,
        summary: "Assign organisations (bulk): one report per organisation and form; existing reports are kept",
        params: idParams,
        body: assignmentInput,
        response: { 200: assignmentResult },
      },
    },
    async (req) => assignOrganisations(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/statistics/periods/:id/assignments/remove",
    {
      config: periodGuard("assign"),
      schema: { tags, summary: "Remove assigned reports that were never started", params: idParams, body: unassignInput, response: { 200: unassignResult } },
    },
    async (req) => unassignReports(req.ctx, req.params.id, req.body),
  );
  app.get(
    "/statistics/periods/:id/consolidated/:formKey",
    {
      config: periodGuard("consolidate"),
      schema: {
        tags,
        summary: "The city's aggregate table of a form: SUM of the approved reports' cells (select answers counted per option)",
        params: z.object({ id: z.string().uuid(), formKey: formKeyParam }),
        response: { 200: consolidatedTableSchema },
      },
    },
    async (req) => {
      const { period: _p, ...table } = await consolidatedTable(req.ctx, req.params.id, req.params.formKey);
      return table;
    },
  );
  app.get(
    "/statistics/periods/:id/consolidated/:formKey/export.xlsx",
    {
      config: periodGuard("consolidate"),
      schema: {
        tags,
        summary: "The aggregate table as .xlsx in the official layout (audited)",
        params: z.object({ id: z.string().uuid(), formKey: formKeyParam }),
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .xlsx file") },
      },
    },
    async (req, reply) => {
      const file = await consolidatedWorkbook(req.ctx, req.params.id, req.params.formKey);
      return sendDownload(reply, { fileName: file.fileName, mediaType: XLSX_MEDIA_TYPE, content: file.content });
    },
  );

  // ─── reports ───
  app.get(
    "/statistics/reports",
    {
      config: reportGuard("list"),
      schema: {
        tags,
        summary: "Reports: staff and leaders see all, an org rep their organisation's; ?mine=true narrows to the caller's organisation",
        querystring: reportListQuery,
        response: { 200: listResponse(reportItem) },
      },
    },
    async (req) => listReports(req.ctx, req.query),
  );
  app.get(
    "/statistics/reports/:id",
    {
      config: reportGuard("list"),
      schema: { tags, summary: "A report with its values, validation messages, history and abilities", params: idParams, response: { 200: report } },
    },
    async (req) => getReport(req.ctx, req.params.id),
  );
  app.put(
    "/statistics/reports/:id",
    {
      config: reportGuard("edit"),
      schema: {
        tags,
        summary: "Save the draft (all values). Validation messages come back and are saved; errors do not block a draft. " + lockedNote + " " + stale,
        params: idParams,
        body: reportSave,
        response: { 200: report },
      },
    },
    async (req) => saveReport(req.ctx, req.params.id, req.body),
  );
  app.get(
    "/statistics/reports/:id/prefill",
    {
      config: reportGuard("list"),
      schema: {
        tags,
        summary: "Values the platform knows from its registries, with their sources (not saved)",
        params: idParams,
        response: { 200: reportPrefillSchema },
      },
    },
    async (req) => reportPrefill(req.ctx, req.params.id),
  );
  app.post(
    "/statistics/reports/:id/submit",
    {
      config: reportGuard("submit"),
      schema: {
        tags,
        summary: "Submit: refused (422 with details.messages) while errors remain. " + lockedNote + " " + stale,
        params: idParams,
        body: versionOnly,
        response: { 200: report },
      },
    },
    async (req) => submitReport(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    "/statistics/reports/:id/return",
    {
      config: reportGuard("review"),
      schema: {
        tags,
        summary: "An officer returns a submitted report with a comment. " + stale,
        params: idParams,
        body: reportReturn,
        response: { 200: report },
      },
    },
    async (req) => returnReport(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/statistics/reports/:id/approve",
    {
      config: reportGuard("review"),
      schema: {
        tags,
        summary: "An officer approves a submitted report: it is locked and counts in the consolidation. " + stale,
        params: idParams,
        body: reportApprove,
        response: { 200: report },
      },
    },
    async (req) => approveReport(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/statistics/reports/:id/unapprove",
    {
      config: reportGuard("unapprove"),
      schema: {
        tags,
        summary: "A leader or administrator withdraws an approval with a reason (audited); the report goes back to the organisation. " + stale,
        params: idParams,
        body: reportUnapprove,
        response: { 200: report },
      },
    },
    async (req) => unapproveReport(req.ctx, req.params.id, req.body),
  );
  app.get(
    "/statistics/reports/:id/export.xlsx",
    {
      config: reportGuard("list"),
      schema: {
        tags,
        summary: "The form's .xlsx template with the report's current values",
        params: idParams,
        produces: [XLSX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .xlsx file") },
      },
    },
    async (req, reply) => {
      const file = await reportTemplate(req.ctx, req.params.id);
      return sendDownload(reply, { fileName: file.fileName, mediaType: XLSX_MEDIA_TYPE, content: file.content });
    },
  );
  app.post(
    "/statistics/reports/:id/import",
    {
      config: reportGuard("edit"),
      schema: {
        tags,
        summary:
          "Upload the filled template (multipart field “file”; ?version=N). All or nothing: 422 STATISTICS_IMPORT_INVALID with details.errors (address, cellKey, message) when any cell is wrong. " +
          lockedNote,
        description:
          "multipart/form-data with one part, the file “file”: the report's own .xlsx (GET /api/v1/statistics/reports/{id}/export.xlsx) with the cells filled in; every cell is read back by its address.",
        params: idParams,
        querystring: importQuery,
        consumes: ["multipart/form-data"],
        multipart: { file: "the filled statistical report template", types: ["xlsx"] },
        response: { 200: report },
      },
    },
    async (req) => importReport(req.ctx, req.params.id, req.query.version, () => receiveUpload(req, ["xlsx"])),
  );
};
