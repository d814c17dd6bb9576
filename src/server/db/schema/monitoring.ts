// Monitoring of tasks in progress and notifications (migration 0012_monitoring.sql).
import { pgTable, uuid, text, integer, bigint, jsonb, timestamp, date, numeric, primaryKey } from "drizzle-orm/pg-core";

export type ReportKind = "periodic" | "final";
export type ReportStatus = "scheduled" | "draft" | "submitted" | "accepted" | "needs_revision";
export type InspectionStatus = "planned" | "concluded" | "cancelled";
export type InspectionConclusion = "on_track" | "behind" | "serious";

export const progressReports = pgTable("progress_reports", {
  id: uuid("id").primaryKey().defaultRandom(),
  taskId: uuid("task_id").notNull(),
  kind: text("kind").$type<ReportKind>().notNull(),
  sequence: integer("sequence").notNull(),
  periodFrom: date("period_from").notNull(),
  periodTo: date("period_to").notNull(),
  dueOn: date("due_on").notNull(),
  status: text("status").$type<ReportStatus>().notNull().default("scheduled"),
  workDone: text("work_done"),
  products: text("products"),
  spendingCity: bigint("spending_city", { mode: "number" }).notNull().default(0),
  spendingOther: bigint("spending_other", { mode: "number" }).notNull().default(0),
  problems: text("problems"),
  proposals: text("proposals"),
  overallPercent: numeric("overall_percent", { precision: 5, scale: 2 }),
  firstSubmittedAt: timestamp("first_submitted_at", { withTimezone: true }),
  submittedAt: timestamp("submitted_at", { withTimezone: true }),
  submittedBy: uuid("submitted_by"),
  reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
  reviewedBy: uuid("reviewed_by"),
  reviewComment: text("review_comment"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const progressReportItems = pgTable(
  "progress_report_items",
  {
    reportId: uuid("report_id").notNull(),
    milestoneId: uuid("milestone_id").notNull(),
    percent: integer("percent").notNull(),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.milestoneId] })],
);

export const inspections = pgTable("inspections", {
  id: uuid("id").primaryKey().defaultRandom(),
  taskId: uuid("task_id").notNull(),
  plannedOn: date("planned_on").notNull(),
  scope: text("scope").notNull(),
  status: text("status").$type<InspectionStatus>().notNull().default("planned"),
  inspectedOn: date("inspected_on"),
  findings: text("findings"),
  conclusion: text("conclusion").$type<InspectionConclusion>(),
  minutesFileId: uuid("minutes_file_id"),
  concludedAt: timestamp("concluded_at", { withTimezone: true }),
  concludedBy: uuid("concluded_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const inspectionInspectors = pgTable(
  "inspection_inspectors",
  {
    inspectionId: uuid("inspection_id").notNull(),
    personId: uuid("person_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.personId] })],
);

export const inspectionActions = pgTable("inspection_actions", {
  id: uuid("id").primaryKey().defaultRandom(),
  inspectionId: uuid("inspection_id").notNull(),
  position: integer("position").notNull(),
  description: text("description").notNull(),
  dueOn: date("due_on").notNull(),
  doneAt: timestamp("done_at", { withTimezone: true }),
  doneBy: uuid("done_by"),
  doneNote: text("done_note"),
});

export const notifications = pgTable("notifications", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id").notNull(),
  kind: text("kind").notNull(),
  params: jsonb("params").$type<Record<string, string | number | null>>().notNull().default({}),
  link: text("link"),
  dedupeKey: text("dedupe_key"),
  readAt: timestamp("read_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export const mailOutbox = pgTable("mail_outbox", {
  id: uuid("id").primaryKey().defaultRandom(),
  notificationId: uuid("notification_id").notNull(),
  toAddress: text("to_address").notNull(),
  status: text("status").$type<"pending" | "sent" | "failed">().notNull().default("pending"),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  leaseUntil: timestamp("lease_until", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});
