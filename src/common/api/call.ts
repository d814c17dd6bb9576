// API schema of calls (đợt gọi đề xuất / tuyển chọn): kind, scope, required documents, a submission window whose deadline
// is decided by the server's clock, and a lifecycle draft → published → closed, or → cancelled.
import { z } from "zod";
import { listQuery } from "../list.js";
import { optText, uuid, version } from "./shared.js";
import { recordCode } from "./programme.js";

export const CALL_KINDS = ["proposal_collection", "selection"] as const;
export type CallKind = (typeof CALL_KINDS)[number];
export const CALL_STATUSES = ["draft", "published", "closed", "cancelled"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
export const CALL_ACTIONS = ["publish", "close", "cancel"] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
/** An instant with its offset ("2026-12-01T08:00:00+07:00"), a real calendar date between 2000 and 2100. */
export const instant = z
  .string()
  .regex(INSTANT_RE, "YYYY-MM-DDTHH:mm:ssZ")
  .refine(
    (v) => {
      const m = INSTANT_RE.exec(v);
      if (!m) return false;
      const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(Number);
      const cal = new Date(Date.UTC(y, mo - 1, d));
      return y >= 2000 && y <= 2100 && cal.getUTCMonth() === mo - 1 && cal.getUTCDate() === d && h < 24 && mi < 60 && s < 60 && !Number.isNaN(Date.parse(v));
    },
    { message: "not a real date and time" },
  );

/** Document codes of the national forms, e.g. "B1-2a-TMĐTCN". */
export const DOCUMENT_CODE_RE = /^[A-Za-zĐđ0-9][A-Za-zĐđ0-9._-]{0,39}$/;

export const requiredDocument = z
  .object({
    code: z.string().trim().regex(DOCUMENT_CODE_RE, "A-Z 0-9 . - _"),
    labelVi: z.string().trim().min(2).max(300),
    labelEn: z.string().trim().min(2).max(300),
    required: z.boolean(),
  })
  .strict();
export type RequiredDocument = z.infer<typeof requiredDocument>;

/** The documents a call asks for by default (the dossier of TT 08/2017/TT-BKHCN); an officer edits them per call. */
export function defaultRequiredDocuments(kind: CallKind): RequiredDocument[] {
  if (kind === "proposal_collection") {
    return [
      { code: "A1-ĐXNV", labelVi: "Phiếu đề xuất đặt hàng nhiệm vụ khoa học và công nghệ", labelEn: "Task proposal form (đề xuất đặt hàng)", required: true },
      { code: "CV-DX", labelVi: "Công văn đề xuất của cơ quan, tổ chức", labelEn: "Covering letter of the proposing body", required: false },
    ];
  }
  return [
    { code: "B1-1-ĐON", labelVi: "Đơn đăng ký chủ trì thực hiện nhiệm vụ", labelEn: "Application to lead the task", required: true },
    {
      code: "B1-2a-TMĐTCN",
      labelVi: "Thuyết minh đề tài nghiên cứu khoa học và phát triển công nghệ (hoặc B1-2b)",
      labelEn: "Task description, research and technology development (or B1-2b)",
      required: false,
    },
    {
      code: "B1-2b-TMĐTXH",
      labelVi: "Thuyết minh đề tài khoa học xã hội và nhân văn (hoặc B1-2a)",
      labelEn: "Task description, social sciences and humanities (or B1-2a)",
      required: false,
    },
    { code: "B1-3-LLTC", labelVi: "Tóm tắt hoạt động KH&CN của tổ chức chủ trì", labelEn: "Profile of the lead organisation", required: true },
    { code: "B1-4-LLCN", labelVi: "Lý lịch khoa học của chủ nhiệm và thành viên chính", labelEn: "Scientific CVs of the PI and key members", required: true },
    { code: "B1-5-PHNC", labelVi: "Văn bản xác nhận phối hợp nghiên cứu", labelEn: "Letters of the partner organisations", required: false },
    { code: "DU-TOAN", labelVi: "Dự toán kinh phí thực hiện nhiệm vụ", labelEn: "Budget estimate", required: true },
    { code: "CAM-KET-VON", labelVi: "Văn bản cam kết huy động vốn đối ứng", labelEn: "Co-funding commitments", required: false },
  ];
}

export const callInput = z
  .object({
    code: recordCode,
    titleVi: z.string().trim().min(2).max(500),
    titleEn: optText(500),
    kind: z.enum(CALL_KINDS),
    programmeId: uuid.nullish().transform((v) => v ?? null),
    fields: z.array(z.string().max(10)).max(50).default([]),
    sectors: z.array(z.string().max(20)).max(10).default([]),
    description: optText(20000),
    /** absent: the defaults for the kind */
    requiredDocuments: z.array(requiredDocument).max(40).optional(),
    opensAt: instant,
    closesAt: instant,
    /** the process the call's tasks follow (a process template key); absent: unchanged, or baseline-2013 for a new call */
    templateKey: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, "a-z 0-9 -")
      .optional(),
  })
  .strict()
  .refine((c) => Date.parse(c.closesAt) > Date.parse(c.opensAt), { path: ["closesAt"], message: "closesAt > opensAt" })
  .refine((c) => !c.requiredDocuments || new Set(c.requiredDocuments.map((d) => d.code)).size === c.requiredDocuments.length, {
    path: ["requiredDocuments"],
    message: "duplicate document code",
  });
export type CallInput = z.input<typeof callInput>;

export const callUpdate = callInput.safeExtend({ version }).strict();

export const callPublish = z.object({ version }).strict();
export const callClose = z.object({ version, reason: optText(2000) }).strict();
export const callCancel = z.object({ version, reason: z.string().trim().min(3).max(2000) }).strict();

export const callAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  publish: z.boolean(),
  close: z.boolean(),
  cancel: z.boolean(),
});
export type CallAbilities = z.infer<typeof callAbilities>;

export const call = z.object({
  id: uuid,
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  kind: z.enum(CALL_KINDS),
  programmeId: uuid.nullable(),
  programmeCode: z.string().nullable(),
  programmeName: z.string().nullable(),
  fields: z.array(z.string()),
  sectors: z.array(z.string()),
  description: z.string().nullable(),
  requiredDocuments: z.array(requiredDocument),
  /** the process template its tasks follow */
  templateKey: z.string(),
  /** the template's name, as users know it */
  templateNameVi: z.string().nullable(),
  templateNameEn: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(CALL_STATUSES),
  /** status is published and opensAt ≤ server time < closesAt */
  acceptingSubmissions: z.boolean(),
  /** seconds from the server's now to closesAt while published and not yet closed; null otherwise */
  secondsToDeadline: z.number().int().nullable(),
  /** seconds from the server's now to opensAt while published and not yet open; null otherwise */
  secondsToOpen: z.number().int().nullable(),
  serverTime: z.string(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: callAbilities,
});
export type Call = z.infer<typeof call>;

export const callSummary = z.object({
  id: uuid,
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string().nullable(),
  kind: z.enum(CALL_KINDS),
  programmeId: uuid.nullable(),
  programmeCode: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(CALL_STATUSES),
  acceptingSubmissions: z.boolean(),
  updatedAt: z.string(),
});
export type CallSummary = z.infer<typeof callSummary>;

export const CALL_SORTS = ["code", "title", "opensAt", "closesAt", "updatedAt"] as const;

export const callListQuery = listQuery
  .extend({
    status: z.enum(CALL_STATUSES).optional(),
    kind: z.enum(CALL_KINDS).optional(),
    programmeId: uuid.optional(),
    field: z.string().max(10).optional(),
    sector: z.string().max(20).optional(),
    /** only calls accepting submissions at the server's now */
    open: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type CallListQuery = z.infer<typeof callListQuery>;
