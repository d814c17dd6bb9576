// API schema of the organisations registry (tổ chức KH&CN, trường đại học, doanh nghiệp, cơ quan), shared by API and web.
import { z } from "zod";
import { listQuery } from "../list.js";
import { optText, optWebAddress, uuid, isoDate, version, TAX_CODE_RE, EMAIL_RE } from "./shared.js";

export const laboratoryInput = z
  .object({
    name: z.string().trim().min(1).max(300),
    scheme: z.enum(["VILAS", "ISO17025"]),
    accreditationNumber: z.string().trim().min(1).max(50),
    expiresOn: isoDate.nullish().transform((v) => v ?? null),
    fields: z.array(z.string().max(10)).max(20).default([]),
  })
  .strict();

export const organisationInput = z
  .object({
    type: z.string().min(1).max(40),
    nameVi: z.string().trim().min(2).max(300),
    nameEn: optText(300),
    abbreviation: optText(40),
    taxCode: optText(20).refine((v) => v === null || TAX_CODE_RE.test(v), { message: "10 or 13 digits" }),
    orgIdCode: optText(40),
    ror: optText(40).refine((v) => v === null || /^(https:\/\/ror\.org\/)?0[a-z0-9]{8}$/.test(v), {
      message: "ROR id like 05a28rw58",
    }),
    parentId: uuid.nullish().transform((v) => v ?? null),
    address: optText(500),
    /** the commune, ward or special zone (code list `admin_unit`, in force since 1/7/2025) */
    commune: optText(10),
    /** the district before 1/7/2025 (code list `district`), kept on records made before the two-level government */
    district: optText(40),
    governance: z.enum(["central", "local"]).default("local"),
    fields: z.array(z.string().max(10)).max(30).default([]),
    website: optWebAddress(300),
    email: optText(200).refine((v) => v === null || EMAIL_RE.test(v), { message: "e-mail" }),
    phone: optText(40),
    foundedYear: z
      .number()
      .int()
      .min(1800)
      .max(2100)
      .nullish()
      .transform((v) => v ?? null),
    laboratories: z.array(laboratoryInput).max(100).default([]),
  })
  .strict();
export type OrganisationInput = z.input<typeof organisationInput>;

export const organisationUpdate = organisationInput.extend({ version }).strict();

export const laboratory = z.object({
  id: uuid,
  name: z.string(),
  scheme: z.enum(["VILAS", "ISO17025"]),
  accreditationNumber: z.string(),
  expiresOn: z.string().nullable(),
  fields: z.array(z.string()),
});

export const organisationAbilities = z.object({ read: z.boolean(), update: z.boolean(), delete: z.boolean() });

export const organisation = z.object({
  id: uuid,
  type: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  abbreviation: z.string().nullable(),
  taxCode: z.string().nullable(),
  orgIdCode: z.string().nullable(),
  ror: z.string().nullable(),
  parentId: uuid.nullable(),
  parentName: z.string().nullable(),
  address: z.string().nullable(),
  commune: z.string().nullable(),
  district: z.string().nullable(),
  governance: z.enum(["central", "local"]),
  fields: z.array(z.string()),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  foundedYear: z.number().int().nullable(),
  laboratories: z.array(laboratory),
  peopleCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: organisationAbilities,
});
export type Organisation = z.infer<typeof organisation>;

export const organisationSummary = z.object({
  id: uuid,
  type: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  abbreviation: z.string().nullable(),
  taxCode: z.string().nullable(),
  commune: z.string().nullable(),
  district: z.string().nullable(),
  governance: z.enum(["central", "local"]),
  labCount: z.number().int(),
  peopleCount: z.number().int(),
  updatedAt: z.string(),
});
export type OrganisationSummary = z.infer<typeof organisationSummary>;

export const ORGANISATION_SORTS = ["name", "type", "district", "updatedAt", "peopleCount"] as const;

export const organisationListQuery = listQuery
  .extend({
    type: z.string().max(40).optional(),
    /** a unit's code, or "none": the organisations whose commune is not recorded yet */
    commune: z.string().max(10).optional(),
    district: z.string().max(40).optional(),
    governance: z.enum(["central", "local"]).optional(),
    field: z.string().max(10).optional(),
    hasLab: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type OrganisationListQuery = z.infer<typeof organisationListQuery>;
