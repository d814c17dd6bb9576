// API schema of S&T tasks (nhiệm vụ KH&CN): one record from the proposal (đề xuất đặt hàng) to the result, moved by its
// process template; the applicants' dossiers (hồ sơ đăng ký tuyển chọn / giao trực tiếp) and the task's documents.
import { z } from "zod";
import { listQuery } from "../list.js";
import { isoDate, optText, uuid, version } from "./shared.js";
import { DOCUMENT_CODE_RE } from "./call.js";
import { money } from "./programme.js";
import { COUNCIL_KINDS } from "../councils/rules.js";

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

/**
 * Every action of the seeded templates (baseline-2013 and law-2025). Each has its own route
 * POST /api/v1/tasks/:id/<action> (TASK_ACTION_ROUTES) except those another route performs (TASK_ACTIONS_ELSEWHERE).
 */
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
const fieldCode = z.string().trim().min(1).max(10).describe("S&T field code (lĩnh vực KH&CN, level 1 or 2 of the national classification)");
const sectorCode = z.string().trim().min(1).max(20).describe("socio-economic sector code (ngành) the task serves");
const budgetYear = z.number().int().min(1990).max(2100);
const recordVersion = version.describe("the record's `version` as last read; a stale one answers 409 VERSION_CONFLICT");

// ---------------------------------------------------------------------------------------------------------------
// Proposal (đề xuất đặt hàng)

export const proposalInput = z
  .object({
    callId: uuid.describe("a published call of kind `proposal_collection` that accepts proposals now (server time)"),
    titleVi: z.string().trim().min(5).max(500).describe("title in Vietnamese"),
    titleEn: optText(500).describe("title in English"),
    taskType: z.enum(TASK_TYPES).describe("kind of task: đề tài, dự án SXTN, dự án KH&CN, đề án, international cooperation (htqt), grassroots (co_so)"),
    fieldCode,
    sectorCode,
    programmeId: uuid
      .nullish()
      .transform((v) => v ?? null)
      .describe("the S&T programme the task belongs to, if any"),
    /** absent: the proposer's own organisation */
    proposingOrganisationId: uuid
      .nullish()
      .transform((v) => v ?? null)
      .describe("the proposing organisation; absent: the proposer's own organisation"),
    rationale: longText(20000).describe("why the task is needed (tính cấp thiết), at least 10 characters"),
    objectives: longText(20000).describe("the task's objectives, at least 10 characters"),
    expectedResults: longText(20000).describe("the results expected, at least 10 characters"),
    proposedBudget: money.describe("proposed total budget, integer đồng"),
    proposedMonths: z.number().int().min(1).max(120).describe("proposed duration in months (1–120)"),
  })
  .strict();
export type ProposalInput = z.input<typeof proposalInput>;

/** The proposer edits the proposal while it is at the initial step; the call cannot change. */
export const proposalUpdate = proposalInput.omit({ callId: true }).safeExtend({ version: recordVersion }).strict();
export type ProposalUpdate = z.input<typeof proposalUpdate>;

// ---------------------------------------------------------------------------------------------------------------
// Task record

/**
 * Why an action cannot run now, in the caller's language; `next`: what unblocks it, when the page can offer it — the
 * council to form, the contract to draft (none yet), or the drafted contract to open and have signed.
 */
export const actionRefusal = z.object({
  code: z.string(),
  message: z.string(),
  next: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("form_council"), councilKind: z.enum(COUNCIL_KINDS) }),
      z.object({ kind: z.literal("draft_contract") }),
      z.object({ kind: z.literal("open_contract"), contractId: z.string().uuid(), number: z.string() }),
    ])
    .nullable(),
});
export type ActionRefusal = z.infer<typeof actionRefusal>;

export const taskActionOut = z.object({
  action: z.string(),
  to: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  requiredDocuments: z.array(z.string()),
  guards: z.array(z.string()),
  /** null: the action may run now; else why not (its required documents or a guard, checked as the command would) */
  blocked: actionRefusal.nullable(),
});
export type TaskActionOut = z.infer<typeof taskActionOut>;

export const taskAbilities = z.object({
  /** the proposal may be edited (proposer, initial step, the call still accepts) */
  edit: z.boolean(),
  /** the workflow actions of the actor's roles at this step, each with `blocked` when its checks fail now */
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
  /** the process template's name, as users know it */
  templateNameVi: z.string().nullable(),
  templateNameEn: z.string().nullable(),
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
export const taskListItem = task
  .pick({
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
  })
  .extend({
    /** since when the task is at its step (the work queue's "waiting since") */
    stateEnteredAt: z.string(),
    /** the signed-in user's next action on the task from its process template, when they have one (tasks.next.ts) */
    nextAction: z.object({ action: z.string(), labelVi: z.string(), labelEn: z.string() }).nullable(),
    /** the step's deadline (Vietnam day): the end of the contracted period in progress, the call's last day for dossiers */
    deadline: isoDate.nullable(),
    /** the deadline is before today */
    overdue: z.boolean(),
  });
export type TaskListItem = z.infer<typeof taskListItem>;

/** `urgency`: overdue first, then the nearest deadline, then the longest at its step (the work queue's order). */
export const TASK_SORTS = ["code", "title", "state", "year", "updatedAt", "proposedBudget", "urgency"] as const;
export const TASK_VIEWS = ["all", "mine", "action"] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

export const taskListQuery = listQuery
  .extend({
    state: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/)
      .optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    taskType: z.enum(TASK_TYPES).optional(),
    programmeId: uuid.optional(),
    callId: uuid.optional(),
    templateKey: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
      .optional(),
    view: z.enum(TASK_VIEWS).default("all"),
    /** only the tasks whose next action for the signed-in user is this one (a transition of the process templates) */
    action: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,63}$/)
      .optional(),
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
    dossierId: uuid.describe("a dossier of this task in status `submitted`"),
    complete: z.boolean().describe("the dossier has every required part"),
    signedAndSealed: z.boolean().describe("signed and sealed where the forms require it"),
    detailsMatch: z.boolean().describe("the details agree across the dossier's documents"),
    /** the officer's verdict: valid dossiers go on to the council */
    valid: z.boolean().describe("the officer's verdict: a valid dossier goes on to the council, an invalid one is set aside"),
    note: optText(2000).describe("the officer's note on the check"),
  })
  .strict();
export type ValidityCheck = z.infer<typeof validityCheck>;

/** Every action body has these two fields. */
const actionCommon = {
  version: version.describe("the task's `version` as last read; a stale one answers 409 VERSION_CONFLICT with the current record"),
  comment: optText(2000).describe("a comment kept in the task's history and audit trail"),
};
const actionBody = <S extends z.ZodRawShape>(fields: S) => z.object({ ...actionCommon, ...fields }).strict();
const callIdField = {
  callId: uuid.describe("a published call of kind `selection` (GET /api/v1/calls?kind=selection&status=published): the call that receives the dossiers"),
};
const noFields = actionBody({});

/**
 * The actions of the seeded templates that the transition routes perform (POST /api/v1/tasks/:id/<action>), each with
 * its own body: `version` and `comment`, plus the fields of that action only (`.strict()`: any other field is refused).
 * `effect` says what the action does beyond moving the task (API documentation).
 */
export const TASK_ACTION_ROUTES = {
  // baseline-2013
  send_to_identification: { body: noFields },
  reject_proposal: { body: noFields },
  approve_list: {
    body: actionBody({
      method: z
        .enum(["selection", "direct"])
        .describe("how the task will be assigned: `selection` (tuyển chọn, open selection) or `direct` (giao trực tiếp, direct assignment)"),
    }),
    effect: "Sets the task's method. Refused (409 NOT_RECOMMENDED) unless the concluded identification council recommended the task.",
  },
  not_recommended: { body: noFields },
  announce_selection: {
    body: actionBody(callIdField),
    effect: "Links the task to the selection call (method `selection` unless already set).",
  },
  invite_direct: { body: actionBody(callIdField), effect: "Links the task to the call (method `direct` unless already set)." },
  close_without_dossier: { body: noFields },
  open_dossier: {
    body: actionBody({
      checks: z.array(validityCheck).min(1).max(50).describe("exactly one validity check per submitted dossier of the task (400 otherwise)"),
    }),
    effect:
      "Records each submitted dossier's validity check; a dossier becomes `valid` or `invalid`. Only after the call's deadline (409 CALL_STILL_ACCEPTING before).",
  },
  declare_invalid: { body: noFields, effect: "Sets every submitted or valid dossier of the task to `invalid`." },
  convene_selection: { body: noFields },
  select: {
    body: noFields,
    effect:
      "The dossier the concluded selection council selected becomes the task's: its PI, lead organisation, start date, period and budget by source; the other dossiers become `not_selected`.",
  },
  not_selected: { body: noFields, effect: "Sets every submitted or valid dossier of the task to `not_selected`." },
  submit_revision: {
    body: noFields,
    effect: "Submits the selected dossier again at its next revision (its SHA-256 stored again). The revised dossier's documents are required.",
  },
  request_changes: { body: noFields },
  prepare_decision: {
    body: actionBody({
      decisionNumber: z.string().trim().min(1).max(100).describe("the number of the approval decision, e.g. 1234/QĐ-UBND"),
      approvedBudgetCity: money.describe("approved budget from the city S&T budget, integer đồng"),
      approvedBudgetOther: money.optional().describe("approved budget from other sources, integer đồng (default 0)"),
      startDate: isoDate.describe("start of the task's period, YYYY-MM-DD"),
      endDate: isoDate.describe("end of the task's period, YYYY-MM-DD, not before startDate"),
    }),
    effect: "Stores the decision's number, the approved budgets and the period on the task.",
  },
  approve: { body: noFields, effect: "Sets the decision date to today (Vietnam date)." },
  return_to_appraisal: { body: noFields },
  refuse: { body: noFields },
  sign_contract: {
    body: noFields,
    effect: "Follows the contract: the task's contract must already be signed in the contracts module (409 CONTRACT_NOT_SIGNED otherwise).",
  },
  start: { body: noFields, effect: "Schedules the periodic progress reports and the final report." },
  request_change: { body: noFields },
  approve_change: { body: noFields },
  reject_change: { body: noFields },
  terminate: { body: noFields },
  request_internal_acceptance: { body: noFields },
  submit_for_acceptance: { body: noFields },
  convene_acceptance: { body: noFields },
  pass_acceptance: {
    body: noFields,
    effect: "Stores the acceptance council's grade (excellent or pass); refused (409 GRADE_MISMATCH) when the council graded the task `fail`.",
  },
  fail_acceptance: {
    body: noFields,
    effect: "Stores the grade `fail`; refused (409 GRADE_MISMATCH) unless the acceptance council graded the task `fail`.",
  },
  reevaluate: { body: noFields },
  register_result: { body: noFields, effect: "Gives the result its registration code ĐK-<year>-<NNNNN>-<mark> and date." },
  report_application: { body: noFields },
  liquidate: { body: noFields },
  // law-2025 only
  send_to_order_council: { body: noFields },
  open_funding_call: {
    body: actionBody(callIdField),
    effect: "Links the task to the call that receives the dossiers (method `funding` unless already set).",
  },
  approve_order_list: {
    body: actionBody({
      method: z.enum(["funding", "ordering"]).describe("how the task will be assigned: `funding` (tài trợ) or `ordering` (đặt hàng)"),
    }),
    effect: "Sets the task's method. Refused (409 NOT_RECOMMENDED) unless the concluded identification council recommended the task.",
  },
  announce_order: { body: actionBody(callIdField), effect: "Links the task to the call that receives the dossiers." },
  convene_review: { body: noFields },
  recommend: {
    body: noFields,
    effect:
      "The dossier the concluded review council selected becomes the task's: its PI, lead organisation, start date, period and budget by source; the other dossiers become `not_selected`.",
  },
  not_recommended_for_funding: { body: noFields, effect: "Sets every submitted or valid dossier of the task to `not_selected`." },
  accept_risk: { body: noFields },
  terminate_failed: { body: noFields },
} as const satisfies Record<string, { body: z.ZodObject; effect?: string }>;

/** Actions of the templates that another route performs, with that route. */
export const TASK_ACTIONS_ELSEWHERE = {
  submit_dossier: "POST /api/v1/tasks/{id}/dossiers/{dossierId}/submit",
} as const satisfies Partial<Record<TaskAction, string>>;

export type TaskRouteAction = keyof typeof TASK_ACTION_ROUTES;
export const TASK_ROUTE_ACTIONS = Object.keys(TASK_ACTION_ROUTES) as TaskRouteAction[];
/** What a client sends to POST /api/v1/tasks/:id/<action>. */
export type TaskActionBody<A extends TaskRouteAction> = z.input<(typeof TASK_ACTION_ROUTES)[A]["body"]>;
/** Any action's body as the service receives it (after parsing): every field an action may have. */
export type TaskActionFields = { version: number; comment: string | null } & Partial<{
  method: TaskMethod;
  callId: string;
  checks: ValidityCheck[];
  decisionNumber: string;
  approvedBudgetCity: number;
  approvedBudgetOther: number;
  startDate: string;
  endDate: string;
}>;

// Every action of the templates is performed either by its own route or by the route named in TASK_ACTIONS_ELSEWHERE.
type Covered = TaskRouteAction | keyof typeof TASK_ACTIONS_ELSEWHERE;
const coverage: [Exclude<TaskAction, Covered>] extends [never] ? ([Exclude<Covered, TaskAction>] extends [never] ? true : never) : never = true;
void coverage;

// ---------------------------------------------------------------------------------------------------------------
// Dossiers

export const dossierProduct = z
  .object({
    name: text(500).describe("the product's name"),
    outputType: z.enum(OUTPUT_TYPES).describe("kind of output"),
    quantity: z.number().positive().max(1e9).describe("how many, in `unit`"),
    unit: text(50).describe("unit of the quantity"),
    qualityTarget: text(2000).describe("the quality the product must reach (checked at acceptance)"),
  })
  .strict();
export type DossierProduct = z.infer<typeof dossierProduct>;

export const dossierMilestone = z
  .object({
    content: text(2000).describe("the work of this milestone"),
    startsOn: isoDate.describe("YYYY-MM-DD"),
    endsOn: isoDate.describe("YYYY-MM-DD, not before startsOn"),
    deliverable: optText(1000).describe("what is delivered at the end; progress reports are filed against the milestones"),
  })
  .strict()
  .refine((m) => m.endsOn >= m.startsOn, { path: ["endsOn"], message: "endsOn ≥ startsOn" });
export type DossierMilestone = z.infer<typeof dossierMilestone>;

export const dossierTeamMember = z
  .object({
    personId: uuid.describe("a person of the people registry (each person once)"),
    role: z.enum(TEAM_ROLES).describe("role in the team"),
    months: z
      .number()
      .positive()
      .max(120)
      .nullish()
      .transform((v) => v ?? null)
      .describe("months of work on the task"),
  })
  .strict();
export type DossierTeamMember = z.infer<typeof dossierTeamMember>;

export const dossierBudgetLine = z
  .object({
    year: budgetYear.describe("a year within the task's period"),
    source: z.enum(BUDGET_SOURCES).describe("`city` (city S&T budget) or `other` sources"),
    category: z.enum(BUDGET_CATEGORIES).describe("cost category"),
    amount: money.describe("integer đồng"),
  })
  .strict();
export type DossierBudgetLine = z.infer<typeof dossierBudgetLine>;

const dossierFields = {
  objectives: optText(20000).describe("objectives (mục tiêu)"),
  content: optText(50000).describe("content of the work (nội dung)"),
  methods: optText(20000).describe("methods and approach (phương pháp)"),
  novelty: optText(10000).describe("what is new (tính mới)"),
  applicationPlan: optText(10000).describe("how the results will be applied (phương án ứng dụng)"),
  durationMonths: z
    .number()
    .int()
    .min(1)
    .max(120)
    .nullish()
    .transform((v) => v ?? null)
    .describe("duration in months (1–120)"),
  startDate: isoDate
    .nullish()
    .transform((v) => v ?? null)
    .describe("planned start, YYYY-MM-DD"),
  products: z.array(dossierProduct).max(100).default([]).describe("the products (outputs) promised; replaces the whole list"),
  milestones: z.array(dossierMilestone).max(100).default([]).describe("the schedule; replaces the whole list"),
  team: z.array(dossierTeamMember).max(100).default([]).describe("the team, each person once; replaces the whole list"),
  budget: z
    .array(dossierBudgetLine)
    .max(300)
    .default([])
    .describe("budget lines, one per (year, source, category), each year within the period; replaces the whole list"),
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
    personId: uuid
      .nullish()
      .transform((v) => v ?? null)
      .describe("the principal investigator (people registry); absent: the actor's own person record"),
    organisationId: uuid
      .nullish()
      .transform((v) => v ?? null)
      .describe("the lead organisation; absent: the actor's organisation (one dossier per organisation)"),
    ...dossierFields,
  })
  .strict()
  .superRefine(uniqueLists);
export type DossierCreate = z.input<typeof dossierCreate>;

/** PUT: replaces the text sections and every list. */
export const dossierUpdate = z
  .object({ version: recordVersion, ...dossierFields })
  .strict()
  .superRefine(uniqueLists);
export type DossierUpdate = z.input<typeof dossierUpdate>;

export const dossierAction = z.object({ version: recordVersion }).strict();

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
    code: z
      .string()
      .trim()
      .regex(DOCUMENT_CODE_RE, "A-Z 0-9 . - _")
      .describe("the national form code of the document (e.g. B1-1-ĐON, DU-TOAN, BC-TONG-HOP); required documents of an action are matched by it"),
    stage: z.enum(DOCUMENT_STAGES).describe("the stage of the task the document belongs to"),
    dossierId: uuid.optional().describe("a dossier of this task, for a dossier's own document (editable by its owner while the dossier is a draft)"),
    note: optText(1000).describe("a note shown beside the document"),
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

// ---------------------------------------------------------------------------------------------------------------
// The tasks of a call (GET /api/v1/calls/:id/tasks)

/** One task of a call as its page lists it: what is asked (the call notice's columns) and where the actor stands. */
export const callTask = z.object({
  id: uuid,
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  taskType: z.enum(TASK_TYPES),
  state: z.string(),
  stateLabelVi: z.string(),
  stateLabelEn: z.string(),
  objectives: z.string().nullable(),
  expectedResults: z.string().nullable(),
  proposedMonths: z.number().int().nullable(),
  /** the budget cap of the task (proposed budget, VND) */
  proposedBudget: z.number().int().nullable(),
  /** dossiers submitted or in review (not drafts, not withdrawn): the Department's staff only, else null */
  dossierCount: z.number().int().nullable(),
  /** the actor's own dossier for the task (not withdrawn), if any */
  myDossier: z.object({ id: uuid, status: z.enum(DOSSIER_STATUSES) }).nullable(),
  abilities: z.object({
    /** the actor may start a dossier now (the same rule as the task's own `createDossier`) */
    createDossier: z.boolean(),
    /** a performer (pi / org_rep) who may not start one now: why, in the caller's language */
    createDossierRefusal: z.string().nullable(),
  }),
});
export type CallTask = z.infer<typeof callTask>;
export const callTasks = z.object({ items: z.array(callTask) });
export type CallTasks = z.infer<typeof callTasks>;
