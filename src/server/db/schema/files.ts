import { pgTable, uuid, text, integer, timestamp, jsonb, customType } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const files = pgTable("files", {
  id: uuid("id").primaryKey().defaultRandom(),
  originalName: text("original_name").notNull(),
  mediaType: text("media_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  sha256: text("sha256").notNull(),
  content: bytea("content").notNull(),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export const imports = pgTable("imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").notNull(),
  fileId: uuid("file_id"),
  fileSha256: text("file_sha256").notNull(),
  idempotencyKey: text("idempotency_key"),
  status: text("status").$type<"invalid" | "ready" | "committed">().notNull(),
  totalRows: integer("total_rows").notNull(),
  errorCount: integer("error_count").notNull().default(0),
  errors: jsonb("errors").$type<unknown[]>().notNull().default([]),
  rows: jsonb("rows").$type<unknown[]>().notNull().default([]),
  createdIds: jsonb("created_ids").$type<string[] | null>(),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  committedAt: timestamp("committed_at", { withTimezone: true }),
  version: integer("version").notNull().default(1),
});
