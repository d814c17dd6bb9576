// API schema of the people registry (nhân lực KH&CN, chuyên gia), shared by API and web.
// Contact data (email, phone, address) is personal data: only staff (admin, officer) and the person see it.
import { z } from "zod";
import { listQuery } from "../list.js";
import { optText, uuid, isoDate, version, ORCID_RE, EMAIL_RE } from "./shared.js";

export const affiliationInput = z
  .object({
    organisationId: uuid,
    position: optText(200),
    startDate: isoDate.nullish().transform((v) => v ?? null),
    endDate: isoDate.nullish().transform((v) => v ?? null),
  })
  .strict()
  .refine((a) => !a.startDate || !a.endDate || a.endDate >= a.startDate, { message: "endDate < startDate", path: ["endDate"] });

// ─── The scientific CV's lists (Mẫu B1-4-LLCN items 8, 9 and 14), kept with the person ───

/** A year of graduation or of an award; the same range as a year of birth. */
const cvYear = z
  .number()
  .int()
  .min(1900)
  .max(2100)
  .nullish()
  .transform((v) => v ?? null);

/** 8. Quá trình đào tạo: one degree — its level (a code of the "degree" list), where, in what, and the year. */
export const educationItem = z
  .object({
    level: z.string().trim().min(1).max(10),
    institution: z.string().trim().min(1).max(300),
    field: optText(200),
    year: cvYear,
  })
  .strict();

/** The form's scale of a language skill: Tốt / Khá / Trung bình. */
export const LANGUAGE_LEVELS = ["good", "fair", "average"] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];
const languageLevel = z.enum(LANGUAGE_LEVELS);

/** 9. Trình độ ngoại ngữ: one language and the four skills the form asks about. */
export const languageItem = z
  .object({
    language: z.string().trim().min(1).max(60),
    listening: languageLevel,
    speaking: languageLevel,
    writing: languageLevel,
    reading: languageLevel,
  })
  .strict();

/** 14. Giải thưởng: the award (its form and content), the year, who gave it. */
export const awardItem = z
  .object({
    name: z.string().trim().min(1).max(300),
    year: cvYear,
    awardedBy: optText(300),
  })
  .strict();

export const educationList = z.array(educationItem).max(10);
export const languageList = z.array(languageItem).max(10);
export const awardList = z.array(awardItem).max(30);

export const personEducation = z.object({ level: z.string(), institution: z.string(), field: z.string().nullable(), year: z.number().int().nullable() });
export type PersonEducation = z.infer<typeof personEducation>;
export const personLanguage = z.object({
  language: z.string(),
  listening: languageLevel,
  speaking: languageLevel,
  writing: languageLevel,
  reading: languageLevel,
});
export type PersonLanguage = z.infer<typeof personLanguage>;
export const personAward = z.object({ name: z.string(), year: z.number().int().nullable(), awardedBy: z.string().nullable() });
export type PersonAward = z.infer<typeof personAward>;

export const personInput = z
  .object({
    fullName: z.string().trim().min(2).max(200),
    birthYear: z
      .number()
      .int()
      .min(1900)
      .max(2100)
      .nullish()
      .transform((v) => v ?? null),
    gender: z
      .enum(["male", "female", "other"])
      .nullish()
      .transform((v) => v ?? null),
    degree: optText(10),
    title: optText(10),
    fields: z.array(z.string().max(10)).max(20).default([]),
    keywords: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
    orcid: optText(19).refine((v) => v === null || ORCID_RE.test(v), { message: "0000-0000-0000-000X" }),
    email: optText(200).refine((v) => v === null || EMAIL_RE.test(v), { message: "e-mail" }),
    phone: optText(40),
    address: optText(500),
    isExpert: z.boolean().default(false),
    expertSince: isoDate.nullish().transform((v) => v ?? null),
    primaryOrganisationId: uuid.nullish().transform((v) => v ?? null),
    affiliations: z.array(affiliationInput).max(50).default([]),
    education: educationList.default([]),
    languages: languageList.default([]),
    awards: awardList.default([]),
  })
  .strict();
export type PersonInput = z.input<typeof personInput>;
export const personUpdate = personInput.extend({ version }).strict();

export const affiliation = z.object({
  id: uuid,
  organisationId: uuid,
  organisationName: z.string(),
  position: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const personContact = z.object({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});

export const personAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  delete: z.boolean(),
  viewContact: z.boolean(),
});

export const person = z.object({
  id: uuid,
  fullName: z.string(),
  givenName: z.string(),
  birthYear: z.number().int().nullable(),
  gender: z.enum(["male", "female", "other"]).nullable(),
  degree: z.string().nullable(),
  title: z.string().nullable(),
  fields: z.array(z.string()),
  keywords: z.array(z.string()),
  orcid: z.string().nullable(),
  /** null when the caller may not see contact data */
  contact: personContact.nullable(),
  isExpert: z.boolean(),
  expertSince: z.string().nullable(),
  primaryOrganisationId: uuid.nullable(),
  primaryOrganisationName: z.string().nullable(),
  affiliations: z.array(affiliation),
  education: z.array(personEducation),
  languages: z.array(personLanguage),
  awards: z.array(personAward),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: personAbilities,
});
export type Person = z.infer<typeof person>;

export const personSummary = z.object({
  id: uuid,
  fullName: z.string(),
  birthYear: z.number().int().nullable(),
  gender: z.enum(["male", "female", "other"]).nullable(),
  degree: z.string().nullable(),
  title: z.string().nullable(),
  fields: z.array(z.string()),
  isExpert: z.boolean(),
  orcid: z.string().nullable(),
  primaryOrganisationId: uuid.nullable(),
  primaryOrganisationName: z.string().nullable(),
  updatedAt: z.string(),
});
export type PersonSummary = z.infer<typeof personSummary>;

export const PERSON_SORTS = ["name", "birthYear", "degree", "organisation", "updatedAt"] as const;

export const personListQuery = listQuery
  .extend({
    degree: z.string().max(10).optional(),
    title: z.string().max(10).optional(),
    gender: z.enum(["male", "female", "other"]).optional(),
    /** a level-1 (e.g. "2") or level-2 (e.g. "202") field of science */
    field: z.string().max(10).optional(),
    organisationId: z.string().uuid().optional(),
    isExpert: z.enum(["true", "false"]).optional(),
    birthYearFrom: z.coerce.number().int().min(1900).max(2100).optional(),
    birthYearTo: z.coerce.number().int().min(1900).max(2100).optional(),
  })
  .strict();
export type PersonListQuery = z.infer<typeof personListQuery>;

/** Fields the Department manages; a person editing their own record may not change them. */
export const STAFF_MANAGED_PERSON_FIELDS = ["isExpert", "expertSince"] as const;

// ─── Self-service (/me): a person sees, corrects and exports their own data (SECURITY.md 27) ───

/**
 * A person corrects their own record. Send only the fields to change, plus the version you read; an absent field
 * keeps its value, null (or "") clears it; a CV list (education, languages, awards) sent replaces the stored one.
 * Expert-pool membership and affiliations are kept by the Department.
 */
export const personSelfUpdate = z
  .object({
    fullName: z.string().trim().min(2).max(200).optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
    gender: z.enum(["male", "female", "other"]).nullable().optional(),
    degree: z.string().trim().max(10).nullable().optional(),
    title: z.string().trim().max(10).nullable().optional(),
    fields: z.array(z.string().max(10)).max(20).optional(),
    keywords: z.array(z.string().trim().min(1).max(80)).max(30).optional(),
    orcid: z
      .string()
      .trim()
      .max(19)
      .nullable()
      .optional()
      .refine((v) => !v || ORCID_RE.test(v), { message: "0000-0000-0000-000X" }),
    email: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .optional()
      .refine((v) => !v || EMAIL_RE.test(v), { message: "e-mail" }),
    phone: z.string().trim().max(40).nullable().optional(),
    address: z.string().trim().max(500).nullable().optional(),
    /** the CV's lists, each sent whole: the list given replaces the stored one */
    education: educationList.optional(),
    languages: languageList.optional(),
    awards: awardList.optional(),
    version,
  })
  .strict();
export type PersonSelfUpdate = z.input<typeof personSelfUpdate>;

export const meExportQuery = z.object({ format: z.enum(["json", "xlsx"]).default("json") }).strict();

// ─── Consent per processing purpose (Law 91/2025/QH15): recorded with time and the notice version shown ───

export const CONSENT_PURPOSES = [
  /** public expert profile in the registry */
  "registry_publication",
  /** invitations to councils (hội đồng) from the expert pool */
  "expert_pool",
  /** contact data shown to programme officers of other units */
  "contact_sharing",
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
/** Version of the privacy notice the person is shown when giving or withdrawing consent. Bump when the notice changes. */
export const CONSENT_NOTICE_VERSION = "2026-01";

export const consentInput = z.object({ purpose: z.enum(CONSENT_PURPOSES), granted: z.boolean() }).strict();

export const consent = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  noticeVersion: z.string(),
  granted: z.boolean(),
  recordedAt: z.string(),
});
export type Consent = z.infer<typeof consent>;

/** Current state: one entry per purpose (granted/noticeVersion/recordedAt null when never asked); history newest first. */
export const consentState = z.object({
  noticeVersion: z.string(),
  current: z.array(
    z.object({
      purpose: z.enum(CONSENT_PURPOSES),
      granted: z.boolean().nullable(),
      noticeVersion: z.string().nullable(),
      recordedAt: z.string().nullable(),
    }),
  ),
  history: z.array(consent),
});
export type ConsentState = z.infer<typeof consentState>;

// ─── Deletion requests (yêu cầu xoá dữ liệu cá nhân), tracked to completion ───

export const DELETION_STATUSES = ["open", "completed", "rejected"] as const;

export const deletionRequestInput = z
  .object({
    reason: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .transform((v) => v || null),
  })
  .strict();
/** Completing erases the person's personal data; the resolution note is optional. */
export const deletionCompleteInput = z.object({ resolution: optText(2000), version }).strict();
/** Rejecting needs a reason the person will read. */
export const deletionRejectInput = z.object({ resolution: z.string().trim().min(1).max(2000), version }).strict();

export const deletionRequest = z.object({
  id: uuid,
  personId: uuid.nullable(),
  personName: z.string().nullable(),
  requestedBy: uuid.nullable(),
  requestedByUsername: z.string().nullable(),
  reason: z.string().nullable(),
  status: z.enum(DELETION_STATUSES),
  resolution: z.string().nullable(),
  requestedAt: z.string(),
  resolvedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ read: z.boolean(), complete: z.boolean(), reject: z.boolean() }),
});
export type DeletionRequest = z.infer<typeof deletionRequest>;

export const deletionRequestListQuery = listQuery.extend({ status: z.enum(DELETION_STATUSES).optional() }).strict();
export type DeletionRequestListQuery = z.infer<typeof deletionRequestListQuery>;
