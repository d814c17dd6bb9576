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
import { command, registerCommandRoutes } from "../../platform/lifecycle-routes.js";
import { statisticsPeriodLifecycle, statisticsReportLifecycle } from "./statistics.lifecycle.js";

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
const periodNote = "Editing or submitting while the period is not open answers 409 GUARD_FAILED (details.reason).";

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
  registerCommandRoutes(app, statisticsPeriodLifecycle, {
    path: "/statistics/periods/:id",
    tags,
    response: period,
    commands: {
      update: command({
        method: "PUT",
        path: "",
        body: periodUpdate,
        summary: "staff edit a period (its forms only while draft).",
        run: (ctx, p, body) => updatePeriod(ctx, p.id, body),
      }),
      open: command({ body: versionOnly, summary: "reports can be filed.", run: (ctx, p, body) => setPeriodStatus(ctx, p.id, "open", body.version) }),
      close: command({
        body: versionOnly,
        summary: "no more edits or submissions.",
        run: (ctx, p, body) => setPeriodStatus(ctx, p.id, "close", body.version),
      }),
      assign: [
        command({
          path: "assignments",
          body: assignmentInput,
          response: assignmentResult,
          summary: "assign organisations (bulk): one report per organisation and form; existing reports are kept.",
          run: (ctx, p, body) => assignOrganisations(ctx, p.id, body),
        }),
        command({
          path: "assignments/remove",
          body: unassignInput,
          response: unassignResult,
          summary: "remove assigned reports that were never started.",
          run: (ctx, p, body) => unassignReports(ctx, p.id, body),
        }),
      ],
    },
  });
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
  registerCommandRoutes(app, statisticsReportLifecycle, {
    path: "/statistics/reports/:id",
    tags,
    response: report,
    commands: {
      edit: [
        command({
          method: "PUT",
          path: "",
          body: reportSave,
          summary: "save the draft (all values). Validation messages come back and are saved; errors do not block a draft. " + periodNote,
          run: (ctx, p, body) => saveReport(ctx, p.id, body),
        }),
        command({
          path: "import",
          querystring: importQuery,
          body: z.unknown(),
          multipart: { file: "the filled statistical report template", types: ["xlsx"] },
          summary:
            "upload the filled template (multipart field “file”; ?version=N). All or nothing: 422 STATISTICS_IMPORT_INVALID with details.errors (address, cellKey, message) when any cell is wrong. " +
            periodNote,
          description:
            "multipart/form-data with one part, the file “file”: the report's own .xlsx (GET /api/v1/statistics/reports/{id}/export.xlsx) with the cells filled in; every cell is read back by its address.",
          run: (ctx, p, _body, req) => importReport(ctx, p.id, (req.query as z.infer<typeof importQuery>).version, () => receiveUpload(req, ["xlsx"])),
        }),
      ],
      submit: command({
        body: versionOnly,
        summary: "refused (422 with details.messages) while errors remain. " + periodNote,
        run: (ctx, p, body) => submitReport(ctx, p.id, body.version),
      }),
      return: command({
        body: reportReturn,
        summary: "an officer returns a submitted report with a comment.",
        run: (ctx, p, body) => returnReport(ctx, p.id, body),
      }),
      approve: command({
        body: reportApprove,
        summary: "an officer approves a submitted report: it is locked and counts in the consolidation.",
        run: (ctx, p, body) => approveReport(ctx, p.id, body),
      }),
      unapprove: command({
        body: reportUnapprove,
        summary: "a leader or administrator withdraws an approval with a reason (audited); the report goes back to the organisation.",
        run: (ctx, p, body) => unapproveReport(ctx, p.id, body),
      }),
      remove: { route: "POST /statistics/periods/:id/assignments/remove", why: "reports never started are removed in bulk from their period" },
    },
  });
};
