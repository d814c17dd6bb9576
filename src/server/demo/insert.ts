// Set-based bulk insert of generated demo data: one INSERT … SELECT FROM jsonb_to_recordset($1) per chunk of rows,
// never one statement per row (100,000 single inserts take minutes; building them in Drizzle costs seconds of JS).
import { sql } from "drizzle-orm";
import type { Executor } from "../platform/context.js";
import type { AffiliationRow, ConsentRow, DemoData, LaboratoryRow, OrganisationRow, PersonRow } from "./generate.js";

const CHUNK = 5000;

/** Column list of each table, with the SQL type jsonb_to_recordset reads it as. */
const COLUMNS = {
  organisations: {
    id: "uuid",
    type: "text",
    name_vi: "text",
    name_en: "text",
    abbreviation: "text",
    tax_code: "text",
    org_id_code: "text",
    ror: "text",
    parent_id: "uuid",
    address: "text",
    commune: "text",
    district: "text",
    governance: "text",
    fields: "text[]",
    website: "text",
    email: "text",
    phone: "text",
    founded_year: "integer",
  } satisfies Record<keyof OrganisationRow, string>,
  laboratories: {
    id: "uuid",
    organisation_id: "uuid",
    name: "text",
    scheme: "text",
    accreditation_number: "text",
    expires_on: "date",
    fields: "text[]",
  } satisfies Record<keyof LaboratoryRow, string>,
  people: {
    id: "uuid",
    full_name: "text",
    birth_year: "integer",
    gender: "text",
    degree: "text",
    title: "text",
    fields: "text[]",
    keywords: "text[]",
    orcid: "text",
    email: "text",
    phone: "text",
    address: "text",
    is_expert: "boolean",
    expert_since: "date",
    primary_organisation_id: "uuid",
    education: "jsonb",
    languages: "jsonb",
    awards: "jsonb",
  } satisfies Record<keyof PersonRow, string>,
  person_affiliations: {
    id: "uuid",
    person_id: "uuid",
    organisation_id: "uuid",
    position: "text",
    start_date: "date",
    end_date: "date",
  } satisfies Record<keyof AffiliationRow, string>,
  consents: {
    id: "uuid",
    person_id: "uuid",
    purpose: "text",
    notice_version: "text",
    granted: "boolean",
    recorded_at: "timestamptz",
  } satisfies Record<keyof ConsentRow, string>,
};

/** Columns a row may leave out, with the value they then take: the column's constant default. */
const WHEN_ABSENT: Partial<Record<keyof typeof COLUMNS, Record<string, string>>> = {
  people: { education: "'[]'::jsonb", languages: "'[]'::jsonb", awards: "'[]'::jsonb" },
};

/** Tables whose rows carry creation and update times, set from the seeding clock (never a column default). */
const STAMPED = new Set<keyof typeof COLUMNS>(["organisations", "people"]);

async function bulkInsert(db: Executor, table: keyof typeof COLUMNS, rows: object[], now: Date) {
  const cols = Object.entries(COLUMNS[table]);
  const stamped = STAMPED.has(table);
  const names = sql.raw(cols.map(([c]) => c).join(", "));
  const absent = WHEN_ABSENT[table] ?? {};
  const values = sql.raw(cols.map(([c]) => (absent[c] ? `coalesce(${c}, ${absent[c]})` : c)).join(", "));
  const stampNames = sql.raw(stamped ? ", created_at, updated_at" : "");
  const stampValues = stamped ? sql`, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz` : sql``;
  const recordType = sql.raw(cols.map(([c, t]) => `${c} ${t}`).join(", "));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + CHUNK));
    await db.execute(
      sql`INSERT INTO ${sql.raw(table)} (${names}${stampNames}) SELECT ${values}${stampValues} FROM jsonb_to_recordset(${chunk}::jsonb) AS r(${recordType})`,
    );
  }
}

/** Inserts organisations (parents before children), laboratories, people, affiliations and consents. */
export async function insertDemoData(db: Executor, data: DemoData, now: Date) {
  await bulkInsert(db, "organisations", data.organisations, now);
  await bulkInsert(db, "laboratories", data.laboratories, now);
  await bulkInsert(db, "people", data.people, now);
  await bulkInsert(db, "person_affiliations", data.affiliations, now);
  await bulkInsert(db, "consents", data.consents, now);
}
