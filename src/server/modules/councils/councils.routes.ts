import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import {
  attendanceInput,
  ballot,
  ballotInput,
  ballotParams,
  ballotsView,
  conflictCheck,
  conflictCheckInput,
  council,
  councilInput,
  councilListQuery,
  councilReasonBody,
  councilSummary,
  councilUpdate,
  councilVersionBody,
  declarationInput,
  memberInput,
  memberParams,
  myCouncils as myCouncilsSchema,
  paperDeclarationInput,
  taskCouncils,
  taskCouncilsParams,
} from "../../../common/api/council.js";
import { councilPolicy } from "./councils.policy.js";
import { councilEstablishmentDocument, councilMinutesDocument } from "./councils.documents.js";
import { sendDownload } from "../../platform/uploads.js";
import { DOCX_MEDIA_TYPE } from "../../documents/index.js";
import {
  addMember,
  checkConflict,
  councilsOfTask,
  createCouncil,
  getCouncil,
  listBallots,
  listCouncils,
  myCouncils,
  overrideMemberConflict,
  recordAttendance,
  recordPaperDeclaration,
  removeMember,
  saveBallot,
  signDeclaration,
  transitionCouncil,
  updateCouncil,
  type CouncilAction,
} from "./councils.service.js";
import type { AbilityOf } from "../../platform/policy.js";

const guard = (ability: AbilityOf<typeof councilPolicy>) => ({ policy: { of: councilPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const tags = ["councils"];
const stale =
  "A stale version answers 409 VERSION_CONFLICT with the current council; a concluded council answers 409 LOCKED; another state that does not allow the action answers 409 INVALID_STATE naming the state and the actions possible in it.";

export const councilRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/councils",
    {
      config: guard("list"),
      schema: {
        tags,
        summary: "Search, filter (kind, status, task) and page councils (officers, leaders)",
        querystring: councilListQuery,
        response: { 200: listResponse(councilSummary) },
      },
    },
    async (req) => listCouncils(req.ctx, req.query),
  );
  app.get(
    "/councils/mine",
    {
      config: guard("mine"),
      schema: { tags, summary: "The signed-in expert's councils and how many of their ballots are submitted", response: { 200: myCouncilsSchema } },
    },
    async (req) => myCouncils(req.ctx),
  );
  app.get(
    "/councils/of-task/:taskId",
    {
      config: guard("ofTask"),
      schema: {
        tags,
        summary:
          "The councils of one task (for the task page): only those the signed-in user may read — officers, administrators and leaders all, members those they sit on, an applicant those considering their own dossier or proposal (a selection council: its dossiers' owners, PIs and organisations only)",
        params: taskCouncilsParams,
        response: { 200: taskCouncils },
      },
    },
    async (req) => councilsOfTask(req.ctx, req.params.taskId),
  );
  app.get(
    "/councils/:id",
    {
      config: guard("read"),
      schema: {
        tags,
        summary:
          "One council: rule set, quorum, subjects with their scoring criteria, members, results after conclusion. Staff, leaders and members see every subject; an applicant (dossier owner, PI or organisation of a subject) only their own subject and its aggregated result, without rank or members; anyone else 404",
        params: idParams,
        response: { 200: council },
      },
    },
    async (req) => getCouncil(req.ctx, req.params.id),
  );
  app.get(
    "/councils/:id/establishment.docx",
    {
      config: guard("read"),
      schema: {
        tags,
        summary:
          "The decision establishing the council (.docx, NĐ 30/2020): subjects, members with roles and workplaces; staff, leaders and members (not the parties); audited as an export",
        params: idParams,
        produces: [DOCX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .docx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await councilEstablishmentDocument(req.ctx, req.params.id)),
  );
  app.get(
    "/councils/:id/minutes.docx",
    {
      config: guard("viewScores"),
      schema: {
        tags,
        summary:
          "The minutes of the meeting (.docx, NĐ 30/2020) with every member's scores: officers and administrators only, after conclusion (409 before); audited as an export and a score view",
        params: idParams,
        produces: [DOCX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .docx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await councilMinutesDocument(req.ctx, req.params.id)),
  );
  app.post(
    "/councils",
    {
      config: guard("create"),
      schema: {
        tags,
        summary: "Create a draft council: identification takes several proposals; selection one task (its valid dossiers); appraisal and acceptance one task",
        body: councilInput,
        response: { 201: council },
      },
    },
    async (req, reply) => reply.status(201).send(await createCouncil(req.ctx, req.body)),
  );
  app.put(
    "/councils/:id",
    { config: guard("update"), schema: { tags, summary: "Edit a draft council. " + stale, params: idParams, body: councilUpdate, response: { 200: council } } },
    async (req) => updateCouncil(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/councils/:id/conflict-check",
    {
      config: guard("members"),
      schema: {
        tags,
        summary: "Check a person for conflicts of interest with the council's subjects, explained line by line (kept)",
        params: idParams,
        body: conflictCheckInput,
        response: { 200: conflictCheck },
      },
    },
    async (req) => checkConflict(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/councils/:id/members",
    {
      config: guard("members"),
      schema: {
        tags,
        summary:
          "Add a member (draft council): a conflict of interest answers 409 CONFLICT_OF_INTEREST with the lines unless a leader/admin overrides with a reason. " +
          stale,
        params: idParams,
        body: memberInput,
        response: { 200: council },
      },
    },
    async (req) => addMember(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/councils/:id/members/:memberId/remove",
    {
      config: guard("members"),
      schema: { tags, summary: "Remove a member (draft council). " + stale, params: memberParams, body: councilVersionBody, response: { 200: council } },
    },
    async (req) => removeMember(req.ctx, req.params.id, req.params.memberId, req.body.version),
  );
  app.post(
    "/councils/:id/members/:memberId/override-conflict",
    {
      config: guard("overrideConflict"),
      schema: {
        tags,
        summary:
          "A leader or administrator overrides, with a reason (audited), a conflict of interest found late for a sitting member — at invitation or before a ballot, the check runs again on the current registries and blocks the member (draft, invited or in session). The check runs again now; nothing blocking answers 409 NO_CONFLICT. " +
          stale,
        params: memberParams,
        body: councilReasonBody,
        response: { 200: council },
      },
    },
    async (req) => overrideMemberConflict(req.ctx, req.params.id, req.params.memberId, req.body),
  );
  app.post(
    "/councils/:id/attendance",
    {
      config: guard("attend"),
      schema: {
        tags,
        summary: "Record who is present (and a vice-chair's authorisation to chair); recomputes the quorum. " + stale,
        params: idParams,
        body: attendanceInput,
        response: { 200: council },
      },
    },
    async (req) => recordAttendance(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/councils/:id/declaration",
    {
      config: guard("declare"),
      schema: {
        tags,
        summary: "The signed-in member signs the conflict-of-interest declaration (needed before scoring)",
        params: idParams,
        body: declarationInput,
        response: { 200: council },
      },
    },
    async (req) => signDeclaration(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/councils/:id/members/:memberId/paper-declaration",
    {
      config: guard("paperDeclaration"),
      schema: {
        tags,
        summary:
          "The secretary (officer) records a member's conflict-of-interest declaration signed on paper, with the day it was signed (invited or in session; audited); the member's paper ballots can then be entered. " +
          stale,
        params: memberParams,
        body: paperDeclarationInput,
        response: { 200: council },
      },
    },
    async (req) => recordPaperDeclaration(req.ctx, req.params.id, req.params.memberId, req.body),
  );
  app.get(
    "/councils/:id/ballots",
    {
      config: guard("viewScores"),
      schema: {
        tags,
        summary: "Individual ballots: the member's own; every ballot for officers after conclusion. Audited.",
        params: idParams,
        response: { 200: ballotsView },
      },
    },
    async (req) => listBallots(req.ctx, req.params.id),
  );
  app.put(
    "/councils/:id/ballots/:subjectId",
    {
      config: guard("ballot"),
      schema: {
        tags,
        summary:
          "Save (or submit) the signed-in member's ballot for one subject; an officer may record a paper ballot with memberId. The member's conflicts of interest are checked again first on the current registries: a conflict found since the invitation and not overridden answers 409 CONFLICT_OF_INTEREST naming the member and the conflict. " +
          stale,
        params: ballotParams,
        body: ballotInput,
        response: { 200: ballot },
      },
    },
    async (req) => saveBallot(req.ctx, req.params.id, req.params.subjectId, req.body),
  );
  const transitions: [CouncilAction, string, typeof councilVersionBody | typeof councilReasonBody][] = [
    [
      "invite",
      "draft → invited: size and role bounds of the rule set checked (409 COUNCIL_COMPOSITION); every member's conflicts of interest checked again on the current registries (409 CONFLICT_OF_INTEREST naming each member and conflict not overridden)",
      councilVersionBody,
    ],
    ["open", "invited → in_session", councilVersionBody],
    [
      "conclude",
      "in_session → concluded: quorum (409 COUNCIL_NO_QUORUM with the reasons), every present member's ballots submitted, results computed and locked",
      councilVersionBody,
    ],
    ["reopen", "concluded → in_session (leader/admin, with a reason; results removed; audited)", councilReasonBody],
    ["cancel", "draft | invited | in_session → cancelled, with a reason", councilReasonBody],
  ];
  for (const [action, summary, body] of transitions) {
    app.post(
      `/councils/:id/${action}`,
      { config: guard(action), schema: { tags, summary: summary + ". " + stale, params: idParams, body, response: { 200: council } } },
      async (req) => transitionCouncil(req.ctx, req.params.id, action, req.body as { version: number; reason?: string }),
    );
  }
};
