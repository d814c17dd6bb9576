// The people import file of the benchmark: an .xlsx in the import template's layout with N rows
// of realistic people — Vietnamese names from the demo generator (src/server/demo/names.ts), birth years, degrees,
// fields with matching expertise keywords, ORCID iDs with valid check characters, e-mail and phone, and the working
// unit named as an officer would: mostly by tax code, some by the organisation's exact name, some left empty.
// Deterministic (seeded); rows that the registry or an earlier row already has (same folded name, birth year and
// organisation, or the same ORCID) are drawn again, so the file is valid and the import commits every row.
import ExcelJS from "exceljs";
import type pg from "pg";
import { foldVietnamese } from "../src/common/list.js";
import { Prng } from "../src/server/demo/prng.js";
import { vietnameseName } from "../src/server/demo/names.js";
import { orcidCheckChar } from "../src/server/demo/generate.js";
import { KEYWORDS } from "../src/server/demo/people-data.js";

export const IMPORT_HEADERS = [
  "Họ và tên",
  "Năm sinh",
  "Giới tính",
  "Học vị",
  "Chức danh",
  "Lĩnh vực KH&CN",
  "Từ khoá chuyên môn",
  "ORCID",
  "Thư điện tử",
  "Điện thoại",
  "Chuyên gia",
  "Đơn vị công tác",
  "Chức vụ",
];

export interface PeopleImportFile {
  content: Buffer;
  rows: number;
  /** rows naming their organisation by tax code / by exact name / none */
  byTaxCode: number;
  byName: number;
  withoutOrganisation: number;
  withOrcid: number;
  /** candidates drawn again because the registry or the file already had them */
  redrawn: number;
  registryPeople: number;
}

const DEGREES: readonly (readonly [string, number])[] = [
  ["TS", 30],
  ["Tiến sĩ", 5],
  ["ThS", 35],
  ["Thạc sĩ", 5],
  ["ĐH", 20],
  ["TSKH", 2],
  ["CĐ", 3],
];
const POSITIONS = [
  "Nghiên cứu viên",
  "Nghiên cứu viên chính",
  "Giảng viên",
  "Giảng viên chính",
  "Trưởng phòng",
  "Phó Trưởng khoa",
  "Kỹ sư",
  "Chuyên viên",
  "Bác sĩ",
];
const PHONE_PREFIXES = ["090", "091", "093", "094", "096", "097", "098", "083", "086", "036", "038", "077"];

const fold = (s: string) => foldVietnamese(s).replace(/\s+/g, " ").trim();

export async function peopleImportFile(pool: pg.Pool, rows: number, seed = "khcn-bench-import"): Promise<PeopleImportFile> {
  const rng = new Prng(seed);
  const orgs = (
    await pool.query<{ id: string; name_vi: string; tax_code: string | null; same_name: string; domain: string | null }>(`
      SELECT id, name_vi, tax_code, count(*) OVER (PARTITION BY f_fold(btrim(name_vi))) AS same_name, split_part(email, '@', 2) AS domain
        FROM organisations ORDER BY id`)
  ).rows;
  const registry = await pool.query<{ search_text: string; birth_year: number | null; org: string | null; orcid: string | null }>(
    "SELECT search_text, birth_year, primary_organisation_id AS org, orcid FROM people",
  );
  const taken = new Set(registry.rows.map((p) => `${p.search_text}|${p.birth_year ?? ""}|${p.org ?? ""}`));
  const orcids = new Set(registry.rows.flatMap((p) => (p.orcid ? [p.orcid] : [])));
  const fields = (
    await pool.query<{ code: string }>(`
      SELECT code FROM codes
       WHERE list_key = 'field' AND version = (SELECT max(version) FROM code_list_versions WHERE list_key = 'field')`)
  ).rows
    .map((r) => r.code)
    .filter((c) => KEYWORDS[c]?.length);
  if (!orgs.length || !fields.length) throw new Error("the registry has no organisations or field codes to draw from");

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Nhân lực KH&CN");
  ws.addRow(IMPORT_HEADERS);
  const out = { byTaxCode: 0, byName: 0, withoutOrganisation: 0, withOrcid: 0, redrawn: 0 };
  const emails = new Map<string, number>();
  for (let written = 0; written < rows;) {
    const male = rng.chance(0.55);
    const name = vietnameseName(rng, male ? "male" : "female");
    const birthYear = rng.int(1955, 2001);
    let org: (typeof orgs)[number] | null = null;
    let orgCell: string | null = null;
    if (rng.chance(0.88)) {
      org = orgs[rng.int(0, orgs.length - 1)];
      if (org.tax_code && rng.chance(0.8)) orgCell = org.tax_code;
      else if (Number(org.same_name) === 1) orgCell = org.name_vi;
      else if (org.tax_code) orgCell = org.tax_code;
      else org = null;
    }
    const key = `${fold(name)}|${birthYear}|${org?.id ?? ""}`;
    if (taken.has(key)) {
      out.redrawn++;
      continue;
    }
    let orcid: string | null = null;
    if (rng.chance(0.15)) {
      const d15 = "000" + rng.int(1, 3) + rng.digits(11);
      const full = d15 + orcidCheckChar(d15);
      orcid = `${full.slice(0, 4)}-${full.slice(4, 8)}-${full.slice(8, 12)}-${full.slice(12)}`;
      if (orcids.has(orcid)) {
        out.redrawn++;
        continue;
      }
      orcids.add(orcid);
      out.withOrcid++;
    }
    taken.add(key);
    written++;
    if (!org) out.withoutOrganisation++;
    else if (orgCell === org.tax_code) out.byTaxCode++;
    else out.byName++;

    const degree = rng.weighted(DEGREES);
    const doctor = degree === "TS" || degree === "Tiến sĩ" || degree === "TSKH";
    const title = doctor && birthYear < 1980 && rng.chance(0.2) ? (rng.chance(0.2) ? "GS" : "PGS") : null;
    const personFields = rng.sample(fields, rng.chance(0.3) ? 2 : 1);
    const keywords = rng.sample(
      personFields.flatMap((f) => KEYWORDS[f]),
      rng.int(1, 3),
    );
    const words = fold(name).split(" ");
    const local =
      words[words.length - 1] +
      words
        .slice(0, -1)
        .map((w) => w[0])
        .join("");
    const domain = org?.domain || "example.vn";
    const n = (emails.get(`${local}@${domain}`) ?? 0) + 1;
    emails.set(`${local}@${domain}`, n);
    ws.addRow([
      name,
      birthYear,
      male ? "Nam" : "Nữ",
      degree,
      title,
      personFields.join("; "),
      keywords.join("; "),
      orcid,
      rng.chance(0.9) ? `${local}${n > 1 ? n : ""}@${domain}` : null,
      rng.chance(0.7) ? `${rng.pick(PHONE_PREFIXES)}${rng.digits(7)}` : null,
      rng.chance(doctor ? 0.4 : 0.05) ? "Có" : "Không",
      orgCell,
      org && rng.chance(0.7) ? rng.pick(POSITIONS) : null,
    ]);
  }
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  return { content, rows, ...out, registryPeople: registry.rowCount ?? registry.rows.length };
}
