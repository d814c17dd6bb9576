// API schema of S&T task analytics (thống kê nhiệm vụ KH&CN): filters, the grouped counts and sums of live tasks, and
// the plan's 1996–2012 figures shown beside them. Also the mapping of every process step to a status group.
import { z } from "zod";
import { OUTPUT_TYPES, TASK_TYPES } from "./task.js";
import { uuid } from "./shared.js";

// ─── Status groups ───

/** The stages a task is counted in, whatever process template (and version) it follows. */
export const STATUS_GROUPS = ["proposal", "selection", "approved", "in_progress", "acceptance", "completed", "rejected_terminated"] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

/**
 * Every step of the seeded templates (baseline-2013 and law-2025, src/common/processes) → its status group.
 * - proposal: the proposal and the council that identifies (or orders) the task;
 * - selection: from the approved task list to the approval decision (call, dossiers, selection/review council,
 *   revision, appraisal, draft decision);
 * - approved: approved and contracted, not yet started;
 * - in_progress: carried out, including a pending change request;
 * - acceptance: internal acceptance to the acceptance council, and a failed acceptance awaiting the leader's decision;
 * - completed: accepted, registered, applied, and liquidated after success;
 * - rejected_terminated: rejected proposals, terminated contracts, failed tasks closed with accepted risk, and
 *   liquidation after one of those (see LIQUIDATED_WITHOUT_PASS).
 */
export const STEP_STATUS_GROUP: Readonly<Record<string, StatusGroup>> = {
  proposal: "proposal",
  identification: "proposal",
  order_council: "proposal",
  list_approved: "selection",
  order_list_approved: "selection",
  call_open: "selection",
  dossier_submitted: "selection",
  dossier_opened: "selection",
  selection_council: "selection",
  review_council: "selection",
  revision: "selection",
  appraisal: "selection",
  decision_prepared: "selection",
  approved: "approved",
  contracted: "approved",
  in_progress: "in_progress",
  change_requested: "in_progress",
  internal_acceptance: "acceptance",
  acceptance_dossier: "acceptance",
  acceptance_council: "acceptance",
  acceptance_failed: "acceptance",
  accepted: "completed",
  registered: "completed",
  applied: "completed",
  liquidated: "completed",
  risk_accepted: "rejected_terminated",
  terminated: "rejected_terminated",
  rejected: "rejected_terminated",
};

/**
 * Liquidation (thanh lý) follows success and failure alike: a liquidated task without a passing grade (excellent or
 * pass) was terminated or closed with accepted risk, and counts as rejected_terminated.
 */
export const LIQUIDATED_WITHOUT_PASS: { step: string; passingGrades: readonly string[]; group: StatusGroup } = {
  step: "liquidated",
  passingGrades: ["excellent", "pass"],
  group: "rejected_terminated",
};

/** Groups whose tasks have no approved budget yet: they count their proposed budget, apart from approved money. */
export const PROPOSED_MONEY_GROUPS: readonly StatusGroup[] = ["proposal", "selection"];

export function statusGroupOf(step: string, grade: string | null): StatusGroup | null {
  const group = STEP_STATUS_GROUP[step] ?? null;
  if (step === LIQUIDATED_WITHOUT_PASS.step && !LIQUIDATED_WITHOUT_PASS.passingGrades.includes(grade ?? "")) return LIQUIDATED_WITHOUT_PASS.group;
  return group;
}

// ─── Query ───

export const ANALYTICS_ORIGINS = ["platform", "historical", "all"] as const;
export type AnalyticsOrigin = (typeof ANALYTICS_ORIGINS)[number];

const year = z.coerce.number().int().min(1990).max(2100);

export const taskAnalyticsQuery = z
  .object({
    yearFrom: year.optional(),
    yearTo: year.optional(),
    programmeId: uuid.optional(),
    /** the lead organisation (cơ quan chủ trì) */
    organisationId: uuid.optional(),
    /** a field of science code: level 1 ("1") matches its level-2 codes too */
    field: z
      .string()
      .regex(/^[0-9]{1,3}$/)
      .optional(),
    sector: z
      .string()
      .regex(/^[A-Z_]{1,20}$/)
      .optional(),
    taskType: z.enum(TASK_TYPES).optional(),
    origin: z.enum(ANALYTICS_ORIGINS).default("all"),
    /** how many lead organisations to list (the largest by task count) */
    top: z.coerce.number().int().min(1).max(100).default(10),
  })
  .strict();
export type TaskAnalyticsQuery = z.infer<typeof taskAnalyticsQuery>;

// ─── Response ───

const count = z.number().int();
/** integer đồng */
const money = z.number().int();

export const labelledCount = z.object({
  code: z.string().nullable(),
  labelVi: z.string().nullable(),
  labelEn: z.string().nullable(),
  count,
});
export type LabelledCount = z.infer<typeof labelledCount>;

export const historicalFigure = z.object({
  metricId: z.string(),
  section: z.enum(["summary", "outputs", "by_field", "by_field_share", "field_results"]),
  groupKey: z.string().nullable(),
  sectorCode: z.string().nullable(),
  outputType: z.string().nullable(),
  position: z.number().int(),
  labelVi: z.string(),
  labelEn: z.string(),
  period: z.string().nullable(),
  value: z.number().nullable(),
  valueMin: z.number().nullable(),
  valueMax: z.number().nullable(),
  /** the figure as the plan writes it ("trên 20", "91.327.853.000 đồng") */
  original: z.string(),
  unitVi: z.string(),
  unitEn: z.string(),
  qualifierVi: z.string().nullable(),
  qualifierEn: z.string().nullable(),
  bound: z.enum(["lower_bound", "upper_bound", "approximate"]).nullable(),
  normalizedValue: z.number().nullable(),
  normalizedUnit: z.string().nullable(),
  programme: z.string().nullable(),
  refYear: z.number().int().nullable(),
  organisationVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  /** the line of the plan the figure comes from, and its exact words */
  sourceLine: z.number().int(),
  sourceQuote: z.string(),
});
export type HistoricalFigure = z.infer<typeof historicalFigure>;

export const taskAnalytics = z.object({
  totals: z.object({
    tasks: count,
    /** approved city S&T budget (tasks past selection) */
    approvedCity: money,
    /** approved funding from other sources */
    approvedOther: money,
    /** proposed budget of tasks still in proposal or selection (PROPOSED_MONEY_GROUPS) */
    proposed: money,
  }),
  /** level-1 fields of science (6) */
  byField1: z.array(labelledCount),
  /** level-2 fields of science */
  byField2: z.array(labelledCount),
  /** the plan's six sectors */
  bySector: z.array(labelledCount),
  /** always all STATUS_GROUPS, in that order */
  byStatusGroup: z.array(z.object({ group: z.enum(STATUS_GROUPS), count })),
  byYear: z.array(z.object({ year: z.number().int(), count, approvedCity: money, approvedOther: money, proposed: money })),
  byProgramme: z.array(z.object({ programmeId: z.string().nullable(), code: z.string().nullable(), nameVi: z.string().nullable(), count })),
  /** the `top` lead organisations by task count, then by name */
  byOrganisation: z.array(z.object({ organisationId: z.string().nullable(), nameVi: z.string().nullable(), count, approvedCity: money, approvedOther: money })),
  byTaskType: z.array(z.object({ taskType: z.enum(TASK_TYPES), count })),
  /** products promised by the selected dossiers: summed quantity and number of tasks, per type */
  outputs: z.array(z.object({ outputType: z.enum(OUTPUT_TYPES), quantity: z.number(), tasks: count })),
  historical: z.object({
    period: z.string(),
    figures: z.array(historicalFigure),
    /** the source's own remarks on the block (English) */
    notesEn: z.object({ byField: z.string(), health: z.string().nullable() }),
  }),
});
export type TaskAnalytics = z.infer<typeof taskAnalytics>;
