// Input series for indicators and the funding plan (migration 0017_series.sql).
import { pgTable, text, integer, numeric, boolean, timestamp, uuid, primaryKey } from "drizzle-orm/pg-core";

export const statisticalSeries = pgTable("statistical_series", {
  key: text("key").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
  unitVi: text("unit_vi").notNull(),
  unitEn: text("unit_en").notNull(),
  descriptionVi: text("description_vi"),
  descriptionEn: text("description_en"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  version: integer("version").notNull().default(1),
});

export const statisticalSeriesValues = pgTable(
  "statistical_series_values",
  {
    seriesKey: text("series_key").notNull(),
    year: integer("year").notNull(),
    value: numeric("value").notNull(),
    source: text("source").notNull(),
    note: text("note"),
    estimate: boolean("estimate").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by"),
    updatedBy: uuid("updated_by"),
    version: integer("version").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.seriesKey, t.year] })],
);
