// Number and date formats: vi-VN (1.223,584 — 27/11/2026) in Vietnamese, the same day-first dates in English. Numbers
// go through formatters built once (common/number-format.ts): a table formats every cell on each render.
import dayjs from "dayjs";
import { currentLang } from "../i18n/index";
import { formatNumber as formatIn } from "../../common/number-format";

const locale = () => (currentLang() === "en" ? "en-GB" : "vi-VN");

export function formatNumber(n: number | null | undefined, maximumFractionDigits = 3): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "";
  return formatIn(n, locale(), maximumFractionDigits);
}

export function formatDate(d: string | Date | null | undefined): string {
  if (!d) return "";
  const v = dayjs(d);
  return v.isValid() ? v.format("DD/MM/YYYY") : "";
}

export function formatDateTime(d: string | Date | null | undefined): string {
  if (!d) return "";
  const v = dayjs(d);
  return v.isValid() ? v.format("DD/MM/YYYY HH:mm") : "";
}

export const DATE_FORMAT = "DD/MM/YYYY";
