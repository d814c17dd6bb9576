// S&T programmes and calls (migration 0005_programmes_calls.sql).
import { sql } from "drizzle-orm";
import { pgTable, uuid, text, integer, bigint, jsonb, timestamp } from "drizzle-orm/pg-core";
import type { RequiredDocument } from "../../../common/api/call.js";

export const programmes = pgTable("programmes", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en"),
  objectives: text("objectives"),
  startYear: integer("start_year").notNull(),
  endYear: integer("end_year").notNull(),
  managingOrganisationId: uuid("managing_organisation_id"),
  totalBudget: bigint("total_budget", { mode: "number" }).notNull().default(0),
  sectors: text("sectors").array().notNull().default([]),
  fields: text("fields").array().notNull().default([]),
  status: text("status").$type<"active" | "closed">().notNull().default("active"),
  searchText: text("search_text").generatedAlwaysAs(
    sql`f_fold(coalesce(code, '') || ' ' || coalesce(name_vi, '') || ' ' || coalesce(name_en, ''))`,
  ),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const calls = pgTable("calls", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull(),
  titleVi: text("title_vi").notNull(),
  titleEn: text("title_en"),
  kind: text("kind").$type<"proposal_collection" | "selection">().notNull(),
  programmeId: uuid("programme_id"),
  fields: text("fields").array().notNull().default([]),
  sectors: text("sectors").array().notNull().default([]),
  description: text("description"),
  requiredDocuments: jsonb("required_documents").$type<RequiredDocument[]>().notNull().default([]),
  opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
  closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
  status: text("status").$type<"draft" | "published" | "closed" | "cancelled">().notNull().default("draft"),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  publishedBy: uuid("published_by"),
  closedAt: timestamp("closed_at", { withTimezone: true }),
  closedBy: uuid("closed_by"),
  closeReason: text("close_reason"),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  cancelledBy: uuid("cancelled_by"),
  cancelReason: text("cancel_reason"),
  templateKey: text("template_key").notNull().default("baseline-2013"),
  searchText: text("search_text").generatedAlwaysAs(
    sql`f_fold(coalesce(code, '') || ' ' || coalesce(title_vi, '') || ' ' || coalesce(title_en, ''))`,
  ),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});
