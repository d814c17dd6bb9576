// Process templates (migration 0006): versioned lifecycle definitions; versions are immutable (trigger).
import { pgTable, text, integer, date, jsonb, timestamp, uuid, primaryKey } from "drizzle-orm/pg-core";
import type { ProcessDefinition } from "../../../common/processes/schema.js";

export const processTemplates = pgTable("process_templates", {
  key: text("key").primaryKey(),
  nameVi: text("name_vi").notNull(),
  nameEn: text("name_en").notNull(),
});

export const processTemplateVersions = pgTable(
  "process_template_versions",
  {
    templateKey: text("template_key").notNull(),
    version: integer("version").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    legalBasis: text("legal_basis").notNull(),
    noteVi: text("note_vi"),
    noteEn: text("note_en"),
    definition: jsonb("definition").$type<ProcessDefinition>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by"),
  },
  (t) => [primaryKey({ columns: [t.templateKey, t.version] })],
);
