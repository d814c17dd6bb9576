// API schema of S&T programmes (chương trình KH&CN): objectives, period, managing unit, budget, sectors and fields.
import { z } from "zod";
import { listQuery } from "../list.js";
import { optText, uuid, version } from "./shared.js";

/** Programme and call codes: upper-case letters (Đ included), digits and . - _ /, e.g. "CT.KHCN.01". */
export const RECORD_CODE_RE = /^[A-ZĐ0-9][A-ZĐ0-9._/-]{1,39}$/;
export const recordCode = z.string().trim().regex(RECORD_CODE_RE, "A-Z 0-9 . - _ /");

const year = z.number().int().min(1990).max(2100);
/** Money in đồng: a non-negative integer (bigint in the database). */
export const money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const PROGRAMME_STATUSES = ["active", "closed"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const programmeInput = z
  .object({
    code: recordCode,
    nameVi: z.string().trim().min(2).max(500),
    nameEn: optText(500),
    objectives: optText(10000),
    startYear: year,
    endYear: year,
    managingOrganisationId: uuid.nullish().transform((v) => v ?? null),
    totalBudget: money.default(0),
    sectors: z.array(z.string().max(20)).max(10).default([]),
    fields: z.array(z.string().max(10)).max(50).default([]),
    status: z.enum(PROGRAMME_STATUSES).default("active"),
  })
  .strict()
  .refine((p) => p.endYear >= p.startYear, { path: ["endYear"], message: "endYear ≥ startYear" });
export type ProgrammeInput = z.input<typeof programmeInput>;

export const programmeUpdate = programmeInput.safeExtend({ version }).strict();

export const programmeAbilities = z.object({ read: z.boolean(), update: z.boolean() });

export const programme = z.object({
  id: uuid,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  objectives: z.string().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  managingOrganisationId: uuid.nullable(),
  managingOrganisationName: z.string().nullable(),
  totalBudget: z.number().int(),
  sectors: z.array(z.string()),
  fields: z.array(z.string()),
  status: z.enum(PROGRAMME_STATUSES),
  callCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: programmeAbilities,
});
export type Programme = z.infer<typeof programme>;

export const programmeSummary = z.object({
  id: uuid,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  managingOrganisationName: z.string().nullable(),
  totalBudget: z.number().int(),
  sectors: z.array(z.string()),
  status: z.enum(PROGRAMME_STATUSES),
  updatedAt: z.string(),
});
export type ProgrammeSummary = z.infer<typeof programmeSummary>;

export const PROGRAMME_SORTS = ["code", "name", "startYear", "updatedAt"] as const;

export const programmeListQuery = listQuery
  .extend({
    status: z.enum(PROGRAMME_STATUSES).optional(),
    sector: z.string().max(20).optional(),
    field: z.string().max(10).optional(),
    /** programmes running in this year (startYear ≤ year ≤ endYear) */
    year: z.coerce.number().int().min(1990).max(2100).optional(),
  })
  .strict();
export type ProgrammeListQuery = z.infer<typeof programmeListQuery>;
