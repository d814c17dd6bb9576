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

/**
 * Dates and times are shown as in Hải Phòng — Asia/Ho_Chi_Minh, UTC+7 all year (no daylight saving) — whatever the
 * zone of the device or of the server: a record's date is the city's, and a page rendered on the server
 * (app/prerender.tsx) reads the same as in the browser. A date without a time ("2026-05-12") is that date.
 */
const CITY_OFFSET_MS = 7 * 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function inCity(d: string | Date): dayjs.Dayjs | null {
  if (typeof d === "string" && DATE_ONLY.test(d)) {
    const v = dayjs(d);
    return v.isValid() ? v : null;
  }
  const t = new Date(d).getTime();
  if (Number.isNaN(t)) return null;
  const c = new Date(t + CITY_OFFSET_MS);
  return dayjs(new Date(c.getUTCFullYear(), c.getUTCMonth(), c.getUTCDate(), c.getUTCHours(), c.getUTCMinutes(), c.getUTCSeconds()));
}

export function formatDate(d: string | Date | null | undefined): string {
  return (d && inCity(d)?.format("DD/MM/YYYY")) || "";
}

export function formatDateTime(d: string | Date | null | undefined): string {
  return (d && inCity(d)?.format("DD/MM/YYYY HH:mm")) || "";
}

export const DATE_FORMAT = "DD/MM/YYYY";
