// Contracts for approved S&T tasks, their products, disbursement plan, payment ledger and amendments
// (migration 0011_contracts.sql).
import { sql } from "drizzle-orm";
import { pgTable, uuid, text, integer, bigint, jsonb, timestamp, date, numeric } from "drizzle-orm/pg-core";

export type ContractStatus = "draft" | "signed" | "amended" | "liquidated" | "terminated";
export type TrancheKind = "advance" | "tranche";
export type PaymentKind = "payment" | "reversal" | "return";
export type PaymentStatus = "pending" | "approved" | "rejected";
export type AmendmentKind = "schedule" | "content" | "budget" | "pi";
export type AmendmentStatus = "pending" | "approved" | "rejected" | "withdrawn";

export const contracts = pgTable("contracts", {
  id: uuid("id").primaryKey().defaultRandom(),
  taskId: uuid("task_id").notNull(),
  number: text("number").notNull(),
  year: integer("year").notNull(),
  status: text("status").$type<ContractStatus>().notNull().default("draft"),
  partyAName: text("party_a_name").notNull(),
  partyARepresentative: text("party_a_representative"),
  partyBOrganisationId: uuid("party_b_organisation_id").notNull(),
  partyBRepresentative: text("party_b_representative"),
  piPersonId: uuid("pi_person_id").notNull(),
  valueCity: bigint("value_city", { mode: "number" }).notNull(),
  valueOther: bigint("value_other", { mode: "number" }).notNull().default(0),
  startDate: date("start_date").notNull(),
  endDate: date("end_date").notNull(),
  terms: text("terms"),
  preparedBy: uuid("prepared_by").notNull(),
  signedBy: uuid("signed_by"),
  signedAt: timestamp("signed_at", { withTimezone: true }),
  partyASignedOn: date("party_a_signed_on"),
  partyBSignedOn: date("party_b_signed_on"),
  spentCity: bigint("spent_city", { mode: "number" }),
  settledBy: uuid("settled_by"),
  settledAt: timestamp("settled_at", { withTimezone: true }),
  terminatedAt: timestamp("terminated_at", { withTimezone: true }),
  terminatedBy: uuid("terminated_by"),
  terminationReason: text("termination_reason"),
  amountToReturn: bigint("amount_to_return", { mode: "number" }),
  liquidatedAt: timestamp("liquidated_at", { withTimezone: true }),
  liquidatedBy: uuid("liquidated_by"),
  searchText: text("search_text").generatedAlwaysAs(sql`f_fold(coalesce(number, '') || ' ' || coalesce(party_a_name, ''))`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const contractProducts = pgTable("contract_products", {
  id: uuid("id").primaryKey().defaultRandom(),
  contractId: uuid("contract_id").notNull(),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  outputType: text("output_type").notNull(),
  quantity: numeric("quantity", { precision: 12, scale: 2, mode: "number" }).notNull(),
  unit: text("unit").notNull(),
  qualityTarget: text("quality_target").notNull(),
});

export const contractTranches = pgTable("contract_tranches", {
  id: uuid("id").primaryKey().defaultRandom(),
  contractId: uuid("contract_id").notNull(),
  position: integer("position").notNull(),
  kind: text("kind").$type<TrancheKind>().notNull(),
  label: text("label").notNull(),
  plannedDate: date("planned_date").notNull(),
  amountCity: bigint("amount_city", { mode: "number" }).notNull(),
  amountOther: bigint("amount_other", { mode: "number" }).notNull().default(0),
  condition: text("condition"),
  status: text("status").$type<"planned" | "cancelled">().notNull().default("planned"),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  cancelledBy: uuid("cancelled_by"),
  cancelReason: text("cancel_reason"),
});

export const contractPayments = pgTable("contract_payments", {
  id: uuid("id").primaryKey().defaultRandom(),
  contractId: uuid("contract_id").notNull(),
  trancheId: uuid("tranche_id"),
  kind: text("kind").$type<PaymentKind>().notNull(),
  source: text("source").$type<"city" | "other">().notNull(),
  amount: bigint("amount", { mode: "number" }).notNull(),
  paidOn: date("paid_on").notNull(),
  reference: text("reference"),
  note: text("note"),
  reversesId: uuid("reverses_id"),
  status: text("status").$type<PaymentStatus>().notNull().default("pending"),
  preparedBy: uuid("prepared_by").notNull(),
  preparedAt: timestamp("prepared_at", { withTimezone: true }).notNull(),
  decidedBy: uuid("decided_by"),
  decidedAt: timestamp("decided_at", { withTimezone: true }),
  decisionNote: text("decision_note"),
  version: integer("version").notNull().default(1),
});

export const contractAmendments = pgTable("contract_amendments", {
  id: uuid("id").primaryKey().defaultRandom(),
  contractId: uuid("contract_id").notNull(),
  seq: integer("seq").notNull(),
  kind: text("kind").$type<AmendmentKind>().notNull(),
  status: text("status").$type<AmendmentStatus>().notNull().default("pending"),
  reason: text("reason").notNull(),
  proposed: jsonb("proposed").$type<Record<string, unknown>>().notNull(),
  previous: jsonb("previous").$type<Record<string, unknown>>(),
  requestedBy: uuid("requested_by").notNull(),
  requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
  decidedBy: uuid("decided_by"),
  decidedAt: timestamp("decided_at", { withTimezone: true }),
  decisionNote: text("decision_note"),
  version: integer("version").notNull().default(1),
});
