// Statistical reporting: form versions, periods, reports and their cells (migration 0020_statistics.sql).
import { pgTable, text, integer, numeric, jsonb, timestamp, date, uuid, primaryKey } from "drizzle-orm/pg-core";

export const statisticalFormVersions = pgTable(
  "statistical_form_versions",
  {
    formKey: text("form_key").notNull(),
    version: integer("version").notNull(),
    code: text("code").notNull(),
    titleVi: text("title_vi").notNull(),
    titleEn: text("title_en").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    legalBasis: text("legal_basis").notNull(),
    definition: jsonb("definition").notNull(),
    checksum: text("checksum").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.formKey, t.version] })],
);

export const statisticalPeriods = pgTable("statistical_periods", {
  id: uuid("id").primaryKey().defaultRandom(),
  year: integer("year").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en"),
  referenceDate: date("reference_date").notNull(),
  deadline: date("deadline").notNull(),
  status: text("status").$type<"draft" | "open" | "closed">().notNull().default("draft"),
  note: text("note"),
  openedAt: timestamp("opened_at", { withTimezone: true }),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const statisticalPeriodForms = pgTable(
  "statistical_period_forms",
  {
    periodId: uuid("period_id").notNull(),
    formKey: text("form_key").notNull(),
    formVersion: integer("form_version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.formKey] })],
);

export const statisticalReports = pgTable("statistical_reports", {
  id: uuid("id").primaryKey().defaultRandom(),
  periodId: uuid("period_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  formKey: text("form_key").notNull(),
  formVersion: integer("form_version").notNull(),
  status: text("status").$type<"assigned" | "draft" | "submitted" | "returned" | "approved">().notNull().default("assigned"),
  errorCount: integer("error_count").notNull().default(0),
  warningCount: integer("warning_count").notNull().default(0),
  messages: jsonb("messages").notNull().default([]),
  submittedAt: timestamp("submitted_at", { withTimezone: true }),
  submittedBy: uuid("submitted_by"),
  returnedAt: timestamp("returned_at", { withTimezone: true }),
  reviewComment: text("review_comment"),
  approvedAt: timestamp("approved_at", { withTimezone: true }),
  approvedBy: uuid("approved_by"),
  unapprovedAt: timestamp("unapproved_at", { withTimezone: true }),
  unapproveReason: text("unapprove_reason"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const statisticalReportCells = pgTable(
  "statistical_report_cells",
  {
    reportId: uuid("report_id").notNull(),
    cellKey: text("cell_key").notNull(),
    value: numeric("value"),
    textValue: text("text_value"),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.cellKey] })],
);
