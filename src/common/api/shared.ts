import { z } from "zod";

/** Optional text field: trims, turns "" into null. */
export const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const uuid = z.string().uuid();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
export const version = z.number().int().min(1);

export const ORCID_RE = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;
export const TAX_CODE_RE = /^\d{10}(-?\d{3})?$/;
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A web address as stored from users (an organisation's website): http or https only, so a stored link can never run
 * script or embed data when opened (javascript:, data:, vbscript:, file: … are refused). An address typed without a
 * scheme ("rimf.org.vn") is taken as https. Returns the address, or null when it is not one.
 */
export function webAddress(raw: string): string | null {
  const v = raw.trim();
  if (!v || /[\s<>"\\^`{|}\u0000-\u001f\u007f]/.test(v)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname || !/^[a-z][a-z0-9+.-]*:\/\//i.test(withScheme) || url.username || url.password) return null;
  return withScheme;
}

/** Optional web address field (see webAddress); a refusal carries the message key `input.web_address`. */
export const optWebAddress = (max: number) =>
  optText(max)
    .refine((v) => v === null || webAddress(v) !== null, { params: { messageKey: "input.web_address" } })
    .transform((v) => (v === null ? null : webAddress(v)));
