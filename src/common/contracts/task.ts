// Contract of S&T tasks (nhiệm vụ KH&CN): one record from the proposal (đề xuất đặt hàng) to the result, moved by its
// process template; the applicants' dossiers (hồ sơ đăng ký tuyển chọn / giao trực tiếp) and the task's documents.
import { z } from "zod";
import { listQuery } from "../list.js";
import { isoDate, optText, uuid, version } from "./shared.js";
import { DOCUMENT_CODE_RE } from "./call.js";
import { money } from "./programme.js";

export const TASK_TYPES = ["de_tai", "du_an_sxtn", "du_an_khcn", "de_an", "htqt", "co_so"] as const;
export type TaskType = (typeof TASK_TYPES)[number];
export const TASK_LEVELS = ["city", "ministry", "national", "grassroots"] as const;
export type TaskLevel = (typeof TASK_LEVELS)[number];
/** baseline-2013: selection | direct; law-2025: funding | ordering. */
export const TASK_METHODS = ["selection", "direct", "funding", "ordering"] as const;
export type TaskMethod = (typeof TASK_METHODS)[number];
export const TASK_ORIGINS = ["platform", "historical"] as const;
export const RESULT_GRADES = ["excellent", "pass", "fail"] as const;
export const OUTPUT_TYPES = ["scientific_argument", "model", "solution", "product", "variety", "publication", "patent", "training", "other"] as const;
export type OutputType = (typeof OUTPUT_TYPES)[number];
export const TEAM_ROLES = ["pi", "secretary", "key_member", "member", "technician"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const BUDGET_SOURCES = ["city", "other"] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export const BUDGET_CATEGORIES = ["labour", "materials", "equipment", "travel", "services", "other"] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export const DOSSIER_STATUSES = ["draft", "submitted", "valid", "invalid", "selected", "not_selected", "withdrawn"] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];
export const DOCUMENT_STAGES = [
  "proposal",
  "dossier",
  "revision",
  "council",
  "decision",
  "contract",
  "progress",
  "acceptance",
  "registration",
  "application",
  "settlement",
] as const;
export type DocumentStage = (typeof DOCUMENT_STAGES)[number];

/** Every action of the seeded templates (baseline-2013 and law-2025); the transition route accepts these. */
export const TASK_ACTIONS = [
  // baseline-2013
  "send_to_identification",
  "reject_proposal",
  "approve_list",
  "not_recommended",
  "announce_selection",
  "invite_direct",
  "submit_dossier",
  "close_without_dossier",
  "open_dossier",
  "declare_invalid",
  "convene_selection",
  "select",
  "not_selected",
  "submit_revision",
  "request_changes",
  "prepare_decision",
  "approve",
  "return_to_appraisal",
  "refuse",
  "sign_contract",
  "start",
  "request_change",
  "approve_change",
  "reject_change",
  "terminate",
  "request_internal_acceptance",
  "submit_for_acceptance",
  "convene_acceptance",
  "pass_acceptance",
  "fail_acceptance",
  "reevaluate",
  "register_result",
  "report_application",
  "liquidate",
  // law-2025 only
  "send_to_order_council",
  "open_funding_call",
  "approve_order_list",
  "announce_order",
  "convene_review",
  "recommend",
  "not_recommended_for_funding",
  "accept_risk",
  "terminate_failed",
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** The steps of both templates at which a task is still a proposal (before the list / order is approved). */
export const PROPOSAL_STEPS = ["proposal", "identification", "order_council"] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = (max: number) => z.string().trim().min(10).max(max);
const fieldCode = z.string().trim().min(1).max(10);
const sectorCode = z.string().trim().min(1).max(20);
const budgetYear = z.number().int().min(1990).max(2100);

// ---------------------------------------------------------------------------------------------------------------
// Proposal (đề xuất đặt hàng)

export const proposalInput = z
  .object({
    callId: uuid,
    titleVi: z.string().trim().min(5).max(500),
    titleEn: optText(500),
    taskType: z.enum(TASK_TYPES),
    fieldCode,
    sectorCode,
    programmeId: uuid.nullish().transform((v) => v ?? null),
    /** absent: the proposer's own organisation */
    proposingOrganisationId: uuid.nullish().transform((v) => v ?? null),
    rationale: longText(20000),
    objectives: longText(20000),
    expectedResults: longText(20000),
    proposedBudget: money,
    proposedMonths: z.number().int().min(1).max(120),
  })
  .strict();
export type ProposalInput = z.input<typeof proposalInput>;

/** The proposer edits the proposal while it is at the initial step; the call cannot change. */
export const proposalUpdate = proposalInput.omit({ callId: true }).safeExtend({ version }).strict();
export type ProposalUpdate = z.input<typeof proposalUpdate>;

// ---------------------------------------------------------------------------------------------------------------
// Task record

export const taskActionOut = z.object({
  action: z.string(),
  to: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  requiredDocuments: z.array(z.string()),
  guards: z.array(z.string()),
});
export type TaskActionOut = z.infer<typeof taskActionOut>;

export const taskAbilities = z.object({
  /** the proposal may be edited (proposer, initial step, the call still accepts) */
  edit: z.boolean(),
  /** the workflow actions the actor may attempt now (guards are checked when taken) */
  actions: z.array(taskActionOut),
  /** the actor may start a dossier (pi / org_rep, the selection call accepts now, no dossier of theirs yet) */
  createDossier: z.boolean(),
  /** the actor may upload a task-level document */
  uploadDocument: z.boolean(),
});
export type TaskAbilities = z.infer<typeof taskAbilities>;

export const taskStep = z.object({
  key: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  kind: z.enum(["initial", "normal", "final"]),
});
export type TaskStep = z.infer<typeof taskStep>;

/** One move of the task along its process, from the audit trail (the transition's own audit row). */
export const taskHistoryEntry = z.object({
  at: z.string(),
  action: z.string(),
  actionLabelVi: z.string(),
  actionLabelEn: z.string(),
  from: z.string(),
  to: z.string(),
  byName: z.string().nullable(),
  comment: z.string().nullable(),
});
export type TaskHistoryEntry = z.infer<typeof taskHistoryEntry>;

export const dossierSummary = z.object({
  id: uuid,
  status: z.enum(DOSSIER_STATUSES),
  ownerUserId: uuid,
  piPersonId: uuid,
  piName: z.string(),
  leadOrganisationId: uuid,
  leadOrganisationName: z.string(),
  submittedAt: z.string().nullable(),
  totalBudget: z.number().int(),
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type DossierSummary = z.infer<typeof dossierSummary>;

export const task = z.object({
  id: uuid,
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  taskType: z.enum(TASK_TYPES),
  level: z.enum(TASK_LEVELS),
  method: z.enum(TASK_METHODS).nullable(),
  templateKey: z.string(),
  templateVersion: z.number().int(),
  state: z.string(),
  stateLabelVi: z.string(),
  stateLabelEn: z.string(),
  stateEnteredAt: z.string(),
  stateEnteredBy: uuid.nullable(),
  origin: z.enum(TASK_ORIGINS),
  year: z.number().int(),
  programmeId: uuid.nullable(),
  programmeCode: z.string().nullable(),
  proposalCallId: uuid.nullable(),
  proposalCallCode: z.string().nullable(),
  selectionCallId: uuid.nullable(),
  selectionCallCode: z.string().nullable(),
  /** the selection call accepts dossiers at the server's now */
  selectionCallAccepting: z.boolean(),
  selectionCallClosesAt: z.string().nullable(),
  fieldCode: z.string().nullable(),
  sectorCode: z.string().nullable(),
  proposerUserId: uuid.nullable(),
  proposerName: z.string().nullable(),
  proposingOrganisationId: uuid.nullable(),
  proposingOrganisationName: z.string().nullable(),
  rationale: z.string().nullable(),
  objectives: z.string().nullable(),
  expectedResults: z.string().nullable(),
  proposedBudget: z.number().int().nullable(),
  proposedMonths: z.number().int().nullable(),
  piPersonId: uuid.nullable(),
  piName: z.string().nullable(),
  leadOrganisationId: uuid.nullable(),
  leadOrganisationName: z.string().nullable(),
  selectedDossierId: uuid.nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  approvedBudgetCity: z.number().int().nullable(),
  approvedBudgetOther: z.number().int().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  resultGrade: z.enum(RESULT_GRADES).nullable(),
  registrationCode: z.string().nullable(),
  registeredAt: z.string().nullable(),
  /** the template's steps, in order, so a client can draw the path */
  steps: z.array(taskStep),
  /** staff: every dossier; an applicant: their own */
  dossiers: z.array(dossierSummary),
  /** every transition so far, oldest first */
  history: z.array(taskHistoryEntry),
  serverTime: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: taskAbilities,
});
export type Task = z.infer<typeof task>;

/** A row of the task lists: the record's own fields, without texts, steps, dossiers, history or abilities. */
export const taskListItem = task.pick({
  id: true,
  code: true,
  titleVi: true,
  titleEn: true,
  taskType: true,
  method: true,
  templateKey: true,
  templateVersion: true,
  state: true,
  stateLabelVi: true,
  stateLabelEn: true,
  year: true,
  programmeId: true,
  programmeCode: true,
  proposalCallId: true,
  selectionCallId: true,
  fieldCode: true,
  piName: true,
  leadOrganisationName: true,
  proposingOrganisationName: true,
  proposedBudget: true,
  approvedBudgetCity: true,
  approvedBudgetOther: true,
  updatedAt: true,
});
export type TaskListItem = z.infer<typeof taskListItem>;

export const TASK_SORTS = ["code", "title", "state", "year", "updatedAt", "proposedBudget"] as const;
export const TASK_VIEWS = ["all", "mine", "action"] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const taskListQuery = listQuery
  .extend({
    state: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/).optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    taskType: z.enum(TASK_TYPES).optional(),
    programmeId: uuid.optional(),
    callId: uuid.optional(),
    templateKey: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
    view: z.enum(TASK_VIEWS).default("all"),
  })
  .strict();
export type TaskListQuery = z.infer<typeof taskListQuery>;

/** GET /api/v1/proposals: the tasks still at the proposal steps. */
export const proposalListQuery = listQuery
  .extend({
    callId: uuid.optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    taskType: z.enum(TASK_TYPES).optional(),
  })
  .strict();
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

// ---------------------------------------------------------------------------------------------------------------
// Transitions

export const validityCheck = z
  .object({
    dossierId: uuid,
    complete: z.boolean(),
    signedAndSealed: z.boolean(),
    detailsMatch: z.boolean(),
    /** the officer's verdict: valid dossiers go on to the council */
    valid: z.boolean(),
    note: optText(2000),
  })
  .strict();
export type ValidityCheck = z.infer<typeof validityCheck>;

/**
 * Body of POST /api/v1/tasks/:id/:action. Only `version` and `comment` are common; the other fields belong to
 * particular actions and the service refuses one sent to an action that does not take it.
 */
export const transitionBody = z
  .object({
    version,
    comment: optText(2000),
    /** approve_list: selection | direct; approve_order_list: funding | ordering */
    method: z.enum(TASK_METHODS).optional(),
    /** announce_selection, invite_direct, announce_order, open_funding_call: a published selection call */
    callId: uuid.optional(),
    /** open_dossier: one check per submitted dossier */
    checks: z.array(validityCheck).min(1).max(50).optional(),
    /** prepare_decision */
    decisionNumber: z.string().trim().min(1).max(100).optional(),
    approvedBudgetCity: money.optional(),
    approvedBudgetOther: money.optional(),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
  })
  .strict();
export type TransitionBody = z.input<typeof transitionBody>;

// ---------------------------------------------------------------------------------------------------------------
// Dossiers

export const dossierProduct = z
  .object({
    name: text(500),
    outputType: z.enum(OUTPUT_TYPES),
    quantity: z.number().positive().max(1e9),
    unit: text(50),
    qualityTarget: text(2000),
  })
  .strict();
export type DossierProduct = z.infer<typeof dossierProduct>;

export const dossierMilestone = z
  .object({
    content: text(2000),
    startsOn: isoDate,
    endsOn: isoDate,
    deliverable: optText(1000),
  })
  .strict()
  .refine((m) => m.endsOn >= m.startsOn, { path: ["endsOn"], message: "endsOn ≥ startsOn" });
export type DossierMilestone = z.infer<typeof dossierMilestone>;

export const dossierTeamMember = z
  .object({
    personId: uuid,
    role: z.enum(TEAM_ROLES),
    months: z.number().positive().max(120).nullish().transform((v) => v ?? null),
  })
  .strict();
export type DossierTeamMember = z.infer<typeof dossierTeamMember>;

export const dossierBudgetLine = z
  .object({
    year: budgetYear,
    source: z.enum(BUDGET_SOURCES),
    category: z.enum(BUDGET_CATEGORIES),
    amount: money,
  })
  .strict();
export type DossierBudgetLine = z.infer<typeof dossierBudgetLine>;

const dossierFields = {
  objectives: optText(20000),
  content: optText(50000),
  methods: optText(20000),
  novelty: optText(10000),
  applicationPlan: optText(10000),
  durationMonths: z.number().int().min(1).max(120).nullish().transform((v) => v ?? null),
  startDate: isoDate.nullish().transform((v) => v ?? null),
  products: z.array(dossierProduct).max(100).default([]),
  milestones: z.array(dossierMilestone).max(100).default([]),
  team: z.array(dossierTeamMember).max(100).default([]),
  budget: z.array(dossierBudgetLine).max(300).default([]),
};

const uniqueLists = <T extends { team: DossierTeamMember[]; budget: DossierBudgetLine[] }>(d: T, ctx: z.RefinementCtx) => {
  if (new Set(d.team.map((m) => m.personId)).size !== d.team.length) ctx.addIssue({ code: "custom", path: ["team"], message: "duplicate person" });
  if (new Set(d.budget.map((b) => `${b.year}|${b.source}|${b.category}`)).size !== d.budget.length) {
    ctx.addIssue({ code: "custom", path: ["budget"], message: "duplicate year/source/category" });
  }
};

/** POST /api/v1/tasks/:id/dossiers. personId absent: the actor's person; organisationId absent: the actor's organisation. */
export const dossierCreate = z
  .object({
    personId: uuid.nullish().transform((v) => v ?? null),
    organisationId: uuid.nullish().transform((v) => v ?? null),
    ...dossierFields,
  })
  .strict()
  .superRefine(uniqueLists);
export type DossierCreate = z.input<typeof dossierCreate>;

/** PUT: replaces the text sections and every list. */
export const dossierUpdate = z
  .object({ version, ...dossierFields })
  .strict()
  .superRefine(uniqueLists);
export type DossierUpdate = z.input<typeof dossierUpdate>;

export const dossierAction = z.object({ version }).strict();

export const dossierTotals = z.object({
  total: z.number().int(),
  bySource: z.object({ city: z.number().int(), other: z.number().int() }),
  byYear: z.array(z.object({ year: z.number().int(), city: z.number().int(), other: z.number().int(), total: z.number().int() })),
});
export type DossierTotals = z.infer<typeof dossierTotals>;

export const dossierAbilities = z.object({
  update: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  uploadDocument: z.boolean(),
});

export const dossier = z.object({
  id: uuid,
  taskId: uuid,
  status: z.enum(DOSSIER_STATUSES),
  ownerUserId: uuid,
  piPersonId: uuid,
  piName: z.string(),
  leadOrganisationId: uuid,
  leadOrganisationName: z.string(),
  objectives: z.string().nullable(),
  content: z.string().nullable(),
  methods: z.string().nullable(),
  novelty: z.string().nullable(),
  applicationPlan: z.string().nullable(),
  durationMonths: z.number().int().nullable(),
  startDate: z.string().nullable(),
  products: z.array(dossierProduct),
  milestones: z.array(z.object({ content: z.string(), startsOn: z.string(), endsOn: z.string(), deliverable: z.string().nullable() })),
  team: z.array(z.object({ personId: uuid, personName: z.string(), role: z.enum(TEAM_ROLES), months: z.number().nullable() })),
  budget: z.array(dossierBudgetLine),
  totals: dossierTotals,
  submittedAt: z.string().nullable(),
  submissionHash: z.string().nullable(),
  openedAt: z.string().nullable(),
  validityCheck: z
    .object({ complete: z.boolean(), signedAndSealed: z.boolean(), detailsMatch: z.boolean(), valid: z.boolean(), note: z.string().nullable() })
    .nullable(),
  validityNote: z.string().nullable(),
  revision: z.number().int(),
  /** the call's documents, with whether this dossier has each */
  documents: z.array(z.object({ code: z.string(), labelVi: z.string(), labelEn: z.string(), required: z.boolean(), uploaded: z.boolean() })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: dossierAbilities,
});
export type Dossier = z.infer<typeof dossier>;

// ---------------------------------------------------------------------------------------------------------------
// Documents

export const documentUploadFields = z
  .object({
    code: z.string().trim().regex(DOCUMENT_CODE_RE, "A-Z 0-9 . - _"),
    stage: z.enum(DOCUMENT_STAGES),
    dossierId: uuid.optional(),
    note: optText(1000),
  })
  .strict();
export type DocumentUploadFields = z.infer<typeof documentUploadFields>;

export const taskDocument = z.object({
  id: uuid,
  taskId: uuid,
  dossierId: uuid.nullable(),
  code: z.string(),
  stage: z.enum(DOCUMENT_STAGES),
  note: z.string().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedBy: uuid.nullable(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string(),
  canDelete: z.boolean(),
});
export type TaskDocument = z.infer<typeof taskDocument>;
