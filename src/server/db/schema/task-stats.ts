// Task analytics summary (migration 0016_task_stats.sql): kept by triggers on `tasks` and the dossiers' products.
import { pgTable, text, boolean, integer, bigint, numeric, uuid, primaryKey } from "drizzle-orm/pg-core";

export const taskStatusGroups = pgTable("task_status_groups", {
  step: text("step").primaryKey(),
  grp: text("grp").notNull(),
  countsProposed: boolean("counts_proposed").notNull(),
  grpWithoutPass: text("grp_without_pass"),
  countsProposedWithoutPass: boolean("counts_proposed_without_pass").notNull().default(false),
});

export const taskStatDeltas = pgTable("task_stat_deltas", {
  dim: text("dim").notNull(),
  key: text("key"),
  year: integer("year").notNull(),
  origin: text("origin").notNull(),
  n: integer("n").notNull(),
  city: bigint("city", { mode: "number" }).notNull(),
  other: bigint("other", { mode: "number" }).notNull(),
  proposed: bigint("proposed", { mode: "number" }).notNull(),
  quantity: numeric("quantity", { mode: "number" }).notNull().default(0),
});

export const dossierOutputTotals = pgTable(
  "dossier_output_totals",
  {
    dossierId: uuid("dossier_id").notNull(),
    outputType: text("output_type").notNull(),
    products: integer("products").notNull(),
    quantity: numeric("quantity", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dossierId, t.outputType] })],
);
