// S&T tasks and their dossiers (migration 0007_tasks.sql).
import { sql } from "drizzle-orm";
import { pgTable, uuid, text, integer, bigint, jsonb, timestamp, date, numeric } from "drizzle-orm/pg-core";
import type { OutputType } from "../../../common/api/task.js";

export const codeCounters = pgTable("code_counters", {
  scope: text("scope").primaryKey(),
  value: integer("value").notNull().default(0),
});

export type TaskType = "de_tai" | "du_an_sxtn" | "du_an_khcn" | "de_an" | "htqt" | "co_so";
export type TaskLevel = "city" | "ministry" | "national" | "grassroots";
export type TaskMethod = "selection" | "direct" | "funding" | "ordering";
export type ResultGrade = "excellent" | "pass" | "fail";

export const tasks = pgTable("tasks", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull(),
  titleVi: text("title_vi").notNull(),
  titleEn: text("title_en"),
  taskType: text("task_type").$type<TaskType>().notNull(),
  level: text("level").$type<TaskLevel>().notNull().default("city"),
  method: text("method").$type<TaskMethod>(),
  templateKey: text("template_key").notNull(),
  templateVersion: integer("template_version").notNull(),
  state: text("state").notNull(),
  stateEnteredBy: uuid("state_entered_by"),
  stateEnteredAt: timestamp("state_entered_at", { withTimezone: true }).notNull(),
  origin: text("origin").$type<"platform" | "historical">().notNull().default("platform"),
  year: integer("year").notNull(),
  programmeId: uuid("programme_id"),
  proposalCallId: uuid("proposal_call_id"),
  selectionCallId: uuid("selection_call_id"),
  fieldCode: text("field_code"),
  sectorCode: text("sector_code"),
  proposerUserId: uuid("proposer_user_id"),
  proposingOrganisationId: uuid("proposing_organisation_id"),
  rationale: text("rationale"),
  objectives: text("objectives"),
  expectedResults: text("expected_results"),
  proposedBudget: bigint("proposed_budget", { mode: "number" }),
  proposedMonths: integer("proposed_months"),
  piPersonId: uuid("pi_person_id"),
  leadOrganisationId: uuid("lead_organisation_id"),
  selectedDossierId: uuid("selected_dossier_id"),
  startDate: date("start_date"),
  endDate: date("end_date"),
  approvedBudgetCity: bigint("approved_budget_city", { mode: "number" }),
  approvedBudgetOther: bigint("approved_budget_other", { mode: "number" }),
  decisionNumber: text("decision_number"),
  decisionDate: date("decision_date"),
  resultGrade: text("result_grade").$type<ResultGrade>(),
  registrationCode: text("registration_code"),
  registeredAt: timestamp("registered_at", { withTimezone: true }),
  searchText: text("search_text").generatedAlwaysAs(sql`f_fold(coalesce(code, '') || ' ' || coalesce(title_vi, '') || ' ' || coalesce(title_en, ''))`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export type DossierStatus = "draft" | "submitted" | "valid" | "invalid" | "selected" | "not_selected" | "withdrawn";

export const taskDossiers = pgTable("task_dossiers", {
  id: uuid("id").primaryKey().defaultRandom(),
  taskId: uuid("task_id").notNull(),
  status: text("status").$type<DossierStatus>().notNull().default("draft"),
  ownerUserId: uuid("owner_user_id").notNull(),
  piPersonId: uuid("pi_person_id").notNull(),
  leadOrganisationId: uuid("lead_organisation_id").notNull(),
  objectives: text("objectives"),
  content: text("content"),
  methods: text("methods"),
  novelty: text("novelty"),
  applicationPlan: text("application_plan"),
  durationMonths: integer("duration_months"),
  startDate: date("start_date"),
  submittedAt: timestamp("submitted_at", { withTimezone: true }),
  submittedBy: uuid("submitted_by"),
  submissionHash: text("submission_hash"),
  openedAt: timestamp("opened_at", { withTimezone: true }),
  openedBy: uuid("opened_by"),
  validityCheck: jsonb("validity_check").$type<unknown>(),
  validityNote: text("validity_note"),
  revision: integer("revision").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export type { OutputType };

export const taskDossierProducts = pgTable("task_dossier_products", {
  id: uuid("id").primaryKey().defaultRandom(),
  dossierId: uuid("dossier_id").notNull(),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  outputType: text("output_type").$type<OutputType>().notNull(),
  quantity: numeric("quantity", { precision: 12, scale: 2, mode: "number" }).notNull(),
  unit: text("unit").notNull(),
  qualityTarget: text("quality_target").notNull(),
});

export const taskDossierMilestones = pgTable("task_dossier_milestones", {
  id: uuid("id").primaryKey().defaultRandom(),
  dossierId: uuid("dossier_id").notNull(),
  position: integer("position").notNull(),
  content: text("content").notNull(),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on").notNull(),
  deliverable: text("deliverable"),
});

export type TeamRole = "pi" | "secretary" | "key_member" | "member" | "technician";

export const taskDossierTeam = pgTable("task_dossier_team", {
  id: uuid("id").primaryKey().defaultRandom(),
  dossierId: uuid("dossier_id").notNull(),
  personId: uuid("person_id").notNull(),
  role: text("role").$type<TeamRole>().notNull(),
  months: numeric("months", { precision: 5, scale: 1, mode: "number" }),
});

export type BudgetSource = "city" | "other";
export type BudgetCategory = "labour" | "materials" | "equipment" | "travel" | "services" | "other";

export const taskDossierBudget = pgTable("task_dossier_budget", {
  id: uuid("id").primaryKey().defaultRandom(),
  dossierId: uuid("dossier_id").notNull(),
  year: integer("year").notNull(),
  source: text("source").$type<BudgetSource>().notNull(),
  category: text("category").$type<BudgetCategory>().notNull(),
  amount: bigint("amount", { mode: "number" }).notNull(),
});

export type DocumentStage =
  "proposal" | "dossier" | "revision" | "council" | "decision" | "contract" | "progress" | "acceptance" | "registration" | "application" | "settlement";

export const taskDocuments = pgTable("task_documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  taskId: uuid("task_id").notNull(),
  dossierId: uuid("dossier_id"),
  code: text("code").notNull(),
  fileId: uuid("file_id").notNull(),
  stage: text("stage").$type<DocumentStage>().notNull(),
  note: text("note"),
  uploadedBy: uuid("uploaded_by"),
  uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
});
