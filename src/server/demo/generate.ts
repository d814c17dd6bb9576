// Deterministic demo and benchmark data: the city's universities, S&T organisations, agencies, hospitals and
// enterprises; their accredited laboratories; and the R&D people registry with affiliations. Pure: no database, no
// clock, no Math.random — the same options give the same records (ids included) on every machine.
import { CODE_LISTS } from "../../common/reference.js";
import { FORMER_COMMUNES, UNITS_2025 } from "../../common/admin-units.js";
import { foldVietnamese } from "../../common/list.js";
import {
  CONSENT_NOTICE_VERSION,
  type ConsentPurpose,
  type LanguageLevel,
  type PersonAward,
  type PersonEducation,
  type PersonLanguage,
} from "../../common/api/person.js";
import { Prng } from "./prng.js";
import { vietnameseName } from "./names.js";
import {
  ASSOCIATIONS,
  CENTRE_FORMS,
  CENTRE_TOPICS,
  ENTERPRISE_BRANDS,
  ENTERPRISE_FORMS,
  ENTERPRISE_TRADES,
  HOSPITALS,
  NAMED_ENTERPRISES,
  STATE_AGENCIES,
  ST_ORGANISATIONS,
  UNIVERSITIES_AND_COLLEGES,
  type OrgSeed,
} from "./organisations-data.js";
import {
  AGE_BANDS_BACHELOR,
  AGE_BANDS_POSTGRADUATE,
  CATEGORY_OF_TYPE,
  DEGREE_SHARES,
  DISTRICT_WEIGHTS,
  FIELD_GROUPS,
  KEYWORDS,
  LABORATORIES_PER_SCALE,
  LAB_NAMES,
  MALE_SHARE_BACHELOR,
  MALE_SHARE_POSTGRADUATE,
  ORGANISATIONS_PER_SCALE,
  PEOPLE_PER_SCALE,
  REFERENCE_YEAR,
  STREETS,
  TITLE_SHARES,
  WORKPLACE_SHARES,
  UNIVERSITIES_BY_FIELD,
  POSTGRADUATE_INSTITUTIONS,
  OTHER_LANGUAGES,
  AWARDS,
  minimumAge,
  type WorkplaceCategory,
} from "./people-data.js";

export interface GenerateOptions {
  /** Multiplies people (1,500 per unit), organisations (150) and laboratories (20). */
  scale?: number;
  /** Exact counts; override the scale. Organisations: at least the 150 of scale 1. */
  people?: number;
  organisations?: number;
  laboratories?: number;
  seed?: string | number;
}

// Rows use the database's column names: they are bulk-inserted as they are (jsonb_to_recordset).
export interface OrganisationRow {
  id: string;
  type: string;
  name_vi: string;
  name_en: string | null;
  abbreviation: string | null;
  tax_code: string | null;
  org_id_code: string | null;
  ror: string | null;
  parent_id: string | null;
  address: string | null;
  commune: string | null;
  district: string | null;
  governance: "central" | "local";
  fields: string[];
  website: string | null;
  email: string | null;
  phone: string | null;
  founded_year: number | null;
}
export interface LaboratoryRow {
  id: string;
  organisation_id: string;
  name: string;
  scheme: "VILAS" | "ISO17025";
  accreditation_number: string;
  expires_on: string | null;
  fields: string[];
}
export interface PersonRow {
  id: string;
  full_name: string;
  birth_year: number;
  gender: "male" | "female";
  degree: string;
  title: string | null;
  fields: string[];
  keywords: string[];
  orcid: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  is_expert: boolean;
  expert_since: string | null;
  primary_organisation_id: string;
  /** the scientific CV's training history, languages and awards (jsonb); left out, they are empty (insert.ts) */
  education?: PersonEducation[];
  languages?: PersonLanguage[];
  awards?: PersonAward[];
}
type CvLists = Required<Pick<PersonRow, "education" | "languages" | "awards">>;
export interface AffiliationRow {
  id: string;
  person_id: string;
  organisation_id: string;
  position: string | null;
  start_date: string | null;
  end_date: string | null;
}

export interface ConsentRow {
  id: string;
  person_id: string;
  purpose: ConsentPurpose;
  notice_version: string;
  granted: boolean;
  recorded_at: string;
}

export interface DemoData {
  organisations: OrganisationRow[];
  laboratories: LaboratoryRow[];
  people: PersonRow[];
  affiliations: AffiliationRow[];
  consents: ConsentRow[];
  /** Records the demo accounts are linked to. */
  anchors: {
    piPersonId: string;
    expertPersonId: string;
    orgRepOrganisationId: string;
    enterpriseOrganisationId: string;
  };
}

export const DEFAULT_SEED = "khcn-hai-phong";
export const BASE_ORGANISATIONS = ORGANISATIONS_PER_SCALE;

const districtLabel = new Map(CODE_LISTS.find((l) => l.key === "district")!.codes.map((c) => [c.code, c.vi]));
const communeLabel = new Map(CODE_LISTS.find((l) => l.key === "admin_unit")!.codes.map((c) => [c.code, c.vi]));

/** The national list's code of each former district of the `district` list (docs/admin-units/former-districts.json). */
const DISTRICT_CODES: Record<string, string> = {
  HONG_BANG: "303",
  NGO_QUYEN: "304",
  LE_CHAN: "305",
  HAI_AN: "306",
  KIEN_AN: "307",
  DO_SON: "308",
  DUONG_KINH: "309",
  THUY_NGUYEN: "311",
  AN_DUONG: "312",
  AN_LAO: "313",
  KIEN_THUY: "314",
  TIEN_LANG: "315",
  VINH_BAO: "316",
  CAT_HAI: "317",
  BACH_LONG_VI: "318",
};
const districtOfFormer = new Map(FORMER_COMMUNES.map(([code, , , district]) => [code, district]));

/** The units of 2025 (code list `admin_unit`) made wholly or partly from each former district's communes. */
const communesOfDistrict = new Map(
  Object.entries(DISTRICT_CODES).map(([district, code]) => [
    district,
    UNITS_2025.filter((u) => u.parts.some(([former]) => former === code || districtOfFormer.get(former) === code)).map((u) => u.code),
  ]),
);

/** An organisation's commune since 1/7/2025: one of the units made from its former district, spread by its place in the list. */
function communeOf(district: string, i: number): string | null {
  const candidates = communesOfDistrict.get(district) ?? [];
  return candidates.length ? candidates[(i * 7) % candidates.length] : null;
}

const fieldLabel = new Map(CODE_LISTS.find((l) => l.key === "field")!.codes.map((c) => [c.code, c.vi]));

// ─── Identifiers with check digits ──────────────────────────────────────────

/** ORCID iD check character: ISO 7064 MOD 11-2 over the first 15 digits. */
export function orcidCheckChar(digits15: string): string {
  let total = 0;
  for (const ch of digits15) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? "X" : String(result);
}

export function isValidOrcid(orcid: string): boolean {
  const d = orcid.replace(/-/g, "");
  return /^\d{15}[\dX]$/.test(d) && orcidCheckChar(d.slice(0, 15)) === d[15];
}

/** Check digit of a 10-digit Vietnamese tax code (mã số thuế): weights 31 29 23 19 17 13 7 5 3; null when the
 *  first nine digits cannot carry a valid check digit. */
export function taxCodeCheckDigit(first9: string): number | null {
  const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * w[i];
  const c = 10 - (sum % 11);
  return c === 10 ? null : c === 11 ? 0 : c;
}

// ─── Helpers ─────────────────────────────────────────────────────────────────

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const randomDate = (rng: Prng, fromYear: number, toYear: number) => isoDate(rng.int(fromYear, Math.max(fromYear, toYear)), rng.int(1, 12), rng.int(1, 28));
const slug = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, "")
    .slice(0, 20);
const initials = (s: string) =>
  foldVietnamese(s)
    .split(/[\s–-]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join("")
    .replace(/[^a-z0-9]/g, "");

/** An address as written since 1/7/2025: street, commune, city (the street chosen among the former district's). */
function address(rng: Prng, district: string, commune: string | null, withNumber = true) {
  const street = rng.pick(STREETS[district] ?? ["Trung tâm"]);
  const urban = !/^(Quốc lộ|Đường \d|Khu)/.test(street);
  const head = withNumber && urban ? `Số ${rng.int(1, 480)} ${street}` : street;
  return `${head}, ${commune ? (communeLabel.get(commune) ?? commune) : ""}, thành phố Hải Phòng`.replace(", ,", ",");
}

/** Weighted choice over a prepared cumulative array (binary search), for choosing among thousands of organisations. */
class WeightedIndex {
  private cum: number[] = [];
  private items: number[] = [];
  private total = 0;
  add(item: number, weight: number) {
    this.total += weight;
    this.cum.push(this.total);
    this.items.push(item);
  }
  get size() {
    return this.items.length;
  }
  pick(rng: Prng): number {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/**
 * n values in the exact proportions of the table (largest remainder), in random order: a registry of 1,500 people
 * shows the plan's shares to the rounding, not give or take the noise of independent draws.
 */
export function deck<T>(rng: Prng, table: readonly (readonly [T, number])[], n: number): T[] {
  const total = table.reduce((a, [, w]) => a + w, 0);
  const exact = table.map(([, w]) => (w / total) * n);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0, left = n - counts.reduce((a, b) => a + b, 0); k < left; k++) counts[order[k][1]]++;
  const out: T[] = [];
  table.forEach(([v], i) => {
    for (let k = 0; k < counts[i]; k++) out.push(v);
  });
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// ─── Organisations ───────────────────────────────────────────────────────────

const BASE_SEEDS: OrgSeed[] = [...UNIVERSITIES_AND_COLLEGES, ...STATE_AGENCIES, ...ST_ORGANISATIONS, ...HOSPITALS, ...NAMED_ENTERPRISES, ...ASSOCIATIONS];

type NameSet = Set<string> & { counters: Map<string, number> };

function inventedOrganisation(rng: Prng, taken: NameSet, kind: "enterprise" | "centre" | "hospital" | "association"): OrgSeed {
  const district = rng.weighted(DISTRICT_WEIGHTS);
  const place = (districtLabel.get(district) ?? "").replace(/^(Quận|Huyện) /, "");
  // Same name again: add the district ("… Lê Chân"), then a number ("… Lê Chân 2").
  const unique = (base: string) => {
    let name = base;
    if (taken.has(name)) name = `${base} ${place}`;
    if (taken.has(name)) {
      const stem = name;
      let n = taken.counters.get(stem) ?? 1;
      do name = `${stem} ${++n}`;
      while (taken.has(name));
      taken.counters.set(stem, n);
    }
    taken.add(name);
    return name;
  };
  if (kind === "enterprise") {
    const [trade, fields] = rng.pick(ENTERPRISE_TRADES);
    const brand = rng.pick(ENTERPRISE_BRANDS);
    const form = rng.pick(ENTERPRISE_FORMS);
    return {
      key: "",
      type: rng.chance(0.15) ? "st_enterprise" : "enterprise",
      nameVi: unique(`${form} ${trade} ${brand}`),
      governance: "local",
      district,
      fields,
      foundedYear: rng.int(1990, 2024),
    };
  }
  if (kind === "centre") {
    const [form, type] = rng.pick(CENTRE_FORMS);
    const [topic, fields] = rng.pick(CENTRE_TOPICS);
    return { key: "", type, nameVi: unique(`${form} ${topic}`), governance: "local", district, fields, foundedYear: rng.int(1975, 2024) };
  }
  if (kind === "hospital") {
    const form = rng.pick(["Bệnh viện Đa khoa", "Phòng khám Đa khoa", "Trung tâm Y tế"]);
    return {
      key: "",
      type: "hospital",
      nameVi: unique(`${form} ${rng.pick(ENTERPRISE_BRANDS)}`),
      governance: "local",
      district,
      fields: ["302", "303"],
      foundedYear: rng.int(1960, 2024),
    };
  }
  const [topic, fields] = rng.pick(CENTRE_TOPICS);
  return { key: "", type: "association", nameVi: unique(`Hội ${topic}`), governance: "local", district, fields, foundedYear: rng.int(1985, 2024) };
}

function buildOrganisations(rng: Prng, count: number) {
  if (count < BASE_ORGANISATIONS) {
    throw new Error(`organisations: at least ${BASE_ORGANISATIONS} (the city's registry at scale 1), got ${count}`);
  }
  const taken: NameSet = Object.assign(new Set(BASE_SEEDS.map((s) => s.nameVi)), { counters: new Map<string, number>() });
  const seeds: OrgSeed[] = BASE_SEEDS.slice();
  // Scale 1 has 45 enterprises: the 29 the plan names and 16 invented ones.
  for (let i = 0; i < 16; i++) seeds.push(inventedOrganisation(rng, taken, "enterprise"));
  while (seeds.length < count) {
    const kind = rng.weighted([
      ["enterprise", 65],
      ["centre", 25],
      ["hospital", 5],
      ["association", 5],
    ] as const);
    seeds.push(inventedOrganisation(rng, taken, kind));
  }
  seeds.length = count;

  const idOf = new Map<string, string>();
  const ids = seeds.map((s) => {
    const id = rng.uuid();
    if (s.key) idOf.set(s.key, id);
    return id;
  });
  let taxSeq = rng.int(10_000, 90_000);
  const usedDomains = new Set<string>();
  const agencyCodes = new Map<string, string>();
  let nextUnitCode = 1;
  const childCounters = new Map<string, number>();

  const rows: OrganisationRow[] = seeds.map((s, i) => {
    // Tax code: "02" (Hải Phòng's prefix) + 7-digit sequence + check digit; sequences without a valid check digit
    // are skipped. Strictly increasing, hence unique.
    let tax: string | null = null;
    while (!tax) {
      taxSeq += rng.int(1, 25);
      const first9 = "02" + pad(taxSeq, 7);
      const c = taxCodeCheckDigit(first9);
      if (c !== null) tax = first9 + c;
    }
    let domain = s.domain ?? (s.abbreviation ? slug(s.abbreviation) : initials(s.nameVi).slice(0, 12));
    if (!domain) domain = "org";
    let d = domain;
    for (let n = 2; usedDomains.has(d); n++) d = `${domain}${n}`;
    usedDomains.add(d);
    const host = `${d}.example.vn`;
    // Electronic ID code shaped like QĐ 20/2020/QĐ-TTg codes ("000.00.31.H31"; H31 = Hải Phòng) for the city's own
    // public bodies in the base registry; synthetic.
    let orgIdCode: string | null = null;
    if (s.key && s.governance === "local" && !["enterprise", "st_enterprise", "association"].includes(s.type)) {
      const parentCode = s.parentKey ? agencyCodes.get(s.parentKey) : undefined;
      if (parentCode) {
        const n = (childCounters.get(s.parentKey!) ?? 0) + 1;
        childCounters.set(s.parentKey!, n);
        orgIdCode = `000.${pad(n)}.${parentCode.split(".")[2]}.H31`;
      } else {
        orgIdCode = `000.00.${pad(nextUnitCode++)}.H31`;
      }
      if (s.type === "state_agency") agencyCodes.set(s.key, orgIdCode);
    }
    return {
      id: ids[i],
      type: s.type,
      name_vi: s.nameVi,
      name_en: s.nameEn ?? null,
      abbreviation: s.abbreviation ?? null,
      tax_code: tax,
      org_id_code: orgIdCode,
      ror: null,
      parent_id: s.parentKey ? (idOf.get(s.parentKey) ?? null) : null,
      address: address(rng, s.district, communeOf(s.district, i)),
      commune: communeOf(s.district, i),
      district: s.district,
      governance: s.governance,
      fields: s.fields,
      website: `https://${host}`,
      email: `lienhe@${host}`,
      phone: `0225 ${rng.int(3500, 3999)} ${rng.digits(3)}`,
      founded_year: s.foundedYear ?? null,
    };
  });
  return { rows, idOf };
}

// ─── Laboratories ────────────────────────────────────────────────────────────

/** The 20 accredited laboratories of scale 1 (line 293), placed at the organisations that plausibly run them. */
const BASE_LABS: readonly (readonly [string, string, string[], "VILAS" | "ISO17025"])[] = [
  ["smq_centre", "Phòng Thử nghiệm Đo lường – Hiệu chuẩn", ["203", "202"], "VILAS"],
  ["smq_centre", "Phòng Thử nghiệm Hóa – Vi sinh", ["104", "106"], "VILAS"],
  ["imer", "Phòng Thí nghiệm Phân tích môi trường biển", ["105", "104"], "VILAS"],
  ["rimf", "Phòng Thí nghiệm Bệnh học thủy sản", ["405", "106"], "VILAS"],
  ["vimm", "Phòng Xét nghiệm Y học biển", ["301", "302"], "VILAS"],
  ["hpmu", "Phòng Xét nghiệm Sinh học phân tử", ["305"], "VILAS"],
  ["vmu", "Phòng Thí nghiệm Vật liệu và Kết cấu tàu thủy", ["205", "299"], "VILAS"],
  ["st9", "Phòng Kiểm nghiệm Dược phẩm", ["304"], "VILAS"],
  ["st9", "Phòng Kiểm nghiệm Thực phẩm", ["211"], "VILAS"],
  ["st3", "Phòng Phân tích Môi trường", ["207", "104"], "VILAS"],
  ["h1", "Khoa Xét nghiệm Huyết học – Sinh hóa", ["302"], "VILAS"],
  ["h9", "Phòng Xét nghiệm Vi sinh – Ký sinh trùng", ["303"], "VILAS"],
  ["st25", "Phòng Phân tích Hóa chất", ["104", "204"], "VILAS"],
  ["st17", "Phòng Thử nghiệm Cơ lý", ["203"], "VILAS"],
  ["paint", "Phòng Thí nghiệm Sơn và Lớp phủ", ["204"], "ISO17025"],
  ["e16", "Phòng Thí nghiệm Xi măng", ["201", "204"], "ISO17025"],
  ["e13", "Phòng Thử nghiệm Cáp điện", ["202"], "ISO17025"],
  ["st8", "Phòng Thí nghiệm Vật liệu xây dựng", ["201"], "VILAS"],
  ["safety", "Phòng Thử nghiệm Thiết bị áp lực", ["203"], "VILAS"],
  ["e27", "Phòng Kiểm nghiệm Thủy sản", ["211", "405"], "VILAS"],
];

function buildLaboratories(rng: Prng, count: number, orgs: OrganisationRow[], idOf: Map<string, string>) {
  const rows: LaboratoryRow[] = [];
  const usedNumbers = new Set<string>();
  const number = (scheme: "VILAS" | "ISO17025") => {
    for (;;) {
      const n = scheme === "VILAS" ? `VILAS ${pad(rng.int(1, 1600), 3)}` : `L-${pad(rng.int(1, 9999), 4)}`;
      if (!usedNumbers.has(n)) {
        usedNumbers.add(n);
        return n;
      }
    }
  };
  // Certificates run five years; some expired before the demo date (2026), so expiry warnings have something to show.
  const expiry = () => randomDate(rng, 2025, 2030);
  for (const [key, name, fields, scheme] of BASE_LABS.slice(0, count)) {
    rows.push({ id: rng.uuid(), organisation_id: idOf.get(key)!, name, scheme, accreditation_number: number(scheme), expires_on: expiry(), fields });
  }
  const hosts = orgs.filter((o) => ["rd_institute", "st_service", "university", "hospital", "enterprise", "st_enterprise"].includes(o.type));
  const namesAt = new Map<string, Set<string>>();
  for (const r of rows) namesAt.set(r.organisation_id, (namesAt.get(r.organisation_id) ?? new Set()).add(r.name));
  while (rows.length < count) {
    const org = rng.pick(hosts);
    const [base, fields] = rng.pick(LAB_NAMES);
    const names = namesAt.get(org.id) ?? new Set<string>();
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base} số ${n}`;
    names.add(name);
    namesAt.set(org.id, names);
    const scheme = rng.chance(0.85) ? "VILAS" : "ISO17025";
    rows.push({ id: rng.uuid(), organisation_id: org.id, name, scheme, accreditation_number: number(scheme), expires_on: expiry(), fields });
  }
  return rows;
}

// ─── People ──────────────────────────────────────────────────────────────────

const level1 = (code: string) => code[0];

function positionFor(rng: Prng, orgType: string, degree: string, title: string | null, age: number): string {
  const senior = title !== null;
  const leader = age >= 40 && rng.chance(senior ? 0.35 : 0.08);
  switch (orgType) {
    case "university":
    case "college":
      if (leader)
        return rng.weighted([
          ["Trưởng khoa", 3],
          ["Phó Trưởng khoa", 4],
          ["Trưởng bộ môn", 6],
          ["Phó Hiệu trưởng", 1],
        ] as const);
      if (senior) return "Giảng viên cao cấp";
      if (degree === "TS" || degree === "TSKH") return rng.chance(0.6) ? "Giảng viên chính" : "Giảng viên";
      return age < 27 && degree === "DH" ? "Trợ giảng" : "Giảng viên";
    case "rd_institute":
    case "st_service":
      if (leader)
        return rng.weighted([
          ["Viện trưởng", 1],
          ["Giám đốc Trung tâm", 1],
          ["Phó Giám đốc", 3],
          ["Trưởng phòng", 6],
        ] as const);
      if (senior) return "Nghiên cứu viên cao cấp";
      if (degree === "TS" || degree === "TSKH") return "Nghiên cứu viên chính";
      return degree === "ThS" ? "Nghiên cứu viên" : rng.pick(["Nghiên cứu viên", "Kỹ thuật viên", "Trợ lý nghiên cứu"]);
    case "hospital":
      if (leader)
        return rng.weighted([
          ["Trưởng khoa", 5],
          ["Phó Trưởng khoa", 5],
          ["Phó Giám đốc bệnh viện", 1],
        ] as const);
      return rng.weighted([
        ["Bác sĩ", 5],
        ["Bác sĩ chuyên khoa I", 3],
        ["Bác sĩ chuyên khoa II", 1],
        ["Dược sĩ", 1],
        ["Điều dưỡng", 1],
      ] as const);
    case "state_agency":
      if (leader)
        return rng.weighted([
          ["Trưởng phòng", 5],
          ["Phó Trưởng phòng", 5],
          ["Phó Giám đốc Sở", 1],
        ] as const);
      return rng.chance(0.3) ? "Chuyên viên chính" : "Chuyên viên";
    case "enterprise":
    case "st_enterprise":
      if (leader)
        return rng.weighted([
          ["Giám đốc Nghiên cứu và Phát triển", 1],
          ["Trưởng phòng Kỹ thuật", 3],
          ["Phó Giám đốc", 1],
        ] as const);
      return rng.pick(["Kỹ sư", "Kỹ sư", "Chuyên viên kỹ thuật", "Cán bộ quản lý chất lượng"]);
    default:
      return leader ? "Ủy viên Ban Chấp hành" : rng.pick(["Hội viên", "Chuyên viên"]);
  }
}

function ageInBand(rng: Prng, band: readonly [number, number, number], degree: string): number {
  const [, lo, hi] = band;
  const min = minimumAge(degree);
  return rng.int(Math.max(lo, min), Math.max(hi, min));
}

function orcidFor(rng: Prng, used: Set<string>): string {
  for (;;) {
    const d15 = "000" + rng.int(1, 3) + rng.digits(11);
    const full = d15 + orcidCheckChar(d15);
    const orcid = `${full.slice(0, 4)}-${full.slice(4, 8)}-${full.slice(8, 12)}-${full.slice(12)}`;
    if (!used.has(orcid)) {
      used.add(orcid);
      return orcid;
    }
  }
}

type FieldGroup = (typeof FIELD_GROUPS)[number];

/**
 * Joint shares of (field group, workplace category) whose margins are the plan's field shares (line 235) and the
 * workplace shares (line 241 and WORKPLACE_SHARES), with zero where no organisation of the category works in any field
 * of the group (no fisheries researcher in a hospital) — iterative proportional fitting.
 */
function jointFieldWorkplace(index: Map<string, WeightedIndex>): [readonly [FieldGroup, WorkplaceCategory], number][] {
  const fits = (g: FieldGroup, c: WorkplaceCategory) => g.codes.some((code) => index.has(`${c}:${level1(code)}`));
  const cells = FIELD_GROUPS.flatMap((g) => WORKPLACE_SHARES.filter(([c]) => fits(g, c)).map(([c, cs]) => ({ g, c, w: g.share * cs })));
  for (let iter = 0; iter < 200; iter++) {
    for (const [c, target] of WORKPLACE_SHARES) {
      const row = cells.filter((x) => x.c === c);
      const sum = row.reduce((a, x) => a + x.w, 0);
      if (sum > 0) for (const x of row) x.w *= target / sum;
    }
    for (const g of FIELD_GROUPS) {
      const col = cells.filter((x) => x.g === g);
      const sum = col.reduce((a, x) => a + x.w, 0);
      if (sum > 0) for (const x of col) x.w *= g.share / sum;
    }
  }
  return cells.map((x) => [[x.g, x.c] as const, x.w]);
}

// ─── The scientific CV's lists ───────────────────────────────────────────────

/**
 * How many people of the registry have their CV's lists filled: all of the demo's (1,500 at scale 1); of a larger
 * registry (the benchmark's 100,000) the first 1,500 only, as many real records are never completed — the lists
 * would otherwise add about 70 % to the JSON bulk-inserted for each person.
 */
const CV_FILLED = PEOPLE_PER_SCALE;

/** The degrees a person went through to reach theirs, in order. */
const DEGREE_PATH: Record<string, string[]> = { DH: ["DH"], ThS: ["DH", "ThS"], TS: ["DH", "ThS", "TS"], TSKH: ["DH", "ThS", "TS", "TSKH"] };

/**
 * A training history, languages and sometimes an award consistent with the person's degree, field and birth year.
 * Drawn from a generator of its own (`cv`), so the rest of the registry is the same with or without these lists.
 */
function cvListsFor(rng: Prng, p: { birth_year: number; degree: string; fields: string[]; is_expert: boolean; title: string | null }): CvLists {
  const l1 = level1(p.fields[0] ?? "2");
  const path = DEGREE_PATH[p.degree] ?? [];
  // Years from the first degree on, each one a few years after the last, never after the reference year.
  const years: number[] = [];
  let y = p.birth_year + rng.int(22, 23);
  for (const level of path) {
    if (level === "ThS") y += rng.int(2, 6);
    if (level === "TS") y += rng.int(3, 7);
    if (level === "TSKH") y += rng.int(5, 10);
    years.push(y);
  }
  const n = years.length;
  const first = rng.weighted(UNIVERSITIES_BY_FIELD[l1] ?? UNIVERSITIES_BY_FIELD["2"]);
  const speciality = (i: number) => fieldLabel.get(p.fields[Math.min(i, p.fields.length - 1)] ?? "") ?? null;
  const education: PersonEducation[] = path.map((level, i) => ({
    level,
    institution: i === 0 || rng.chance(0.5) ? first : rng.pick(POSTGRADUATE_INSTITUTIONS[l1] ?? POSTGRADUATE_INSTITUTIONS["2"]),
    field: speciality(i === 0 ? 0 : 1),
    year: Math.min(years[i], REFERENCE_YEAR - (n - 1 - i)),
  }));
  const languages: PersonLanguage[] = [];
  const scale: LanguageLevel[] = ["good", "fair", "average"];
  const postgraduate = n > 1;
  if (rng.chance(postgraduate ? 0.9 : 0.5)) {
    const best = postgraduate ? rng.int(0, 1) : rng.int(1, 2);
    const skill = () => scale[Math.min(2, best + rng.int(0, 1))];
    languages.push({ language: "Tiếng Anh", listening: skill(), speaking: skill(), writing: skill(), reading: scale[best] });
  }
  if (p.birth_year < 1968 && rng.chance(0.6))
    languages.push({ language: "Tiếng Nga", listening: "average", speaking: "average", writing: "fair", reading: "fair" });
  else if (postgraduate && rng.chance(0.15)) {
    languages.push({ language: rng.pick(OTHER_LANGUAGES), listening: "average", speaking: "average", writing: "average", reading: "fair" });
  }
  const awards: PersonAward[] = [];
  if (rng.chance(p.title ? 0.5 : p.is_expert ? 0.15 : 0.01)) {
    const [name, awardedBy] = rng.pick(AWARDS);
    awards.push({ name, year: rng.int(Math.min(education.at(-1)?.year ?? REFERENCE_YEAR, REFERENCE_YEAR - 1), REFERENCE_YEAR - 1), awardedBy });
  }
  return { education, languages, awards };
}

/** The demo accounts' PI and expert: the CVs the demo shows first, written out. */
const PI_CV: CvLists = {
  education: [
    { level: "DH", institution: "Trường Đại học Hàng hải Việt Nam", field: "Máy tàu thủy", year: 1997 },
    { level: "ThS", institution: "Trường Đại học Bách khoa Hà Nội", field: "Kỹ thuật cơ khí động lực", year: 2003 },
    { level: "TS", institution: "Trường Đại học Hàng hải Việt Nam", field: "Khai thác, bảo trì tàu thủy", year: 2010 },
  ],
  languages: [
    { language: "Tiếng Anh", listening: "good", speaking: "fair", writing: "good", reading: "good" },
    { language: "Tiếng Nhật", listening: "average", speaking: "average", writing: "average", reading: "fair" },
  ],
  awards: [
    {
      name: "Giải Ba, Giải thưởng Sáng tạo khoa học công nghệ Việt Nam (hệ thống giám sát động cơ diesel tàu thủy)",
      year: 2019,
      awardedBy: "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
    },
    { name: "Bằng khen của Ủy ban nhân dân thành phố Hải Phòng", year: 2022, awardedBy: "Ủy ban nhân dân thành phố Hải Phòng" },
  ],
};
const EXPERT_CV: CvLists = {
  education: [
    { level: "DH", institution: "Trường Đại học Y Hà Nội", field: "Bác sĩ đa khoa", year: 1994 },
    { level: "ThS", institution: "Trường Đại học Y Hà Nội", field: "Y học dự phòng", year: 2000 },
    { level: "TS", institution: "Viện Vệ sinh Dịch tễ Trung ương", field: "Dịch tễ học", year: 2007 },
  ],
  languages: [
    { language: "Tiếng Anh", listening: "good", speaking: "good", writing: "good", reading: "good" },
    { language: "Tiếng Pháp", listening: "average", speaking: "average", writing: "average", reading: "fair" },
  ],
  awards: [{ name: "Bằng khen của Bộ trưởng Bộ Y tế", year: 2018, awardedBy: "Bộ Y tế" }],
};

function buildPeople(rng: Prng, cvRng: Prng, count: number, orgs: OrganisationRow[], idOf: Map<string, string>) {
  if (count < 2) throw new Error("people: at least 2");
  // Candidate organisations per workplace category and level-1 field. Universities and colleges also take
  // education (field 5: their staff teach whatever their subject).
  const index = new Map<string, WeightedIndex>();
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  orgs.forEach((o, i) => {
    const cat = CATEGORY_OF_TYPE[o.type] ?? "association";
    const l1 = new Set(o.fields.map(level1));
    if (cat === "academic") l1.add("5");
    // The large universities employ most academic staff.
    const weight = o.type === "university" ? (["vmu", "hpmu", "dhhp"].some((k) => idOf.get(k) === o.id) ? 8 : 4) : 1;
    for (const f of l1) {
      const k = `${cat}:${f}`;
      if (!index.has(k)) index.set(k, new WeightedIndex());
      index.get(k)!.add(i, weight);
    }
  });
  const sameCategory = new Map<WorkplaceCategory, number[]>();
  orgs.forEach((o, i) => {
    const cat = CATEGORY_OF_TYPE[o.type] ?? "association";
    if (!sameCategory.has(cat)) sameCategory.set(cat, []);
    sameCategory.get(cat)!.push(i);
  });
  const level2 = [...fieldLabel.keys()].filter((c) => c.length === 3);
  const siblingsOf = new Map(level2.map((c) => [c, level2.filter((s) => s[0] === c[0] && s !== c)]));

  const people: PersonRow[] = [];
  const affiliations: AffiliationRow[] = [];
  const usedOrcids = new Set<string>();
  const emailCounts = new Map<string, number>();
  const domainOf = (o: OrganisationRow) => (o.email ?? "@example.vn").split("@")[1];

  const emailFor = (fullName: string, org: OrganisationRow) => {
    // Vietnamese workplace style: given name + initials of family and middle names ("annv@…"); letters only, so the
    // numbered duplicates ("annv2@…") never meet another base.
    const words = foldVietnamese(fullName).split(" ");
    const local =
      words[words.length - 1] +
      words
        .slice(0, -1)
        .map((w) => w[0])
        .join("");
    const key = `${local}@${domainOf(org)}`;
    const n = (emailCounts.get(key) ?? 0) + 1;
    emailCounts.set(key, n);
    return n === 1 ? key : `${local}${n}@${domainOf(org)}`;
  };
  const phone = () => `${rng.pick(["090", "091", "093", "094", "096", "097", "098", "083", "086", "036", "038", "077"])}${rng.digits(7)}`;

  const homeAddress = (i: number) => {
    const district = rng.weighted(DISTRICT_WEIGHTS);
    return address(rng, district, communeOf(district, i));
  };

  const addPerson = (
    p: Omit<PersonRow, "id" | "email" | "phone" | "address" | keyof CvLists> & { org: OrganisationRow; age: number; id?: string; cv?: CvLists },
  ) => {
    const { org, age, id: fixedId, cv, ...rest } = p;
    const id = fixedId ?? rng.uuid();
    const person: PersonRow = {
      ...rest,
      ...(cv ?? (people.length < CV_FILLED ? cvListsFor(cvRng, rest) : {})),
      id,
      email: rng.chance(0.9) ? emailFor(rest.full_name, org) : null,
      phone: rng.chance(0.8) ? phone() : null,
      address: rng.chance(0.6) ? homeAddress(people.length) : null,
    };
    people.push(person);
    // Current post at the primary organisation; about a third came from another organisation.
    const startYear = Math.min(REFERENCE_YEAR - 1, p.birth_year + rng.int(23, Math.max(23, age - 1)));
    if (rng.chance(0.35) && startYear - p.birth_year > 25) {
      const pool = sameCategory.get(CATEGORY_OF_TYPE[org.type] ?? "association")!;
      const prev = orgs[rng.pick(pool)];
      if (prev.id !== org.id) {
        const prevStart = rng.int(p.birth_year + 22, startYear - 1);
        affiliations.push({
          id: rng.uuid(),
          person_id: id,
          organisation_id: prev.id,
          position: positionFor(rng, prev.type, p.degree, null, prevStart - p.birth_year),
          start_date: isoDate(prevStart, rng.int(1, 12), 1),
          end_date: isoDate(startYear - 1, 12, 31),
        });
      }
    }
    affiliations.push({
      id: rng.uuid(),
      person_id: id,
      organisation_id: org.id,
      position: positionFor(rng, org.type, p.degree, p.title, age),
      start_date: isoDate(startYear, rng.int(1, 12), 1),
      end_date: null,
    });
    return person;
  };

  // Fixed people the demo accounts point to ("pi" and "expert"); the browser test searches "nguyen van".
  const vmu = orgById.get(idOf.get("vmu")!)!;
  const hpmu = orgById.get(idOf.get("hpmu")!)!;
  const pi = addPerson({
    full_name: "Nguyễn Văn An",
    birth_year: 1975,
    age: REFERENCE_YEAR - 1975,
    gender: "male",
    degree: "TS",
    title: "PGS",
    fields: ["299", "203"],
    keywords: ["kỹ thuật tàu thủy", "động cơ diesel tàu thủy", "tự động hóa"],
    orcid: orcidFor(rng, usedOrcids),
    is_expert: true,
    expert_since: "2016-03-01",
    primary_organisation_id: vmu.id,
    org: vmu,
    cv: PI_CV,
  });
  const expert = addPerson({
    full_name: "Trần Thị Hương",
    birth_year: 1970,
    age: REFERENCE_YEAR - 1970,
    gender: "female",
    degree: "TS",
    title: "PGS",
    fields: ["302", "305"],
    keywords: ["y học biển", "sinh học phân tử", "dịch tễ học"],
    orcid: orcidFor(rng, usedOrcids),
    is_expert: true,
    expert_since: "2012-09-15",
    primary_organisation_id: hpmu.id,
    org: hpmu,
    cv: EXPERT_CV,
  });

  // Everyone else follows the plan's distributions (people-data.ts); titles come after, by exact counts.
  const drafts: { degree: string; gender: "male" | "female"; age: number; fields: string[]; org: OrganisationRow; name: string }[] = [];
  // Exact shares (deck): degree and field group over everyone; gender and age band within postgraduates and within
  // bachelors, as the plan reports them.
  const m = count - people.length;
  const degrees = deck(rng, DEGREE_SHARES, m);
  const placements = deck(rng, jointFieldWorkplace(index), m);
  const nPost = degrees.filter((d) => d !== "DH").length;
  const gender = (share: number, n: number) =>
    deck<"male" | "female">(
      rng,
      [
        ["male", share],
        ["female", 1 - share],
      ],
      n,
    );
  const band = (bands: typeof AGE_BANDS_BACHELOR, n: number) =>
    deck(
      rng,
      bands.map((b) => [b, b[0]] as const),
      n,
    );
  const post = { genders: gender(MALE_SHARE_POSTGRADUATE, nPost), bands: band(AGE_BANDS_POSTGRADUATE, nPost), next: 0 };
  const bach = { genders: gender(MALE_SHARE_BACHELOR, m - nPost), bands: band(AGE_BANDS_BACHELOR, m - nPost), next: 0 };
  for (let i = 0; i < m; i++) {
    const degree = degrees[i];
    const g = degree === "DH" ? bach : post;
    const k = g.next++;
    const gender = g.genders[k];
    const age = ageInBand(rng, g.bands[k], degree);
    const [group, cat] = placements[i];
    const field = rng.pick(group.codes.filter((c) => index.has(`${cat}:${level1(c)}`)));
    const fields = [field];
    if (rng.chance(0.3)) {
      const siblings = siblingsOf.get(field) ?? [];
      if (siblings.length) fields.push(rng.pick(siblings));
    }
    const candidates = index.get(`${cat}:${level1(field)}`)!;
    const org = orgs[candidates.pick(rng)];
    drafts.push({ degree, gender, age, fields, org, name: vietnameseName(rng, gender) });
  }

  // Titles, exact counts: GS among doctors aged 50+, PGS among doctors aged 40+ (the fixed people are PGS).
  const titles = new Map<number, string>();
  const gsTarget = Math.round(count * TITLE_SHARES.GS);
  const pgsTarget = Math.max(0, Math.round(count * TITLE_SHARES.PGS) - 2);
  const doctors = (minAge: number) =>
    drafts.map((d, i) => [d, i] as const).filter(([d, i]) => (d.degree === "TS" || d.degree === "TSKH") && d.age >= minAge && !titles.has(i));
  for (const [, i] of rng.sample(doctors(50), gsTarget)) titles.set(i, "GS");
  for (const [, i] of rng.sample(doctors(40), pgsTarget)) titles.set(i, "PGS");

  drafts.forEach((d, i) => {
    const title = titles.get(i) ?? null;
    const doctor = d.degree === "TS" || d.degree === "TSKH";
    const birthYear = REFERENCE_YEAR - d.age;
    // Expert pool: most doctors, some masters (council members are mostly PhDs).
    const isExpert = rng.chance(title ? 0.9 : doctor ? 0.6 : d.degree === "ThS" ? 0.12 : 0.01);
    const hasOrcid = rng.chance(doctor ? 0.45 : d.degree === "ThS" ? 0.2 : 0.04);
    const keywordPool = d.fields.flatMap((f) => KEYWORDS[f] ?? [(fieldLabel.get(f) ?? f).toLowerCase()]);
    addPerson({
      full_name: d.name,
      birth_year: birthYear,
      age: d.age,
      gender: d.gender,
      degree: d.degree,
      title,
      fields: d.fields,
      keywords: rng.sample(keywordPool, rng.int(1, Math.min(4, keywordPool.length))),
      orcid: hasOrcid ? orcidFor(rng, usedOrcids) : null,
      is_expert: isExpert,
      expert_since: isExpert ? randomDate(rng, Math.min(Math.max(2005, birthYear + 30), REFERENCE_YEAR - 1), REFERENCE_YEAR - 1) : null,
      primary_organisation_id: d.org.id,
      org: d.org,
    });
  });
  // Consent (Law 91/2025/QH15), asked when the registry opened in 2026 under the current notice: experts agreed to
  // council invitations (expert pool); most of them, and some others, to a public profile.
  const consents: ConsentRow[] = [];
  const consent = (personId: string, purpose: ConsentPurpose, granted: boolean) =>
    consents.push({
      id: rng.uuid(),
      person_id: personId,
      purpose,
      notice_version: CONSENT_NOTICE_VERSION,
      granted,
      recorded_at: `${randomDate(rng, REFERENCE_YEAR, REFERENCE_YEAR).slice(0, 7)}-${pad(rng.int(1, 28))}T0${rng.int(1, 9)}:${pad(rng.int(0, 59))}:00Z`,
    });
  for (const p of people) {
    if (p.is_expert) consent(p.id, "expert_pool", true);
    if (rng.chance(p.is_expert ? 0.7 : 0.1)) consent(p.id, "registry_publication", true);
    if (p.is_expert && rng.chance(0.2)) consent(p.id, "contact_sharing", rng.chance(0.5));
  }
  return { people, affiliations, consents, piPersonId: pi.id, expertPersonId: expert.id };
}

export function generateDemoData(opts: GenerateOptions = {}): DemoData {
  const scale = opts.scale ?? 1;
  if (!(scale > 0)) throw new Error("scale must be > 0");
  const orgCount = opts.organisations ?? Math.max(BASE_ORGANISATIONS, Math.round(ORGANISATIONS_PER_SCALE * scale));
  const peopleCount = opts.people ?? Math.round(PEOPLE_PER_SCALE * scale);
  const labCount = opts.laboratories ?? Math.round((LABORATORIES_PER_SCALE * orgCount) / ORGANISATIONS_PER_SCALE);
  // One generator per kind of record, so asking for more people does not change the organisations.
  const seed = String(opts.seed ?? DEFAULT_SEED);
  const { rows: organisations, idOf } = buildOrganisations(new Prng(`${seed}/organisations`), orgCount);
  const laboratories = buildLaboratories(new Prng(`${seed}/laboratories`), labCount, organisations, idOf);
  const { people, affiliations, consents, piPersonId, expertPersonId } = buildPeople(
    new Prng(`${seed}/people`),
    new Prng(`${seed}/cv`),
    peopleCount,
    organisations,
    idOf,
  );
  return {
    organisations,
    laboratories,
    people,
    affiliations,
    consents,
    anchors: {
      piPersonId,
      expertPersonId,
      orgRepOrganisationId: idOf.get("vmu")!,
      enterpriseOrganisationId: idOf.get("paint")!,
    },
  };
}
