// The register of documents issued (migration 0028_document_register.sql).
import { sql } from "drizzle-orm";
import { pgTable, uuid, text, integer, timestamp, date, primaryKey } from "drizzle-orm/pg-core";

export const documentRegisterCounters = pgTable(
  "document_register_counters",
  {
    register: text("register").notNull(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.register, t.year] })],
);

export const documentRegister = pgTable("document_register", {
  id: uuid("id").primaryKey().defaultRandom(),
  register: text("register").notNull(),
  year: integer("year").notNull(),
  number: integer("number").notNull(),
  symbol: text("symbol").notNull(),
  kind: text("kind").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: uuid("entity_id").notNull(),
  typeName: text("type_name").notNull(),
  summary: text("summary").notNull(),
  signer: text("signer").notNull(),
  recipients: text("recipients").notNull(),
  issuedOn: date("issued_on").notNull(),
  issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
  issuedBy: uuid("issued_by"),
  signedFileId: uuid("signed_file_id"),
  signedAttachedAt: timestamp("signed_attached_at", { withTimezone: true }),
  signedAttachedBy: uuid("signed_attached_by"),
  searchText: text("search_text").generatedAlwaysAs(sql`f_fold(symbol || ' ' || type_name || ' ' || summary)`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  version: integer("version").notNull().default(1),
});
