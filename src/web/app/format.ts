// Number and date formats: vi-VN (1.223,584 — 27/11/2026) in Vietnamese, the same day-first dates in English.
import dayjs from "dayjs";
import { currentLang } from "../i18n/index";

const locale = () => (currentLang() === "en" ? "en-GB" : "vi-VN");

export function formatNumber(n: number | null | undefined, maximumFractionDigits = 3): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "";
  return new Intl.NumberFormat(locale(), { maximumFractionDigits }).format(n);
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
