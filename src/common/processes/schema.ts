// Process templates: the steps of a task's life, the allowed transitions between them, who may take
// each and what must hold first — as versioned data with an effective date and a legal basis, never as code.
// The zod schema checks the SHAPE of a definition; validate.ts checks its MEANING (known steps, reachability…) and
// names the offending item. A definition is valid only when both pass (`parseProcessDefinition`).
import { z } from "zod";
import type { Role } from "../roles.js";

/**
 * The guards a transition may name. Each is a rule the calling module evaluates (it knows the record) and hands to
 * the workflow engine as a function; the engine refuses the transition with the guard's reason when it fails.
 * The registry is fixed in code: a template can only name rules that exist.
 */
export const GUARDS = {
  dossier_complete: { vi: "Hồ sơ đủ thành phần bắt buộc", en: "The dossier has every required document" },
  before_deadline: { vi: "Còn trong hạn (theo giờ máy chủ)", en: "Before the deadline (server time)" },
  council_quorum: { vi: "Hội đồng đủ số thành viên có mặt theo quy định", en: "The council has its quorum" },
  council_concluded: { vi: "Hội đồng đã có kết luận", en: "The council has reached its conclusion" },
  two_person_rule: {
    vi: "Người phê duyệt khác người chuẩn bị (nguyên tắc hai người)",
    en: "The approver is not the person who prepared it (two-person rule)",
  },
  contract_signed: { vi: "Hợp đồng đã được ký", en: "The contract is signed" },
  reports_up_to_date: { vi: "Đã nộp đủ báo cáo định kỳ", en: "Every periodic report is filed" },
  payments_settled: { vi: "Đã đối chiếu kinh phí đã cấp và đã chi", en: "Funds disbursed and spent are reconciled" },
} as const satisfies Record<string, { vi: string; en: string }>;
export type GuardKey = keyof typeof GUARDS;
export const GUARD_KEYS = Object.keys(GUARDS) as GuardKey[];

export const STEP_KINDS = ["initial", "normal", "final"] as const;
export type StepKind = (typeof STEP_KINDS)[number];

const KEY_RE = /^[a-z][a-z0-9_]*$/;
const key = z.string().max(64).regex(KEY_RE, "a-z, 0-9, _");
const label = z.string().trim().min(1).max(300);

export const processStep = z
  .object({
    key,
    labelVi: label,
    labelEn: label,
    kind: z.enum(STEP_KINDS),
  })
  .strict();

// Roles and guards are plain strings here so that validate.ts can name an unknown one in its message.
export const processTransition = z
  .object({
    action: key,
    from: z.union([key, z.array(key).min(1).max(100)]),
    to: key,
    roles: z.array(z.string().max(64)).min(1).max(20),
    labelVi: label,
    labelEn: label,
    requiredDocuments: z.array(z.string().trim().min(1).max(64)).max(50).optional(),
    guards: z.array(z.string().max(64)).max(20).optional(),
  })
  .strict();

const note = z
  .string()
  .trim()
  .max(4000)
  .nullish()
  .transform((v) => (v ? v : null));

/** What an administrator sends to add a version (the template key comes from the address, the number is assigned). */
export const processDefinitionInput = z
  .object({
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD"),
    legalBasis: z.string().trim().min(1).max(2000),
    /** The legal texts a decision or contract of a task under this version cites, each a whole "Căn cứ …" line. */
    documentBases: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
    /** Details not yet confirmed from an official text, and other remarks: in Vietnamese, and in English beside it. */
    noteVi: note,
    noteEn: note,
    nameVi: label,
    nameEn: label,
    steps: z.array(processStep).min(1).max(200),
    transitions: z.array(processTransition).min(1).max(1000),
  })
  .strict();

/** A whole definition as stored (jsonb) and seeded (baseline-2013.ts, law-2025.ts). */
export const processDefinitionShape = processDefinitionInput.extend({
  key: z
    .string()
    .max(64)
    .regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.number().int().min(1),
});

export interface ProcessStep {
  key: string;
  labelVi: string;
  labelEn: string;
  kind: StepKind;
}
export interface ProcessTransition {
  action: string;
  from: string | string[];
  to: string;
  roles: Role[];
  labelVi: string;
  labelEn: string;
  /** Document codes (dossier form codes such as B1-2a-TMĐTCN) that must be attached before the transition. */
  requiredDocuments?: string[];
  guards?: GuardKey[];
}
export interface ProcessDefinition {
  key: string;
  version: number;
  effectiveFrom: string;
  legalBasis: string;
  /**
   * The law and its implementing texts that the decisions and contracts of a task under this version cite, each a
   * whole line "Căn cứ …" (docs/legal-bases.md). A version without them cites those of the nearest earlier version
   * of the same template that has them.
   */
  documentBases?: string[];
  /** Details not yet confirmed from an official text, and other remarks (each language its own text). */
  noteVi?: string | null;
  noteEn?: string | null;
  nameVi: string;
  nameEn: string;
  steps: ProcessStep[];
  transitions: ProcessTransition[];
}

export const fromSteps = (t: Pick<ProcessTransition, "from">): string[] => (Array.isArray(t.from) ? t.from : [t.from]);
