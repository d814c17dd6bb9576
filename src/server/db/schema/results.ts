// Results of S&T tasks: internal acceptance, public result summary, application reports (migration 0014_results.sql).
import { sql } from "drizzle-orm";
import { pgTable, uuid, text, integer, bigint, jsonb, timestamp, date, primaryKey } from "drizzle-orm/pg-core";

export type InternalAcceptanceConclusion = "pass" | "fail";
export type ApplicationForm = "production" | "policy" | "transfer" | "commercialisation" | "training" | "other";
export type ApplicationStatus = "submitted" | "accepted" | "needs_revision";

export const taskInternalAcceptances = pgTable("task_internal_acceptances", {
  taskId: uuid("task_id").primaryKey(),
  heldOn: date("held_on").notNull(),
  members: jsonb("members").$type<{ name: string; position: string | null }[]>().notNull().default([]),
  conclusion: text("conclusion").$type<InternalAcceptanceConclusion>().notNull(),
  remarks: text("remarks"),
  minutesDocumentId: uuid("minutes_document_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const taskResultSummaries = pgTable("task_result_summaries", {
  taskId: uuid("task_id").primaryKey(),
  abstractVi: text("abstract_vi").notNull(),
  abstractEn: text("abstract_en"),
  keywords: text("keywords").notNull().default(""),
  outputsSummary: text("outputs_summary").notNull(),
  applicationField: text("application_field"),
  contactOrganisation: text("contact_organisation"),
  searchText: text("search_text").generatedAlwaysAs(
    sql`f_fold(abstract_vi || ' ' || coalesce(abstract_en, '') || ' ' || keywords || ' ' || outputs_summary || ' ' || coalesce(application_field, ''))`,
  ),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const taskApplicationReports = pgTable("task_application_reports", {
  id: uuid("id").primaryKey().defaultRandom(),
  taskId: uuid("task_id").notNull(),
  sequence: integer("sequence").notNull(),
  place: text("place").notNull(),
  form: text("form").$type<ApplicationForm>().notNull(),
  scale: text("scale"),
  startedOn: date("started_on").notNull(),
  economicEffect: text("economic_effect"),
  economicValue: bigint("economic_value", { mode: "number" }),
  socialEffect: text("social_effect"),
  beneficiaries: integer("beneficiaries"),
  status: text("status").$type<ApplicationStatus>().notNull().default("submitted"),
  submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull(),
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

export const taskApplicationEvidence = pgTable(
  "task_application_evidence",
  {
    reportId: uuid("report_id").notNull(),
    documentId: uuid("document_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.documentId] })],
);
