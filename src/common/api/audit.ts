// API schema of the audit-log browser (nhật ký kiểm toán), shared by API and web. The log is read-only.
import { z } from "zod";
import { listQuery } from "../list.js";
import { isoDate, uuid } from "./shared.js";

/** A real calendar day from 1900 on (2026-02-30 is refused). */
const day = isoDate.refine((v) => {
  const d = new Date(v + "T00:00:00Z");
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= "1900";
}, "YYYY-MM-DD");

export const AUDIT_OUTCOMES = ["success", "denied", "failure"] as const;

export const auditListQuery = listQuery
  .extend({
    /** exact action, e.g. "user.roles_change" */
    action: z.string().trim().max(100).optional(),
    entityType: z.string().trim().max(60).optional(),
    entityId: z.string().trim().max(100).optional(),
    actorId: uuid.optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    /** calendar days in Vietnam time (UTC+7), both inclusive */
    from: day.optional(),
    to: day.optional(),
  })
  .strict();
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: uuid.nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  ip: z.string().nullable(),
  correlationId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** id of the first row whose hash does not match the chain, null when intact */
  brokenAt: z.number().int().nullable(),
});
