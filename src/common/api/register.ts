// The register of documents issued (sổ đăng ký văn bản đi): issuing a document gives it its number; the list; the
// signed scan attached back to the entry.
import { z } from "zod";
import { listQuery, listResponse } from "../list.js";

/** The documents the platform issues, each of one kind of record. */
export const REGISTER_KINDS = ["call_notice", "council_establishment", "approval_decision", "registration_certificate", "contract"] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

export const issueInput = z
  .object({
    kind: z.enum(REGISTER_KINDS),
    /** The record the document is about: the call, council, task or contract. */
    entityId: z.string().uuid(),
  })
  .strict();
export type IssueInput = z.infer<typeof issueInput>;

export const registerEntry = z.object({
  id: z.string().uuid(),
  register: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  /** "05/QĐ-SKHCN" */
  symbol: z.string(),
  kind: z.enum(REGISTER_KINDS),
  entityType: z.string(),
  entityId: z.string().uuid(),
  typeName: z.string(),
  summary: z.string(),
  signer: z.string(),
  recipients: z.string(),
  /** The issue day (Vietnam-local). */
  issuedOn: z.string(),
  issuedAt: z.string(),
  signed: z.object({ fileName: z.string(), attachedAt: z.string() }).nullable(),
  version: z.number().int(),
  abilities: z.object({ read: z.boolean(), attachSigned: z.boolean() }),
});
export type RegisterEntry = z.infer<typeof registerEntry>;

export const registerListQuery = listQuery
  .extend({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    kind: z.enum(REGISTER_KINDS).optional(),
  })
  .strict();
export type RegisterListQuery = z.infer<typeof registerListQuery>;
export const registerList = listResponse(registerEntry);
