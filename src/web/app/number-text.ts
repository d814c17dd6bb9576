// Numbers as people type them, in the reader's notation: Vietnamese "1.234.567,5" (dot groups, comma decimals),
// English "1,234,567.5". A text that is not a number is reported as such, never read as part of it ("19x5" is not
// 195 nor 19): the inputs keep it on screen with an error instead of dropping it.
export type NumberLang = "vi" | "en";

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; text: string };

const SPACES = /[\s\u00a0\u202f]/g;

/** Reads a typed number; "" is null (nothing entered). */
export function parseNumberText(text: string, lang: NumberLang, integer = false): ParsedNumber {
  const s = text.replace(SPACES, "").replace(/[−–]/g, "-");
  if (s === "") return { ok: true, value: null };
  const group = lang === "vi" ? "." : ",";
  const decimal = lang === "vi" ? "," : ".";
  const g = `\\${group}`;
  const d = `\\${decimal}`;
  let plain: string | null = null;
  if (new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`).test(s)) plain = s.split(group).join("").replace(decimal, ".");
  else if (new RegExp(`^-?\\d+(${d}\\d+)?$`).test(s)) plain = s.replace(decimal, ".");
  // a single group sign that cannot be a thousands group ("1.5" in Vietnamese, "2,75" in English) is a decimal sign
  else if (new RegExp(`^-?\\d+${g}(\\d{1,2}|\\d{4,})$`).test(s)) plain = s.replace(group, ".");
  if (plain === null) return { ok: false, text };
  const value = Number(plain);
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) return { ok: false, text };
  return { ok: true, value };
}

/** A number in the reader's notation with thousands separators (vi-VN "1.234.567,5"). */
export function formatNumberText(value: number | null | undefined, lang: NumberLang, group = true): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "";
  return value.toLocaleString(lang === "vi" ? "vi-VN" : "en-US", { maximumFractionDigits: 6, useGrouping: group });
}
