// Form validation driven by the shared zod contracts (src/common/api): a field is checked with the same schema
// the server uses, with the same plain Vietnamese or English messages (common/validation-messages.ts) naming the
// field's label; server-side validation errors land on their fields.
import { z } from "zod";
import type { FormInstance, FormRule } from "antd";
import i18n from "../i18n/index";
import type { FieldIssue } from "../app/api";
import { issueMessage } from "../../common/validation-messages";

type Shape = Record<string, z.ZodType>;

const lang = () => (i18n.language === "en" ? "en" : "vi");

/**
 * The message of a field's first issue. With `label` the message names the field ("Năm thành lập không được lớn hơn
 * 2100."); without it the message stands alone under its field ("Không được lớn hơn 2100.").
 */
export function messageOf(issue: z.core.$ZodIssue, field: string, label?: string): string {
  // Custom refinements in the contracts carry short technical hints (e.g. "10 or 13 digits"): translate by field.
  if (issue.code === "custom") {
    const key = `validation.${field}`;
    return i18n.exists(key) ? i18n.t(key) : issueMessage(issue, lang(), label);
  }
  return issueMessage(issue, lang(), label);
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0);

/**
 * An antd rule that checks one field with the contract's schema for it. With `skipEmpty` an empty field passes: the
 * "required" rule beside it says so once, instead of a second message from the schema.
 */
export function zodRule(shape: Shape, field: string, skipEmpty = false, label?: string): FormRule {
  const schema = shape[field];
  return {
    validator: async (_rule, value) => {
      if (!schema || (skipEmpty && isEmpty(value))) return;
      // form values as the body will carry them: a date picker's day as YYYY-MM-DD
      const r = schema.safeParse(value === "" ? undefined : clean(value), { reportInput: true });
      if (!r.success) throw new Error(messageOf(r.error.issues[0], field, label));
    },
  };
}

/**
 * For a number field whose value no contract schema checks (a year in the URL, say): text that is not a number —
 * which NumberField hands on as typed — is refused with the contract rules' message ("Năm phải là một số.").
 */
export function numberRule(label?: string, integer = false): FormRule {
  return {
    validator: async (_rule, value) => {
      if (value === undefined || value === null || value === "") return;
      if (typeof value === "number" && (!integer || Number.isInteger(value))) return;
      const issue = { code: "invalid_type", expected: integer ? "int" : "number", input: value, path: [], message: "" } as z.core.$ZodIssue;
      throw new Error(issueMessage(issue, lang(), label));
    },
  };
}

/**
 * Rules for a field: the contract check plus "required" (shown with the usual asterisk). The contract's messages name
 * the field by `label` (its Form.Item's label).
 */
export function rules(shape: Shape, field: string, required = false, label?: string): FormRule[] {
  return required ? [{ required: true, message: i18n.t("validation.required") }, zodRule(shape, field, true, label)] : [zodRule(shape, field, false, label)];
}

/**
 * Puts a 400 answer's per-field messages (paths like "body.affiliations.0.position") on the form's fields.
 * Returns the messages that match no field, for a general alert.
 */
export function applyServerIssues(form: FormInstance, issues: FieldIssue[]): string[] {
  const rest: string[] = [];
  const known = new Set([...Object.keys(form.getFieldsValue() ?? {}), ...Object.keys(form.getFieldsValue(true) ?? {})]);
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const issue of issues) {
    const parts = issue.path.split(".").filter((p) => p !== "body" && p !== "");
    if (parts.length && known.has(parts[0])) {
      fields.push({ name: parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [issue.message] });
    } else rest.push(issue.message);
  }
  if (fields.length) form.setFields(fields);
  return rest;
}

/** Form values → request body: empty strings become null (absent fields stay absent), dayjs values become ISO dates. */
export function cleanValues<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = clean(v);
  return out as T;
}
function clean(v: unknown): unknown {
  if (v === "") return null;
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === "object" && "format" in v && typeof (v as { format: unknown }).format === "function") {
    return (v as { format: (f: string) => string }).format("YYYY-MM-DD");
  }
  if (v && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = clean(x);
    return o;
  }
  return v;
}
