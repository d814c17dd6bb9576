// Funding plan versions (baseline + scenarios, immutable) and actual allocations (migration 0019_funding_plans.sql).
import { pgTable, uuid, text, integer, bigint, jsonb, timestamp } from "drizzle-orm/pg-core";
import type { YearInputs } from "../../../common/funding-plan/model.js";

export type FundingPlanVersionKind = "baseline" | "scenario";

export const fundingPlanVersions = pgTable("funding_plan_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  planKey: text("plan_key").notNull(),
  number: integer("number").notNull(),
  kind: text("kind").$type<FundingPlanVersionKind>().notNull(),
  name: text("name").notNull(),
  note: text("note"),
  basedOnId: uuid("based_on_id"),
  inputs: jsonb("inputs").$type<YearInputs[]>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
});

export const fundingPlanActuals = pgTable("funding_plan_actuals", {
  id: uuid("id").primaryKey().defaultRandom(),
  year: integer("year").notNull(),
  cityRecurrent: bigint("city_recurrent", { mode: "number" }).notNull(),
  cityDevelopment: bigint("city_development", { mode: "number" }).notNull(),
  otherSources: bigint("other_sources", { mode: "number" }),
  source: text("source").notNull(),
  note: text("note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});
