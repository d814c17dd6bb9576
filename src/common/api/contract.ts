// API schema of S&T contracts (hợp đồng thực hiện nhiệm vụ KH&CN) for approved tasks: parties, value by source, period,
// products, the disbursement plan (advances and tranches), the payment ledger with its settlement view, and
// amendments (điều chỉnh). Money is integer đồng. Lifecycle: draft → signed → amended… → liquidated | terminated.
import { z } from "zod";
import { listQuery } from "../list.js";
import { isoDate, optText, uuid, version } from "./shared.js";
import { OUTPUT_TYPES } from "./task.js";

export const CONTRACT_STATUSES = ["draft", "signed", "amended", "liquidated", "terminated"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const TRANCHE_KINDS = ["advance", "tranche"] as const;
export const PAYMENT_KINDS = ["payment", "reversal", "return"] as const;
export const PAYMENT_STATUSES = ["pending", "approved", "rejected"] as const;
export const FUND_SOURCES = ["city", "other"] as const;
export const AMENDMENT_KINDS = ["schedule", "content", "budget", "pi"] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];
export const AMENDMENT_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;

/** Integer đồng, up to 10^15 (a thousand thousand billion). */
export const money = z.number().int().min(0).max(1_000_000_000_000_000);
const positiveMoney = z.number().int().min(1).max(1_000_000_000_000_000);
const recordVersion = version.describe("the record's `version` as last read; a stale one answers 409 VERSION_CONFLICT");
const decisionNote = optText(2000).describe("a note kept with the decision");

/** A real calendar date YYYY-MM-DD between 1990 and 2100. */
export const realDate = isoDate.refine((v) => {
  const [y, m, d] = v.split("-").map(Number);
  const cal = new Date(Date.UTC(y, m - 1, d));
  return y >= 1990 && y <= 2100 && cal.getUTCMonth() === m - 1 && cal.getUTCDate() === d;
}, "not a real date");

export const contractProductInput = z
  .object({
    name: z.string().trim().min(2).max(500).describe("the product's name"),
    outputType: z.enum(OUTPUT_TYPES).describe("kind of output"),
    quantity: z.number().positive().max(1_000_000_000).describe("how many, in `unit`"),
    unit: z.string().trim().min(1).max(50).describe("unit of the quantity"),
    qualityTarget: z.string().trim().min(2).max(4000).describe("the quality the product must reach (checked at acceptance)"),
  })
  .strict();
export type ContractProductInput = z.infer<typeof contractProductInput>;

export const contractCreate = z
  .object({ taskId: uuid.describe("a task at step `approved` without a contract; parties, value, period and products come from it") })
  .strict();

export const contractUpdate = z
  .object({
    version: recordVersion,
    partyARepresentative: optText(300).describe("who signs for Bên A (the Department)"),
    partyBRepresentative: optText(300).describe("who signs for Bên B (the lead organisation)"),
    valueCity: money.describe("value from the city S&T budget, integer đồng; never above the task's approved city budget"),
    valueOther: money.describe("value from other sources, integer đồng"),
    startDate: realDate.describe("start of the contract period, YYYY-MM-DD"),
    endDate: realDate.describe("end of the contract period, YYYY-MM-DD, not before startDate"),
    terms: optText(20000).describe("the contract's terms"),
    products: z.array(contractProductInput).min(1).max(100).describe("the products Bên B delivers; replaces the whole list"),
  })
  .strict()
  .refine((c) => c.endDate >= c.startDate, { path: ["endDate"], message: "endDate ≥ startDate" });
export type ContractUpdate = z.input<typeof contractUpdate>;

export const contractSign = z
  .object({
    version: recordVersion,
    partyASignedOn: realDate.describe("the day Bên A signed, YYYY-MM-DD, not after today (Vietnam date)"),
    partyBSignedOn: realDate.describe("the day Bên B signed, YYYY-MM-DD, not after today (Vietnam date)"),
  })
  .strict();

export const trancheInput = z
  .object({
    /** an existing tranche keeps its id (and its payments) */
    id: uuid.optional().describe("an existing tranche's id: it keeps its payments; absent: a new tranche"),
    kind: z.enum(TRANCHE_KINDS).describe("`advance` (tạm ứng) or `tranche` (cấp theo đợt)"),
    label: z.string().trim().min(2).max(300).describe("the tranche's name, e.g. Tạm ứng đợt 1"),
    plannedDate: realDate.describe("planned payment day, YYYY-MM-DD"),
    amountCity: money.describe("amount from the city S&T budget, integer đồng"),
    amountOther: money.describe("amount from other sources, integer đồng (city + other > 0)"),
    condition: optText(2000).describe("the condition for paying it (e.g. the first progress report accepted)"),
  })
  .strict()
  .refine((t) => t.amountCity + t.amountOther > 0, { path: ["amountCity"], message: "> 0" });
export type TrancheInput = z.input<typeof trancheInput>;

export const disbursementPlanInput = z
  .object({
    version: recordVersion,
    tranches: z
      .array(trancheInput)
      .min(1)
      .max(60)
      .describe("the whole plan, in order; the planned city amounts add up to the contract's city value; a tranche left out that has payments answers 409"),
  })
  .strict();
export const trancheCancel = z
  .object({ version: recordVersion, reason: z.string().trim().min(3).max(2000).describe("why the unpaid rest is no longer due") })
  .strict();

export const paymentInput = z
  .object({
    kind: z.enum(["payment", "return"]).describe("`payment` to Bên B on a tranche, or `return` of money by Bên B"),
    /** required for a payment: the tranche it pays */
    trancheId: uuid.optional().describe("required for a payment: the planned tranche it pays"),
    source: z.enum(FUND_SOURCES).describe("`city` (city S&T budget) or `other`"),
    amount: positiveMoney.describe("integer đồng, > 0; never beyond the tranche, the plan or the contract value"),
    paidOn: realDate.describe("the day of the transfer, YYYY-MM-DD"),
    reference: optText(200).describe("the payment order or bank reference"),
    note: optText(2000).describe("a note"),
  })
  .strict()
  .refine((p) => p.kind !== "payment" || !!p.trancheId, { path: ["trancheId"], message: "required" });
export type PaymentInput = z.input<typeof paymentInput>;

export const paymentReversal = z
  .object({
    amount: positiveMoney.describe("how much of the approved entry to reverse, integer đồng, at most what remains of it"),
    paidOn: realDate.describe("the day of the correction, YYYY-MM-DD"),
    reason: z.string().trim().min(3).max(2000).describe("why the entry is reversed"),
    reference: optText(200).describe("a reference of the correction"),
  })
  .strict();
export const paymentDecision = z.object({ version: recordVersion, note: decisionNote }).strict();

export const settlementInput = z
  .object({
    version: recordVersion,
    spentCity: money.describe("the city-budget expenditure Bên B has justified (quyết toán), integer đồng, at most what was disbursed"),
  })
  .strict();

export const amendmentInput = z
  .object({
    kind: z
      .enum(AMENDMENT_KINDS)
      .describe("what changes: `schedule` (endDate), `content` (products and/or terms), `budget` (valueCity and/or valueOther), `pi` (piPersonId)"),
    reason: z.string().trim().min(3).max(4000).describe("why the change is requested"),
    /** schedule */
    endDate: realDate.optional().describe("kind `schedule`: the new end of the period"),
    /** content */
    products: z.array(contractProductInput).min(1).max(100).optional().describe("kind `content`: the new list of products"),
    terms: optText(20000).optional().describe("kind `content`: the new terms"),
    /** budget */
    valueCity: money.optional().describe("kind `budget`: the new city value, integer đồng"),
    valueOther: money.optional().describe("kind `budget`: the new value from other sources, integer đồng"),
    /** pi */
    piPersonId: uuid.optional().describe("kind `pi`: the new principal investigator (people registry)"),
  })
  .strict()
  .refine(
    (a) =>
      (a.kind === "schedule" && !!a.endDate) ||
      (a.kind === "content" && (!!a.products || a.terms !== undefined)) ||
      (a.kind === "budget" && (a.valueCity !== undefined || a.valueOther !== undefined)) ||
      (a.kind === "pi" && !!a.piPersonId),
    { path: ["kind"], message: "the proposed values of this kind are missing" },
  );
export type AmendmentInput = z.input<typeof amendmentInput>;
export const amendmentDecision = z.object({ version: recordVersion, note: decisionNote }).strict();

export const contractTerminate = z
  .object({
    version: recordVersion,
    reason: z.string().trim().min(3).max(4000).describe("why the contract is terminated"),
    amountToReturn: money.describe("what Bên B must return, integer đồng, at most the city money disbursed"),
  })
  .strict();
export const contractLiquidate = z.object({ version: recordVersion }).strict();

export const contractAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  sign: z.boolean(),
  plan: z.boolean(),
  pay: z.boolean(),
  decidePayment: z.boolean(),
  settle: z.boolean(),
  requestAmendment: z.boolean(),
  decideAmendment: z.boolean(),
  terminate: z.boolean(),
  liquidate: z.boolean(),
});
export type ContractAbilities = z.infer<typeof contractAbilities>;

export const contractProduct = z.object({
  position: z.number().int(),
  name: z.string(),
  outputType: z.enum(OUTPUT_TYPES),
  quantity: z.number(),
  unit: z.string(),
  qualityTarget: z.string(),
});

/**
 * Why an action the user's role and the record's state allow would still be refused now (the two-person rule), told
 * in the request's language before the user tries: the page shows the action disabled with this reason.
 */
export const refusal = z.object({ code: z.string(), message: z.string() });
export type Refusal = z.infer<typeof refusal>;

export const tranche = z.object({
  id: uuid,
  position: z.number().int(),
  kind: z.enum(TRANCHE_KINDS),
  label: z.string(),
  plannedDate: z.string(),
  amountCity: z.number().int(),
  amountOther: z.number().int(),
  condition: z.string().nullable(),
  status: z.enum(["planned", "cancelled"]),
  cancelReason: z.string().nullable(),
  /** approved payments less approved reversals, by source */
  paidCity: z.number().int(),
  paidOther: z.number().int(),
  /** pending entries on this tranche, by source */
  pendingCity: z.number().int(),
  pendingOther: z.number().int(),
});
export type Tranche = z.infer<typeof tranche>;

export const payment = z.object({
  id: uuid,
  contractId: uuid,
  contractNumber: z.string(),
  trancheId: uuid.nullable(),
  trancheLabel: z.string().nullable(),
  kind: z.enum(PAYMENT_KINDS),
  source: z.enum(FUND_SOURCES),
  amount: z.number().int(),
  paidOn: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  reversesId: uuid.nullable(),
  status: z.enum(PAYMENT_STATUSES),
  preparedBy: uuid,
  preparedByName: z.string().nullable(),
  preparedAt: z.string(),
  decidedBy: uuid.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  /** for a pending entry the user may decide: why they may not (they recorded it) */
  refusals: z.object({ decide: refusal.optional() }),
});
export type Payment = z.infer<typeof payment>;

export const amendment = z.object({
  id: uuid,
  seq: z.number().int(),
  kind: z.enum(AMENDMENT_KINDS),
  status: z.enum(AMENDMENT_STATUSES),
  reason: z.string(),
  proposed: z.record(z.string(), z.unknown()),
  previous: z.record(z.string(), z.unknown()).nullable(),
  requestedBy: uuid,
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: uuid.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number().int(),
  /** for a pending amendment the user may decide: why they may not (they requested it) */
  refusals: z.object({ decide: refusal.optional() }),
});
export type Amendment = z.infer<typeof amendment>;

/** Spent vs advanced vs returned, city budget; what the `payments_settled` guard checks. */
export const settlement = z.object({
  planned: z.number().int(),
  disbursed: z.number().int(),
  advanced: z.number().int(),
  spent: z.number().int().nullable(),
  returned: z.number().int(),
  /** disbursed − spent − returned: what Bên B still has to justify or return */
  outstanding: z.number().int().nullable(),
  pendingEntries: z.number().int(),
  openTranches: z.number().int(),
  settled: z.boolean(),
});
export type Settlement = z.infer<typeof settlement>;

export const contract = z.object({
  id: uuid,
  number: z.string(),
  year: z.number().int(),
  status: z.enum(CONTRACT_STATUSES),
  taskId: uuid,
  taskCode: z.string(),
  taskTitleVi: z.string(),
  taskState: z.string(),
  approvedBudgetCity: z.number().int().nullable(),
  partyAName: z.string(),
  partyARepresentative: z.string().nullable(),
  partyBOrganisationId: uuid,
  partyBOrganisationName: z.string(),
  partyBRepresentative: z.string().nullable(),
  piPersonId: uuid,
  piName: z.string(),
  valueCity: z.number().int(),
  valueOther: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  terms: z.string().nullable(),
  products: z.array(contractProduct),
  tranches: z.array(tranche),
  payments: z.array(payment),
  amendments: z.array(amendment),
  settlement,
  preparedBy: uuid,
  preparedByName: z.string().nullable(),
  signedBy: uuid.nullable(),
  signedByName: z.string().nullable(),
  signedAt: z.string().nullable(),
  partyASignedOn: z.string().nullable(),
  partyBSignedOn: z.string().nullable(),
  terminatedAt: z.string().nullable(),
  terminationReason: z.string().nullable(),
  amountToReturn: z.number().int().nullable(),
  liquidatedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: contractAbilities,
  /** for the actions `abilities` allows: why the user may still not take them now (the two-person rule) */
  refusals: z.object({ sign: refusal.optional(), terminate: refusal.optional() }),
});
export type Contract = z.infer<typeof contract>;

export const contractSummary = z.object({
  id: uuid,
  number: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  taskId: uuid,
  taskCode: z.string(),
  taskTitleVi: z.string(),
  partyBOrganisationName: z.string(),
  piName: z.string(),
  valueCity: z.number().int(),
  valueOther: z.number().int(),
  disbursed: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  updatedAt: z.string(),
});
export type ContractSummary = z.infer<typeof contractSummary>;

export const CONTRACT_SORTS = ["number", "value", "endDate", "updatedAt"] as const;
export const contractListQuery = listQuery
  .extend({ status: z.enum(CONTRACT_STATUSES).optional(), year: z.coerce.number().int().min(1990).max(2100).optional() })
  .strict();
export type ContractListQuery = z.infer<typeof contractListQuery>;

export const paymentQueueQuery = listQuery.extend({ status: z.enum(PAYMENT_STATUSES).optional() }).strict();
export type PaymentQueueQuery = z.infer<typeof paymentQueueQuery>;
