import { pgTable, text, integer, date, primaryKey } from "drizzle-orm/pg-core";

export const codeListVersions = pgTable(
  "code_list_versions",
  {
    listKey: text("list_key").notNull(),
    version: integer("version").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    legalBasis: text("legal_basis").notNull(),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.listKey, t.version] })],
);

export const codes = pgTable(
  "codes",
  {
    listKey: text("list_key").notNull(),
    version: integer("version").notNull(),
    code: text("code").notNull(),
    parentCode: text("parent_code"),
    level: integer("level").notNull().default(1),
    labelVi: text("label_vi").notNull(),
    labelEn: text("label_en").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.listKey, t.version, t.code] })],
);
