// Statistical form templates: the seeded definitions (src/common/statistics/forms) are loaded at start-up into
// immutable statistical_form_versions rows; services read the STORED definition of the version a report uses, so a
// version added later (or by another server) never changes a report already assigned.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Executor } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { formDefinition, type FormDefinition } from "../../../common/api/statistics.js";
import { SEEDED_FORMS } from "../../../common/statistics/forms/index.js";
import { checkFormDefinition, formCells } from "../../../common/statistics/validate.js";

const canonical = (v: unknown): string =>
  v === null || typeof v !== "object"
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? "[" + v.map(canonical).join(",") + "]"
      : "{" +
        Object.keys(v as object)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => JSON.stringify(k) + ":" + canonical((v as Record<string, unknown>)[k]))
          .join(",") +
        "}";
export const definitionChecksum = (def: FormDefinition) => crypto.createHash("sha256").update(canonical(def)).digest("hex");

/** Loads the seeded versions the database lacks (idempotent; a stored version is never changed). */
export async function syncStatisticalForms(db: Db, now: Date) {
  for (const def of SEEDED_FORMS) {
    const problems = checkFormDefinition(def);
    if (problems.length) throw new Error(`statistical form ${def.key} v${def.version}: ${problems.join("; ")}`);
  }
  await db.transaction(async (tx) => {
    for (const def of SEEDED_FORMS) {
      await tx.execute(sql`
        INSERT INTO statistical_form_versions (form_key, version, code, title_vi, title_en, effective_from, legal_basis, definition, checksum, created_at)
        VALUES (${def.key}, ${def.version}, ${def.code}, ${def.titleVi}, ${def.titleEn}, ${def.effectiveFrom}, ${def.legalBasis},
                ${JSON.stringify(def)}::jsonb, ${definitionChecksum(def)}, ${now.toISOString()}::timestamptz)
        ON CONFLICT (form_key, version) DO NOTHING`);
    }
  });
}

// Stored versions are immutable, so a definition once read is kept.
const cache = new Map<string, FormDefinition>();

export async function loadFormDefinition(db: Executor, key: string, version: number): Promise<FormDefinition> {
  const id = `${key}@${version}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const { rows } = await db.execute<{ definition: unknown }>(
    sql`SELECT definition FROM statistical_form_versions WHERE form_key = ${key} AND version = ${version}`,
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", 404, "statistics.form.unknown", undefined, { key });
  const def = formDefinition.parse(rows[0].definition);
  cache.set(id, def);
  return def;
}

/** Accepts a form key ("02-KHCN-NL") or its official code ("02/KHCN-NL"). */
export const formKeyOf = (keyOrCode: string) => keyOrCode.trim().toUpperCase().replace("/", "-");

export interface StoredFormVersion {
  key: string;
  code: string;
  version: number;
  effectiveFrom: string;
  legalBasis: string;
  titleVi: string;
  titleEn: string;
}

/** Stored versions; latestOnly keeps the newest version of each form. */
export async function listFormVersions(db: Executor, latestOnly: boolean): Promise<StoredFormVersion[]> {
  const { rows } = await db.execute<{
    form_key: string;
    code: string;
    version: number;
    effective_from: string;
    legal_basis: string;
    title_vi: string;
    title_en: string;
  }>(sql`SELECT form_key, code, version, effective_from::text AS effective_from, legal_basis, title_vi, title_en
           FROM statistical_form_versions v
          WHERE ${!latestOnly} OR version = (SELECT max(w.version) FROM statistical_form_versions w WHERE w.form_key = v.form_key)
          ORDER BY form_key, version`);
  return rows.map((r) => ({
    key: r.form_key,
    code: r.code,
    version: r.version,
    effectiveFrom: r.effective_from,
    legalBasis: r.legal_basis,
    titleVi: r.title_vi,
    titleEn: r.title_en,
  }));
}

export const cellCount = (def: FormDefinition) => formCells(def).length;
