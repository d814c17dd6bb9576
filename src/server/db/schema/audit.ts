import { pgTable, bigserial, uuid, text, timestamp, jsonb } from "drizzle-orm/pg-core";

export const auditLog = pgTable("audit_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull(),
  actorId: uuid("actor_id"),
  actorUsername: text("actor_username"),
  action: text("action").notNull(),
  entityType: text("entity_type"),
  entityId: text("entity_id"),
  outcome: text("outcome").$type<"success" | "denied" | "failure">().notNull(),
  ip: text("ip"),
  correlationId: text("correlation_id"),
  before: jsonb("before"),
  after: jsonb("after"),
  details: jsonb("details"),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});
