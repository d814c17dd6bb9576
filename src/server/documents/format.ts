// Pure formatting rules of Vietnamese official documents (NĐ 30/2020/NĐ-CP, Phụ lục I) and vi-VN numbers.
// Dates are Vietnam-local days: an instant is read at UTC+7 (Vietnam has no daylight saving time).
import { VN_OFFSET_MS } from "../platform/clock.js";

export interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/**
 * The Vietnam-local day of an instant (Date or ISO string with offset), or the day of a calendar date
 * ("YYYY-MM-DD", taken as is).
 */
export function vnLocalDay(value: Date | string): LocalDay {
  if (typeof value === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    value = new Date(value);
  }
  if (Number.isNaN(value.getTime())) throw new RangeError("invalid date");
  const d = new Date(value.getTime() + VN_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Vietnam-local hours and minutes of an instant. */
export function vnLocalTime(value: Date | string): { hour: number; minute: number } {
  const d = new Date(new Date(value).getTime() + VN_OFFSET_MS);
  return { hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * The place-and-date line: "Hải Phòng, ngày 05 tháng 01 năm 2026". Days below 10 and the months 1 and 2 take a
 * leading zero (NĐ 30/2020, Phụ lục I, mục 5). Without a date (a document not yet signed) the day and month are left
 * blank for handwriting and the year is the given one.
 */
export function vnPlaceDateLine(place: string, date: Date | string): string;
export function vnPlaceDateLine(place: string, date: Date | string | null, blankYear: number): string;
export function vnPlaceDateLine(place: string, date: Date | string | null, blankYear?: number): string {
  if (date === null) {
    return `${place}, ngày      tháng      năm ${blankYear}`;
  }
  const { year, month, day } = vnLocalDay(date);
  const mm = month <= 2 ? pad2(month) : String(month);
  return `${place}, ngày ${pad2(day)} tháng ${mm} năm ${year}`;
}

/** "05/12/2026": a Vietnam-local day in the dd/mm/yyyy form used inside the text of documents. */
export function vnShortDate(date: Date | string): string {
  const { year, month, day } = vnLocalDay(date);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "08 giờ 00 ngày 05/12/2026": a Vietnam-local instant in words used inside the text of documents. */
export function vnDateTime(instant: Date | string): string {
  const { hour, minute } = vnLocalTime(instant);
  return `${pad2(hour)} giờ ${pad2(minute)} ngày ${vnShortDate(instant)}`;
}

/**
 * The number and symbol of a document: "05/QĐ-SKHCN" (numbers below 10 take a leading zero). Without a number (not yet
 * registered at the office) the number is left blank for the clerk.
 */
export function documentNumberSymbol(number: number | null, typeAbbreviation: string, issuerSymbol: string): string {
  if (number !== null && (!Number.isInteger(number) || number < 1)) throw new RangeError("document number must be a positive integer");
  const n = number === null ? "      " : number < 10 ? pad2(number) : String(number);
  return `${n}/${typeAbbreviation}-${issuerSymbol}`;
}

/** Digits grouped in the vi-VN way: 1250000000 → "1.250.000.000". */
export function vnDigits(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError("not a finite number");
  const negative = value < 0;
  const [int, frac] = Math.abs(value).toString().split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (negative ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/** Money in đồng: 1250000000 → "1.250.000.000 đồng". */
export function vnMoney(dong: number): string {
  if (!Number.isInteger(dong)) throw new RangeError("money is an integer number of đồng");
  return `${vnDigits(dong)} đồng`;
}

/** A score with up to two decimals and a decimal comma: 82.5 → "82,5"; 70 → "70". */
export function vnScore(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return vnDigits(rounded);
}

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

function readTriple(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const parts: string[] = [];
  if (full || h > 0) parts.push(`${DIGITS[h]} trăm`);
  if (t === 0) {
    if (u > 0 && (full || h > 0)) parts.push("linh");
  } else if (t === 1) parts.push("mười");
  else parts.push(`${DIGITS[t]} mươi`);
  if (u > 0) {
    if (u === 1 && t > 1) parts.push("mốt");
    else if (u === 5 && t > 0) parts.push("lăm");
    else if (u === 4 && t > 1) parts.push("tư");
    else parts.push(DIGITS[u]);
  }
  return parts.join(" ");
}

/** A non-negative integer in Vietnamese words: 1250000000 → "Một tỷ hai trăm năm mươi triệu". */
export function vnNumberInWords(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError("a non-negative safe integer is required");
  if (value === 0) return "Không";
  const groups: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 1000)) groups.push(v % 1000);
  const units = ["", "nghìn", "triệu"];
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    // Above "triệu" the scale repeats with "tỷ": 10^9 tỷ, 10^12 nghìn tỷ, 10^15 triệu tỷ, 10^18 tỷ tỷ.
    const scale = i === 0 ? "" : i % 3 === 0 ? "tỷ" : units[i % 3] + (i > 3 ? " tỷ" : "");
    const isFirst = words.length === 0;
    if (g === 0) {
      if (i % 3 === 0 && i > 0 && !isFirst && !words[words.length - 1].endsWith("tỷ")) words.push("tỷ");
      continue;
    }
    words.push(readTriple(g, !isFirst) + (scale ? " " + scale : ""));
  }
  const text = words.join(" ").replace(/\s+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1.250.000.000 đồng (Bằng chữ: Một tỷ hai trăm năm mươi triệu đồng)". */
export function vnMoneyWithWords(dong: number): string {
  return `${vnMoney(dong)} (Bằng chữ: ${vnNumberInWords(dong)} đồng)`;
}
