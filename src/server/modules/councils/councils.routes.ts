import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import {
  attendanceInput,
  ballot,
  ballotInput,
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
  myCouncils as myCouncilsSchema,
  paperDeclarationInput,
  taskCouncils,
  taskCouncilsParams,
} from "../../../common/api/council.js";
import { councilPolicy } from "./councils.policy.js";
import { councilEstablishmentDocument, councilMinutesDocument } from "./councils.documents.js";
import { sendDownload } from "../../platform/uploads.js";
import { DOCX_MEDIA_TYPE } from "../../documents/index.js";
import { addMember, checkConflict, overrideMemberConflict, removeMember } from "./councils.members.js";
import { councilsOfTask, getCouncil, listCouncils, myCouncils } from "./councils.read.js";
import { createCouncil, recordAttendance, recordPaperDeclaration, signDeclaration, transitionCouncil, updateCouncil } from "./councils.commands.js";
import { listBallots, saveBallot } from "./councils.ballots.js";
import type { AbilityOf } from "../../platform/policy.js";
import { command, registerCommandRoutes } from "../../platform/lifecycle-routes.js";
import { councilLifecycle } from "./councils.lifecycle.js";

const guard = (ability: AbilityOf<typeof councilPolicy>) => ({ policy: { of: councilPolicy, ability } });
const idParams = z.object({ id: z.string().uuid() });
const tags = ["councils"];

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
  registerCommandRoutes(app, councilLifecycle, {
    path: "/councils/:id",
    tags,
    response: council,
    commands: {
      update: command({
        method: "PUT",
        path: "",
        body: councilUpdate,
        summary: "edit a draft council.",
        run: (ctx, p, body) => updateCouncil(ctx, p.id, body),
      }),
      members: [
        command({
          path: "conflict-check",
          body: conflictCheckInput,
          response: conflictCheck,
          summary: "check a person for conflicts of interest with the council's subjects, explained line by line (kept).",
          run: (ctx, p, body) => checkConflict(ctx, p.id, body),
        }),
        command({
          path: "members",
          body: memberInput,
          summary: "add a member: a conflict of interest answers 409 CONFLICT_OF_INTEREST with the lines unless a leader/admin overrides with a reason.",
          run: (ctx, p, body) => addMember(ctx, p.id, body),
        }),
        command({
          path: "members/:memberId/remove",
          body: councilVersionBody,
          summary: "remove a member.",
          run: (ctx, p, body) => removeMember(ctx, p.id, p.memberId, body.version),
        }),
      ],
      overrideConflict: command({
        path: "members/:memberId/override-conflict",
        body: councilReasonBody,
        summary:
          "a leader or administrator overrides, with a reason (audited), a conflict of interest found late for a sitting member — at invitation or before a ballot, the check runs again on the current registries and blocks the member. The check runs again now; nothing blocking answers 409 NO_CONFLICT.",
        run: (ctx, p, body) => overrideMemberConflict(ctx, p.id, p.memberId, body),
      }),
      attend: command({
        path: "attendance",
        body: attendanceInput,
        summary: "record who is present (and a vice-chair's authorisation to chair); recomputes the quorum.",
        run: (ctx, p, body) => recordAttendance(ctx, p.id, body),
      }),
      declare: command({
        path: "declaration",
        body: declarationInput,
        summary: "the signed-in member signs the conflict-of-interest declaration (needed before scoring).",
        run: (ctx, p, body) => signDeclaration(ctx, p.id, body),
      }),
      paperDeclaration: command({
        path: "members/:memberId/paper-declaration",
        body: paperDeclarationInput,
        summary:
          "the secretary (officer) records a member's conflict-of-interest declaration signed on paper, with the day it was signed (audited); the member's paper ballots can then be entered.",
        run: (ctx, p, body) => recordPaperDeclaration(ctx, p.id, p.memberId, body),
      }),
      ballot: command({
        method: "PUT",
        path: "ballots/:subjectId",
        body: ballotInput,
        response: ballot,
        summary:
          "save (or submit) the signed-in member's ballot for one subject; an officer may record a paper ballot with memberId. The member's conflicts of interest are checked again first on the current registries: a conflict found since the invitation and not overridden answers 409 CONFLICT_OF_INTEREST naming the member and the conflict.",
        run: (ctx, p, body) => saveBallot(ctx, p.id, p.subjectId, body),
      }),
      paperBallot: { routedAs: "ballot", why: "the secretary sends a member's paper ballot on the ballot route with memberId" },
      invite: command({
        body: councilVersionBody,
        summary:
          "size and role bounds of the rule set checked (409 COUNCIL_COMPOSITION); every member's conflicts of interest checked again on the current registries (409 CONFLICT_OF_INTEREST naming each member and conflict not overridden).",
        run: (ctx, p, body) => transitionCouncil(ctx, p.id, "invite", body),
      }),
      open: command({ body: councilVersionBody, summary: "the session opens.", run: (ctx, p, body) => transitionCouncil(ctx, p.id, "open", body) }),
      conclude: command({
        body: councilVersionBody,
        summary: "quorum (409 COUNCIL_NO_QUORUM with the reasons), every present member's ballots submitted, results computed and locked.",
        run: (ctx, p, body) => transitionCouncil(ctx, p.id, "conclude", body),
      }),
      reopen: command({
        body: councilReasonBody,
        summary: "leader/admin, with a reason; results removed; audited.",
        run: (ctx, p, body) => transitionCouncil(ctx, p.id, "reopen", body),
      }),
      cancel: command({ body: councilReasonBody, summary: "with a reason.", run: (ctx, p, body) => transitionCouncil(ctx, p.id, "cancel", body) }),
    },
  });
};
