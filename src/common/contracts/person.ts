// Contract of the people registry (nhân lực KH&CN, chuyên gia), shared by API and web.
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

export const personInput = z
  .object({
    fullName: z.string().trim().min(2).max(200),
    birthYear: z.number().int().min(1900).max(2100).nullish().transform((v) => v ?? null),
    gender: z.enum(["male", "female", "other"]).nullish().transform((v) => v ?? null),
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
