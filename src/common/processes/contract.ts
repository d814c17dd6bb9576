// API contract of /api/v1/process-templates: the templates, their versions, and adding a version (administrators).
import { z } from "zod";
import { processDefinitionInput, STEP_KINDS } from "./schema.js";

export { processDefinitionInput as processVersionInput };
export type ProcessVersionInput = z.input<typeof processDefinitionInput>;

export const templateKeyParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const processVersionSummary = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  legalBasis: z.string(),
  noteVi: z.string().nullable(),
  noteEn: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** The version a record starting today would follow. */
  inForce: z.boolean(),
});
export type ProcessVersionSummary = z.infer<typeof processVersionSummary>;

export const processTemplateAbilities = z.object({ read: z.boolean(), addVersion: z.boolean() });

export const processTemplate = z.object({
  key: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  inForceVersion: z.number().int().nullable(),
  versions: z.array(processVersionSummary),
  abilities: processTemplateAbilities,
});
export type ProcessTemplate = z.infer<typeof processTemplate>;

const stepOut = z.object({ key: z.string(), labelVi: z.string(), labelEn: z.string(), kind: z.enum(STEP_KINDS) });
const transitionOut = z.object({
  action: z.string(),
  from: z.union([z.string(), z.array(z.string())]),
  to: z.string(),
  roles: z.array(z.string()),
  labelVi: z.string(),
  labelEn: z.string(),
  requiredDocuments: z.array(z.string()).optional(),
  guards: z.array(z.string()).optional(),
});

export const processVersion = processVersionSummary.extend({
  key: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  steps: z.array(stepOut),
  transitions: z.array(transitionOut),
  /** The legal texts the decisions and contracts of a task under this version cite ("Căn cứ …" lines). */
  documentBases: z.array(z.string()),
  /** Labels of the guard registry, for showing a transition's guards. */
  guardLabels: z.record(z.string(), z.object({ vi: z.string(), en: z.string() })),
});
export type ProcessVersion = z.infer<typeof processVersion>;
