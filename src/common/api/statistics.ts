// CONTRACT READY
// API schema of statistical reporting (TT 15/2018/TT-BKHCN).
// - Form templates are versioned configuration (src/common/statistics/forms/*), loaded at start-up into immutable
//   `statistical_form_versions` rows. A form is addressed in URLs by its `key` ("02-KHCN-NL"); `code` is the
//   official code for display ("02/KHCN-NL").
// - Every answer is a CELL: a plain field's cell key is the field key ("org_name"); a table cell's key is
//   "<table>.<row>.<column>" ("staff.ts.women"). Report values are a map cellKey → number | string | null.
// - Reporting periods (year, reference date, deadline, forms) are created by staff (draft), opened, closed.
//   Assigning organisations to an open/draft period creates one report per (period, organisation, form).
// - Report lifecycle: assigned → draft (saved; validation messages returned, saved anyway) → submitted (refused
//   while errors remain) → returned (officer comment; editable again) | approved (locked). Un-approve: leader/admin
//   with a reason → back to "returned". Timeliness from the period deadline (Vietnam date).
// - Consolidation: the city's aggregate table per (period, form) = SUM over APPROVED reports of each numeric cell.
import { z } from "zod";
import { listQuery } from "../list.js";
import { optText, uuid, version, isoDate } from "./shared.js";

// ─── form templates (the configuration shape; the pure validator lives in src/common/statistics/) ───
export const FIELD_TYPES = ["number", "integer", "text", "select", "date"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const RULE_OPS = ["eq", "lte", "gte"] as const;
export type RuleOp = (typeof RULE_OPS)[number];
export const RULE_SEVERITIES = ["error", "warning"] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

const label = { labelVi: z.string().min(1), labelEn: z.string().min(1) };
const key = z.string().regex(/^[a-z][a-z0-9_]*$/, "snake_case key");

export const selectOption = z.object({ value: z.string().min(1), ...label }).strict();

/** A single answer (one cell). */
export const formField = z
  .object({
    key,
    ...label,
    type: z.enum(FIELD_TYPES),
    unitVi: z.string().optional(),
    unitEn: z.string().optional(),
    required: z.boolean().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** text: maximum length */
    maxLength: z.number().int().positive().optional(),
    options: z.array(selectOption).optional(),
    helpVi: z.string().optional(),
    helpEn: z.string().optional(),
    /** the platform can prefill this cell (name of a prefill source; see statistics.prefill.ts) */
    prefill: z.string().optional(),
  })
  .strict();
export type FormField = z.infer<typeof formField>;

export const tableAxisItem = z
  .object({
    key,
    ...label,
    /** a total row/column: computed by the rules, shown in bold */
    total: z.boolean().optional(),
    /** indentation level in the official layout (0 = top) */
    level: z.number().int().min(0).max(3).optional(),
    prefill: z.string().optional(),
  })
  .strict();
export type TableAxisItem = z.infer<typeof tableAxisItem>;

/** A disaggregation: rows × columns of numbers (cell key "<table>.<row>.<column>"). */
export const formTable = z
  .object({
    key,
    titleVi: z.string().min(1),
    titleEn: z.string().min(1),
    type: z.enum(["integer", "number"]),
    unitVi: z.string(),
    unitEn: z.string(),
    /** header of the row-label column */
    rowHeaderVi: z.string(),
    rowHeaderEn: z.string(),
    rows: z.array(tableAxisItem).min(1),
    columns: z.array(tableAxisItem).min(1),
    min: z.number().optional(),
    max: z.number().optional(),
    /** every cell must be filled (0 allowed) */
    required: z.boolean().optional(),
  })
  .strict();
export type FormTable = z.infer<typeof formTable>;

export const formSection = z
  .object({
    key,
    titleVi: z.string().min(1),
    titleEn: z.string().min(1),
    fields: z.array(formField).default([]),
    tables: z.array(formTable).default([]),
  })
  .strict();
export type FormSection = z.infer<typeof formSection>;

/**
 * A rule between cells: SUM(left) <op> SUM(right).
 * With `each`, the keys contain "*" which is replaced by every row key (over "rows") or column key (over "columns")
 * of that table — e.g. left ["staff.*.women"] lte right ["staff.*.total"], each { table: "staff", over: "rows" }.
 * Missing cells count as 0; a rule whose cells are all empty is skipped (the required-field check covers them).
 */
export const validationRule = z
  .object({
    key,
    left: z.array(z.string().min(1)).min(1),
    op: z.enum(RULE_OPS),
    right: z.array(z.string().min(1)).min(1),
    each: z
      .object({ table: key, over: z.enum(["rows", "columns"]) })
      .strict()
      .optional(),
    severity: z.enum(RULE_SEVERITIES),
    /** messages; "{left}", "{right}" and "{item}" (row/column label) are replaced */
    messageVi: z.string().min(1),
    messageEn: z.string().min(1),
  })
  .strict();
export type ValidationRule = z.infer<typeof validationRule>;

export const formDefinition = z
  .object({
    key: z.string().regex(/^\d{2}-[A-Z-]+$/),
    code: z.string().min(1),
    version: z.number().int().min(1),
    effectiveFrom: isoDate,
    legalBasis: z.string().min(1),
    titleVi: z.string().min(1),
    titleEn: z.string().min(1),
    descriptionVi: z.string().optional(),
    descriptionEn: z.string().optional(),
    sections: z.array(formSection).min(1),
    rules: z.array(validationRule).default([]),
  })
  .strict();
export type FormDefinition = z.infer<typeof formDefinition>;
export type FormDefinitionInput = z.input<typeof formDefinition>;

/** A validation message on one cell (or on the rule's first left cell). */
export const VALIDATION_CODES = ["required", "type", "range", "option", "too_long", "unknown_cell", "rule", "computed"] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];
export const validationMessage = z.object({
  cellKey: z.string(),
  /** other cells involved in a rule (to highlight) */
  cellKeys: z.array(z.string()),
  code: z.enum(VALIDATION_CODES),
  ruleKey: z.string().nullable(),
  severity: z.enum(RULE_SEVERITIES),
  messageVi: z.string(),
  messageEn: z.string(),
});
export type ValidationMessage = z.infer<typeof validationMessage>;

export const cellValue = z.union([z.number().finite(), z.string().max(2000), z.null()]);
export type CellValue = z.infer<typeof cellValue>;
export const cellValues = z.record(z.string().max(200), cellValue);
export type CellValues = z.infer<typeof cellValues>;

// ─── API: forms ───
export const formVersionItem = z.object({
  key: z.string(),
  code: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  legalBasis: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  cellCount: z.number().int(),
});
export type FormVersionItem = z.infer<typeof formVersionItem>;
/** GET /api/v1/statistics/forms → { items } (latest version of each form; ?all=true: every version) */
export const formListResponse = z.object({ items: z.array(formVersionItem) });
/** GET /api/v1/statistics/forms/:key (latest) and /forms/:key/versions/:version */
export const formVersion = formVersionItem.extend({ definition: formDefinition });
export type FormVersion = z.infer<typeof formVersion>;

// ─── periods ───
export const PERIOD_STATUSES = ["draft", "open", "closed"] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const REPORT_STATUSES = ["assigned", "draft", "submitted", "returned", "approved"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** on_time/late: submitted before/after the deadline; overdue: not submitted, deadline passed; pending: not yet due */
export const TIMELINESS = ["on_time", "late", "overdue", "pending"] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const periodInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    nameVi: z.string().trim().min(1).max(300),
    nameEn: optText(300),
    /** default 31/12 of the year */
    referenceDate: isoDate.optional(),
    /** default 01/02 of the next year */
    deadline: isoDate.optional(),
    /** form keys ("01-KHCN-TC"…); the latest version of each is used */
    formKeys: z.array(z.string().min(1).max(40)).min(1).max(20),
    note: optText(5000),
  })
  .strict();
export type PeriodInput = z.input<typeof periodInput>;
export const periodUpdate = periodInput.extend({ version }).strict();
export type PeriodUpdate = z.input<typeof periodUpdate>;
export const versionOnly = z.object({ version }).strict();

export const periodForm = z.object({ key: z.string(), code: z.string(), version: z.number().int(), titleVi: z.string(), titleEn: z.string() });
export const periodCounts = z.object({
  assigned: z.number().int(),
  /** reports by status */
  notStarted: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  approved: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  /** submitted or approved (received) ÷ assigned × 100, one decimal; null when nothing assigned */
  completenessPct: z.number().nullable(),
  /** received on time ÷ assigned × 100 */
  timelinessPct: z.number().nullable(),
});
export type PeriodCounts = z.infer<typeof periodCounts>;

export const periodItem = z.object({
  id: uuid,
  year: z.number().int(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  referenceDate: z.string(),
  deadline: z.string(),
  status: z.enum(PERIOD_STATUSES),
  forms: z.array(periodForm),
  organisationCount: z.number().int(),
  counts: periodCounts,
  version: z.number().int(),
});
export type PeriodItem = z.infer<typeof periodItem>;
export const periodListQuery = listQuery
  .extend({
    status: z.enum(PERIOD_STATUSES).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  })
  .strict();
export type PeriodListQuery = z.infer<typeof periodListQuery>;

/** One line of the completeness table: an organisation with its report per form. */
export const completenessRow = z.object({
  organisationId: uuid,
  organisationName: z.string(),
  reports: z.array(
    z.object({
      reportId: uuid,
      formKey: z.string(),
      status: z.enum(REPORT_STATUSES),
      timeliness: z.enum(TIMELINESS),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export type CompletenessRow = z.infer<typeof completenessRow>;

export const period = periodItem.extend({
  note: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** per form: counts of its reports */
  formCounts: z.array(z.object({ formKey: z.string(), counts: periodCounts })),
  completeness: z.array(completenessRow),
  abilities: z.object({
    update: z.boolean(),
    open: z.boolean(),
    close: z.boolean(),
    assign: z.boolean(),
    consolidate: z.boolean(),
  }),
});
export type Period = z.infer<typeof period>;

/** POST /periods/:id/assignments: creates the missing reports (idempotent); formKeys default to the period's forms */
export const assignmentInput = z
  .object({
    organisationIds: z.array(uuid).min(1).max(2000),
    formKeys: z.array(z.string().min(1).max(40)).max(20).optional(),
  })
  .strict();
export type AssignmentInput = z.input<typeof assignmentInput>;
export const assignmentResult = z.object({ created: z.number().int(), existing: z.number().int() });
/** POST /periods/:id/assignments/remove: removes reports still "assigned" (never started) */
export const unassignInput = z.object({ reportIds: z.array(uuid).min(1).max(2000) }).strict();
export const unassignResult = z.object({ removed: z.number().int() });

// ─── reports ───
export const reportAbilities = z.object({
  read: z.boolean(),
  edit: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  unapprove: z.boolean(),
  remove: z.boolean(),
});
export type ReportAbilities = z.infer<typeof reportAbilities>;

export const reportItem = z.object({
  id: uuid,
  periodId: uuid,
  periodNameVi: z.string(),
  periodNameEn: z.string().nullable(),
  year: z.number().int(),
  deadline: z.string(),
  periodStatus: z.enum(PERIOD_STATUSES),
  organisationId: uuid,
  organisationName: z.string(),
  formKey: z.string(),
  formCode: z.string(),
  formVersion: z.number().int(),
  formTitleVi: z.string(),
  formTitleEn: z.string(),
  status: z.enum(REPORT_STATUSES),
  timeliness: z.enum(TIMELINESS),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ReportItem = z.infer<typeof reportItem>;

export const REPORT_SORTS = ["organisation", "form", "status", "submittedAt", "updatedAt", "year"] as const;
export const reportListQuery = listQuery
  .extend({
    periodId: uuid.optional(),
    organisationId: uuid.optional(),
    formKey: z.string().max(40).optional(),
    status: z.enum(REPORT_STATUSES).optional(),
    timeliness: z.enum(TIMELINESS).optional(),
    /** only the reports of the caller's own organisation (org rep's "my reports") */
    mine: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportEvent = z.object({
  action: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
  comment: z.string().nullable(),
});

export const report = reportItem.extend({
  values: cellValues,
  /** the validation messages of the saved values */
  messages: z.array(validationMessage),
  submittedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  returnedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  unapprovedAt: z.string().nullable(),
  unapproveReason: z.string().nullable(),
  history: z.array(reportEvent),
  abilities: reportAbilities,
});
export type Report = z.infer<typeof report>;

/** PUT /reports/:id: save the draft (whole set of values; empty cells may be omitted or null). Saved even with
 *  errors; the response carries the messages. */
export const reportSave = z.object({ values: cellValues, version }).strict();
export type ReportSave = z.input<typeof reportSave>;
export const reportReturn = z.object({ comment: z.string().trim().min(1).max(5000), version }).strict();
export const reportApprove = z.object({ comment: optText(5000), version }).strict();
export const reportUnapprove = z.object({ reason: z.string().trim().min(5).max(5000), version }).strict();

/** GET /reports/:id/prefill: values the platform knows from its registries, with where each came from */
export const reportPrefill = z.object({
  values: cellValues,
  sources: z.record(z.string(), z.string()),
});
export type ReportPrefill = z.infer<typeof reportPrefill>;

/** POST /reports/:id/import (multipart "file": the xlsx from GET /reports/:id/export.xlsx; version as query
 *  ?version=N). All or nothing: 422 STATISTICS_IMPORT_INVALID with details.errors when any cell is wrong;
 *  otherwise the values replace the draft and the report is returned. */
export const importQuery = z.object({ version: z.coerce.number().int().min(1) }).strict();
export const importCellError = z.object({
  /** spreadsheet address, e.g. "D12" */
  address: z.string(),
  cellKey: z.string().nullable(),
  messageVi: z.string(),
  messageEn: z.string(),
});
export type ImportCellError = z.infer<typeof importCellError>;

// ─── consolidation ───
/** GET /periods/:id/consolidated/:formKey (staff, leader): the SUM of approved reports' numeric cells; select
 *  fields are counted per option under the key "<field>=<option>" (e.g. "org_type=rd": units answering R&D). */
export const consolidatedTable = z.object({
  periodId: uuid,
  formKey: z.string(),
  formCode: z.string(),
  formVersion: z.number().int(),
  /** approved reports counted / reports assigned for this form */
  approvedReports: z.number().int(),
  assignedReports: z.number().int(),
  values: z.record(z.string(), z.number()),
  definition: formDefinition,
});
export type ConsolidatedTable = z.infer<typeof consolidatedTable>;
// Downloads (attachments; audited as exports, so their URLs say "export"):
// GET /api/v1/statistics/periods/:id/consolidated/:formKey/export.xlsx → the aggregate in the official layout
// GET /api/v1/statistics/reports/:id/export.xlsx → the form's xlsx template holding the report's current values
//     (fill it and POST it back to /reports/:id/import?version=N)
