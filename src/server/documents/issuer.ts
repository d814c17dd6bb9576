// The issuing body of official documents, from configuration (config.documents, env DOC_*).
import type { Config } from "../config.js";
import { headerLayout, type Issuer, type Signer } from "./nd30.js";

export function issuerFromConfig(config: Pick<Config, "documents">): Issuer {
  const d = config.documents;
  return {
    parentBody: d.parentBody,
    parentBodyLines: d.parentBodyLines,
    issuingBody: d.issuingBody,
    issuingBodyLines: d.issuingBodyLines,
    symbol: d.symbol,
    place: d.place,
    signerAuthority: d.signerAuthority,
    signerName: d.signerName,
    archiveUnit: d.archiveUnit,
  };
}

/** Throws when the configured header lines of the issuer cannot be printed side by side with the national name. */
export function assertHeaderFits(issuer: Issuer): void {
  headerLayout({ issuer, number: 1000, typeAbbreviation: "GCN", date: "2026-12-31", year: 2026, variant: "administrative" });
}

/** The issuer's default signer. */
export const defaultSigner = (issuer: Issuer): Signer => ({ authority: issuer.signerAuthority, name: issuer.signerName });

/** The head of the issuing body as the authority of a decision: "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ". */
export const headTitle = (issuer: Issuer) => `GIÁM ĐỐC ${issuer.issuingBody.toUpperCase()}`;

/**
 * The issuing body in running text, capitalised the Vietnamese way for an agency's name (the kind of body and the
 * first word of each field it governs): "SỞ KHOA HỌC VÀ CÔNG NGHỆ" → "Sở Khoa học và Công nghệ".
 */
export function bodyName(issuer: Issuer): string {
  const words = issuer.issuingBody.toLocaleLowerCase("vi").split(/\s+/).filter(Boolean);
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1);
  return words.map((w, i) => (i <= 1 || words[i - 1] === "và" ? cap(w) : w)).join(" ");
}
