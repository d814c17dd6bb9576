import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listResponse } from "../../../common/list.js";
import {
  amendmentDecision,
  amendmentInput,
  contract,
  contractCreate,
  contractListQuery,
  contractLiquidate,
  contractSign,
  contractSummary,
  contractTerminate,
  contractUpdate,
  disbursementPlanInput,
  payment,
  paymentDecision,
  paymentInput,
  paymentQueueQuery,
  paymentReversal,
  settlementInput,
  trancheCancel,
} from "../../../common/api/contract.js";
import { contractPolicy } from "./contracts.policy.js";
import {
  cancelTranche,
  createContract,
  liquidateContract,
  recordSettlement,
  savePlan,
  signContract,
  terminateContract,
  updateContract,
} from "./contracts.commands.js";
import { decidePayment, recordPayment, reversePayment } from "./contracts.payments.js";
import { decideAmendment, requestAmendment } from "./contracts.amendments.js";
import { getContract, listContracts, listPaymentQueue } from "./contracts.read.js";
import { contractDocumentFile } from "./contracts.documents.js";
import { sendDownload } from "../../platform/uploads.js";
import { DOCX_MEDIA_TYPE } from "../../documents/index.js";
import type { AbilityOf } from "../../platform/policy.js";
import { command, registerCommandRoutes } from "../../platform/lifecycle-routes.js";
import { contractLifecycle } from "./contracts.lifecycle.js";

const guard = (ability: AbilityOf<typeof contractPolicy>) => ({ policy: { of: contractPolicy, ability } });
const tags = ["contracts"];
const idParams = z.object({ id: z.string().uuid() });
const twoPerson =
  " The same person as the one the two-person rule excludes (the contract's preparer or last editor for signing, the entry's recorder, the change's requester, the contract's preparer for termination) answers 409 TWO_PERSON_RULE, the message naming that role (details.rule).";

export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contracts",
    {
      config: guard("list"),
      schema: {
        tags,
        summary: "Contracts the actor may see (staff: all; PI and lead organisation: their own)",
        querystring: contractListQuery,
        response: { 200: listResponse(contractSummary) },
      },
    },
    async (req) => listContracts(req.ctx, req.query),
  );
  app.get(
    "/contracts/payments",
    {
      config: guard("paymentQueue"),
      schema: {
        tags,
        summary: "Finance work queue: ledger entries by status (default: awaiting approval), oldest first",
        querystring: paymentQueueQuery,
        response: { 200: listResponse(payment) },
      },
    },
    async (req) => listPaymentQueue(req.ctx, req.query),
  );
  app.get(
    "/contracts/:id",
    {
      config: guard("read"),
      schema: {
        tags,
        summary: "One contract with products, plan, ledger, settlement, amendments and abilities",
        params: idParams,
        response: { 200: contract },
      },
    },
    async (req) => getContract(req.ctx, req.params.id),
  );
  app.get(
    "/contracts/:id/contract.docx",
    {
      config: guard("read"),
      schema: {
        tags,
        summary:
          "The contract (.docx, NĐ 30/2020): parties, value by source, products, disbursement schedule from the plan; 409 while incomplete; audited as an export",
        params: idParams,
        produces: [DOCX_MEDIA_TYPE],
        response: { 200: z.string().describe("the .docx file") },
      },
    },
    async (req, reply) => sendDownload(reply, await contractDocumentFile(req.ctx, req.params.id)),
  );
  app.post(
    "/contracts",
    {
      config: guard("create"),
      schema: {
        tags,
        summary: "Draft the contract of a task at step `approved`: numbered, parties, value and period from the decision, products from the selected dossier",
        body: contractCreate,
        response: { 201: contract },
      },
    },
    async (req, reply) => reply.status(201).send(await createContract(req.ctx, req.body)),
  );
  registerCommandRoutes(app, contractLifecycle, {
    path: "/contracts/:id",
    tags,
    response: contract,
    commands: {
      update: command({
        method: "PUT",
        path: "",
        body: contractUpdate,
        summary: "edit a draft contract (city part ≤ approved city budget)." + twoPerson,
        run: (ctx, p, body) => updateContract(ctx, p.id, body),
      }),
      sign: command({
        body: contractSign,
        summary: "with both parties' signing dates; by someone other than the preparer; the plan must equal the city value." + twoPerson,
        run: (ctx, p, body) => signContract(ctx, p.id, body),
      }),
      plan: command({
        method: "PUT",
        path: "disbursements",
        body: disbursementPlanInput,
        summary: "replace the disbursement plan (advances and tranches); city amounts add up to the contract's city value.",
        run: (ctx, p, body) => savePlan(ctx, p.id, body),
      }),
      cancelTranche: command({
        path: "disbursements/:trancheId/cancel",
        body: trancheCancel,
        summary: "cancel a tranche (what is unpaid is no longer due), with a reason.",
        run: (ctx, p, body) => cancelTranche(ctx, p.id, p.trancheId, body),
      }),
      pay: [
        command({
          path: "payments",
          body: paymentInput,
          response: payment,
          status: 201,
          summary: "record a payment on a tranche, or a return by Bên B; awaits approval by another person; never beyond the plan or the contract value.",
          run: (ctx, p, body) => recordPayment(ctx, p.id, body),
        }),
        command({
          path: "payments/:paymentId/reverse",
          body: paymentReversal,
          response: payment,
          status: 201,
          summary: "reverse (part of) an approved entry by a new negative entry with a reason; awaits approval.",
          run: (ctx, p, body) => reversePayment(ctx, p.id, p.paymentId, body),
        }),
      ],
      decidePayment: [
        command({
          path: "payments/:paymentId/approve",
          body: paymentDecision,
          response: payment,
          summary: "approve a pending entry (finance user or leader other than who recorded it)." + twoPerson,
          run: (ctx, p, body) => decidePayment(ctx, p.id, p.paymentId, "approve", body),
        }),
        command({
          path: "payments/:paymentId/reject",
          body: paymentDecision,
          response: payment,
          summary: "reject a pending entry." + twoPerson,
          run: (ctx, p, body) => decidePayment(ctx, p.id, p.paymentId, "reject", body),
        }),
      ],
      settle: command({
        path: "settlement",
        body: settlementInput,
        summary: "record the city-budget expenditure Bên B has justified (quyết toán); ≤ disbursed.",
        run: (ctx, p, body) => recordSettlement(ctx, p.id, body),
      }),
      requestAmendment: command({
        path: "amendments",
        body: amendmentInput,
        status: 201,
        summary: "request a change of schedule, content, budget or PI with the proposed values and a reason.",
        run: (ctx, p, body) => requestAmendment(ctx, p.id, body),
      }),
      approveAmendment: command({
        path: "amendments/:amendmentId/approve",
        body: amendmentDecision,
        summary: "approve a change request (a leader other than the requester) and apply it to the contract and the task atomically." + twoPerson,
        run: (ctx, p, body) => decideAmendment(ctx, p.id, p.amendmentId, "approve", body),
      }),
      rejectAmendment: command({
        path: "amendments/:amendmentId/reject",
        body: amendmentDecision,
        summary: "reject a change request." + twoPerson,
        run: (ctx, p, body) => decideAmendment(ctx, p.id, p.amendmentId, "reject", body),
      }),
      terminate: command({
        body: contractTerminate,
        summary: "with a reason and the amount Bên B must return." + twoPerson,
        run: (ctx, p, body) => terminateContract(ctx, p.id, body),
      }),
      liquidate: command({
        body: contractLiquidate,
        summary: "once the money is settled (the same check as the task guard payments_settled).",
        run: (ctx, p, body) => liquidateContract(ctx, p.id, body),
      }),
    },
  });
};
