// API schema of the monitoring of S&T tasks in progress (theo dõi, kiểm tra): progress reports against the selected
// dossier's milestones, periodic inspections, the officers' overview with overdue / at-risk flags, and the calendar.
//
// Rules (computed by the server from its own clock, in SQL for lists):
// - overdue: a report whose due date has passed and that was never submitted.
// - at_risk: the task is behind its milestone timeline — the elapsed share of the milestones' time (each milestone
//   weighted by its length in days) exceeds the share reported done in the latest submitted report by more than
//   AT_RISK_GAP_POINTS percentage points — or its end date is within AT_RISK_END_DAYS days and it has not yet been
//   filed for acceptance (it is still in progress).
import { z } from "zod";
import { listQuery } from "../list.js";
import { optText, uuid, version } from "./shared.js";

export const AT_RISK_GAP_POINTS = 20;
export const AT_RISK_END_DAYS = 60;
/** Reminders: a report due within this many days. */
export const DUE_SOON_DAYS = 7;

export const REPORT_KINDS = ["periodic", "final"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ["scheduled", "draft", "submitted", "accepted", "needs_revision"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const INSPECTION_STATUSES = ["planned", "concluded", "cancelled"] as const;
export const INSPECTION_CONCLUSIONS = ["on_track", "behind", "serious"] as const;
export type InspectionConclusion = (typeof INSPECTION_CONCLUSIONS)[number];
export const MONITORING_FLAGS = ["overdue", "at_risk"] as const;

/** A real calendar day "YYYY-MM-DD" between 2000 and 2100. */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD")
  .refine((v) => {
    const [y, m, d] = v.split("-").map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d));
    return y >= 2000 && y <= 2100 && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, "not a real date");

const money = z.number().int().min(0).max(1e15);

// ─── progress reports ───
export const reportItemInput = z.object({ milestoneId: uuid, percent: z.number().int().min(0).max(100), note: optText(4000) }).strict();

export const reportInput = z
  .object({
    version,
    items: z.array(reportItemInput).max(100).default([]),
    workDone: optText(20000),
    products: optText(20000),
    spendingCity: money.default(0),
    spendingOther: money.default(0),
    problems: optText(20000),
    proposals: optText(20000),
  })
  .strict()
  .refine((r) => new Set(r.items.map((i) => i.milestoneId)).size === r.items.length, { path: ["items"], message: "duplicate milestone" });
export type ReportInput = z.input<typeof reportInput>;

/** An officer adds a report to the schedule (an extra periodic report, or the final one when it is missing). */
export const reportCreate = z
  .object({ taskId: uuid, kind: z.enum(REPORT_KINDS), periodFrom: day, periodTo: day, dueOn: day })
  .strict()
  .refine((r) => r.periodTo >= r.periodFrom, { path: ["periodTo"], message: "periodTo ≥ periodFrom" });

export const reportSubmit = z.object({ version }).strict();
export const reportReview = z
  .object({ version, decision: z.enum(["accepted", "needs_revision"]), comment: optText(4000) })
  .strict()
  .refine((r) => r.decision === "accepted" || !!r.comment, { path: ["comment"], message: "a comment is required" });

export const reportItem = z.object({
  milestoneId: uuid,
  position: z.number().int(),
  content: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  deliverable: z.string().nullable(),
  /** share of the milestone's time elapsed today, 0–100 */
  elapsedPercent: z.number(),
  percent: z.number().int().nullable(),
  note: z.string().nullable(),
});

export const reportAbilities = z.object({ read: z.boolean(), edit: z.boolean(), submit: z.boolean(), review: z.boolean() });

export const taskBrief = z.object({
  id: uuid,
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  state: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  piName: z.string().nullable(),
  leadOrganisationName: z.string().nullable(),
});
export type TaskBrief = z.infer<typeof taskBrief>;

export const reportSummary = z.object({
  id: uuid,
  taskId: uuid,
  taskCode: z.string(),
  taskTitleVi: z.string(),
  kind: z.enum(REPORT_KINDS),
  sequence: z.number().int(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueOn: z.string(),
  status: z.enum(REPORT_STATUSES),
  overallPercent: z.number().nullable(),
  submittedAt: z.string().nullable(),
  overdue: z.boolean(),
  /**
   * since when the report waits: for its authors since it was scheduled or its due day, whichever came first, or since
   * it was returned for revision; for review since its submission; null once accepted (as "Việc của tôi" counts it)
   */
  waitingSince: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

export const report = reportSummary.extend({
  task: taskBrief,
  workDone: z.string().nullable(),
  products: z.string().nullable(),
  spendingCity: z.number(),
  spendingOther: z.number(),
  problems: z.string().nullable(),
  proposals: z.string().nullable(),
  items: z.array(reportItem),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: reportAbilities,
});
export type Report = z.infer<typeof report>;

export const reportListQuery = listQuery
  .extend({
    taskId: uuid.optional(),
    status: z.enum(REPORT_STATUSES).optional(),
    overdue: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type ReportListQuery = z.infer<typeof reportListQuery>;

// ─── inspections ───
export const inspectionInput = z
  .object({
    taskId: uuid,
    plannedOn: day,
    scope: z.string().trim().min(3).max(4000),
    inspectorIds: z.array(uuid).min(1).max(20),
  })
  .strict()
  .refine((r) => new Set(r.inspectorIds).size === r.inspectorIds.length, { path: ["inspectorIds"], message: "duplicate inspector" });

export const inspectionUpdate = z
  .object({
    version,
    plannedOn: day,
    scope: z.string().trim().min(3).max(4000),
    inspectorIds: z.array(uuid).min(1).max(20),
  })
  .strict()
  .refine((r) => new Set(r.inspectorIds).size === r.inspectorIds.length, { path: ["inspectorIds"], message: "duplicate inspector" });

export const actionInput = z.object({ description: z.string().trim().min(3).max(2000), dueOn: day }).strict();

export const inspectionConclude = z
  .object({
    version,
    inspectedOn: day,
    findings: z.string().trim().min(3).max(20000),
    conclusion: z.enum(INSPECTION_CONCLUSIONS),
    actions: z.array(actionInput).max(50).default([]),
  })
  .strict();
export const inspectionCancel = z.object({ version }).strict();
export const actionComplete = z.object({ version, note: optText(2000) }).strict();

export const inspectionAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  conclude: z.boolean(),
  cancel: z.boolean(),
  uploadMinutes: z.boolean(),
  completeAction: z.boolean(),
});

export const inspectionSummary = z.object({
  id: uuid,
  taskId: uuid,
  taskCode: z.string(),
  taskTitleVi: z.string(),
  plannedOn: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  conclusion: z.enum(INSPECTION_CONCLUSIONS).nullable(),
  openActions: z.number().int(),
});
export type InspectionSummary = z.infer<typeof inspectionSummary>;

export const inspection = inspectionSummary.extend({
  task: taskBrief,
  scope: z.string(),
  inspectors: z.array(z.object({ personId: uuid, fullName: z.string() })),
  inspectedOn: z.string().nullable(),
  findings: z.string().nullable(),
  minutes: z.object({ fileId: uuid, fileName: z.string(), sizeBytes: z.number().int() }).nullable(),
  actions: z.array(
    z.object({
      id: uuid,
      position: z.number().int(),
      description: z.string(),
      dueOn: z.string(),
      doneAt: z.string().nullable(),
      doneNote: z.string().nullable(),
      overdue: z.boolean(),
    }),
  ),
  concludedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: inspectionAbilities,
});
export type Inspection = z.infer<typeof inspection>;

export const inspectionListQuery = listQuery.extend({ taskId: uuid.optional(), status: z.enum(INSPECTION_STATUSES).optional() }).strict();
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;

// ─── overview (tasks in progress) ───
export const overviewQuery = listQuery
  .extend({ flag: z.enum(MONITORING_FLAGS).optional(), year: z.coerce.number().int().min(1990).max(2100).optional() })
  .strict();
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const overviewItem = z.object({
  taskId: uuid,
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  state: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  piName: z.string().nullable(),
  leadOrganisationName: z.string().nullable(),
  plannedPercent: z.number().nullable(),
  reportedPercent: z.number().nullable(),
  nextDueOn: z.string().nullable(),
  overdueReports: z.number().int(),
  overdue: z.boolean(),
  atRisk: z.boolean(),
  /** why at risk: "behind" (timeline), "ending" (end date near without filing for acceptance) */
  atRiskReasons: z.array(z.enum(["behind", "ending"])),
  lastConclusion: z.enum(INSPECTION_CONCLUSIONS).nullable(),
});
export type OverviewItem = z.infer<typeof overviewItem>;

export const scheduleResult = z.object({ created: z.number().int(), reports: z.array(reportSummary) });

// ─── calendar ───
export const CALENDAR_KINDS = ["call_deadline", "report_due", "inspection", "council_meeting", "task_end", "action_due"] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
export const calendarQuery = z
  .object({ from: day, to: day })
  .strict()
  .refine((q) => q.to >= q.from, { path: ["to"], message: "to ≥ from" })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86400_000, { path: ["to"], message: "at most 400 days" });
export const calendarEvent = z.object({
  kind: z.enum(CALENDAR_KINDS),
  /** the day (YYYY-MM-DD, Vietnam time) */
  date: z.string(),
  /** the exact instant, when the deadline has one */
  at: z.string().nullable(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  refCode: z.string().nullable(),
  link: z.string(),
  overdue: z.boolean(),
});
export type CalendarEvent = z.infer<typeof calendarEvent>;
export const calendarResponse = z.object({ from: z.string(), to: z.string(), events: z.array(calendarEvent) });
