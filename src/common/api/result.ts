// API schema of the results of S&T tasks:
// - internal acceptance (nghiệm thu cơ sở): held by the lead organisation before the task is filed for the official
//   acceptance; recorded by the PI / org rep while the task is at internal_acceptance (optional step);
// - the public summary of the result: edited by the PI / org rep or an officer from internal acceptance onwards,
//   public once the result is registered (the registration code comes from the task's register_result action);
// - application reports (báo cáo ứng dụng kết quả): filed by the PI / org rep once the result is registered, one or
//   more per task, reviewed by an officer (accepted, or returned for revision with a comment);
// - the public catalogue of registered results (no sign-in): nothing confidential — no budget lines (the approved
//   totals only), no council data, no personal contact data (only the PI's name and the organisation's name).
import { z } from "zod";
import { listQuery } from "../list.js";
import { TASK_TYPES } from "./task.js";
import { optText, uuid, version } from "./shared.js";
import { day } from "./monitoring.js";

export const INTERNAL_CONCLUSIONS = ["pass", "fail"] as const;
export type InternalConclusion = (typeof INTERNAL_CONCLUSIONS)[number];
export const APPLICATION_FORMS = ["production", "policy", "transfer", "commercialisation", "training", "other"] as const;
export type ApplicationForm = (typeof APPLICATION_FORMS)[number];
export const APPLICATION_STATUSES = ["submitted", "accepted", "needs_revision"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Task steps where the result summary may be written (from internal acceptance to the end). */
export const SUMMARY_STATES = [
  "internal_acceptance",
  "acceptance_dossier",
  "acceptance_council",
  "acceptance_failed",
  "accepted",
  "registered",
  "applied",
  "liquidated",
] as const;
/** Task steps after registration, when application reports are filed. */
export const APPLICATION_STATES = ["registered", "applied", "liquidated"] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const docRef = z.object({ documentId: uuid, code: z.string(), fileName: z.string(), sizeBytes: z.number().int() });

// ─── internal acceptance ───
export const internalMember = z.object({ name: text(200), position: optText(200) }).strict();
export const internalAcceptanceInput = z
  .object({
    heldOn: day,
    members: z.array(internalMember).min(1).max(30),
    conclusion: z.enum(INTERNAL_CONCLUSIONS),
    remarks: optText(10_000),
    /** a document of the task (uploaded with stage "acceptance") holding the signed minutes */
    minutesDocumentId: uuid.nullish().transform((v) => v ?? null),
    /** the version read; absent when the record is created */
    version: version.optional(),
  })
  .strict();
export type InternalAcceptanceInput = z.input<typeof internalAcceptanceInput>;

export const internalAcceptance = z.object({
  taskId: uuid,
  heldOn: z.string(),
  members: z.array(z.object({ name: z.string(), position: z.string().nullable() })),
  conclusion: z.enum(INTERNAL_CONCLUSIONS),
  remarks: z.string().nullable(),
  minutes: docRef.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type InternalAcceptance = z.infer<typeof internalAcceptance>;

// ─── result summary ───
export const resultSummaryInput = z
  .object({
    abstractVi: text(20_000),
    abstractEn: optText(20_000),
    keywords: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(100)
          .regex(/^[^;]+$/, "no ';'"),
      )
      .max(20)
      .default([]),
    outputsSummary: text(20_000),
    applicationField: optText(500),
    contactOrganisation: optText(500),
    version: version.optional(),
  })
  .strict();
export type ResultSummaryInput = z.input<typeof resultSummaryInput>;

export const resultSummaryFields = {
  abstractVi: z.string(),
  abstractEn: z.string().nullable(),
  keywords: z.array(z.string()),
  outputsSummary: z.string(),
  applicationField: z.string().nullable(),
  contactOrganisation: z.string().nullable(),
};
export const resultSummary = z.object({
  taskId: uuid,
  ...resultSummaryFields,
  /** public: the task's result is registered */
  published: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ResultSummary = z.infer<typeof resultSummary>;

// ─── application reports ───
const applicationFields = {
  place: text(500),
  form: z.enum(APPLICATION_FORMS),
  scale: optText(2000),
  startedOn: day,
  economicEffect: optText(10_000),
  /** economic value in đồng (revenue, savings), when known */
  economicValue: z
    .number()
    .int()
    .min(0)
    .max(1e15)
    .nullish()
    .transform((v) => v ?? null),
  socialEffect: optText(10_000),
  beneficiaries: z
    .number()
    .int()
    .min(0)
    .max(1e9)
    .nullish()
    .transform((v) => v ?? null),
  /** documents of the task (uploaded with stage "application") proving the application */
  evidenceDocumentIds: z.array(uuid).max(20).default([]),
};
export const applicationInput = z.object(applicationFields).strict();
export type ApplicationInput = z.input<typeof applicationInput>;
export const applicationUpdate = z.object({ ...applicationFields, version }).strict();
export const applicationReview = z
  .object({ decision: z.enum(["accepted", "needs_revision"]), comment: optText(5000), version })
  .strict()
  .refine((v) => v.decision === "accepted" || !!v.comment, { path: ["comment"], message: "required" });

export const applicationReport = z.object({
  id: uuid,
  taskId: uuid,
  sequence: z.number().int(),
  place: z.string(),
  form: z.enum(APPLICATION_FORMS),
  scale: z.string().nullable(),
  startedOn: z.string(),
  economicEffect: z.string().nullable(),
  economicValue: z.number().int().nullable(),
  socialEffect: z.string().nullable(),
  beneficiaries: z.number().int().nullable(),
  evidence: z.array(docRef),
  status: z.enum(APPLICATION_STATUSES),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ read: z.boolean(), edit: z.boolean(), review: z.boolean() }),
});
export type ApplicationReport = z.infer<typeof applicationReport>;

/** Everything about a task's result, for the task page. */
export const taskResults = z.object({
  taskId: uuid,
  state: z.string(),
  registrationCode: z.string().nullable(),
  registeredAt: z.string().nullable(),
  internalAcceptance: internalAcceptance.nullable(),
  summary: resultSummary.nullable(),
  applications: z.array(applicationReport),
  abilities: z.object({
    recordInternalAcceptance: z.boolean(),
    editSummary: z.boolean(),
    fileApplication: z.boolean(),
  }),
});
export type TaskResults = z.infer<typeof taskResults>;

// ─── public catalogue ───
export const publicResultQuery = listQuery
  .extend({
    fieldCode: z
      .string()
      .trim()
      .regex(/^\d{1,5}$/)
      .optional(),
    sectorCode: z.string().trim().min(1).max(20).optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
  })
  .strict();
export type PublicResultQuery = z.infer<typeof publicResultQuery>;

export const publicResultItem = z.object({
  id: uuid,
  code: z.string(),
  registrationCode: z.string(),
  registeredAt: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  taskType: z.enum(TASK_TYPES),
  fieldCode: z.string().nullable(),
  sectorCode: z.string().nullable(),
  year: z.number().int(),
  piName: z.string().nullable(),
  leadOrganisationName: z.string().nullable(),
  keywords: z.array(z.string()),
  abstractVi: z.string(),
});
export type PublicResultItem = z.infer<typeof publicResultItem>;

export const publicResult = publicResultItem.extend({
  abstractEn: z.string().nullable(),
  outputsSummary: z.string(),
  applicationField: z.string().nullable(),
  contactOrganisation: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  resultGrade: z.enum(["excellent", "pass", "fail"]).nullable(),
  /** the approved budget, totals only (city budget and other sources) */
  approvedBudgetCity: z.number().int().nullable(),
  approvedBudgetTotal: z.number().int().nullable(),
  /** accepted application reports: where and how the result is applied */
  applications: z.array(z.object({ place: z.string(), form: z.enum(APPLICATION_FORMS), startedOn: z.string(), scale: z.string().nullable() })),
});
export type PublicResult = z.infer<typeof publicResult>;
