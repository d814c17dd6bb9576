import { sql } from "drizzle-orm";
import { pgTable, uuid, text, integer, boolean, timestamp, date, jsonb, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { PersonAward, PersonEducation, PersonLanguage } from "../../../common/api/person.js";

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  type: text("type").notNull(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en"),
  abbreviation: text("abbreviation"),
  taxCode: text("tax_code"),
  orgIdCode: text("org_id_code"),
  ror: text("ror"),
  parentId: uuid("parent_id").references((): AnyPgColumn => organisations.id),
  address: text("address"),
  /** code list `admin_unit`: the commune, ward or special zone (since 1/7/2025) */
  commune: text("commune"),
  /** code list `district`: the district before 1/7/2025, kept as history */
  district: text("district"),
  governance: text("governance").$type<"central" | "local">().notNull().default("local"),
  fields: text("fields").array().notNull().default([]),
  website: text("website"),
  email: text("email"),
  phone: text("phone"),
  foundedYear: integer("founded_year"),
  searchText: text("search_text").generatedAlwaysAs(
    sql`f_fold(coalesce(name_vi, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(abbreviation, '') || ' ' || coalesce(tax_code, ''))`,
  ),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const laboratories = pgTable("laboratories", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id").notNull(),
  name: text("name").notNull(),
  scheme: text("scheme").$type<"VILAS" | "ISO17025">().notNull(),
  accreditationNumber: text("accreditation_number").notNull(),
  expiresOn: date("expires_on"),
  fields: text("fields").array().notNull().default([]),
});

export const people = pgTable("people", {
  id: uuid("id").primaryKey().defaultRandom(),
  fullName: text("full_name").notNull(),
  givenName: text("given_name").generatedAlwaysAs(sql`regexp_replace(btrim(full_name), '^.*\s', '')`),
  birthYear: integer("birth_year"),
  gender: text("gender").$type<"male" | "female" | "other">(),
  degree: text("degree"),
  title: text("title"),
  fields: text("fields").array().notNull().default([]),
  keywords: text("keywords").array().notNull().default([]),
  orcid: text("orcid"),
  email: text("email"),
  phone: text("phone"),
  address: text("address"),
  isExpert: boolean("is_expert").notNull().default(false),
  expertSince: date("expert_since"),
  primaryOrganisationId: uuid("primary_organisation_id"),
  /** The scientific CV's training, languages and awards (migration 0030): lists validated by common/api/person.ts */
  education: jsonb("education").$type<PersonEducation[]>().notNull().default([]),
  languages: jsonb("languages").$type<PersonLanguage[]>().notNull().default([]),
  awards: jsonb("awards").$type<PersonAward[]>().notNull().default([]),
  searchText: text("search_text").generatedAlwaysAs(sql`f_fold(full_name)`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const personAffiliations = pgTable("person_affiliations", {
  id: uuid("id").primaryKey().defaultRandom(),
  personId: uuid("person_id").notNull(),
  organisationId: uuid("organisation_id").notNull(),
  position: text("position"),
  startDate: date("start_date"),
  endDate: date("end_date"),
});

export const consents = pgTable("consents", {
  id: uuid("id").primaryKey().defaultRandom(),
  personId: uuid("person_id").notNull(),
  purpose: text("purpose").notNull(),
  noticeVersion: text("notice_version").notNull(),
  granted: boolean("granted").notNull(),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  recordedBy: uuid("recorded_by"),
});

export const deletionRequests = pgTable("deletion_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  personId: uuid("person_id"),
  requestedBy: uuid("requested_by"),
  reason: text("reason"),
  status: text("status").$type<"open" | "completed" | "rejected">().notNull().default("open"),
  resolution: text("resolution"),
  requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  resolvedBy: uuid("resolved_by"),
  version: integer("version").notNull().default(1),
});
