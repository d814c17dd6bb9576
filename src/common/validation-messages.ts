// Validation messages in plain Vietnamese and English for every kind of zod issue, with the field's label when the
// caller knows it: "Năm thành lập không được lớn hơn 2100." instead of zod's own "Quá lớn: mong đợi number <=2100".
// The server's error handler (app.ts) and the web forms' contract rules (web/components/form-rules.ts) both use it,
// so a field reads the same whether the browser or the server refused it.
import type { z } from "zod";
import { formatNumber } from "./number-format.js";

export type MessageLang = "vi" | "en";
type Issue = z.core.$ZodIssue;

/** Numbers as the reader writes them; four-digit numbers (years) without a separator. */
function num(n: number | bigint, lang: MessageLang): string {
  const v = Number(n);
  if (Math.abs(v) < 10_000) return String(v).replace(".", lang === "vi" ? "," : ".");
  return formatNumber(v, lang === "vi" ? "vi-VN" : "en-US", 6);
}

function day(ms: number | bigint, lang: MessageLang): string {
  const d = new Date(Number(ms));
  if (Number.isNaN(d.getTime())) return String(ms);
  const p = (x: number) => String(x).padStart(2, "0");
  return lang === "vi" ? `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}` : d.toISOString().slice(0, 10);
}

const TYPE_VI: Record<string, string> = {
  number: "một số",
  int: "một số nguyên",
  bigint: "một số nguyên",
  string: "một đoạn văn bản",
  boolean: "đúng hoặc sai",
  date: "một ngày hợp lệ",
  array: "một danh sách",
  object: "một đối tượng",
  set: "một tập hợp",
  map: "một bảng tra",
  file: "một tệp",
  null: "để trống",
};
const TYPE_EN: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  string: "text",
  boolean: "true or false",
  date: "a valid date",
  array: "a list",
  object: "an object",
  set: "a set",
  map: "a map",
  file: "a file",
  null: "empty",
};

const FORMAT_VI: Record<string, string> = {
  email: "địa chỉ thư điện tử",
  url: "địa chỉ web (URL)",
  uuid: "mã định danh (UUID)",
  guid: "mã định danh (GUID)",
  date: "ngày (YYYY-MM-DD)",
  datetime: "thời điểm (ISO 8601)",
  time: "giờ (HH:MM)",
  duration: "khoảng thời gian (ISO 8601)",
  ipv4: "địa chỉ IPv4",
  ipv6: "địa chỉ IPv6",
  cidrv4: "dải địa chỉ IPv4",
  cidrv6: "dải địa chỉ IPv6",
  e164: "số điện thoại quốc tế (E.164)",
  jwt: "mã JWT",
  base64: "chuỗi base64",
  base64url: "chuỗi base64url",
  emoji: "biểu tượng cảm xúc",
  nanoid: "mã nanoid",
  cuid: "mã cuid",
  cuid2: "mã cuid2",
  ulid: "mã ULID",
  xid: "mã XID",
  ksuid: "mã KSUID",
  lowercase: "chữ thường",
  uppercase: "chữ hoa",
};
const FORMAT_EN: Record<string, string> = {
  email: "e-mail address",
  url: "web address (URL)",
  uuid: "identifier (UUID)",
  guid: "identifier (GUID)",
  date: "date (YYYY-MM-DD)",
  datetime: "date and time (ISO 8601)",
  time: "time (HH:MM)",
  duration: "duration (ISO 8601)",
  ipv4: "IPv4 address",
  ipv6: "IPv6 address",
  cidrv4: "IPv4 range",
  cidrv6: "IPv6 range",
  e164: "international phone number (E.164)",
  jwt: "JWT",
  base64: "base64 text",
  base64url: "base64url text",
  emoji: "emoji",
  nanoid: "nanoid",
  cuid: "cuid",
  cuid2: "cuid2",
  ulid: "ULID",
  xid: "XID",
  ksuid: "KSUID",
  lowercase: "lower case",
  uppercase: "upper case",
};

const show = (v: unknown) => (typeof v === "string" ? `«${v}»` : String(v));
const showEn = (v: unknown) => (typeof v === "string" ? `“${v}”` : String(v));

/** The predicate of the message ("không được lớn hơn 2100"), to follow the label or to stand alone. */
function predicate(issue: Issue, lang: MessageLang): string {
  const vi = lang === "vi";
  switch (issue.code) {
    case "invalid_type": {
      const received = (issue as { input?: unknown }).input;
      if ("input" in issue && (received === undefined || received === null) && issue.expected !== "null" && issue.expected !== "undefined")
        return vi ? "bắt buộc nhập" : "is required";
      const what = (vi ? TYPE_VI : TYPE_EN)[issue.expected];
      if (issue.expected === "number" && typeof received === "number" && !Number.isFinite(received))
        return vi ? "phải là một số hữu hạn" : "must be a finite number";
      return what ? (vi ? `phải là ${what}` : `must be ${what}`) : vi ? "có kiểu dữ liệu không hợp lệ" : "has the wrong type";
    }
    case "too_big": {
      const max = issue.maximum;
      const inclusive = issue.inclusive !== false;
      switch (issue.origin) {
        case "number":
        case "int":
        case "bigint":
          return vi
            ? inclusive
              ? `không được lớn hơn ${num(max, lang)}`
              : `phải nhỏ hơn ${num(max, lang)}`
            : inclusive
              ? `must not be greater than ${num(max, lang)}`
              : `must be less than ${num(max, lang)}`;
        case "string":
          return vi
            ? issue.exact
              ? `phải có đúng ${num(max, lang)} ký tự`
              : `không được dài quá ${num(max, lang)} ký tự`
            : issue.exact
              ? `must be exactly ${num(max, lang)} characters long`
              : `must not be longer than ${num(max, lang)} characters`;
        case "array":
        case "set":
          return vi
            ? issue.exact
              ? `phải có đúng ${num(max, lang)} mục`
              : `chỉ được có tối đa ${num(max, lang)} mục`
            : issue.exact
              ? `must have exactly ${num(max, lang)} items`
              : `must not have more than ${num(max, lang)} items`;
        case "date":
          return vi
            ? inclusive
              ? `không được sau ngày ${day(max, lang)}`
              : `phải trước ngày ${day(max, lang)}`
            : inclusive
              ? `must not be after ${day(max, lang)}`
              : `must be before ${day(max, lang)}`;
        case "file":
          return vi ? `không được lớn quá ${num(max, lang)} byte` : `must not be larger than ${num(max, lang)} bytes`;
        default:
          return vi ? `quá lớn (tối đa ${num(max, lang)})` : `is too large (at most ${num(max, lang)})`;
      }
    }
    case "too_small": {
      const min = issue.minimum;
      const inclusive = issue.inclusive !== false;
      switch (issue.origin) {
        case "number":
        case "int":
        case "bigint":
          return vi
            ? inclusive
              ? `không được nhỏ hơn ${num(min, lang)}`
              : `phải lớn hơn ${num(min, lang)}`
            : inclusive
              ? `must not be less than ${num(min, lang)}`
              : `must be greater than ${num(min, lang)}`;
        case "string":
          if (Number(min) <= 1 && !issue.exact) return vi ? "không được để trống" : "must not be empty";
          return vi
            ? issue.exact
              ? `phải có đúng ${num(min, lang)} ký tự`
              : `phải có ít nhất ${num(min, lang)} ký tự`
            : issue.exact
              ? `must be exactly ${num(min, lang)} characters long`
              : `must be at least ${num(min, lang)} characters long`;
        case "array":
        case "set":
          if (Number(min) <= 1 && !issue.exact) return vi ? "phải có ít nhất một mục" : "must have at least one item";
          return vi
            ? issue.exact
              ? `phải có đúng ${num(min, lang)} mục`
              : `phải có ít nhất ${num(min, lang)} mục`
            : issue.exact
              ? `must have exactly ${num(min, lang)} items`
              : `must have at least ${num(min, lang)} items`;
        case "date":
          return vi
            ? inclusive
              ? `không được trước ngày ${day(min, lang)}`
              : `phải sau ngày ${day(min, lang)}`
            : inclusive
              ? `must not be before ${day(min, lang)}`
              : `must be after ${day(min, lang)}`;
        case "file":
          return vi ? `phải lớn ít nhất ${num(min, lang)} byte` : `must be at least ${num(min, lang)} bytes`;
        default:
          return vi ? `quá nhỏ (tối thiểu ${num(min, lang)})` : `is too small (at least ${num(min, lang)})`;
      }
    }
    case "invalid_format": {
      const f = issue as z.core.$ZodIssueInvalidStringFormat & { prefix?: string; suffix?: string; includes?: string };
      if (f.format === "starts_with") return vi ? `phải bắt đầu bằng ${show(f.prefix)}` : `must start with ${showEn(f.prefix)}`;
      if (f.format === "ends_with") return vi ? `phải kết thúc bằng ${show(f.suffix)}` : `must end with ${showEn(f.suffix)}`;
      if (f.format === "includes") return vi ? `phải chứa ${show(f.includes)}` : `must contain ${showEn(f.includes)}`;
      if (f.format === "regex") return vi ? "không đúng định dạng" : "is not in the expected format";
      const what = (vi ? FORMAT_VI : FORMAT_EN)[f.format];
      if (f.format === "lowercase" || f.format === "uppercase") return vi ? `phải viết ${what}` : `must be in ${what}`;
      return what ? (vi ? `không phải là ${what} hợp lệ` : `is not a valid ${what}`) : vi ? "không đúng định dạng" : "is not in the expected format";
    }
    case "not_multiple_of":
      return vi ? `phải là bội số của ${num(issue.divisor, lang)}` : `must be a multiple of ${num(issue.divisor, lang)}`;
    case "unrecognized_keys": {
      const keys = issue.keys.join(", ");
      return vi
        ? `có ${issue.keys.length > 1 ? "các trường" : "trường"} không được phép: ${keys}`
        : `has ${issue.keys.length > 1 ? "fields" : "a field"} that ${issue.keys.length > 1 ? "are" : "is"} not allowed: ${keys}`;
    }
    case "invalid_union":
      return vi ? "không khớp với dạng nào được chấp nhận" : "does not match any accepted form";
    case "invalid_key":
      return vi ? "có khoá không hợp lệ" : "has an invalid key";
    case "invalid_element":
      return vi ? "có phần tử không hợp lệ" : "has an invalid element";
    case "invalid_value": {
      const values = issue.values;
      if (values.length === 1) return vi ? `phải là ${show(values[0])}` : `must be ${showEn(values[0])}`;
      const list = values.map(vi ? show : showEn).join(", ");
      return vi ? `phải là một trong các giá trị: ${list}` : `must be one of: ${list}`;
    }
    case "custom":
      return vi ? "không hợp lệ" : "is not valid";
  }
  return vi ? "không hợp lệ" : "is not valid";
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The message of one zod issue in the reader's language, with the field's label when given ("Năm thành lập không
 * được lớn hơn 2100.") and standing alone otherwise ("Không được lớn hơn 2100.").
 */
export function issueMessage(issue: Issue, lang: MessageLang, label?: string | null): string {
  const p = predicate(issue, lang);
  const l = label?.trim();
  return `${l ? `${l} ${p}` : capitalise(p)}.`;
}
