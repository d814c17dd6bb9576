// Councils (migrations 0008_councils.sql, 0015_council_paper.sql, 0026_council_late_conflicts.sql): rule sets, councils,
// subjects, members, conflict checks, ballots, results.
import { sql } from "drizzle-orm";
import { pgTable, uuid, text, integer, bigint, jsonb, timestamp, date, boolean, doublePrecision, primaryKey } from "drizzle-orm/pg-core";
import type { CouncilKind, CouncilRole, CouncilRuleSet, Grade } from "../../../common/councils/index.js";

export type CouncilStatus = "draft" | "invited" | "in_session" | "concluded" | "cancelled";
export interface ConflictLine {
  code: string;
  vi: string;
  en: string;
  /** a role limit (allowed as an ordinary member) rather than a block */
  limit?: boolean;
}

export const councilRuleSets = pgTable(
  "council_rule_sets",
  {
    key: text("key").notNull(),
    version: integer("version").notNull(),
    kind: text("kind").$type<CouncilKind>().notNull(),
    effectiveFrom: date("effective_from").notNull(),
    legalBasis: text("legal_basis").notNull(),
    definition: jsonb("definition").$type<CouncilRuleSet>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.version] })],
);

export const councils = pgTable("councils", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").$type<CouncilKind>().notNull(),
  ruleSetKey: text("rule_set_key").notNull(),
  ruleSetVersion: integer("rule_set_version").notNull(),
  title: text("title").notNull(),
  meetingAt: timestamp("meeting_at", { withTimezone: true }),
  place: text("place"),
  decisionNumber: text("decision_number"),
  decisionDate: date("decision_date"),
  status: text("status").$type<CouncilStatus>().notNull().default("draft"),
  quorumMet: boolean("quorum_met").notNull().default(false),
  invitedAt: timestamp("invited_at", { withTimezone: true }),
  openedAt: timestamp("opened_at", { withTimezone: true }),
  concludedAt: timestamp("concluded_at", { withTimezone: true }),
  concludedBy: uuid("concluded_by"),
  reopenedAt: timestamp("reopened_at", { withTimezone: true }),
  reopenedBy: uuid("reopened_by"),
  reopenReason: text("reopen_reason"),
  cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
  cancelReason: text("cancel_reason"),
  searchText: text("search_text").generatedAlwaysAs(sql`f_fold(coalesce(title, '') || ' ' || coalesce(decision_number, ''))`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  updatedBy: uuid("updated_by"),
  version: integer("version").notNull().default(1),
});

export const councilSubjects = pgTable("council_subjects", {
  id: uuid("id").primaryKey().defaultRandom(),
  councilId: uuid("council_id").notNull(),
  taskId: uuid("task_id").notNull(),
  dossierId: uuid("dossier_id"),
  position: integer("position").notNull(),
  lateSubmission: boolean("late_submission").notNull().default(false),
});

export const councilMembers = pgTable("council_members", {
  id: uuid("id").primaryKey().defaultRandom(),
  councilId: uuid("council_id").notNull(),
  personId: uuid("person_id").notNull(),
  role: text("role").$type<CouncilRole>().notNull(),
  authorisedToChair: boolean("authorised_to_chair").notNull().default(false),
  invitedAt: timestamp("invited_at", { withTimezone: true }),
  declarationSignedAt: timestamp("declaration_signed_at", { withTimezone: true }),
  declarationStatement: text("declaration_statement"),
  /** signed on paper and recorded by an officer (declaration_signed_at = the day it was signed) */
  declarationPaper: boolean("declaration_paper").notNull().default(false),
  declarationRecordedBy: uuid("declaration_recorded_by"),
  declarationRecordedAt: timestamp("declaration_recorded_at", { withTimezone: true }),
  present: boolean("present").notNull().default(false),
  conflictOverrideBy: uuid("conflict_override_by"),
  conflictOverrideReason: text("conflict_override_reason"),
  conflictOverriddenAt: timestamp("conflict_overridden_at", { withTimezone: true }),
  /** the lines of the member's latest conflict check (when added, invited, before each ballot, when overridden) */
  conflictLines: jsonb("conflict_lines").$type<ConflictLine[]>(),
  conflictCheckedAt: timestamp("conflict_checked_at", { withTimezone: true }),
  /** the conflict lines the leader's override covers; a line found later and not among them blocks again */
  conflictOverrideLines: jsonb("conflict_override_lines").$type<ConflictLine[]>(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  createdBy: uuid("created_by"),
  version: integer("version").notNull().default(1),
});

export const councilConflictChecks = pgTable("council_conflict_checks", {
  id: uuid("id").primaryKey().defaultRandom(),
  councilId: uuid("council_id").notNull(),
  personId: uuid("person_id").notNull(),
  role: text("role").$type<CouncilRole>().notNull(),
  conflict: boolean("conflict").notNull(),
  lines: jsonb("lines").$type<ConflictLine[]>().notNull(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  checkedBy: uuid("checked_by"),
});

export const councilBallots = pgTable("council_ballots", {
  id: uuid("id").primaryKey().defaultRandom(),
  councilId: uuid("council_id").notNull(),
  memberId: uuid("member_id").notNull(),
  subjectId: uuid("subject_id").notNull(),
  status: text("status").$type<"draft" | "submitted">().notNull().default("draft"),
  comment: text("comment"),
  recommendedBudget: bigint("recommended_budget", { mode: "number" }),
  paper: boolean("paper").notNull().default(false),
  recordedBy: uuid("recorded_by"),
  submittedAt: timestamp("submitted_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  version: integer("version").notNull().default(1),
});

export const councilBallotScores = pgTable(
  "council_ballot_scores",
  {
    ballotId: uuid("ballot_id").notNull(),
    criterionKey: text("criterion_key").notNull(),
    points: integer("points"),
    level: text("level").$type<Grade>(),
    met: boolean("met"),
    percent: integer("percent"),
  },
  (t) => [primaryKey({ columns: [t.ballotId, t.criterionKey] })],
);

export const councilResults = pgTable("council_results", {
  id: uuid("id").primaryKey().defaultRandom(),
  councilId: uuid("council_id").notNull(),
  subjectId: uuid("subject_id").notNull(),
  ballots: integer("ballots").notNull(),
  validCount: integer("valid_count").notNull(),
  invalidCount: integer("invalid_count").notNull(),
  average: doublePrecision("average"),
  bonus: doublePrecision("bonus"),
  score: doublePrecision("score"),
  approvals: integer("approvals"),
  rank: integer("rank"),
  passed: boolean("passed"),
  selected: boolean("selected").notNull().default(false),
  grade: text("grade").$type<Grade>(),
  recommendedBudget: bigint("recommended_budget", { mode: "number" }),
  details: jsonb("details").$type<Record<string, unknown>>().notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
});
