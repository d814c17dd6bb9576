// Numbers written for people: Vietnamese grouping (1.234.567,5) or English (1,234,567.5). One Intl.NumberFormat per
// locale and precision, built on first use and kept: building a formatter costs far more than formatting with it, and
// `toLocaleString(locale, options)` builds one on every call (the leadership dashboard wrote its indicators' sources
// with it, a few dozen numbers a request, and spent more time there than in its SQL).
export type NumberLocale = "vi-VN" | "en-US" | "en-GB";

const formatters = new Map<string, Intl.NumberFormat>();

/** `n` grouped the way of `locale`, with at most `maximumFractionDigits` decimals (Intl's default, 3, when absent). */
export function formatNumber(n: number, locale: NumberLocale = "vi-VN", maximumFractionDigits?: number): string {
  const key = `${locale}|${maximumFractionDigits ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, maximumFractionDigits === undefined ? undefined : { maximumFractionDigits });
    formatters.set(key, f);
  }
  return f.format(n);
}
