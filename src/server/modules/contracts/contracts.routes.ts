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

const guard = (ability: AbilityOf<typeof contractPolicy>) => ({ policy: { of: contractPolicy, ability } });
const tags = ["contracts"];
const idParams = z.object({ id: z.string().uuid() });
const paymentParams = z.object({ id: z.string().uuid(), paymentId: z.string().uuid() });
const trancheParams = z.object({ id: z.string().uuid(), trancheId: z.string().uuid() });
const amendmentParams = z.object({ id: z.string().uuid(), amendmentId: z.string().uuid() });
const rules =
  " A state that does not allow the action answers 409 INVALID_STATE naming the state and the actions possible in it; a stale version 409 VERSION_CONFLICT; the same person as the one the two-person rule excludes (the contract's preparer or last editor for signing, the entry's recorder, the change's requester, the contract's preparer for termination) 409 TWO_PERSON_RULE, the message naming that role (details.rule).";

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
  app.put(
    "/contracts/:id",
    {
      config: guard("update"),
      schema: {
        tags,
        summary: "Edit a draft contract (city part ≤ approved city budget)." + rules,
        params: idParams,
        body: contractUpdate,
        response: { 200: contract },
      },
    },
    async (req) => updateContract(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/contracts/:id/sign",
    {
      config: guard("sign"),
      schema: {
        tags,
        summary: "draft → signed, with both parties' signing dates; by someone other than the preparer; the plan must equal the city value." + rules,
        params: idParams,
        body: contractSign,
        response: { 200: contract },
      },
    },
    async (req) => signContract(req.ctx, req.params.id, req.body),
  );
  app.put(
    "/contracts/:id/disbursements",
    {
      config: guard("plan"),
      schema: {
        tags,
        summary: "Replace the disbursement plan (advances and tranches); city amounts add up to the contract's city value." + rules,
        params: idParams,
        body: disbursementPlanInput,
        response: { 200: contract },
      },
    },
    async (req) => savePlan(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/contracts/:id/disbursements/:trancheId/cancel",
    {
      config: guard("plan"),
      schema: {
        tags,
        summary: "Cancel a tranche (what is unpaid is no longer due), with a reason." + rules,
        params: trancheParams,
        body: trancheCancel,
        response: { 200: contract },
      },
    },
    async (req) => cancelTranche(req.ctx, req.params.id, req.params.trancheId, req.body),
  );
  app.post(
    "/contracts/:id/payments",
    {
      config: guard("pay"),
      schema: {
        tags,
        summary: "Record a payment on a tranche, or a return by Bên B; awaits approval by another person; never beyond the plan or the contract value",
        params: idParams,
        body: paymentInput,
        response: { 201: payment },
      },
    },
    async (req, reply) => reply.status(201).send(await recordPayment(req.ctx, req.params.id, req.body)),
  );
  app.post(
    "/contracts/:id/payments/:paymentId/reverse",
    {
      config: guard("pay"),
      schema: {
        tags,
        summary: "Reverse (part of) an approved entry by a new negative entry with a reason; awaits approval",
        params: paymentParams,
        body: paymentReversal,
        response: { 201: payment },
      },
    },
    async (req, reply) => reply.status(201).send(await reversePayment(req.ctx, req.params.id, req.params.paymentId, req.body)),
  );
  app.post(
    "/contracts/:id/payments/:paymentId/approve",
    {
      config: guard("decidePayment"),
      schema: {
        tags,
        summary: "Approve a pending entry (finance user or leader other than who recorded it)." + rules,
        params: paymentParams,
        body: paymentDecision,
        response: { 200: payment },
      },
    },
    async (req) => decidePayment(req.ctx, req.params.id, req.params.paymentId, "approve", req.body),
  );
  app.post(
    "/contracts/:id/payments/:paymentId/reject",
    {
      config: guard("decidePayment"),
      schema: { tags, summary: "Reject a pending entry." + rules, params: paymentParams, body: paymentDecision, response: { 200: payment } },
    },
    async (req) => decidePayment(req.ctx, req.params.id, req.params.paymentId, "reject", req.body),
  );
  app.post(
    "/contracts/:id/settlement",
    {
      config: guard("settle"),
      schema: {
        tags,
        summary: "Record the city-budget expenditure Bên B has justified (quyết toán); ≤ disbursed." + rules,
        params: idParams,
        body: settlementInput,
        response: { 200: contract },
      },
    },
    async (req) => recordSettlement(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/contracts/:id/amendments",
    {
      config: guard("requestAmendment"),
      schema: {
        tags,
        summary: "Request a change of schedule, content, budget or PI with the proposed values and a reason",
        params: idParams,
        body: amendmentInput,
        response: { 201: contract },
      },
    },
    async (req, reply) => reply.status(201).send(await requestAmendment(req.ctx, req.params.id, req.body)),
  );
  app.post(
    "/contracts/:id/amendments/:amendmentId/approve",
    {
      config: guard("decideAmendment"),
      schema: {
        tags,
        summary: "Approve a change request (a leader other than the requester) and apply it to the contract and the task atomically." + rules,
        params: amendmentParams,
        body: amendmentDecision,
        response: { 200: contract },
      },
    },
    async (req) => decideAmendment(req.ctx, req.params.id, req.params.amendmentId, "approve", req.body),
  );
  app.post(
    "/contracts/:id/amendments/:amendmentId/reject",
    {
      config: guard("decideAmendment"),
      schema: { tags, summary: "Reject a change request." + rules, params: amendmentParams, body: amendmentDecision, response: { 200: contract } },
    },
    async (req) => decideAmendment(req.ctx, req.params.id, req.params.amendmentId, "reject", req.body),
  );
  app.post(
    "/contracts/:id/terminate",
    {
      config: guard("terminate"),
      schema: {
        tags,
        summary: "signed | amended → terminated, with a reason and the amount Bên B must return." + rules,
        params: idParams,
        body: contractTerminate,
        response: { 200: contract },
      },
    },
    async (req) => terminateContract(req.ctx, req.params.id, req.body),
  );
  app.post(
    "/contracts/:id/liquidate",
    {
      config: guard("liquidate"),
      schema: {
        tags,
        summary: "→ liquidated, once the money is settled (the same check as the task guard payments_settled)." + rules,
        params: idParams,
        body: contractLiquidate,
        response: { 200: contract },
      },
    },
    async (req) => liquidateContract(req.ctx, req.params.id, req.body),
  );
};
