// The building blocks of an import kind: column definitions with their cell parsers, the code-list and
// organisation lookups the parsers use, and how header labels are matched.
import { sql, type SQL } from "drizzle-orm";
import type { CodeListKey } from "../../../common/reference.js";
import { foldVietnamese } from "../../../common/list.js";
import { EMAIL_RE, ORCID_RE, TAX_CODE_RE, webAddress } from "../../../common/api/shared.js";
import type { Actor, Ctx, Executor, Tx } from "../../platform/context.js";
import type { MessageKey } from "../../platform/messages.js";
import { currentCodes, type CodeRow } from "../reference/reference.service.js";

export const IMPORT_KINDS = ["organisations", "people", "historical-tasks"] as const;
export type ImportKindKey = (typeof IMPORT_KINDS)[number];

export interface Label {
  vi: string;
  en: string;
}

/** One problem in one cell. Stored with the import and worded in the reader's language when shown. */
export interface RowError {
  /** Row number as Excel shows it. */
  row: number;
  /** Column key (see ImportColumn.key). */
  column: string;
  value: string | null;
  key: MessageKey;
  params?: Record<string, unknown>;
}

export type Parsed = { ok: true; value: unknown; extra?: Record<string, unknown> } | { ok: false; key: MessageKey; params?: Record<string, unknown> };

const ok = (value: unknown, extra?: Record<string, unknown>): Parsed => ({ ok: true, value, extra });
const fail = (key: MessageKey, params?: Record<string, unknown>): Parsed => ({ ok: false, key, params });

/** Matches a code list entry by its code, its Vietnamese or English label (accents and case ignored). */
export class CodeMatcher {
  private readonly byAlias = new Map<string, string>();
  constructor(
    readonly list: string,
    readonly codes: { code: string; labelVi: string; labelEn: string }[],
  ) {
    // Labels first, codes last: a code wins over a label that folds the same way.
    for (const c of codes) {
      for (const alias of [c.labelVi, c.labelEn, stripUnitPrefix(c.labelVi), stripUnitSuffix(c.labelEn)]) {
        const k = normaliseHeader(alias);
        if (k && !this.byAlias.has(k)) this.byAlias.set(k, c.code);
      }
    }
    for (const c of codes) this.byAlias.set(normaliseHeader(c.code), c.code);
  }
  match(raw: string): string | null {
    return this.byAlias.get(normaliseHeader(raw)) ?? null;
  }
}

/** "Quận Ngô Quyền" is also written "Ngô Quyền", "Đặc khu Cát Hải" "Cát Hải". */
const stripUnitPrefix = (s: string) => s.replace(/^(quận|huyện|thành phố|thị xã|phường|xã|đặc khu)\s+/i, "");
const stripUnitSuffix = (s: string) => s.replace(/\s+(district|city|town|ward|commune|special zone)$/i, "");

/** Accent-, case- and punctuation-insensitive form of a header or code label: "Quận/huyện *" → "quan huyen". */
export function normaliseHeader(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export interface Lookups {
  codes: Partial<Record<CodeListKey | "governance", CodeMatcher>>;
  /** Raw cell value → organisations it names (by tax code or exact name). */
  organisations: Map<string, { id: string; nameVi: string }[]>;
}

export interface ImportColumn {
  /** Field key: the name in stored rows, and accepted as a header. */
  key: string;
  label: Label;
  required?: boolean;
  /** Format hint shown as a note on the template's header cell. */
  hint?: Label;
  /** Sample value for the template's sample row. */
  sample: string | number;
  width?: number;
  /** Keep as text in Excel (leading zeros). */
  text?: boolean;
  /** Code lists this column needs (loaded once per import). */
  codeList?: CodeListKey | "governance";
  /** The column names organisations (resolved in bulk before parsing). */
  organisationRef?: boolean;
  /** Turns the cell text into the stored value. Empty cells of optional columns never reach it. */
  parse(raw: string, lookups: Lookups): Parsed;
  /** The value of an empty optional cell. */
  empty?: unknown;
}

type ColumnBase = Omit<ImportColumn, "parse" | "codeList" | "organisationRef">;

export const text = (c: ColumnBase, max: number, min = 1): ImportColumn => ({
  ...c,
  parse: (raw) => (raw.length > max ? fail("import.too_long", { max }) : raw.length < min ? fail("import.too_short", { min }) : ok(raw)),
});

/** A website address: http or https only (common/api/shared.ts webAddress); stored with its scheme. */
export const webAddressColumn = (c: ColumnBase, max: number): ImportColumn => ({
  ...c,
  parse: (raw) => {
    if (raw.length > max) return fail("import.too_long", { max });
    const address = webAddress(raw);
    return address ? ok(address) : fail("import.invalid_web_address");
  },
});

export const integer = (c: ColumnBase, min: number, max: number): ImportColumn => ({
  ...c,
  parse: (raw) => {
    const s = raw.replace(/\.0+$/, "");
    if (!/^-?\d+$/.test(s)) return fail("import.invalid_number");
    const n = Number(s);
    return n < min || n > max ? fail("import.out_of_range", { min, max }) : ok(n);
  },
});

export const code = (c: ColumnBase, list: CodeListKey | "governance"): ImportColumn => ({
  ...c,
  codeList: list,
  parse: (raw, l) => {
    const found = l.codes[list]?.match(raw);
    return found ? ok(found) : fail("import.invalid_code", { value: raw });
  },
});

/** Several codes in one cell, separated by ";", "," or new lines: "102; 202". */
export const codes = (c: ColumnBase, list: CodeListKey, maxCount: number): ImportColumn => ({
  ...c,
  codeList: list,
  empty: [],
  parse: (raw, l) => {
    const parts = splitList(raw);
    const out: string[] = [];
    for (const p of parts) {
      const found = l.codes[list]?.match(p);
      if (!found) return fail("import.invalid_code", { value: p });
      if (!out.includes(found)) out.push(found);
    }
    return out.length > maxCount ? fail("import.too_many_items", { max: maxCount }) : ok(out);
  },
});

/** Free words in one cell separated by ";", "," or new lines. */
export const wordList = (c: ColumnBase, maxEach: number, maxCount: number): ImportColumn => ({
  ...c,
  empty: [],
  parse: (raw) => {
    const parts = [...new Set(splitList(raw))];
    if (parts.length > maxCount) return fail("import.too_many_items", { max: maxCount });
    if (parts.some((p) => p.length > maxEach)) return fail("import.too_long", { max: maxEach });
    return ok(parts);
  },
});

export const splitList = (raw: string) =>
  raw
    .split(/[;,\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export const email = (c: ColumnBase): ImportColumn => ({
  ...c,
  parse: (raw) => (raw.length <= 200 && EMAIL_RE.test(raw) ? ok(raw) : fail("import.invalid_email")),
});

export const orcid = (c: ColumnBase): ImportColumn => ({
  ...c,
  parse: (raw) => {
    const s = raw.replace(/^https?:\/\/orcid\.org\//i, "").toUpperCase();
    return ORCID_RE.test(s) ? ok(s) : fail("import.invalid_orcid");
  },
});

export const taxCode = (c: ColumnBase): ImportColumn => ({
  ...c,
  text: true,
  parse: (raw) => {
    const s = raw.replace(/\s+/g, "");
    return TAX_CODE_RE.test(s) ? ok(s) : fail("import.invalid_tax_code");
  },
});

export const ror = (c: ColumnBase): ImportColumn => ({
  ...c,
  parse: (raw) => {
    const s = raw.replace(/^https:\/\/ror\.org\//i, "").toLowerCase();
    return /^0[a-z0-9]{8}$/.test(s) ? ok(s) : fail("import.invalid_ror");
  },
});

const YES = new Set(["co", "c", "x", "yes", "y", "true", "1", "dung"]);
const NO = new Set(["khong", "k", "no", "n", "false", "0", "sai"]);
export const yesNo = (c: ColumnBase): ImportColumn => ({
  ...c,
  empty: false,
  parse: (raw) => {
    const k = normaliseHeader(raw);
    return YES.has(k) ? ok(true) : NO.has(k) ? ok(false) : fail("import.invalid_boolean");
  },
});

/** An existing organisation, named by tax code or by its exact name. */
/** Stores the organisation's registered name under the column key and its id under `idKey`. */
export const organisationRef = (c: ColumnBase, idKey: string): ImportColumn => ({
  ...c,
  organisationRef: true,
  empty: null,
  parse: (raw, l) => {
    const found = l.organisations.get(raw) ?? [];
    if (!found.length) return fail("import.unknown_organisation", { value: raw });
    if (found.length > 1) return fail("import.ambiguous_organisation", { value: raw });
    return ok(found[0].nameVi, { [idKey]: found[0].id });
  },
});

const GOVERNANCE = [
  { code: "central", labelVi: "Trung ương", labelEn: "Central" },
  { code: "local", labelVi: "Địa phương", labelEn: "Local" },
];

/** Code lists in force on `day` (with their rows, for the template's "Danh mục" sheet) and organisation references. */
export async function loadCodeLists(db: Executor, day: string, lists: (CodeListKey | "governance")[]) {
  const out: Partial<Record<CodeListKey | "governance", { matcher: CodeMatcher; rows: Pick<CodeRow, "code" | "labelVi" | "labelEn">[] }>> = {};
  for (const list of new Set(lists)) {
    const rows = list === "governance" ? GOVERNANCE : (await currentCodes(db, list, day)).codes;
    out[list] = { matcher: new CodeMatcher(list, rows), rows };
  }
  return out;
}

/** Resolves every distinct value to the organisations it names: tax code first, else exact name (accents ignored).
 *  One statement for the file; each value is a probe of the tax code's unique index or of organisations_name_key_idx
 *  (migration 0025, the same expression). */
export async function resolveOrganisations(db: Executor, values: string[]) {
  const out = new Map<string, { id: string; nameVi: string }[]>();
  const distinct = [...new Set(values)];
  if (!distinct.length) return out;
  const json = JSON.stringify(distinct);
  const r = await db.execute<{ input: string; id: string; name_vi: string; by_tax: boolean }>(sql`
    SELECT v.input, o.id, o.name_vi, true AS by_tax
      FROM jsonb_array_elements_text(${json}::jsonb) AS v(input)
      JOIN organisations o ON o.tax_code = regexp_replace(v.input, '\\s', '', 'g')
    UNION ALL
    SELECT v.input, o.id, o.name_vi, false AS by_tax
      FROM jsonb_array_elements_text(${json}::jsonb) AS v(input)
      JOIN organisations o ON f_fold(btrim(o.name_vi)) = f_fold(btrim(v.input))`);
  const byTax = new Set(r.rows.filter((x) => x.by_tax).map((x) => x.input));
  for (const row of r.rows) {
    if (byTax.has(row.input) && !row.by_tax) continue; // a tax code match wins
    const list = out.get(row.input) ?? [];
    if (!list.some((o) => o.id === row.id)) list.push({ id: row.id, nameVi: row.name_vi });
    out.set(row.input, list);
  }
  return out;
}

/** SQL types of stored-row keys, as jsonb_to_recordset's column definition list names them. */
export type RecordType = "int" | "text" | "uuid";

/** The stored rows (a jsonb array) as the relation `r` with just these keys as typed columns. */
export function recordsOf(rows: SQL, columns: Readonly<Record<string, RecordType>>): SQL {
  const defs = sql.join(
    Object.entries(columns).map(([key, type]) => sql`${sql.identifier(key)} ${sql.raw(type)}`),
    sql`, `,
  );
  return sql`jsonb_to_recordset(${rows}) AS r(${defs})`;
}

/** A stored, parsed row: its Excel row number, a pre-generated id, and one value per column key. */
export type StoredRow = { row: number; id: string } & Record<string, unknown>;

/** A key that makes rows duplicates of each other (inside the file), reported on the given column. */
export interface UniqueKey {
  column: string;
  key(row: StoredRow): string | null;
}

export interface ImportKind {
  kind: ImportKindKey;
  /** Title of the data sheet and of the template file. */
  title: Label;
  columns: ImportColumn[];
  canImport(actor: Actor): boolean;
  uniqueKeys: UniqueKey[];
  /** Rules across the columns of one parsed row (optional). */
  checkRow?(row: StoredRow): Omit<RowError, "row" | "value">[];
  /**
   * The stored-row keys checkDatabase reads, with their types (`row` included). At upload only these are sent to the
   * database for the check: a narrow record is cheaper to send and to build than every column of every row.
   */
  checkedColumns: Readonly<Record<string, RecordType>>;
  /**
   * Problems only the database can see (already registered, unknown references), over a jsonb array of stored rows
   * (read them with `recordsOf(rows, checkedColumns)`): one set-based statement per file, each row an equality probe
   * of an index. Runs when the file is uploaded and again inside the commit's transaction.
   */
  checkDatabase(db: Executor, rows: SQL): Promise<RowError[]>;
  /** Inserts every row of the jsonb array with set-based statements (no statement per row). Returns the count. */
  insertAll(tx: Tx, ctx: Ctx, rows: SQL): Promise<number>;
}
