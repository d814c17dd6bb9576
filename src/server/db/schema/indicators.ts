// Indicators of the plan's targets and their entered values (migration 0018_indicators.sql).
import { sql } from "drizzle-orm";
import { pgTable, uuid, text, integer, numeric, boolean, jsonb, timestamp, primaryKey, date } from "drizzle-orm/pg-core";

export interface StoredBaseline {
  value: number;
  year: number;
  period: string | null;
  labelVi: string | null;
  labelEn: string | null;
  sourceLine: number | null;
  quote: string | null;
  note: string | null;
}
export interface StoredTarget {
  year: number;
  value: number | null;
  min: number | null;
  max: number | null;
  bound: string;
  original: string | null;
  sourceLine: number | null;
  quote: string | null;
  note: string | null;
}

export const indicators = pgTable("indicators", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull(),
  origin: text("origin").notNull().default("custom"),
  targetNo: text("target_no"),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  statementVi: text("statement_vi"),
  unitVi: text("unit_vi").notNull(),
  unitEn: text("unit_en").notNull(),
  direction: text("direction").notNull(),
  definitionVi: text("definition_vi"),
  definitionEn: text("definition_en"),
  notes: text("notes"),
  baseline: jsonb("baseline").$type<StoredBaseline | null>(),
  targets: jsonb("targets").$type<StoredTarget[]>().notNull().default([]),
  valueSource: text("value_source").notNull().default("entered"),
  computation: text("computation"),
  consolidationFormCode: text("consolidation_form_code"),
  consolidationCellKey: text("consolidation_cell_key"),
  published: boolean("published").notNull().default(false),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  publishedBy: uuid("published_by"),
  sortOrder: integer("sort_order").notNull().default(1000),
  searchText: text("search_text").generatedAlwaysAs(sql`f_fold(code || ' ' || name_vi || ' ' || name_en || ' ' || coalesce(target_no, ''))`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const indicatorValues = pgTable(
  "indicator_values",
  {
    indicatorId: uuid("indicator_id").notNull(),
    year: integer("year").notNull(),
    value: numeric("value").notNull(),
    source: text("source").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by"),
    updatedBy: uuid("updated_by"),
    version: integer("version").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.year] })],
);

// Figures the computed indicators take from the registries, recomputed by the upkeep (migration 0023_registry_figures.sql).
export const registryFigures = pgTable("registry_figures", {
  key: text("key").primaryKey(),
  asOf: date("as_of", { mode: "string" }).notNull(),
  figures: jsonb("figures").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
});
